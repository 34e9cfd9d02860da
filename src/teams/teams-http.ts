// Mounts the Teams SDK's messaging endpoint on the bot's own Express server (one port for Slack,
// Teams, health and downloads). The SDK gives a pure handler ({ body, headers } → { status, body });
// this adapter parses the JSON body with a size limit and turns a thrown error into a bare 500, logged
// without the activity.
import type { HttpRouteHandler, IHttpServerAdapter } from '@microsoft/teams.apps';
import express, { type Express } from 'express';
import type { Logger } from '../logger.js';

/** Teams activities are small; a card submit with every input stays far below this. */
const BODY_LIMIT = '1mb';

export class ExpressRouteAdapter implements IHttpServerAdapter {
  constructor(
    private readonly http: Express,
    private readonly logger: Logger,
  ) {}

  registerRoute(method: 'POST', path: string, handler: HttpRouteHandler): void {
    this.http.post(path, express.json({ limit: BODY_LIMIT }), async (request, response) => {
      try {
        const result = await handler({ body: request.body as unknown, headers: request.headers as Record<string, string | string[]> });
        response.status(result.status);
        if (result.body === undefined) response.end();
        else response.json(result.body);
      } catch (error) {
        this.logger.error({ err: error, component: 'teams', method }, 'could not process a Teams activity');
        if (!response.headersSent) response.status(500).end();
      }
    });
  }
}
