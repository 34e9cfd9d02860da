// Sends a core reply through a response_url (`respond`), rendered as Block Kit.
import type { RespondFn } from '@slack/bolt';
import type { Reply } from '../core/reply/reply.js';
import type { Logger } from '../logger.js';
import { renderMessage } from './block-kit.js';

export async function sendReply(reply: Reply, respond: RespondFn, logger: Logger): Promise<void> {
  if (reply.kind === 'form') {
    // Forms need a trigger id and views.open; features that use forms open them through the modal path.
    logger.error({ form: reply.id }, 'a form reply reached the response_url path');
    return;
  }
  const { text, blocks } = renderMessage(reply);
  try {
    await respond({ response_type: reply.visibility === 'shared' ? 'in_channel' : 'ephemeral', replace_original: false, text, blocks });
  } catch (error) {
    logger.error({ err: error }, 'could not send the reply to Slack');
  }
}
