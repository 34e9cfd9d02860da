// Every command of the grammar typed in its first Welsh words by a member whose language is Cymraeg, on
// Slack (a slash command) and on Teams (a personal chat, and a few in a channel with the bot @mentioned):
// understood, answered in Welsh (not as an English-language member is answered), and every Adaptive Card
// valid. The list comes from COMMANDS, so a new command is covered without changing this file.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/core/bot-core.js';
import { wordsIn, type Command } from '../../src/core/commands/command.js';
import { adaptiveCardToText, cardsOf, slackBlocksToText } from '../../src/dev/readable-text.js';
import { slashCommandPayload, type SlackIdentity } from '../../src/dev/slack-requests.js';
import { cardSubmitActivity, mentionActivity, messageActivity, postActivity, type TeamsIdentity } from '../../src/dev/teams-activities.js';
import { slackCommandText, teamsAnswer, teamsText } from '../support/chat.js';
import { joinInSlack } from '../support/members.js';
import { activityProblems } from '../support/teams-cards.js';
import { startTestBot, type TestBot } from '../support/test-bot.js';

type Json = Record<string, unknown>;
let harness: TestBot;
const TEAM = 'T0TEST';
const welshSlack: SlackIdentity = { teamId: TEAM, userId: 'U0CYEVERY', channelId: 'C0CYEVERY' };
const englishSlack: SlackIdentity = { teamId: TEAM, userId: 'U0ENEVERY', channelId: 'C0CYEVERY' };
const teams = (name: string, conversationId: string, conversationType: 'personal' | 'channel'): TeamsIdentity => ({
  tenantId: '11111111-2222-3333-4444-5555555e0e0e',
  userId: `29:${name}`,
  aadObjectId: `aaaaaaaa-0000-0000-0000-${name === 'gwen' ? '00000000c0c0' : '00000000e0e0'}`,
  conversationId,
  conversationType,
});
const welshTeams = teams('gwen', 'a:personal-gwen', 'personal');
const englishTeams = teams('edward', 'a:personal-edward', 'personal');
const welshInChannel: TeamsIdentity = { ...welshTeams, conversationId: '19:cy-every@thread.tacv2', conversationType: 'channel' };

/** Commands that end a membership go last, so every other command is answered to a member. */
const ENDING = new Set(['leave', 'erase my data']);
const ordered = [...COMMANDS.filter((command) => !ENDING.has(command.words)), ...COMMANDS.filter((command) => ENDING.has(command.words))];

/** The command's first Welsh words, with the argument of its first example (the example's English words translated). */
function welshTyping(command: Command): string {
  expect(command.cy?.[0], `${command.words} has Welsh words`).toBeDefined();
  return wordsIn(command, command.examples[0] ?? command.words, 'cy');
}
/** The English member types the first example too, but keeps English where the example would choose Welsh. */
const englishTyping = (command: Command) => (command.examples[0] ?? command.words).replace(/\bcymraeg\b/, 'english');

/** Words and letters of Welsh sentences; the English catalogue has none of them as words. */
const WELSH =
  /\b(yn|yr|eich|chi|mae|ddim|yw|gyda|neu|hwn|hon|rhaid|dim|ydych|oes|wedi|nid|nad|eto|gan|ar gyfer|gallwch|pwy|beth)\b|[ŵŷâêîôû]/i;
const UNKNOWN = /don.t know the command|Nid wyf yn adnabod y gorchymyn/i;

let answers = 0;
/** `/cop <text>`: the reply at the response_url, or the modal the command opened (with its title). */
async function slackAnswer(who: SlackIdentity, text: string): Promise<string> {
  const path = `/respond/cy-every-${++answers}`;
  const payload = slashCommandPayload(text, `${harness.slack.url}${path}`, who);
  const answered = harness.slack.waitFor(
    (request) =>
      request.path === path ||
      (request.path === '/views.open' && (request.json as Json | undefined)?.['trigger_id'] === payload.trigger_id),
    60_000,
  );
  await harness.slackTransport.deliver({ type: 'slash_commands', payload });
  const request = await answered;
  const json = request.json as Json;
  if (request.path === path) return slackBlocksToText(json['blocks']);
  const view = json['view'] as Json;
  return [(view['title'] as { text?: string } | undefined)?.text ?? '', slackBlocksToText(view['blocks'])].join('\n');
}

function activityText(activity: Json): string {
  expect(activityProblems(activity, Buffer.byteLength(JSON.stringify(activity)))).toEqual([]);
  return [typeof activity['text'] === 'string' ? activity['text'] : '', ...cardsOf(activity).map(adaptiveCardToText)].join('\n');
}

