// Sends a core reply to Slack: a message through the request's response_url (`respond`), or as a direct
// message where there is none, rendered as Block Kit; a form as a modal opened with the request's
// trigger id (valid for 3 seconds); a file uploaded into the person's direct messages with the bot.
import { setTimeout } from 'node:timers/promises';
import type { RespondFn, webApi } from '@slack/bolt';
import type { FileReply, Message, Reply } from '../core/reply/reply.js';
import { textMessage } from '../core/reply/reply.js';
import type { Logger } from '../logger.js';
import { notificationText, renderMessage, renderModal } from './block-kit.js';
import { slackErrorCode } from './slack-errors.js';
import { FILE_READY_WAIT_MS, hasUpload, shareableConversation, uploadImages, withoutUploads } from './slack-uploads.js';

export interface ReplyChannel {
  /** Undefined where Slack gives no response_url (buttons on the App Home tab): replies go by direct message. */
  readonly respond: RespondFn | undefined;
  readonly client: webApi.WebClient;
  readonly triggerId: string | undefined;
  readonly userId: string;
  /** The conversation the person wrote or clicked in, when Slack says (not on the App Home tab). */
  readonly channelId?: string | undefined;
  /** The direct message the person wrote in, where a reply without a response_url goes (else to their user id). */
  readonly directMessage?: string | undefined;
}

export async function sendReply(reply: Reply, channel: ReplyChannel, logger: Logger): Promise<void> {
  try {
    if (reply.kind === 'form') {
      if (!channel.triggerId) throw new Error('a form needs a trigger id to open');
      await channel.client.views.open({ trigger_id: channel.triggerId, view: renderModal(reply) });
      return;
    }
    if (reply.kind === 'file') {
      await sendMessage(await uploadToDirectMessages(reply, channel, logger), channel);
      return;
    }
    await sendWithImages(reply, channel, logger);
  } catch (error) {
    logger.error({ err: error, component: 'slack' }, 'could not send the reply to Slack');
  }
}

/** Uploads the file where only the person sees it; returns what to say where they asked. */
async function uploadToDirectMessages(file: FileReply, channel: ReplyChannel, logger: Logger): Promise<Message> {
  try {
    const opened = await channel.client.conversations.open({ users: channel.userId });
    const directMessage = opened.channel?.id;
    if (!directMessage) throw new Error('conversations.open gave no channel');
    await channel.client.filesUploadV2({
      channel_id: directMessage,
      file: Buffer.from(file.content, 'utf8'),
      filename: file.filename,
      title: file.filename,
      initial_comment: notificationText(file.summary),
    });
    return textMessage(file.sentPrivately);
  } catch (error) {
    logger.error({ err: error, component: 'slack' }, 'could not upload a file to Slack');
    return textMessage(file.failed);
  }
}

/**
 * Uploads the message's pictures (slack-uploads.ts), then sends it. Slack refuses a message naming a file
 * it is still processing: once more after a moment, then without the picture (its download button instead).
 */
async function sendWithImages(reply: Message, channel: ReplyChannel, logger: Logger): Promise<void> {
  let sending: Message;
  try {
    // A shared reply's picture goes where the reply goes; a private one's to the person's direct messages.
    const conversation = async () =>
      reply.visibility === 'shared' && channel.channelId ? channel.channelId : shareableConversation(channel.client, channel.userId);
    sending = await uploadImages(reply, channel.client, logger, conversation);
  } catch (error) {
    logger.warn({ component: 'slack', code: slackErrorCode(error) }, 'could not upload a chart to Slack: it is offered as a download');
    sending = reply;
  }
  for (let attempt = 1; ; attempt += 1) {
    try {
      await sendMessage(attempt > 2 ? withoutUploads(sending) : sending, channel);
      return;
    } catch (error) {
      if (!hasUpload(sending) || attempt > 2 || !isInvalidBlocks(error)) throw error;
      if (attempt === 1) await setTimeout(FILE_READY_WAIT_MS);
    }
  }
}

/** Slack's answer to blocks it will not show; through a response_url it comes as an HTTP error. */
function isInvalidBlocks(error: unknown): boolean {
  if (slackErrorCode(error) === 'invalid_blocks') return true;
  const data = (error as { response?: { data?: unknown } } | undefined)?.response?.data;
  return JSON.stringify(data ?? '').includes('invalid_blocks');
}

async function sendMessage(reply: Message, channel: ReplyChannel): Promise<void> {
  const { text, blocks } = renderMessage(reply);
  if (channel.respond) {
    await channel.respond({
      response_type: reply.visibility === 'shared' ? 'in_channel' : 'ephemeral',
      replace_original: false,
      text,
      blocks,
    });
  } else {
    await channel.client.chat.postMessage({ channel: channel.directMessage ?? channel.userId, text, blocks });
  }
}
