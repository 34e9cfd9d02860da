// Sends a core reply to Slack: a message through the request's response_url (`respond`), or as a direct
// message where there is none, rendered as Block Kit; a form as a modal opened with the request's
// trigger id (valid for 3 seconds); a file uploaded into the person's direct messages with the bot.
import type { RespondFn, webApi } from '@slack/bolt';
import type { FileReply, Message, Reply } from '../core/reply/reply.js';
import { textMessage } from '../core/reply/reply.js';
import type { Logger } from '../logger.js';
import { renderMessage, renderModal } from './block-kit.js';

export interface ReplyChannel {
  /** Undefined where Slack gives no response_url (buttons on the App Home tab): replies go by direct message. */
  readonly respond: RespondFn | undefined;
  readonly client: webApi.WebClient;
  readonly triggerId: string | undefined;
  readonly userId: string;
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
    await sendMessage(reply, channel);
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
      initial_comment: file.summary,
    });
    return textMessage(file.sentPrivately);
  } catch (error) {
    logger.error({ err: error, component: 'slack' }, 'could not upload a file to Slack');
    return textMessage(file.failed);
  }
}

async function sendMessage(reply: Message, channel: ReplyChannel): Promise<void> {
  const { text, blocks } = renderMessage(reply);
  if (channel.respond) {
    await channel.respond({ response_type: reply.visibility === 'shared' ? 'in_channel' : 'ephemeral', replace_original: false, text, blocks });
  } else {
    await channel.client.chat.postMessage({ channel: channel.userId, text, blocks });
  }
}
