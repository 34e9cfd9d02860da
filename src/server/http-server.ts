// The one HTTP server: Slack at /slack/events (mounted by the Slack adapter), Teams at /api/messages
// (mounted by the Teams adapter), and the health endpoints an orchestrator polls.
import type { Server } from 'node:http';
import express, { type Express } from 'express';
import type { Logger } from '../logger.js';

export interface Readiness {
  /** Why the bot cannot serve yet, or undefined when it can. */
  problem(): Promise<string | undefined>;
  /** Each platform's connection, shown by /readyz (readiness does not depend on them). */
  platforms?(): Record<string, unknown>;
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
    const platforms = readiness.platforms?.();
    const shown = platforms && Object.keys(platforms).length > 0 ? { platforms } : {};
    if (problem === undefined) response.status(200).json({ status: 'ready', ...shown });
    else response.status(503).json({ status: 'not ready', reason: problem, ...shown });
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
