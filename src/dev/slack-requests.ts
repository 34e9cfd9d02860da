// Builds and sends requests in the shapes Slack sends them: form-encoded slash commands, interactive
// payloads and Events API callbacks, each signed with the signing secret.
import { slackSignatureHeaders } from './slack-signature.js';

export interface SlackIdentity {
  readonly teamId: string;
  readonly userId: string;
  readonly channelId: string;
}

export const LOCAL_SLACK_IDENTITY: SlackIdentity = { teamId: 'T0LOCAL', userId: 'U0LOCAL', channelId: 'C0LOCAL' };

/** A slash command's fields as Slack sends them: form-encoded over HTTP, or the payload of a Socket Mode envelope. */
export function slashCommandPayload(text: string, responseUrl: string, who: SlackIdentity = LOCAL_SLACK_IDENTITY): Record<string, string> {
  return {
    token: 'deprecated-verification-token',
    team_id: who.teamId,
    team_domain: 'local',
    channel_id: who.channelId,
    channel_name: 'local',
    user_id: who.userId,
    user_name: 'local',
    command: '/cop',
    text,
    api_app_id: 'A0LOCAL',
    is_enterprise_install: 'false',
    response_url: responseUrl,
    trigger_id: `1.2.${nextActionTs()}`,
  };
}

export function slashCommandBody(text: string, responseUrl: string, who: SlackIdentity = LOCAL_SLACK_IDENTITY): string {
  return new URLSearchParams(slashCommandPayload(text, responseUrl, who)).toString();
}

/** A button click's payload as Slack sends it: form-encoded (`payload=`) over HTTP, or in a Socket Mode envelope. */
export function blockActionPayload(
  actionId: string,
  value: string,
  responseUrl: string,
  who: SlackIdentity = LOCAL_SLACK_IDENTITY,
): Record<string, unknown> {
  const ts = nextActionTs();
  return {
    type: 'block_actions',
    team: { id: who.teamId, domain: 'local' },
    user: { id: who.userId, username: 'local', team_id: who.teamId },
    api_app_id: 'A0LOCAL',
    token: 'deprecated-verification-token',
    container: { type: 'message', message_ts: '1700000000.000100', channel_id: who.channelId, is_ephemeral: true },
    trigger_id: `1.2.${ts}`,
    channel: { id: who.channelId, name: 'local' },
    response_url: responseUrl,
    actions: [{ type: 'button', action_id: actionId, block_id: 'b1', text: { type: 'plain_text', text: 'x' }, value, action_ts: ts }],
  };
}

let actions = 0;
/** Each click has its own action_ts (and trigger_id), as in Slack: a redelivered click has the same ones. */
function nextActionTs(): string {
  return `1700000000.${String(++actions).padStart(6, '0')}`;
}

