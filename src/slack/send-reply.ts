// Sends a core reply to Slack: a message through the request's response_url (`respond`), rendered as
// Block Kit; a form as a modal opened with the request's trigger id (valid for 3 seconds).
import type { RespondFn, webApi } from '@slack/bolt';
import type { Reply } from '../core/reply/reply.js';
import type { Logger } from '../logger.js';
import { renderMessage, renderModal } from './block-kit.js';

export interface ReplyChannel {
  readonly respond: RespondFn;
  readonly client: webApi.WebClient;
  readonly triggerId: string | undefined;
}

export async function sendReply(reply: Reply, channel: ReplyChannel, logger: Logger): Promise<void> {
  try {
    if (reply.kind === 'form') {
      if (!channel.triggerId) throw new Error('a form needs a trigger id to open');
      await channel.client.views.open({ trigger_id: channel.triggerId, view: renderModal(reply) });
      return;
    }
    const { text, blocks } = renderMessage(reply);
    await channel.respond({ response_type: reply.visibility === 'shared' ? 'in_channel' : 'ephemeral', replace_original: false, text, blocks });
  } catch (error) {
    logger.error({ err: error, component: 'slack' }, 'could not send the reply to Slack');
  }
}
