// Turns Teams activities into the core's request context and conversation addresses, and keeps the
// conversation reference a later proactive post needs.
import type { Activity, ConversationReference } from '@microsoft/teams.api';
import type { ConversationAddress, RequestContext } from '../core/context.js';
import { requestContext } from '../core/request-context.js';

/** The parts of an inbound activity this adapter reads; every activity type has them. */
export type InboundActivity = Pick<
  Activity,
  'id' | 'from' | 'recipient' | 'conversation' | 'channelId' | 'serviceUrl' | 'locale' | 'channelData' | 'entities'
> & {
  readonly text?: string;
};

export function tenantOf(activity: InboundActivity): string {
  const channelData = activity.channelData as { tenant?: { id?: string } } | undefined;
  return activity.conversation.tenantId ?? channelData?.tenant?.id ?? 'unknown-tenant';
}

/**
 * A channel's conversation id: in a channel, Teams adds the thread (`;messageid=…`) to the id of a message
 * that mentions the bot, while events about the channel itself carry the bare id.
 */
export function channelConversationId(id: string): string {
  return id.replace(/;messageid=.*$/, '');
}

export function teamsConversation(activity: InboundActivity): ConversationAddress {
  const type = activity.conversation.conversationType;
  return {
    platform: 'teams',
    workspaceId: tenantOf(activity),
    externalId: channelConversationId(activity.conversation.id),
    kind: type === 'personal' ? 'personal' : type === 'groupChat' ? 'group' : 'channel',
  };
}

export function teamsRequestContext(activity: InboundActivity, verifiedEmail?: () => Promise<string | undefined>): RequestContext {
  // The Bot Framework user id (29:…): the id Teams also gives in @mentions and conversation references.
  const details = { name: teamsConversationName(activity), reference: teamsConversationReference(activity) };
  return requestContext(
    { platform: 'teams', workspaceId: tenantOf(activity), userId: activity.from.id },
    teamsConversation(activity),
    activity.locale,
    details,
    verifiedEmail,
  );
}

/**
 * The conversation reference as plain JSON (the Bot Framework shape, the same one the earlier Bot
 * Framework SDK stored): what a later proactive post needs, to the channel rather than a thread.
 */
export function teamsConversationReference(activity: InboundActivity): Record<string, unknown> {
  const reference: ConversationReference = {
    activityId: activity.id,
    user: activity.from,
    bot: activity.recipient,
    conversation: { ...activity.conversation, id: channelConversationId(activity.conversation.id) },
    channelId: activity.channelId,
    locale: activity.locale,
    serviceUrl: activity.serviceUrl ?? '',
  };
  return JSON.parse(JSON.stringify(reference)) as Record<string, unknown>;
}

/** The words typed, with each @mention of a person turned into the core's `<@user id>` and the bot's own removed. */
export function teamsCommandWords(activity: InboundActivity): string {
  let text = (activity.text ?? '').replaceAll('&nbsp;', ' ');
  for (const entity of activity.entities ?? []) {
    const mention = entity as { type?: string; text?: string; mentioned?: { id?: string } };
    if (mention.type !== 'mention' || !mention.text || !mention.mentioned?.id) continue;
    text = text.replace(mention.text, mention.mentioned.id === activity.recipient.id ? '' : `<@${mention.mentioned.id}>`);
  }
  return text.trim();
}

/** The channel or team name Teams sends with channel events, when it sends one. */
export function teamsConversationName(activity: InboundActivity): string | undefined {
  const channelData = activity.channelData as { channel?: { name?: string }; team?: { name?: string } } | undefined;
  return channelData?.channel?.name ?? channelData?.team?.name ?? activity.conversation.name;
}
