// Builds and sends requests in the shapes Slack sends them: form-encoded slash commands, interactive
// payloads and Events API callbacks, each signed with the signing secret.
import { slackSignatureHeaders } from './slack-signature.js';

export interface SlackIdentity {
  readonly teamId: string;
  readonly userId: string;
  readonly channelId: string;
}

export const LOCAL_SLACK_IDENTITY: SlackIdentity = { teamId: 'T0LOCAL', userId: 'U0LOCAL', channelId: 'C0LOCAL' };

export function slashCommandBody(text: string, responseUrl: string, who: SlackIdentity = LOCAL_SLACK_IDENTITY): string {
  return new URLSearchParams({
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
    trigger_id: '1.2.local',
  }).toString();
}

export function blockActionBody(actionId: string, value: string, responseUrl: string, who: SlackIdentity = LOCAL_SLACK_IDENTITY): string {
  const payload = {
    type: 'block_actions',
    team: { id: who.teamId, domain: 'local' },
    user: { id: who.userId, username: 'local', team_id: who.teamId },
    api_app_id: 'A0LOCAL',
    token: 'deprecated-verification-token',
    container: { type: 'message', message_ts: '1700000000.000100', channel_id: who.channelId, is_ephemeral: true },
    trigger_id: '1.2.local',
    channel: { id: who.channelId, name: 'local' },
    response_url: responseUrl,
    actions: [{ type: 'button', action_id: actionId, block_id: 'b1', text: { type: 'plain_text', text: 'x' }, value, action_ts: '1700000000.1' }],
  };
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

export function eventCallbackBody(event: Record<string, unknown>, teamId = LOCAL_SLACK_IDENTITY.teamId): string {
  return JSON.stringify({
    token: 'deprecated-verification-token',
    team_id: teamId,
    api_app_id: 'A0LOCAL',
    event: { event_ts: '1700000000.000200', ...event },
    type: 'event_callback',
    event_id: `Ev${Date.now()}`,
    event_time: Math.floor(Date.now() / 1000),
  });
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

/** A modal submission as Slack sends it; `values` maps block ids to the input's state. */
export function viewSubmissionBody(
  callbackId: string,
  values: Record<string, Record<string, unknown>>,
  privateMetadata = '',
  who: SlackIdentity = LOCAL_SLACK_IDENTITY,
): string {
  const payload = {
    type: 'view_submission',
    team: { id: who.teamId, domain: 'local' },
    user: { id: who.userId, username: 'local', name: 'local', team_id: who.teamId },
    api_app_id: 'A0LOCAL',
    token: 'deprecated-verification-token',
    trigger_id: '1.2.local',
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
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

/** A request for the options of an external select, as Slack sends it while someone types. */
export function blockSuggestionBody(callbackId: string, blockId: string, query: string, who: SlackIdentity = LOCAL_SLACK_IDENTITY): string {
  const payload = {
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
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
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
