// A file reply as a Teams person receives it: a link valid for a short time. (A Teams bot can only
// send a file after the person accepts a consent card, and only in a personal chat.)
import { linkButton } from '../actions.js';
import type { RequestContext } from '../context.js';
import { message, type FileReply, type Message } from '../reply/reply.js';
import type { CoreServices } from '../services.js';
import { createFileLink, DOWNLOAD_LINK_MINUTES } from './file-links.js';

/** The services this module's handlers use. */
export type FileLinkMessageServices = Pick<CoreServices, 'eventSettings' | 'fileLinks'>;

export async function fileLinkMessage(
  file: FileReply,
  context: RequestContext,
  services: FileLinkMessageServices,
  now: Date,
): Promise<Message> {
  const { t } = context;
  const content = Buffer.from(file.content, 'utf8');
  const url = await createFileLink(
    services.fileLinks,
    services.eventSettings.publicUrl,
    { kind: 'file', filename: file.filename, mediaType: file.mediaType, content },
    now,
  );
  return message(file.summary, [
    { kind: 'text', text: file.summary },
    { kind: 'buttons', buttons: [linkButton('download', t('downloads.open', { filename: file.filename }), url)] },
    { kind: 'note', text: t('downloads.expires', { minutes: DOWNLOAD_LINK_MINUTES }) },
  ]);
}
