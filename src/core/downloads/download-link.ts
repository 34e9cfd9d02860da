// A file reply as a Teams person receives it: a link valid for a short time. (A Teams bot can only
// send a file after the person accepts a consent card, and only in a personal chat.)
import { linkButton } from '../actions.js';
import type { RequestContext } from '../context.js';
import { message, type FileReply, type Message } from '../reply/reply.js';
import type { CoreServices } from '../services.js';

/** How long a download link works. */
export const DOWNLOAD_LINK_MINUTES = 15;

export async function downloadLinkMessage(file: FileReply, context: RequestContext, services: CoreServices): Promise<Message> {
  const { t } = context;
  const expiresAt = new Date(Date.now() + DOWNLOAD_LINK_MINUTES * 60_000);
  const url = await services.downloads.create({ filename: file.filename, mediaType: file.mediaType, content: file.content }, expiresAt);
  return message(file.summary, [
    { kind: 'text', text: file.summary },
    { kind: 'buttons', buttons: [linkButton('download', t('downloads.open', { filename: file.filename }), url)] },
    { kind: 'note', text: t('downloads.expires', { minutes: DOWNLOAD_LINK_MINUTES }) },
  ]);
}
