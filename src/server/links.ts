// The files behind the bot's unguessable links, one route family with one answer for a link that opens
// nothing (unknown, malformed or expired): 404 and the same sentence.
// - `GET /links/<token>/<filename>`: download links and digest charts (src/core/links). The file name
//   is only for browsers and platforms; the token alone finds the file.
// - `GET /calendar/<token>.ics`: an event's calendar file, linked from its posts for as long as the event
//   lasts (the posts re-render the link, so it stays).
// - `GET /charts/<token>.png`: charts in digests posted before the links were one; they expire as all
//   charts do, 90 days after they were drawn.
import type { Express, Request, Response } from 'express';
import type { BotCore } from '../core/bot-core.js';
import type { ServedFile } from '../core/links/file-links.js';
import type { Logger } from '../logger.js';

export const LINK_NOT_FOUND = 'This link has expired or does not exist. Ask the bot for the file again.';

function send(response: Response, file: ServedFile | undefined): void {
  if (!file) {
    response.status(404).set('cache-control', 'no-store').type('text/plain').send(LINK_NOT_FOUND);
    return;
  }
  response
    .status(200)
    .set({
      'content-type': file.contentType,
      'content-disposition': `${file.inline ? 'inline' : 'attachment'}; filename="${file.filename}"`,
      // Charts never change and hold aggregate figures only; every other file is a capability: keep it
      // out of shared caches and referrers.
      'cache-control': file.inline ? 'public, max-age=86400, immutable' : 'private, no-store',
      'referrer-policy': 'no-referrer',
      'x-content-type-options': 'nosniff',
    })
    .send(file.body);
}

/** The token in a `<token><extension>` path segment, or undefined when the segment ends otherwise. */
function tokenOf(segment: unknown, extension: string): string | undefined {
  return typeof segment === 'string' && segment.endsWith(extension) ? segment.slice(0, segment.length - extension.length) : undefined;
}

export function mountLinks(app: Express, core: BotCore, logger: Logger): void {
  const serve = (find: (request: Request) => Promise<ServedFile | undefined>) => async (request: Request, response: Response) => {
    try {
      send(response, await find(request));
    } catch (error) {
      logger.error({ err: error, component: 'links' }, 'could not serve a file');
      if (!response.headersSent) response.status(500).type('text/plain').send('The file could not be fetched. Try again in a moment.');
    }
  };
  const open = (token: string | undefined) => (token === undefined ? Promise.resolve(undefined) : core.openFileLink(token));
  app.get(
    '/links/:token/:filename',
    serve((request) => open(tokenOf(request.params.token, ''))),
  );
  app.get(
    '/charts/:file',
    serve((request) => open(tokenOf(request.params.file, '.png'))),
  );
  app.get(
    '/calendar/:file',
    serve(async (request) => {
      const token = tokenOf(request.params.file, '.ics');
      // The Welsh half of a post links the Welsh file (event-views.ts calendarLink).
      return token === undefined ? undefined : core.calendarFile(token, request.query.lang === 'cy' ? 'cy' : 'en');
    }),
  );
}