/** An interactive payload (click, submission, suggestion) form-encoded as Slack posts it over HTTP. */
export function interactiveBody(payload: Record<string, unknown>): string {
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

export function blockActionBody(actionId: string, value: string, responseUrl: string, who: SlackIdentity = LOCAL_SLACK_IDENTITY): string {
  return interactiveBody(blockActionPayload(actionId, value, responseUrl, who));
}

let events = 0;
/** An Events API callback as Slack sends it: the JSON body over HTTP, or the payload of a Socket Mode envelope. */
export function eventCallbackPayload(event: Record<string, unknown>, teamId = LOCAL_SLACK_IDENTITY.teamId): Record<string, unknown> {
  return {
    token: 'deprecated-verification-token',
    team_id: teamId,
    api_app_id: 'A0LOCAL',
    event: { event_ts: '1700000000.000200', ...event },
    type: 'event_callback',
    event_id: `Ev${Date.now()}${String(++events).padStart(4, '0')}`,
    event_time: Math.floor(Date.now() / 1000),
  };
}

export function eventCallbackBody(event: Record<string, unknown>, teamId = LOCAL_SLACK_IDENTITY.teamId): string {
  return JSON.stringify(eventCallbackPayload(event, teamId));
}

/** POSTs a body to the bot's Slack endpoint with a valid signature (or the headers given). */
export async function postToSlackEndpoint(
  botUrl: string,
  body: string,
  signingSecret: string,
  options: { headers?: Record<string, string>; json?: boolean } = {},
): Promise<Response> {
  return fetch(`${botUrl}/slack/events`, {
    method: 'POST',
    headers: {
      'content-type': options.json ? 'application/json' : 'application/x-www-form-urlencoded',
      ...slackSignatureHeaders(signingSecret, body),
      ...options.headers,
    },
    body,
  });
}

/** A modal submission's payload as Slack sends it; `values` maps block ids to the input's state. */
export function viewSubmissionPayload(
  callbackId: string,
  values: Record<string, Record<string, unknown>>,
  privateMetadata = '',
  who: SlackIdentity = LOCAL_SLACK_IDENTITY,
): Record<string, unknown> {
  return {
    type: 'view_submission',
    team: { id: who.teamId, domain: 'local' },
    user: { id: who.userId, username: 'local', name: 'local', team_id: who.teamId },
    api_app_id: 'A0LOCAL',
    token: 'deprecated-verification-token',
    trigger_id: `1.2.${nextActionTs()}`,
    view: {
      id: 'V0LOCAL',
      team_id: who.teamId,
      type: 'modal',
      callback_id: callbackId,
      private_metadata: privateMetadata,
      blocks: [],
      state: { values: Object.fromEntries(Object.entries(values).map(([blockId, state]) => [blockId, { value: state }])) },
      hash: '1700000000.local',
      title: { type: 'plain_text', text: 'Form' },
      app_id: 'A0LOCAL',
      bot_id: 'B0LOCAL',
    },
    response_urls: [],
  };
}

/** A modal submission as Slack posts it over HTTP. */
export function viewSubmissionBody(
  callbackId: string,
  values: Record<string, Record<string, unknown>>,
  privateMetadata = '',
  who: SlackIdentity = LOCAL_SLACK_IDENTITY,
): string {
  return interactiveBody(viewSubmissionPayload(callbackId, values, privateMetadata, who));
}

/** A request for the options of an external select, as Slack sends it while someone types. */
export function blockSuggestionPayload(
  callbackId: string,
  blockId: string,
  query: string,
  who: SlackIdentity = LOCAL_SLACK_IDENTITY,
): Record<string, unknown> {
  return {
    type: 'block_suggestion',
    user: { id: who.userId, username: 'local', name: 'local', team_id: who.teamId },
    container: { type: 'view', view_id: 'V0LOCAL' },
    api_app_id: 'A0LOCAL',
    token: 'deprecated-verification-token',
    action_id: 'value',
    block_id: blockId,
    value: query,
    team: { id: who.teamId, domain: 'local' },
    view: { id: 'V0LOCAL', type: 'modal', callback_id: callbackId, private_metadata: '', blocks: [], state: { values: {} } },
  };
}

/** A request for the options of an external select, as Slack posts it over HTTP. */
export function blockSuggestionBody(callbackId: string, blockId: string, query: string, who: SlackIdentity = LOCAL_SLACK_IDENTITY): string {
  return interactiveBody(blockSuggestionPayload(callbackId, blockId, query, who));
}

/** Slack's state for one input element, by element type. */
export const slackInput = {
  text: (value: string) => ({ type: 'plain_text_input', value }),
  select: (value: string) => ({ type: 'static_select', selected_option: { text: { type: 'plain_text', text: value }, value } }),
  search: (value: string) => ({ type: 'external_select', selected_option: { text: { type: 'plain_text', text: value }, value } }),
  multi: (values: string[]) => ({
    type: 'multi_static_select',
    selected_options: values.map((value) => ({ text: { type: 'plain_text', text: value }, value })),
  }),
  checkbox: (checked: boolean) => ({
    type: 'checkboxes',
    selected_options: checked ? [{ text: { type: 'plain_text', text: 'yes' }, value: 'true' }] : [],
  }),
};
