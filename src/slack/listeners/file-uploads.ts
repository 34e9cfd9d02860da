// A metrics CSV shared with the bot in its direct messages (a `message` event of subtype `file_share`,
// needing the message.im event and the files:read and im:history scopes): downloaded from Slack with
// the bot token as a Bearer header, streamed into the import, and the report posted back into the direct
// message. The bot token is only ever sent to Slack's file host (or, for local tools and tests, the
// configured Web API stand-in).
import type { App, webApi } from '@slack/bolt';
import type { BotCore } from '../../core/bot-core.js';
import { UPLOAD_MAX_BYTES, UploadUnavailable } from '../../core/metrics/upload.js';
import type { Logger } from '../../logger.js';
import { csvStreamSource } from '../../metrics/csv-source.js';
import { fetchUploadText } from '../../metrics/uploads.js';
import { renderMessage } from '../block-kit.js';
import { slackRequestContext } from '../slack-context.js';

/** Where Slack serves the files shared in a workspace. */
export const SLACK_FILE_ORIGIN = 'https://files.slack.com';

interface SharedFile {
  readonly id: string;
  readonly name?: string;
  readonly size?: number;
  readonly url_private_download?: string;
}

interface FileShareEvent {
  readonly subtype?: string;
  readonly channel: string;
  readonly channel_type?: string;
  readonly user?: string;
  readonly bot_id?: string;
  readonly text?: string;
  readonly files?: readonly SharedFile[];
}

/**
 * The file's name, size and download address: in the event, or from files.info when Slack leaves them
 * out (`file_access: check_file_info`, or a share event with ids only). Metadata only: nothing is downloaded.
 */
async function details(file: SharedFile, client: webApi.WebClient): Promise<SharedFile> {
  if (file.name && file.url_private_download) return file;
  const info = await client.files.info({ file: file.id });
  return {
    id: file.id,
    name: file.name ?? info.file?.name,
    size: file.size ?? info.file?.size,
    url_private_download: file.url_private_download ?? info.file?.url_private_download,
  };
}

export function registerFileUploads(app: App, core: BotCore, allowedOrigins: readonly string[], logger: Logger): void {
  app.event('message', async ({ event, body, client, context }) => {
    const shared = event as unknown as FileShareEvent;
    if (
      shared.subtype !== 'file_share' ||
      shared.channel_type !== 'im' ||
      shared.bot_id !== undefined ||
      !shared.user ||
      !shared.files?.length
    )
      return;
    const request = slackRequestContext(body.team_id, shared.user, shared.channel);
    for (const listed of shared.files) {
      let file: SharedFile;
      try {
        file = await details(listed, client);
      } catch (error) {
        logger.error({ err: error, component: 'slack' }, 'could not look up a shared file');
        file = listed;
      }
      const name = file.name ?? file.id;
      const reply = await core.metricsUpload(
        {
          name,
          size: file.size,
          text: shared.text ?? '',
          open: () =>
            csvStreamSource(name, () => {
              const url = file.url_private_download;
              if (!url || !allowedOrigins.includes(new URL(url).origin)) throw new UploadUnavailable('no Slack file address');
              return fetchUploadText(url, { headers: { authorization: `Bearer ${context.botToken ?? ''}` }, maxBytes: UPLOAD_MAX_BYTES });
            }),
        },
        request,
      );
      try {
        await client.chat.postMessage({ channel: shared.channel, ...renderMessage(reply) });
      } catch (error) {
        logger.error({ err: error, component: 'slack' }, 'could not post a metrics import report');
      }
    }
  });
}
