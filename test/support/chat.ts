// Talking to the test bot as people do, through its real endpoints. Slack: a slash command, button click,
// modal submission or event, over the harness's Slack transport (signed HTTP requests, or Socket Mode
// envelopes); a reply is read where Slack would receive it (the request's response_url, served by the
// Slack stand-in). Teams: a Bot Framework activity, whose reply is read at the Bot Connector stand-in.
import { expect } from 'vitest';
import { adaptiveCardToText, cardsOf, slackBlocksToText } from '../../src/dev/readable-text.js';
import {
  blockActionPayload,
  blockSuggestionPayload,
  eventCallbackPayload,
  slashCommandPayload,
  viewSubmissionPayload,
  type SlackIdentity,
} from '../../src/dev/slack-requests.js';
import { postActivity } from '../../src/dev/teams-activities.js';
import type { SlackAck, SlackDelivery } from './slack-transport.js';
import type { TestBot } from './test-bot.js';
import { cardProblems } from './teams-cards.js';

type Json = Record<string, unknown>;

/** What the bot posted to a Slack response_url. */
export interface SlackReply {
  readonly response_type?: string;
  readonly replace_original?: boolean;
  readonly text?: string;
  readonly blocks: Json[];
}

/** An Adaptive Card as the bot sent it. */
export interface Card {
  readonly body: Json[];
  readonly actions?: Json[];
}

let replies = 0;
/** How long a reply may take: clicks in a burst queue behind each other on a loaded machine. */
const REPLY_TIMEOUT_MS = 60_000;

async function slackRequest(
  harness: TestBot,
  delivery: (responseUrl: string) => SlackDelivery,
  timeoutMs: number | undefined,
): Promise<SlackReply> {
  const path = `/respond/chat-${++replies}`;
  const ack = await harness.slackTransport.deliver(delivery(`${harness.slack.url}${path}`));
  // Commands and clicks are acknowledged empty; the reply follows at the response_url.
  expect(ack.payload).toBeUndefined();
  return (await harness.slack.waitFor((request) => request.path === path, timeoutMs ?? REPLY_TIMEOUT_MS)).json as SlackReply;
}

/** Sends `/cop <text>` as `who`; resolves with what reached the command's response_url. */
export function slackCommand(harness: TestBot, who: SlackIdentity, text: string, timeoutMs?: number): Promise<SlackReply> {
  return slackRequest(
    harness,
    (responseUrl) => ({ type: 'slash_commands', payload: slashCommandPayload(text, responseUrl, who) }),
    timeoutMs,
  );
}

/** `/cop <text>`: the reply's blocks. */
export async function slackCommandBlocks(harness: TestBot, who: SlackIdentity, text: string, timeoutMs?: number): Promise<Json[]> {
  return (await slackCommand(harness, who, text, timeoutMs)).blocks;
}

/** `/cop <text>`: the reply as text. */
export async function slackCommandText(harness: TestBot, who: SlackIdentity, text: string, timeoutMs?: number): Promise<string> {
  return slackBlocksToText((await slackCommand(harness, who, text, timeoutMs)).blocks);
}

/** Clicks a button as `who`; resolves with what reached the click's response_url. */
export function slackClick(harness: TestBot, who: SlackIdentity, actionId: string, value: string, timeoutMs?: number): Promise<SlackReply> {
  return slackRequest(
    harness,
    (responseUrl) => ({ type: 'interactive', payload: blockActionPayload(actionId, value, responseUrl, who) }),
    timeoutMs,
  );
}

/**
 * Submits a modal as `who`; resolves with Slack's view of the answer: undefined when the modal closed,
 * else the messages shown beside its fields (`response_action: errors` in the acknowledgement).
 */
export async function slackSubmit(
  harness: TestBot,
  who: SlackIdentity,
  callbackId: string,
  values: Record<string, Record<string, unknown>>,
  privateMetadata = '',
): Promise<Record<string, string> | undefined> {
  const ack = await harness.slackTransport.deliver({
    type: 'interactive',
    payload: viewSubmissionPayload(callbackId, values, privateMetadata, who),
  });
  if (ack.payload === undefined) return undefined;
  expect(ack.payload['response_action']).toBe('errors');
  return ack.payload['errors'] as Record<string, string>;
}

