// Asking in your own words, on both platforms: questions answered (an intent run at once, a change offered
// as a button, a typo's "Did you mean" button, a case-study search), Slack direct messages, help by role,
// region names and abbreviations, ranking where rare and common words compete, and bad input.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adaptiveCardToText } from '../../src/dev/readable-text.js';
import type { SlackIdentity } from '../../src/dev/slack-requests.js';
import { messageActivity, mentionActivity, type TeamsIdentity } from '../../src/dev/teams-activities.js';
import { importCaseText } from '../../src/db/case-files.js';
import { slackCommand, slackCommandText, slackClickText, slackSuggest, teamsCard } from '../support/chat.js';
import { joinInSlack } from '../support/members.js';
import { startTestBot, type TestBot } from '../support/test-bot.js';

type Json = Record<string, unknown>;
let harness: TestBot;
const TEAM = 'T0TEST';
const admin: SlackIdentity = { teamId: TEAM, userId: 'U0QADMIN', channelId: 'C0ASK' };
const member: SlackIdentity = { teamId: TEAM, userId: 'U0QMEMBER', channelId: 'C0ASK' };
const visitor: SlackIdentity = { teamId: TEAM, userId: 'U0QVISIT', channelId: 'C0ASK' };
const personal: TeamsIdentity = {
  tenantId: '11111111-2222-3333-4444-555555555555',
  userId: '29:quentin',
  aadObjectId: 'aaaaaaaa-0000-0000-0000-0000000000q1',
  conversationId: 'a:personal-quentin',
  conversationType: 'personal',
};
const channel: TeamsIdentity = { ...personal, conversationId: '19:questions@thread.tacv2', conversationType: 'channel' };

/** Five case studies that say "support" in their titles and throughout, and one that names the menopause once. */
function record(n: number, overrides: Json = {}): Json {
  return {
    sourceId: `ask:${n}`,
    title: `Support for ward ${n} (test data)`,
    summary: 'Support and support again: peer support for staff, with support from managers.',
    challenge: 'Staff asked for more support.',
    actions: 'Support huddles every week.',
    results: 'Staff felt supported.',
    region: 'london',
    staffGroups: ['Nurses & health visitors'],
    tags: ['peer support'],
    source: 'Test import file',
    demo: true,
    ...overrides,
  };
}
const library = [
  ...[1, 2, 3, 4, 5].map((n) => record(n)),
  record(6, {
    // "menopause" once, in the account only (the lowest weight), and never "support": plain ts_rank puts it last.
    title: 'Clinics for staff in their fifties (test data)',
    summary: 'Monthly clinics with occupational health.',
    challenge: 'Experienced nurses were leaving in their fifties.',
    actions: 'A clinic for the menopause on every site.',
    results: 'Fewer leavers.',
    tags: ['clinics'],
  }),
];

const teamsText = async (text: string, who: TeamsIdentity = personal) =>
  adaptiveCardToText(
    await teamsCard(
      harness,
      who === channel ? mentionActivity(text, harness.connector.url, who) : messageActivity(text, harness.connector.url, who),
    ),
  );

beforeAll(async () => {
  harness = await startTestBot({ COP_ADMINS: admin.userId });
  await joinInSlack(harness, admin, 'Ada Asker');
  await joinInSlack(harness, member, 'Mo Member', { region: 'Y56' });
  expect(await importCaseText(harness.bot.database.prisma, JSON.stringify(library), 'json')).toMatchObject({ ok: true });
}, 120_000);
afterAll(async () => {
  await harness?.stop();
});

const firstHitTitle = (text: string) => /(Clinics for staff|Support for ward \d)/.exec(text)?.[1];

