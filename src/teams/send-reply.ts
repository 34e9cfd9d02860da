// Sends a core reply into the current Teams conversation as an Adaptive Card.
import { CardFactory, type TurnContext } from 'botbuilder';
import type { Form, Message } from '../core/reply/reply.js';
import { renderFormCard, renderMessageCard } from './adaptive-card.js';

/** Files reach Teams as download links: see BotCore.withDownloadLinks. */
export async function sendReply(context: TurnContext, reply: Message | Form): Promise<void> {
  const card = reply.kind === 'form' ? renderFormCard(reply) : renderMessageCard(reply);
  const summary = reply.kind === 'form' ? reply.title : reply.summary;
  await context.sendActivity({ type: 'message', summary, attachments: [CardFactory.adaptiveCard(card)] });
}
