// Talking to the test bot as people do, through its real endpoints. Slack: a signed slash command or
// button click, whose reply is read where Slack would receive it (the request's response_url, served by
// the Slack stand-in). Teams: a Bot Framework activity, whose reply is read at the Bot Connector stand-in.
import { expect } from 'vitest';
import { adaptiveCardToText, cardsOf, slackBlocksToText } from '../../src/dev/readable-text.js';
import { blockActionBody, postToSlackEndpoint, slashCommandBody, type SlackIdentity } from '../../src/dev/slack-requests.js';
import { postActivity } from '../../src/dev/teams-activities.js';
import { SIGNING_SECRET, type TestBot } from './test-bot.js';
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

async function slackRequest(harness: TestBot, body: (responseUrl: string) => string, timeoutMs: number | undefined): Promise<SlackReply> {
  const path = `/respond/chat-${++replies}`;
  const response = await postToSlackEndpoint(harness.url, body(`${harness.slack.url}${path}`), SIGNING_SECRET);
  expect(response.status).toBe(200);
  return (await harness.slack.waitFor((request) => request.path === path, timeoutMs ?? REPLY_TIMEOUT_MS)).json as SlackReply;
}

/** Sends `/cop <text>` as `who`; resolves with what reached the command's response_url. */
export function slackCommand(harness: TestBot, who: SlackIdentity, text: string, timeoutMs?: number): Promise<SlackReply> {
  return slackRequest(harness, (responseUrl) => slashCommandBody(text, responseUrl, who), timeoutMs);
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
  return slackRequest(harness, (responseUrl) => blockActionBody(actionId, value, responseUrl, who), timeoutMs);
}

/** Clicks a button as `who`: the reply as text. */
export async function slackClickText(harness: TestBot, who: SlackIdentity, actionId: string, value: string, timeoutMs?: number): Promise<string> {
  return slackBlocksToText((await slackClick(harness, who, actionId, value, timeoutMs)).blocks);
}

/** The activity the bot posted in answer to `activityId` (it marks its answers with replyToId). */
export async function teamsAnswer(harness: TestBot, activityId: string, timeoutMs = REPLY_TIMEOUT_MS): Promise<Json> {
  const posted = await harness.connector.waitFor((request) => request.method === 'POST' && (request.json as Json | undefined)?.['replyToId'] === activityId, timeoutMs);
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
