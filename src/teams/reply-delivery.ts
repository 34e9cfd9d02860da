// Where an answer goes in Teams. Teams has no ephemeral messages in channels, so an answer meant for
// one person never goes into a channel or group chat: it goes to the person's personal chat with the
// bot (opened by the bot if need be), and the conversation gets only a neutral line. A click on a card
// is answered in the invoke response, which Teams shows to the clicker only (Universal Actions).
import type { AdaptiveCardActionResponse } from '@microsoft/teams.api';
import type { IActivityContext } from '@microsoft/teams.apps';
import { RUN_COMMAND_ACTION } from '../core/actions.js';
import type { BotCore } from '../core/bot-core.js';
import type { ConversationAddress } from '../core/context.js';
import { privateChatUnavailableNotice, sentPrivatelyNotice } from '../core/delivery/notices.js';
import type { Translate } from '../core/i18n/translator.js';
import { message, type Form, type Message } from '../core/reply/reply.js';
import type { Logger } from '../logger.js';
import { httpStatusOf } from './http-status.js';
import { renderFormActivity, renderFormCard, renderMessageActivity, renderMessageCard } from './adaptive-card.js';
import { tenantOf, teamsConversation, teamsConversationReference, type InboundActivity } from './teams-context.js';

type OutgoingActivity = ReturnType<typeof renderMessageActivity>;

/** One inbound activity's ways of answering. */
export interface Turn {
  readonly activity: InboundActivity;
  readonly address: ConversationAddress;
  readonly t: Translate;
  /** Posts into the conversation the activity came from. */
  send(activity: OutgoingActivity): Promise<void>;
  /** Posts into the person's personal chat with the bot, opening it if need be; throws if Teams refuses. */
  sendPrivately(activity: OutgoingActivity): Promise<void>;
}

/** A Teams deep link that opens the person's chat with the bot (`28:<app id>`). */
export function openChatUrl(botId: string): string {
  return `https://teams.microsoft.com/l/chat/0/0?users=${encodeURIComponent(botId)}`;
}

export function turnOf(ctx: IActivityContext, core: BotCore, t: Translate): Turn {
  const activity = ctx.activity as InboundActivity;
  const address = teamsConversation(activity);
  return {
    activity,
    address,
    t,
    // Marked as the answer to the activity, as a Bot Framework reply is.
    async send(outgoing) {
      await ctx.send({ ...outgoing, replyToId: activity.id });
    },
    async sendPrivately(outgoing) {
      if (address.kind === 'personal') {
        await ctx.send({ ...outgoing, replyToId: activity.id });
        return;
      }
      const tenantId = tenantOf(activity);
      // Creating a one-to-one conversation that exists already gives back its id.
      const chat = await ctx.api.conversations.create({
        isGroup: false,
        bot: { id: activity.recipient.id, name: activity.recipient.name, role: 'bot' },
        members: [{ id: activity.from.id, name: '', role: 'user' }],
        tenantId,
        channelData: { tenant: { id: tenantId } },
      });
      await ctx.api.conversations.createActivity(chat.id, outgoing);
      const reference = {
        ...teamsConversationReference(activity),
        activityId: undefined,
        conversation: { id: chat.id, conversationType: 'personal', tenantId },
      };
      await core.conversationOpened(
        { platform: 'teams', workspaceId: tenantId, externalId: chat.id, kind: 'personal' },
        { reference: JSON.parse(JSON.stringify(reference)) as Record<string, unknown> },
      );
    },
  };
}

function activityOf(reply: Message | Form): OutgoingActivity {
  return reply.kind === 'form' ? renderFormActivity(reply) : renderMessageActivity(reply);
}

/**
 * The answer to words typed (or a card from before Universal Actions): in a personal chat it is posted
 * there; in a channel or group chat a shared or open answer is posted there and anything else goes
 * privately, with a neutral line where it was asked.
 */
export async function deliverReply(turn: Turn, reply: Message | Form, logger: Logger): Promise<void> {
  // `open` answers are about nobody (help, lists, search results): the conversation may see them.
  const public_ = reply.kind === 'message' && reply.visibility !== 'private';
  if (turn.address.kind === 'personal' || public_) {
    await turn.send(activityOf(reply));
    return;
  }
  try {
    await turn.sendPrivately(activityOf(reply));
  } catch (error) {
    // The person has not added the app, or blocked it: say how to open the chat, and nothing of the answer.
    logger.warn({ component: 'teams', status: httpStatusOf(error) }, 'could not open a personal chat for a private answer');
    await turn.send(renderMessageActivity(privateChatUnavailableNotice(turn.t, openChatUrl(turn.activity.recipient.id))));
    return;
  }
  await turn.send(renderMessageActivity(sentPrivatelyNotice(turn.t)));
}

function messageResponse(text: string): AdaptiveCardActionResponse {
  return { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: text };
}

export function cardResponse(reply: Message | Form): AdaptiveCardActionResponse {
  const card = reply.kind === 'form' ? renderFormCard(reply) : renderMessageCard(reply);
  return { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: card as never };
}

/**
 * The answer to a card click. A shared answer (a case study shared into the channel) is posted to the
 * conversation. A button that runs a command in a personal chat posts its answer below, as typing the
 * command would. Anything else replaces the clicked card for the clicker only: a form with its errors,
 * a form's result, a confirmation's outcome, an announcement with the clicker's own answer.
 */
export async function answerClick(
  turn: Turn,
  action: string,
  reply: Message | Form,
  view: Message | undefined,
): Promise<AdaptiveCardActionResponse> {
  if (reply.kind === 'message' && reply.visibility === 'shared') {
    await turn.send(renderMessageActivity(reply));
    return messageResponse(turn.t('delivery.shared'));
  }
  if (action === RUN_COMMAND_ACTION && turn.address.kind === 'personal') {
    await turn.send(activityOf(reply));
    return messageResponse(turn.t('delivery.done'));
  }
  if (view && reply.kind === 'message') return cardResponse(message(reply.summary, [...reply.blocks, { kind: 'divider' }, ...view.blocks]));
  return cardResponse(reply);
}
