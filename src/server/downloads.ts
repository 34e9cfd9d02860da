// Files behind the bot's unguessable links: `GET /calendar/<token>.ics` (an event's calendar file) and
// `GET /exports/<token>.csv` (attendee lists and CPD records, valid for a few minutes). An unknown,
// malformed or expired token gets the same 404 as any other missing page.
import type { Express, Response } from 'express';
import type { BotCore } from '../core/bot-core.js';
import type { Download } from '../core/events/downloads.js';
import type { Logger } from '../logger.js';

function send(response: Response, file: Download | undefined): void {
  if (!file) {
    response.status(404).json({ error: 'not found' });
    return;
  }
  response
    .status(200)
    .set({
      'content-type': file.contentType,
      'content-disposition': `attachment; filename="${file.filename}"`,
      // The links are capabilities: keep them out of shared caches and referrers.
      'cache-control': 'private, no-store',
      'referrer-policy': 'no-referrer',
      'x-content-type-options': 'nosniff',
    })
    .send(file.body);
}

export function mountEventFiles(app: Express, core: BotCore, logger: Logger): void {
  for (const [path, kind] of [
    ['/calendar/:file', 'calendar'],
    ['/exports/:file', 'csv'],
  ] as const) {
    const extension = kind === 'calendar' ? '.ics' : '.csv';
    app.get(path, async (request, response) => {
      const file = request.params.file;
      try {
        send(response, file.endsWith(extension) ? await core.download(kind, file.slice(0, -extension.length)) : undefined);
      } catch (error) {
        logger.error({ err: error, component: 'downloads' }, 'could not serve a file');
        if (!response.headersSent) response.status(500).end();
      }
    });
  }
}
