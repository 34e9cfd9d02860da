// Sends a core reply into the current Teams conversation as an Adaptive Card.
import { CardFactory, type TurnContext } from 'botbuilder';
import type { Reply } from '../core/reply/reply.js';
import { renderFormCard, renderMessageCard } from './adaptive-card.js';

export async function sendReply(context: TurnContext, reply: Reply): Promise<void> {
  const card = reply.kind === 'form' ? renderFormCard(reply) : renderMessageCard(reply);
  const summary = reply.kind === 'form' ? reply.title : reply.summary;
  await context.sendActivity({ type: 'message', summary, attachments: [CardFactory.adaptiveCard(card)] });
}
