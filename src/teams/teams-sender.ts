// Posts and updates the outbox's messages in Teams: continues the stored conversation (its Bot
// Framework reference) and sends or updates an activity carrying the Adaptive Card.
import { CardFactory, type CloudAdapter } from 'botbuilder';
import type { ConversationReference, TurnContext } from 'botbuilder';
import { DeliveryError, type DeliveryTarget, type MessageSender, type Posted } from '../core/outbox/dispatcher.js';
import type { Message } from '../core/reply/reply.js';
import { renderMessageCard } from './adaptive-card.js';

function deliveryError(error: unknown): DeliveryError {
  const { statusCode, response } = (error ?? {}) as { statusCode?: number; response?: { headers?: { get?(name: string): string | undefined } } };
  if (statusCode === 429) {
    const retryAfter = Number(response?.headers?.get?.('retry-after'));
    return new DeliveryError('429', 'rate-limited', Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter * 1000 : undefined);
  }
  // 403: the bot was removed from the conversation or blocked; 404: the conversation is gone.
  if (statusCode === 403 || statusCode === 404) return new DeliveryError(String(statusCode), 'gone');
  if (statusCode === 400 || statusCode === 413) return new DeliveryError(String(statusCode), 'rejected');
  return new DeliveryError(statusCode ? String(statusCode) : error instanceof Error ? error.name : 'unknown', 'transient');
}

/** The stored reference without the activity it was taken from: a proactive post starts a new message, not a reply in its thread. */
function referenceOf(target: DeliveryTarget): Partial<ConversationReference> {
  if (!target.reference) throw new DeliveryError('no_reference', 'rejected');
  const { activityId: _replyTo, ...reference } = target.reference as Partial<ConversationReference>;
  return reference;
}

function activity(message: Message) {
  return { type: 'message', summary: message.summary, attachments: [CardFactory.adaptiveCard(renderMessageCard(message))] };
}

/**
 * Runs `send` in a proactive turn. A failure inside the turn is caught here rather than left to the
 * adapter's turn-error handler, which would log it and return normally: the outbox must see a 403
 * (bot removed) or 429 to act on it.
 */
async function inTurn(adapter: CloudAdapter, appId: string | undefined, target: DeliveryTarget, send: (context: TurnContext) => Promise<void>): Promise<void> {
  let failure: { error: unknown } | undefined;
  try {
    await adapter.continueConversationAsync(appId ?? '', referenceOf(target), async (context) => {
      try {
        await send(context);
      } catch (error) {
        failure = { error };
      }
    });
  } catch (error) {
    failure = { error };
  }
  if (failure) throw failure.error instanceof DeliveryError ? failure.error : deliveryError(failure.error);
}

export function createTeamsSender(adapter: CloudAdapter, appId: string | undefined): MessageSender {
  return {
    async post(target, message): Promise<Posted> {
      let messageId: string | undefined;
      await inTurn(adapter, appId, target, async (context) => {
        messageId = (await context.sendActivity(activity(message)))?.id;
      });
      if (!messageId) throw new DeliveryError('no_activity_id', 'transient');
      return { messageId };
    },
    async update(target, messageId, message): Promise<void> {
      await inTurn(adapter, appId, target, async (context) => {
        await context.updateActivity({ ...activity(message), id: messageId });
      });
    },
  };
}