/**
 * A Teams message: the bot's answer as text, after checking every card in it with the Adaptive Cards
 * library. In a channel, an answer about the person goes to their personal chat (the channel sees a
 * notice in the channel's language): that private answer is the one returned.
 */
async function teamsAnswerText(activity: { id: string; conversation: { id: string } }): Promise<string> {
  const before = harness.connector.requests.length;
  const response = await postActivity(harness.url, activity);
  expect(response.status).toBeLessThan(300);
  const answer = activityText(await teamsAnswer(harness, activity.id));
  const privately = harness.connector.requests
    .slice(before)
    .filter(
      (request) =>
        request.method === 'POST' &&
        request.path.endsWith('/activities') &&
        !decodeURIComponent(request.path).includes(activity.conversation.id),
    )
    .map((request) => activityText(request.json as Json));
  return privately.length > 0 ? privately.join('\n') : answer;
}

async function joinInTeams(who: TeamsIdentity, name: string) {
  const organisation = await harness.bot.database.prisma.organisation.findFirstOrThrow({ where: { odsCode: 'RR8' } });
  const values = {
    displayName: name,
    organisation: organisation.id,
    region: '',
    role: 'retention_lead',
    staffGroups: 'midwives',
    promiseElements: 'work-flexibly',
    inDirectory: 'true',
    consent: 'true',
  };
  await teamsText(harness, cardSubmitActivity({ verb: 'cop.form', form: 'member.profile', ...values }, harness.connector.url, who));
  const identity = await harness.bot.database.prisma.platformIdentity.findFirst({ where: { userId: who.userId } });
  expect(identity?.memberId, `${name} joined in Teams`).toBeTruthy();
}

function expectWelshAnswer(command: Command, welsh: string, english: string) {
  expect(welsh, command.words).not.toMatch(UNKNOWN);
  expect(welsh.trim(), command.words).not.toBe('');
  expect(welsh, command.words).not.toBe(english);
  expect(welsh, command.words).toMatch(WELSH);
}

beforeAll(async () => {
  harness = await startTestBot();
  await joinInSlack(harness, welshSlack, 'Gwenllian Cymraes', { region: 'WALES' });
  await joinInSlack(harness, englishSlack, 'Edward English', { region: 'Y56' });
  expect(await slackCommandText(harness, welshSlack, 'iaith cymraeg')).toMatch(WELSH);
  expect(await slackCommandText(harness, englishSlack, 'language english')).not.toMatch(UNKNOWN);
  await joinInTeams(welshTeams, 'Gwen Gymraes');
  await joinInTeams(englishTeams, 'Edward Saesneg');
  expect(await teamsAnswerText(messageActivity('iaith cymraeg', harness.connector.url, welshTeams))).toMatch(WELSH);
  await teamsAnswerText(messageActivity('language english', harness.connector.url, englishTeams));
}, 180_000);
afterAll(async () => {
  await harness?.stop();
});

describe('every command in Welsh', () => {
  it('covers every command of the grammar', () => {
    expect(ordered.length).toBe(COMMANDS.length);
    for (const command of COMMANDS) expect(command.cy?.length, command.words).toBeGreaterThan(0);
  });

  it('answers each in Welsh in Slack', async () => {
    for (const command of ordered) {
      const welsh = await slackAnswer(welshSlack, welshTyping(command));
      const english = await slackAnswer(englishSlack, englishTyping(command));
      expectWelshAnswer(command, welsh, english);
    }
  }, 300_000);

  it('answers each in Welsh in a Teams personal chat, with valid cards', async () => {
    for (const command of ordered) {
      const welsh = await teamsAnswerText(messageActivity(welshTyping(command), harness.connector.url, welshTeams));
      const english = await teamsAnswerText(messageActivity(englishTyping(command), harness.connector.url, englishTeams));
      expectWelshAnswer(command, welsh, english);
    }
  }, 300_000);

  it('answers a few @mentioned in a Teams channel in Welsh, with valid cards', async () => {
    for (const words of ['help', 'events', 'regions', 'members', 'digest preview', 'cases']) {
      const command = COMMANDS.find((candidate) => candidate.words === words)!;
      const text = await teamsAnswerText(mentionActivity(welshTyping(command), harness.connector.url, welshInChannel));
      // The answer itself, in the channel or privately: not the channel's neutral notice.
      expect(text, words).not.toContain('sent you the details');
      expect(text, words).not.toMatch(UNKNOWN);
      expect(text, words).toMatch(WELSH);
    }
  }, 120_000);
});
