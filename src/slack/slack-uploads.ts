// Pictures the bot drew (a digest's chart) go to Slack as files, not as links to the bot: Slack's servers
// may not reach the bot's address (inside an NHS network, or a Socket Mode install with none). Each
// picture is uploaded with files.getUploadURLExternal, the bytes, then files.completeUploadExternal
// (`filesUploadV2` does the three) into the conversation the message goes to, and the message shows it
// with an image block naming the file (`slack_file`). The share matters: a file shared nowhere is the
// bot's alone, and Slack refuses a message naming it ("invalid slack file") or shows it to nobody else.
// A private message's picture (a digest preview) is shared into the person's direct messages with the
// bot, never into the channel where they asked. The file id is kept in the message, so that a retried
// post uploads nothing again.
import type { webApi } from '@slack/bolt';
import type { Block, Message } from '../core/reply/reply.js';
import { SLACK_LIMITS as LIMIT } from './block-kit-limits.js';
import { truncate } from './block-kit.js';
import { slackErrorCode } from './slack-errors.js';

type ImageBlock = Extract<Block, { kind: 'image' }>;

export interface UploadLog {
  warn(details: object, message: string): void;
}

/** True when Slack answered the call with a rate limit: the caller waits, rather than post without the picture. */
export function isRateLimited(error: unknown): boolean {
  return slackErrorCode(error) === 'slack_webapi_rate_limited_error' || slackErrorCode(error) === 'ratelimited';
}

async function upload(block: ImageBlock, client: webApi.WebClient, channelId: string): Promise<string> {
  const result = await client.filesUploadV2({
    channel_id: channelId,
    file: Buffer.from(block.png, 'base64'),
    filename: 'trend.png',
    title: truncate(block.alt, 250),
    alt_text: truncate(block.alt, LIMIT.imageAltText),
  });
  const id = result.files[0]?.files?.[0]?.id;
  if (!id) throw new Error('files.completeUploadExternal gave no file id');
  return id;
}

/**
 * The message with each picture not yet uploaded uploaded to Slack. A picture that cannot be uploaded
 * (the files:write scope missing, Slack failing) stays as it is: the renderer shows its download button
 * instead. Rate limits are thrown, so that the outbox waits as Slack asks.
 */
export async function uploadImages(
  message: Message,
  client: webApi.WebClient,
  log: UploadLog,
  conversation: () => Promise<string>,
): Promise<Message> {
  if (!message.blocks.some((block) => block.kind === 'image' && block.uploaded === undefined)) return message;
  const blocks: Block[] = [];
  for (const block of message.blocks) {
    if (block.kind !== 'image' || block.uploaded !== undefined) {
      blocks.push(block);
      continue;
    }
    try {
      blocks.push({ ...block, uploaded: await upload(block, client, await conversation()) });
    } catch (error) {
      if (isRateLimited(error)) throw error;
      log.warn({ component: 'slack', code: slackErrorCode(error) }, 'could not upload a chart to Slack: it is offered as a download');
      blocks.push(block);
    }
  }
  return { ...message, blocks };
}

/**
 * The conversation id (C…, G… or D…) a file can be shared into for a message to `address`: a user id
 * (U… or W…, a direct message) becomes the direct message channel with them.
 */
export async function shareableConversation(client: webApi.WebClient, address: string): Promise<string> {
  if (!/^[UW]/.test(address)) return address;
  const opened = await client.conversations.open({ users: address });
  if (!opened.channel?.id) throw new Error('conversations.open gave no channel');
  return opened.channel.id;
}

export function hasUpload(message: Message): boolean {
  return message.blocks.some((block) => block.kind === 'image' && block.uploaded !== undefined);
}

/** The message without its uploaded pictures' files: their download buttons instead. */
export function withoutUploads(message: Message): Message {
  return { ...message, blocks: message.blocks.map((block) => (block.kind === 'image' ? { ...block, uploaded: undefined } : block)) };
}

/**
 * Slack refuses a message naming a file it is still processing (`invalid_blocks`), which takes a moment
 * after the upload. How long to wait before trying once more, then without the picture.
 */
export const FILE_READY_WAIT_MS = 2_000;
