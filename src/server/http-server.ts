// The one HTTP server: Slack at /slack/events (mounted by the Slack adapter), Teams at /api/messages,
// and the health endpoints an orchestrator polls.
import type { Server } from 'node:http';
import express, { type Express } from 'express';
import type { Logger } from '../logger.js';
import type { TeamsHandler } from '../teams/teams-app.js';
import { TEAMS_MESSAGES_PATH } from '../teams/teams-app.js';

export interface Readiness {
  /** Why the bot cannot serve yet, or undefined when it can. */
  problem(): Promise<string | undefined>;
}

export function createHttpApp(): Express {
  const app = express();
  app.disable('x-powered-by');
  return app;
}

export function mountHealth(app: Express, readiness: Readiness): void {
  app.get('/healthz', (_request, response) => {
    response.status(200).json({ status: 'ok' });
  });
  app.get('/readyz', async (_request, response) => {
    const problem = await readiness.problem();
    if (problem === undefined) response.status(200).json({ status: 'ready' });
    else response.status(503).json({ status: 'not ready', reason: problem });
  });
}

export function mountTeams(app: Express, teams: TeamsHandler, logger: Logger): void {
  app.post(TEAMS_MESSAGES_PATH, express.json({ limit: '1mb' }), async (request, response) => {
    try {
      await teams.handle(request, response);
    } catch (error) {
      logger.error({ err: error, component: 'teams' }, 'could not process a Teams activity');
      if (!response.headersSent) response.status(500).end();
    }
  });
}

export interface Downloads {
  find(token: string): Promise<{ filename: string; mediaType: string; content: Buffer } | undefined>;
}

/** GET /downloads/<token>: a short-lived file (a Teams export), never cached, always as an attachment. */
export function mountDownloads(app: Express, downloads: Downloads, logger: Logger): void {
  app.get('/downloads/:token', async (request, response) => {
    response.set('Cache-Control', 'no-store');
    try {
      const file = await downloads.find(request.params.token);
      if (!file) {
        response.status(404).type('text/plain').send('This link has expired or does not exist. Ask the bot for the file again.');
        return;
      }
      response.attachment(file.filename).type(file.mediaType).send(file.content);
    } catch (error) {
      logger.error({ err: error, component: 'downloads' }, 'could not serve a download');
      response.status(500).type('text/plain').send('The file could not be fetched. Try again in a moment.');
    }
  });
}

export function mountFallback(app: Express): void {
  app.use((_request, response) => {
    response.status(404).json({ error: 'not found' });
  });
}

export function listen(app: Express, port: number): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = app.listen(port, '0.0.0.0', (error?: Error) => (error ? reject(error) : resolve(server)));
  });
}
