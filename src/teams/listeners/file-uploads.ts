// A metrics CSV sent to the bot in its personal chat: Teams gives it as an attachment of type
// `application/vnd.microsoft.teams.file.download.info` with a short-lived, pre-authorised `downloadUrl`
// (the manifest's `supportsFiles: true` lets people attach files there). The import runs after the turn
// has been answered (Teams resends activities not answered within about 15 seconds), and the report is
// posted into the same chat as a proactive message.
import type { BotCore } from '../../core/bot-core.js';
import { UPLOAD_MAX_BYTES, UploadUnavailable } from '../../core/metrics/upload.js';
import type { MessageSender } from '../../core/outbox/dispatcher.js';
import type { Logger } from '../../logger.js';
import { csvStreamSource } from '../../metrics/csv-source.js';
import { fetchUploadText } from '../../metrics/uploads.js';
import {
  teamsCommandWords,
  teamsConversation,
  teamsConversationReference,
  teamsRequestContext,
  type InboundActivity,
} from '../teams-context.js';

export const FILE_DOWNLOAD_INFO = 'application/vnd.microsoft.teams.file.download.info';

export interface SharedFile {
  readonly name: string;
  readonly downloadUrl: string;
}

/** The files attached to a message in a personal chat (none elsewhere: a channel's files are not for the bot). */
export function sharedFiles(
  activity: InboundActivity & { attachments?: readonly { contentType?: string; name?: string; content?: unknown }[] },
): SharedFile[] {
  if (activity.conversation.conversationType !== 'personal') return [];
  return (activity.attachments ?? []).flatMap((attachment) => {
    const content = attachment.content as { downloadUrl?: unknown } | undefined;
    if (attachment.contentType !== FILE_DOWNLOAD_INFO || typeof content?.downloadUrl !== 'string') return [];
    return [{ name: attachment.name ?? 'file', downloadUrl: content.downloadUrl }];
  });
}

export interface FileUploads {
  /** Starts importing the files; the reports follow as messages in the chat. */
  start(activity: InboundActivity, files: readonly SharedFile[]): void;
  /** Resolves when every import started has finished and its report has been sent (at stop). */
  idle(): Promise<void>;
}

export function teamsFileUploads(
  core: BotCore,
  sender: MessageSender,
  options: { readonly httpsOnly: boolean },
  logger: Logger,
): FileUploads {
  const running = new Set<Promise<void>>();
  async function importOne(activity: InboundActivity, file: SharedFile): Promise<void> {
    const request = teamsRequestContext(activity);
    const address = teamsConversation(activity);
    const reference = teamsConversationReference(activity);
    const reply = await core.metricsUpload(
      {
        name: file.name,
        // Teams does not say the size: the download's Content-Length and its byte count are checked instead.
        size: undefined,
        text: teamsCommandWords(activity),
        open: () =>
          csvStreamSource(file.name, () => {
            if (options.httpsOnly && new URL(file.downloadUrl).protocol !== 'https:') throw new UploadUnavailable('not an https address');
            return fetchUploadText(file.downloadUrl, { maxBytes: UPLOAD_MAX_BYTES });
          }),
      },
      request,
    );
    await sender.post({ platform: 'teams', workspaceId: address.workspaceId, reference }, reply);
  }
  return {
    start(activity, files) {
      for (const file of files) {
        const work = importOne(activity, file)
          .catch((error: unknown) =>
            logger.error({ err: error, component: 'teams' }, 'could not import a shared metrics file or send its report'),
          )
          .finally(() => running.delete(work));
        running.add(work);
      }
    },
    async idle() {
      await Promise.all([...running]);
    },
  };
}
