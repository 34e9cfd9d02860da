// Turns Bot Framework activities into the core's request context and conversation addresses.
import { TurnContext, type Activity } from 'botbuilder';
import type { ConversationAddress, RequestContext } from '../core/context.js';
import { requestContext } from '../core/request-context.js';

function tenantOf(activity: Partial<Activity>): string {
  const channelData = activity.channelData as { tenant?: { id?: string } } | undefined;
  return activity.conversation?.tenantId ?? channelData?.tenant?.id ?? 'unknown-tenant';
}

/**
 * A channel's conversation id: in a channel, Teams adds the thread (`;messageid=…`) to the id of a message
 * that mentions the bot, while events about the channel itself carry the bare id.
 */
export function channelConversationId(id: string): string {
  return id.replace(/;messageid=.*$/, '');
}

export function teamsConversation(activity: Partial<Activity>): ConversationAddress {
  const type = activity.conversation?.conversationType;
  return {
    platform: 'teams',
    workspaceId: tenantOf(activity),
    externalId: channelConversationId(activity.conversation?.id ?? ''),
    kind: type === 'personal' ? 'personal' : type === 'groupChat' ? 'group' : 'channel',
  };
}

export function teamsRequestContext(activity: Partial<Activity>, verifiedEmail?: () => Promise<string | undefined>): RequestContext {
  // The Bot Framework user id: the id Teams also gives in @mentions and conversation references.
  const userId = activity.from?.id ?? '';
  const details = { name: teamsConversationName(activity), reference: teamsConversationReference(activity) };
  return requestContext({ platform: 'teams', workspaceId: tenantOf(activity), userId }, teamsConversation(activity), activity.locale, details, verifiedEmail);
}

/** The Bot Framework conversation reference, as plain JSON: what a later proactive post needs (to the channel, not a thread). */
export function teamsConversationReference(activity: Partial<Activity>): Record<string, unknown> {
  const reference = TurnContext.getConversationReference(activity);
  const conversation = { ...reference.conversation, id: channelConversationId(reference.conversation?.id ?? '') };
  return JSON.parse(JSON.stringify({ ...reference, conversation })) as Record<string, unknown>;
}

/** The words typed, with each @mention of a person turned into the core's `<@user id>`. */
export function teamsCommandWords(activity: Partial<Activity>): string {
  let text = (activity.text ?? '').replaceAll('&nbsp;', ' ');
  for (const entity of activity.entities ?? []) {
    const mention = entity as { type?: string; text?: string; mentioned?: { id?: string } };
    if (mention.type === 'mention' && mention.text && mention.mentioned?.id) text = text.replace(mention.text, `<@${mention.mentioned.id}>`);
  }
  return text.trim();
}

/** The channel or team name Teams sends with channel events, when it sends one. */
export function teamsConversationName(activity: Partial<Activity>): string | undefined {
  const channelData = activity.channelData as { channel?: { name?: string }; team?: { name?: string } } | undefined;
  return channelData?.channel?.name ?? channelData?.team?.name ?? activity.conversation?.name;
}
