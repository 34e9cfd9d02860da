// Private stays private in Teams: a member with unique marker values (name, organisation, answers)
// sends every command whose answer is about them, or is for them alone, from a team channel and a
// group chat. No call the bot makes to those conversations may hold any marker: the answers go to
// the person's personal chat, and the shared conversation gets only a neutral line.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adaptiveCardToText, cardsOf } from '../../src/dev/readable-text.js';
import { cardSubmitActivity, mentionActivity, messageActivity, postActivity, type TeamsIdentity } from '../../src/dev/teams-activities.js';
import { teamsCard, teamsInvoke } from '../support/chat.js';
import { personalChatId, startTestBot, type TestBot } from '../support/test-bot.js';

const TENANT = '11111111-2222-3333-4444-555555555555';
const MARKER_NAME = 'Quillon Zarathustra-Ebbs';
const MARKER_ORGANISATION = 'Quillon Marker Trust 7Q';
const MARKER_EMAIL = 'quillon.7q@nhs.example';

const person: TeamsIdentity = {
  tenantId: TENANT,
  userId: '29:quillon',
  aadObjectId: 'aaaaaaaa-0000-0000-0000-00000000q7q7',
  conversationId: 'a:quillon-own',
  conversationType: 'personal',
};
const inChannel: TeamsIdentity = { ...person, conversationId: '19:privacy-channel@thread.tacv2', conversationType: 'channel' };
const inGroup: TeamsIdentity = { ...person, conversationId: '19:privacy-group@thread.v2', conversationType: 'groupChat' };
/** Someone who has not added the app: Teams refuses to open a chat with them. */
const stranger: TeamsIdentity = { ...inChannel, userId: '29:no-app', aadObjectId: 'aaaaaaaa-0000-0000-0000-00000000n0a9' };

let harness: TestBot;

beforeAll(async () => {
  harness = await startTestBot(
    { COP_ADMINS: person.userId },
    {
      emails: { [person.userId]: MARKER_EMAIL },
      connectorApi: (request) => {
        const members = (request.json as { members?: { id?: string }[] } | undefined)?.members;
        return request.method === 'POST' && request.path === '/v3/conversations' && members?.[0]?.id === stranger.userId
          ? {
              status: 403,
              body: { error: { code: 'BotNotInConversationRoster', message: 'The bot is not part of the conversation roster.' } },
            }
          : undefined;
      },
    },
  );
  // The marker member joins from their personal chat, naming an organisation of their own.
  const form = await teamsCard(harness, messageActivity('join', harness.connector.url, person));
  expect(adaptiveCardToText(form)).toContain('Join');
  const joined = await teamsCard(
    harness,
    cardSubmitActivity(
      {
        verb: 'cop.form',
        form: 'member.profile',
        displayName: MARKER_NAME,
        organisation: '',
        newOrganisation: MARKER_ORGANISATION,
        region: 'Y56',
        role: 'retention_lead',
        staffGroups: 'midwives',
        promiseElements: 'work-flexibly',
        inDirectory: 'true',
        consent: 'true',
      },
      harness.connector.url,
      person,
    ),
  );
  expect(adaptiveCardToText(joined)).toContain(MARKER_NAME);
});

afterAll(async () => {
  await harness?.stop();
});

/** Every call the bot made to a conversation, as text. */
function callsTo(conversationId: string): string[] {
  return harness.connector.requests
    .filter((request) => decodeURIComponent(request.path).includes(conversationId))
    .map((request) => request.body);
}

const MARKERS = [MARKER_NAME, 'Zarathustra', MARKER_ORGANISATION, MARKER_EMAIL, person.userId, person.aadObjectId];

/** Commands whose answers are about the person or for them alone. */
const PRIVATE_COMMANDS = [
  'my data',
  'profile',
  'profile edit',
  'join',
  'members london',
  'members export london',
  'link',
  'digest preview london',
  'erase my data',
  'admin grant facilitator <@29:nobody> london',
];

describe.each([
  ['a team channel', inChannel],
  ['a group chat', inGroup],
])('private answers asked for in %s', (_where, who) => {
  it.each(PRIVATE_COMMANDS)('"%s" goes to the personal chat; the conversation gets a neutral line only', async (command) => {
    const activity = mentionActivity(command, harness.connector.url, who);
    const response = await postActivity(harness.url, activity);
    expect(response.status).toBe(200);
    const here = await harness.connector.waitFor(
      (request) => request.method === 'POST' && (request.json as { replyToId?: string }).replyToId === activity.id,
    );
    expect(adaptiveCardToText(cardsOf(here.json)[0])).toContain('in our private chat');
    const privately = harness.connector.requests.filter((request) =>
      decodeURIComponent(request.path).startsWith(`/v3/conversations/${personalChatId(person.userId)}/activities`),
    );
    expect(privately.length).toBeGreaterThan(0);
    for (const body of callsTo(who.conversationId)) for (const marker of MARKERS) expect(body).not.toContain(marker);
  });
});

describe('clicks on shared cards', () => {
  it('answers a click in a channel in the invoke response, which Teams shows to the clicker only', async () => {
    const before = callsTo(inChannel.conversationId).length;
    const body = await teamsInvoke(harness, cardSubmitActivity({ verb: 'cop.run', value: 'my data' }, harness.connector.url, inChannel));
    expect(body['type']).toBe('application/vnd.microsoft.card.adaptive');
    expect(JSON.stringify(body['value'])).toContain(MARKER_NAME);
    expect(callsTo(inChannel.conversationId).length).toBe(before);
  });

  it('refuses a tampered or unknown verb politely and changes nothing', async () => {
    const members = await harness.bot.database.prisma.member.count();
    for (const verb of ['cop.nothing', 'member.erase.confirm;drop', '', 'x'.repeat(5000)]) {
      const body = await teamsInvoke(
        harness,
        cardSubmitActivity({ verb, value: '\'; DROP TABLE "Member";--' }, harness.connector.url, inChannel),
      );
      expect(adaptiveCardToText(body['value'])).toContain('That button no longer does anything');
    }
    expect(await harness.bot.database.prisma.member.count()).toBe(members);
  });
});

describe('when Teams will not open a personal chat', () => {
  it('says only how to open one, never the answer', async () => {
    const activity = mentionActivity('my data', harness.connector.url, stranger);
    expect((await postActivity(harness.url, activity)).status).toBe(200);
    const here = await harness.connector.waitFor(
      (request) => request.method === 'POST' && (request.json as { replyToId?: string }).replyToId === activity.id,
    );
    const card = cardsOf(here.json)[0];
    expect(adaptiveCardToText(card)).toContain("couldn't open a private chat");
    expect(JSON.stringify(card)).toContain('https://teams.microsoft.com/l/chat/0/0?users=');
    expect(JSON.stringify(here.json)).not.toContain(stranger.userId);
  });
});
