// Turns Bot Framework activities into the core's request context and conversation addresses.
import type { Activity } from 'botbuilder';
import type { ConversationAddress, RequestContext } from '../core/context.js';
import { requestContext } from '../core/request-context.js';

function tenantOf(activity: Partial<Activity>): string {
  const channelData = activity.channelData as { tenant?: { id?: string } } | undefined;
  return activity.conversation?.tenantId ?? channelData?.tenant?.id ?? 'unknown-tenant';
}

export function teamsConversation(activity: Partial<Activity>): ConversationAddress {
  const type = activity.conversation?.conversationType;
  return {
    platform: 'teams',
    workspaceId: tenantOf(activity),
    externalId: activity.conversation?.id ?? '',
    kind: type === 'personal' ? 'personal' : type === 'groupChat' ? 'group' : 'channel',
  };
}

export function teamsRequestContext(activity: Partial<Activity>): RequestContext {
  // The AAD object id is stable across a tenant's apps; the Bot Framework id is the fallback.
  const userId = activity.from?.aadObjectId ?? activity.from?.id ?? '';
  return requestContext({ platform: 'teams', workspaceId: tenantOf(activity), userId }, teamsConversation(activity), activity.locale);
}

/** The channel or team name Teams sends with channel events, when it sends one. */
export function teamsConversationName(activity: Partial<Activity>): string | undefined {
  const channelData = activity.channelData as { channel?: { name?: string }; team?: { name?: string } } | undefined;
  return channelData?.channel?.name ?? channelData?.team?.name ?? activity.conversation?.name;
}