/** Types `query` into a modal's searchable field; resolves with the options the acknowledgement carries. */
export async function slackSuggest(
  harness: TestBot,
  who: SlackIdentity,
  callbackId: string,
  blockId: string,
  query: string,
): Promise<{ text: { text: string }; value: string }[]> {
  const ack = await harness.slackTransport.deliver({
    type: 'interactive',
    payload: blockSuggestionPayload(callbackId, blockId, query, who),
  });
  return (ack.payload?.['options'] ?? []) as { text: { text: string }; value: string }[];
}

/** Sends an Events API event (e.g. `member_joined_channel`) from `teamId`; resolves with its acknowledgement. */
export function slackEvent(harness: TestBot, event: Record<string, unknown>, teamId: string): Promise<SlackAck> {
  return harness.slackTransport.deliver({ type: 'events_api', payload: eventCallbackPayload(event, teamId) });
}

/** Clicks a button as `who`: the reply as text. */
export async function slackClickText(
  harness: TestBot,
  who: SlackIdentity,
  actionId: string,
  value: string,
  timeoutMs?: number,
): Promise<string> {
  return slackBlocksToText((await slackClick(harness, who, actionId, value, timeoutMs)).blocks);
}

/** The activity the bot posted in answer to `activityId` (it marks its answers with replyToId). */
export async function teamsAnswer(harness: TestBot, activityId: string, timeoutMs = REPLY_TIMEOUT_MS): Promise<Json> {
  const posted = await harness.connector.waitFor(
    (request) => request.method === 'POST' && (request.json as Json | undefined)?.['replyToId'] === activityId,
    timeoutMs,
  );
  return posted.json as Json;
}

/**
 * Sends a Teams activity (a message, or a card click); resolves with the card the person sees in
 * answer: a click's card comes back in the invoke response (shown to the clicker only); otherwise,
 * the first card of the activity the bot posted in answer.
 */
export async function teamsCard(harness: TestBot, activity: { id: string; type?: string }): Promise<Card> {
  const response = await postActivity(harness.url, activity);
  expect(response.status).toBeLessThan(300);
  if (activity.type === 'invoke') {
    const body = (await response.json()) as { type?: string; value?: unknown };
    if (body.type === 'application/vnd.microsoft.card.adaptive') {
      expect(cardProblems(body.value)).toEqual([]);
      return body.value as Card;
    }
  }
  return cardsOf(await teamsAnswer(harness, activity.id))[0] as Card;
}

/** Sends a Teams activity: the card the person sees in answer, as text. */
export async function teamsText(harness: TestBot, activity: { id: string; type?: string }): Promise<string> {
  return adaptiveCardToText(await teamsCard(harness, activity));
}

/** Posts a card click (an invoke) and resolves with the invoke response's body. */
export async function teamsInvoke(harness: TestBot, activity: { id: string }): Promise<Json> {
  const response = await postActivity(harness.url, activity);
  expect(response.status).toBe(200);
  const body = (await response.json()) as Json;
  if (body['type'] === 'application/vnd.microsoft.card.adaptive') expect(cardProblems(body['value'])).toEqual([]);
  return body;
}

/** The action buttons of Slack blocks (url buttons aside), with their action id, value and label. */
export function slackActionButtons(blocks: readonly Json[]): { action_id: string; value: string; label: string }[] {
  return blocks.flatMap((block) =>
    block['type'] === 'actions'
      ? (block['elements'] as Json[])
          .filter((element) => element['type'] === 'button' && element['url'] === undefined)
          .map((element) => ({
            action_id: element['action_id'] as string,
            value: element['value'] as string,
            label: (element['text'] as { text: string }).text,
          }))
      : [],
  );
}

/** Clicks the Slack button whose action id (before its `#n`) is `action`; fails the test when there is none. */
export async function slackClickButton(harness: TestBot, who: SlackIdentity, blocks: readonly Json[], action: string): Promise<SlackReply> {
  const button = slackActionButtons(blocks).find((candidate) => candidate.action_id.split('#')[0] === action);
  expect(button, `a ${action} button`).toBeDefined();
  return slackClick(harness, who, button!.action_id, button!.value);
}
