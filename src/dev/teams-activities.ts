// Builds Bot Framework activities as Teams sends them, with `serviceUrl` pointing wherever the replies
// should go (a local stand-in for the Bot Connector in tests and `npm run try`).
import { randomUUID } from 'node:crypto';

export interface TeamsIdentity {
  readonly tenantId: string;
  readonly userId: string;
  readonly aadObjectId: string;
  readonly conversationId: string;
  readonly conversationType: 'personal' | 'channel' | 'groupChat';
}

export const BOT_ID = '28:cop-bot-local';

export const LOCAL_TEAMS_IDENTITY: TeamsIdentity = {
  tenantId: '00000000-0000-0000-0000-00000000face',
  userId: '29:local-user',
  aadObjectId: '00000000-0000-0000-0000-0000000000aa',
  conversationId: 'a:local-personal-conversation',
  conversationType: 'personal',
};

function base(serviceUrl: string, who: TeamsIdentity) {
  return {
    id: randomUUID(),
    timestamp: new Date().toISOString(),
    serviceUrl,
    channelId: 'msteams',
    from: { id: who.userId, name: 'Local User', aadObjectId: who.aadObjectId },
    conversation: { id: who.conversationId, conversationType: who.conversationType, tenantId: who.tenantId },
    recipient: { id: BOT_ID, name: 'CoP Bot' },
    channelData: { tenant: { id: who.tenantId } },
    locale: 'en-GB',
  };
}

export function messageActivity(text: string, serviceUrl: string, who: TeamsIdentity = LOCAL_TEAMS_IDENTITY) {
  return { ...base(serviceUrl, who), type: 'message', text, textFormat: 'plain' };
}

/** A channel message that @mentions the bot, as Teams sends it: the mention is part of the text. */
export function mentionActivity(text: string, serviceUrl: string, who: TeamsIdentity) {
  const mention = '<at>CoP Bot</at>';
  return {
    ...messageActivity(`${mention} ${text}`, serviceUrl, who),
    entities: [{ type: 'mention', text: mention, mentioned: { id: BOT_ID, name: 'CoP Bot' } }],
  };
}

/**
 * A click on a card button (Universal Actions): an `adaptiveCard/action` invoke whose action has the
 * button's verb and data. `verb` in `data` becomes the action's verb, the rest its data (as a form's
 * inputs are merged into the submit button's data by Teams).
 */
export function cardSubmitActivity(data: Record<string, unknown>, serviceUrl: string, who: TeamsIdentity = LOCAL_TEAMS_IDENTITY) {
  const { verb, ...rest } = data;
  return {
    ...base(serviceUrl, who),
    type: 'invoke',
    name: 'adaptiveCard/action',
    replyToId: 'card-activity-1',
    value: { action: { type: 'Action.Execute', verb: typeof verb === 'string' ? verb : '', data: rest }, trigger: 'manual' },
  };
}

/** A card from before Universal Actions (Action.Submit): a message with the button's data as its value. */
export function legacySubmitActivity(data: Record<string, unknown>, serviceUrl: string, who: TeamsIdentity = LOCAL_TEAMS_IDENTITY) {
  return { ...base(serviceUrl, who), type: 'message', value: data, replyToId: 'card-activity-1' };
}

/** A dynamic typeahead query (`Input.ChoiceSet` with `Data.Query`): the `application/search` invoke. */
export function typeaheadActivity(dataset: string, queryText: string, serviceUrl: string, who: TeamsIdentity = LOCAL_TEAMS_IDENTITY) {
  return {
    ...base(serviceUrl, who),
    type: 'invoke',
    name: 'application/search',
    value: { dataset, queryText, queryOptions: { top: 15, skip: 0 } },
  };
}

/** A search in the compose box's message extension: the `composeExtension/query` invoke. */
export function composeQueryActivity(
  commandId: string,
  parameter: string,
  text: string,
  serviceUrl: string,
  who: TeamsIdentity = LOCAL_TEAMS_IDENTITY,
) {
  return {
    ...base(serviceUrl, who),
    type: 'invoke',
    name: 'composeExtension/query',
    value: { commandId, parameters: [{ name: parameter, value: text }], queryOptions: { skip: 0, count: 25 } },
  };
}

export function botAddedActivity(serviceUrl: string, who: TeamsIdentity, channelName?: string) {
  const activity = base(serviceUrl, who);
  return {
    ...activity,
    type: 'conversationUpdate',
    membersAdded: [{ id: BOT_ID }],
    channelData: {
      ...activity.channelData,
      ...(channelName ? { channel: { id: who.conversationId, name: channelName }, team: { id: '19:team', name: 'Retention' } } : {}),
    },
  };
}

export function botRemovedActivity(serviceUrl: string, who: TeamsIdentity) {
  return { ...base(serviceUrl, who), type: 'conversationUpdate', membersRemoved: [{ id: BOT_ID }] };
}

export async function postActivity(botUrl: string, activity: object, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${botUrl}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(activity),
  });
}
