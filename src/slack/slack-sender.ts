// Posts and updates the outbox's messages in Slack (chat.postMessage, chat.update), with a Web client
// of its own that does not wait out rate limits or retry: the outbox does both, without holding up
// anything else, and records what happened. A message's pictures are uploaded first (slack-uploads.ts);
// when the post then fails, the retry kept in the outbox carries the uploaded file, so each post uploads
// its picture once.
import { webApi } from '@slack/bolt';
import type { SlackConfig } from '../config.js';
import { systemClock, type Clock } from '../core/clock.js';
import { DeliveryError, type DeliveryTarget, type MessageSender, type Posted } from '../core/outbox/dispatcher.js';
import type { Message } from '../core/reply/reply.js';
import { renderMessage } from './block-kit.js';
import { slackErrorCode } from './slack-errors.js';
import { FILE_READY_WAIT_MS, hasUpload, shareableConversation, uploadImages, withoutUploads, type UploadLog } from './slack-uploads.js';

/** Slack errors that mean the conversation or person cannot be reached any more. */
const GONE = new Set([
  'channel_not_found',
  'not_in_channel',
  'is_archived',
  'account_inactive',
  'user_not_found',
  'user_disabled',
  'team_access_not_granted',
]);
/** Slack errors that mean this message will never be accepted as it is. */
const REJECTED = new Set([
  'msg_too_long',
  'invalid_blocks',
  'no_text',
  'too_many_attachments',
  'message_not_found',
  'cant_update_message',
  'edit_window_closed',
]);

function deliveryError(error: unknown, revised?: Message): DeliveryError {
  if (error instanceof DeliveryError) return revised ? new DeliveryError(error.code, error.kind, error.retryAfterMs, revised) : error;
  if (error instanceof Error && 'code' in error && error.code === webApi.ErrorCode.RateLimitedError) {
    return new DeliveryError('ratelimited', 'rate-limited', (error as webApi.WebAPIRateLimitedError).retryAfter * 1000, revised);
  }
  const code = slackErrorCode(error);
  if (GONE.has(code)) return new DeliveryError(code, 'gone', undefined, revised);
  if (REJECTED.has(code)) return new DeliveryError(code, 'rejected', undefined, revised);
  return new DeliveryError(code, 'transient', undefined, revised);
}

/**
 * The message id the outbox keeps a person's App Home under (BotCore.homeOpened): updating it publishes
 * the person's Home tab (views.publish) instead of editing a message.
 */
export const APP_HOME_MESSAGE_ID = 'app-home';

function channelOf(target: DeliveryTarget): string {
  if (!target.address) throw new DeliveryError('no_address', 'rejected');
  return target.address;
}

export interface SlackSenderOptions {
  /** Where the wait for an uploaded file comes from (tests move it on instead of waiting). */
  readonly clock?: Clock;
  readonly log?: UploadLog;
}

export function createSlackSender(config: SlackConfig, options: SlackSenderOptions = {}): MessageSender {
  const clock = options.clock ?? systemClock;
  const log = options.log ?? { warn: () => undefined };
  const client = new webApi.WebClient(config.botToken, {
    ...(config.apiUrl ? { slackApiUrl: config.apiUrl } : {}),
    rejectRateLimitedCalls: true,
    retryConfig: { retries: 0 },
    logLevel: webApi.LogLevel.ERROR,
  });
  return {
    async post(target: DeliveryTarget, message: Message): Promise<Posted> {
      const postOnce = async (sending: Message): Promise<Posted> => {
        const { text, blocks } = renderMessage(sending);
        const result = await client.chat.postMessage({ channel: channelOf(target), text, blocks, unfurl_links: false });
        if (!result.ts) throw new DeliveryError('no_ts', 'transient');
        return { messageId: result.ts, address: result.channel };
      };
      let sending = message;
      try {
        sending = await uploadImages(message, client, log, () => shareableConversation(client, channelOf(target)));
        try {
          return await postOnce(sending);
        } catch (error) {
          if (slackErrorCode(error) !== 'invalid_blocks' || !hasUpload(sending)) throw error;
        }
        // Slack may still be processing the file just uploaded: once more after a moment, then without it.
        await clock.sleep(FILE_READY_WAIT_MS);
        try {
          return await postOnce(sending);
        } catch (error) {
          if (slackErrorCode(error) !== 'invalid_blocks') throw error;
          log.warn({ component: 'slack', code: 'invalid_blocks' }, 'Slack did not show an uploaded chart: it is offered as a download');
          sending = withoutUploads(sending);
          return await postOnce(sending);
        }
      } catch (error) {
        throw deliveryError(error, sending === message ? undefined : sending);
      }
    },
    async update(target: DeliveryTarget, messageId: string, message: Message): Promise<void> {
      const { text, blocks } = renderMessage(message);
      try {
        if (messageId === APP_HOME_MESSAGE_ID) {
          await client.views.publish({ user_id: channelOf(target), view: { type: 'home', blocks } });
          return;
        }
        await client.chat.update({ channel: channelOf(target), ts: messageId, text, blocks });
      } catch (error) {
        throw deliveryError(error);
      }
    },
  };
}
