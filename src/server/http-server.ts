// The one HTTP server: Slack at /slack/events (mounted by the Slack adapter), Teams at /api/messages
// (mounted by the Teams adapter), and the health endpoints an orchestrator polls.
import type { Server } from 'node:http';
import express, { type Express } from 'express';
import type { Logger } from '../logger.js';

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

export function mountFallback(app: Express, logger: Logger): void {
  app.use((_request, response) => {
    response.status(404).json({ error: 'not found' });
  });
  // A body that is not JSON, or too large, is the sender's mistake; anything else is logged (never the body).
  app.use((error: unknown, _request: express.Request, response: express.Response, _next: express.NextFunction) => {
    const status = (error as { status?: unknown }).status;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      response.status(status).json({ error: status === 413 ? 'request too large' : 'bad request' });
      return;
    }
    logger.error({ err: error, component: 'http' }, 'unhandled error in a request');
    if (!response.headersSent) response.status(500).json({ error: 'internal error' });
  });
}

export function listen(app: Express, port: number): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = app.listen(port, '0.0.0.0', (error?: Error) => (error ? reject(error) : resolve(server)));
  });
}
