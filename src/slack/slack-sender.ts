// Posts and updates the outbox's messages in Slack (chat.postMessage, chat.update), with a Web client
// of its own that does not wait out rate limits or retry: the outbox does both, without holding up
// anything else, and records what happened.
import { webApi } from '@slack/bolt';
import type { SlackConfig } from '../config.js';
import { DeliveryError, type DeliveryTarget, type MessageSender, type Posted } from '../core/outbox/dispatcher.js';
import type { Message } from '../core/reply/reply.js';
import { renderMessage } from './block-kit.js';
import { slackErrorCode } from './follow-ups.js';

/** Slack errors that mean the conversation or person cannot be reached any more. */
const GONE = new Set(['channel_not_found', 'not_in_channel', 'is_archived', 'account_inactive', 'user_not_found', 'user_disabled', 'team_access_not_granted']);
/** Slack errors that mean this message will never be accepted as it is. */
const REJECTED = new Set(['msg_too_long', 'invalid_blocks', 'no_text', 'too_many_attachments', 'message_not_found', 'cant_update_message', 'edit_window_closed']);

function deliveryError(error: unknown): DeliveryError {
  if (error instanceof Error && 'code' in error && error.code === webApi.ErrorCode.RateLimitedError) {
    return new DeliveryError('ratelimited', 'rate-limited', (error as webApi.WebAPIRateLimitedError).retryAfter * 1000);
  }
  const code = slackErrorCode(error);
  if (GONE.has(code)) return new DeliveryError(code, 'gone');
  if (REJECTED.has(code)) return new DeliveryError(code, 'rejected');
  return new DeliveryError(code, 'transient');
}

function channelOf(target: DeliveryTarget): string {
  if (!target.address) throw new DeliveryError('no_address', 'rejected');
  return target.address;
}

export function createSlackSender(config: SlackConfig): MessageSender {
  const client = new webApi.WebClient(config.botToken, {
    ...(config.apiUrl ? { slackApiUrl: config.apiUrl } : {}),
    rejectRateLimitedCalls: true,
    retryConfig: { retries: 0 },
    logLevel: webApi.LogLevel.ERROR,
  });
  return {
    async post(target: DeliveryTarget, message: Message): Promise<Posted> {
      const { text, blocks } = renderMessage(message);
      try {
        const result = await client.chat.postMessage({ channel: channelOf(target), text, blocks, unfurl_links: false });
        if (!result.ts) throw new DeliveryError('no_ts', 'transient');
        return { messageId: result.ts, address: result.channel };
      } catch (error) {
        throw error instanceof DeliveryError ? error : deliveryError(error);
      }
    },
    async update(target: DeliveryTarget, messageId: string, message: Message): Promise<void> {
      const { text, blocks } = renderMessage(message);
      try {
        await client.chat.update({ channel: channelOf(target), ts: messageId, text, blocks });
      } catch (error) {
        throw error instanceof DeliveryError ? error : deliveryError(error);
      }
    },
  };
}