describe('questions in Slack', () => {
  it('answers "when is the next masterclass" with the events, saying which command it read', async () => {
    const text = await slackCommandText(harness, member, 'when is the next masterclass');
    expect(text).toContain('I read that as `/cop events`');
  });

  it('offers "sign me up" and "cancel event 2" as buttons, and does nothing yet', async () => {
    const join = (await slackCommand(harness, visitor, 'sign me up')).blocks;
    expect(JSON.stringify(join)).toContain('"value":"join"');
    expect(await harness.bot.database.prisma.member.count()).toBe(2);
    const cancel = await slackCommandText(harness, admin, 'cancel event 2');
    expect(cancel).toContain('I have not done it yet');
    expect(cancel).toContain('[event cancel 2]');
  });

  it('answers a typo with "Did you mean", and the button runs the command', async () => {
    const blocks = (await slackCommand(harness, member, 'evnets')).blocks;
    expect(JSON.stringify(blocks)).toContain('Did you mean `/cop events`?');
    expect(await slackClickText(harness, member, 'cop.run', 'regions')).toContain('North East and Yorkshire');
  });

  it('searches the case studies for anything else: the rare word first', async () => {
    const text = await slackCommandText(harness, member, 'menopause support');
    expect(text).toContain('I searched the case studies');
    expect(firstHitTitle(text)).toBe('Clinics for staff');
  });

  it('ranks rare words above common ones when not every word matches: cases menopause support', async () => {
    // Every study says "support"; only one says "menopause", and none "lanterns": the rare word leads.
    const text = await slackCommandText(harness, member, 'cases menopause support lanterns');
    expect(firstHitTitle(text)).toBe('Clinics for staff');
    expect(firstHitTitle(await slackCommandText(harness, member, 'cases menopause support'))).toBe('Clinics for staff');
  });

  it('tells a visitor what members can do, with a Join button', async () => {
    const blocks = (await slackCommand(harness, visitor, 'how do other trusts keep nurses near retirement')).blocks;
    expect(JSON.stringify(blocks)).toContain('That is not a command I know');
    expect(JSON.stringify(blocks)).toContain('"value":"join"');
  });

  it('gives bad input a sensible answer and no error', async () => {
    for (const typed of [
      'a'.repeat(20) + ' support '.repeat(620),
      '?!?!...;;',
      '🙂🙂🙂',
      "'; DROP TABLE members; --",
      'Sut mae cadw nyrsys?',
    ]) {
      const text = await slackCommandText(harness, member, typed.slice(0, 5000));
      expect(text).not.toContain('something went wrong');
      expect(text.length).toBeGreaterThan(20);
    }
    expect(await harness.bot.database.prisma.member.count()).toBe(2);
    // Nothing found: the themes and help.
    const nothing = await slackCommandText(harness, member, 'zyxxy quokka');
    expect(nothing).toContain('/cop help');
  });
});

describe('help by role', () => {
  it('shows a member no facilitator or admin commands, and a national admin every topic', async () => {
    const forMember = await slackCommandText(harness, member, 'help');
    expect(forMember).toContain('Case studies');
    expect(forMember).not.toContain('case reject');
    expect(forMember).not.toContain('admin revoke');
    const forAdmin = await slackCommandText(harness, admin, 'help');
    expect(forAdmin).toContain('For national admins');
    expect(forAdmin).toContain('/cop organisation exemplar remove');
  });

  it('answers help <topic>', async () => {
    const text = await slackCommandText(harness, member, 'help case studies');
    expect(text).toContain('/cop case submit');
    expect(text).toContain('For example: `/cop cases menopause support`');
  });
});

describe('region names and abbreviations', () => {
  it('takes Yorkshire, North East, NEY, Cymru and NW, and suggests the nearest for a near miss', async () => {
    for (const typed of ['yorkshire', 'north east', 'NEY', 'cymru', 'NW', 'the East']) {
      const text = await slackCommandText(harness, member, `digest preview ${typed}`);
      expect(text).not.toContain("I don't know");
    }
    const granted = await slackCommandText(harness, admin, 'admin grant facilitator <@U0QMEMBER> ney');
    expect(granted).toContain('Done');
    const near = await slackCommandText(harness, admin, 'admin grant facilitator <@U0QMEMBER> yorkshre');
    expect(near).toContain('Did you mean North East and Yorkshire?');
  });
});

describe('questions in Teams', () => {
  it('answers in the personal chat and in a channel alike', async () => {
    expect(await teamsText('when is the next masterclass')).toContain('I read that as');
    expect(await teamsText('which regions are there', channel)).toContain('I read that as');
    expect(await teamsText('evnets', channel)).toContain('Did you mean events?');
    expect(await teamsText('evnets')).toContain('Did you mean events?');
    expect(await teamsText('sign me up', channel)).toContain('[join]');
    expect(await teamsText('menopause support')).toContain('That is not a command I know');
  });

  it('shows a visitor help without facilitator commands', async () => {
    const text = await teamsText('help');
    expect(text).toContain('Getting started');
    expect(text).not.toContain('case reject');
  });
});

describe('organisations found by name, code or words without punctuation', () => {
  it('lists Hull University Teaching Hospitals first for "Hull", finds "guys" and "RJ1", with ODS codes', async () => {
    // The join form's typeahead, as Slack asks for it while the person types.
    const first = async (typed: string) => (await slackSuggest(harness, visitor, 'member.profile', 'organisation', typed))[0]?.text.text;
    expect(await first('Hull')).toBe('Hull University Teaching Hospitals NHS Trust (RWA)');
    expect(await first('guys')).toBe("Guy's and St Thomas' NHS Foundation Trust (RJ1)");
    expect(await first('RJ1')).toBe("Guy's and St Thomas' NHS Foundation Trust (RJ1)");
    expect(await slackSuggest(harness, visitor, 'member.profile', 'organisation', '%_%')).toHaveLength(0);
  });
});
