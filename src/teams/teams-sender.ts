// Posts and updates the outbox's messages in Teams, proactively: each stored conversation reference
// names its conversation and the service URL of the tenant's region, and the message goes there with
// the bot's token. References stored by the earlier Bot Framework SDK have the same shape and work as
// they are.
import { Client as ApiClient } from '@microsoft/teams.api';
import type { App } from '@microsoft/teams.apps';
import { DeliveryError, type DeliveryTarget, type MessageSender, type Posted } from '../core/outbox/dispatcher.js';
import type { Message } from '../core/reply/reply.js';
import { renderMessageActivity } from './adaptive-card.js';
import { httpStatusOf } from './http-status.js';
import { TeamsTokenUnavailable } from './teams-token.js';

interface StoredReference {
  readonly serviceUrl?: string;
  readonly conversation?: { readonly id?: string };
}

function deliveryError(error: unknown): DeliveryError {
  if (error instanceof DeliveryError) return error;
  // No token from Microsoft Entra (credentials refused, or Entra unreachable): not the message's fault.
  // It waits in the outbox, without using up a try, until the bot asks Entra again.
  if (error instanceof TeamsTokenUnavailable) return new DeliveryError(`entra_${error.state}`, 'rate-limited', error.retryAfterMs);
  const status = httpStatusOf(error);
  if (status === 429) {
    const headers = (error as { response?: { headers?: Record<string, unknown> } }).response?.headers;
    const retryAfter = Number(headers?.['retry-after']);
    return new DeliveryError('429', 'rate-limited', Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter * 1000 : undefined);
  }
  // 403: the bot was removed from the conversation or blocked; 404: the conversation is gone.
  if (status === 403 || status === 404) return new DeliveryError(String(status), 'gone');
  if (status === 400 || status === 413) return new DeliveryError(String(status), 'rejected');
  return new DeliveryError(status ? String(status) : error instanceof Error ? error.name : 'unknown', 'transient');
}

/** Where a stored reference points: its service URL and conversation id (to the channel, not a thread). */
function addressOf(target: DeliveryTarget): { serviceUrl: string; conversationId: string } {
  const reference = target.reference as StoredReference | undefined;
  const serviceUrl = reference?.serviceUrl?.replace(/\/+$/, '');
  const conversationId = reference?.conversation?.id;
  if (!serviceUrl || !conversationId) throw new DeliveryError('no_reference', 'rejected');
  return { serviceUrl, conversationId };
}

/** `http` is the app's own HTTP client, which carries the bot's outbound token (fetched and cached by the SDK). */
export function createTeamsSender(http: App['api']['http']): MessageSender {
  const clients = new Map<string, ApiClient>();
  const clientFor = (serviceUrl: string): ApiClient => {
    let client = clients.get(serviceUrl);
    if (!client) {
      client = new ApiClient(serviceUrl, http);
      clients.set(serviceUrl, client);
    }
    return client;
  };
  return {
    async post(target, message: Message): Promise<Posted> {
      try {
        const { serviceUrl, conversationId } = addressOf(target);
        const sent = await clientFor(serviceUrl).conversations.createActivity(conversationId, renderMessageActivity(message));
        if (!sent.id) throw new DeliveryError('no_activity_id', 'transient');
        return { messageId: sent.id };
      } catch (error) {
        throw deliveryError(error);
      }
    },
    async update(target, messageId, message: Message): Promise<void> {
      try {
        const { serviceUrl, conversationId } = addressOf(target);
        await clientFor(serviceUrl).conversations.updateActivity(conversationId, messageId, renderMessageActivity(message));
      } catch (error) {
        throw deliveryError(error);
      }
    },
  };
}
