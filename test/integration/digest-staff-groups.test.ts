// Digests for one staff group through both platforms' real endpoints: `digest preview R0A nurses`,
// `staff:` after a region or an organisation's name, forgiving names, an all-staff digest for a scope
// with staff-group figures only (names them, offers them as buttons that open their preview), a region's
// all-staff figures leaving out trusts with staff-group figures only, an unknown staff group, and
// subscriptions for a staff group posted by the scheduler.
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importMetrics } from '../../src/core/metrics/importer.js';
import { PrismaMetricStore } from '../../src/db/repositories/metric-repository.js';
import { adaptiveCardToText, cardsOf, slackBlocksToText } from '../../src/dev/readable-text.js';
import type { SlackIdentity } from '../../src/dev/slack-requests.js';
import { cardSubmitActivity, mentionActivity, messageActivity, type TeamsIdentity } from '../../src/dev/teams-activities.js';
import { csvTextSource } from '../../src/metrics/csv-source.js';
import { slackClick, slackCommand, teamsCard, teamsText } from '../support/chat.js';
import { cardProblems } from '../support/teams-cards.js';
import { personalChatId, startTestBot, type TestBot } from '../support/test-bot.js';

type Json = Record<string, unknown>;
let harness: TestBot;
const prisma = () => harness.bot.database.prisma;
const asker: SlackIdentity = { teamId: 'T0TEST', userId: 'U0STAFFASK', channelId: 'D0STAFFASK' };
const admin = (channelId: string): SlackIdentity => ({ teamId: 'T0TEST', userId: 'U0ADMIN', channelId });
const teamsPersonal: TeamsIdentity = {
  tenantId: 'tenant-staff',
  userId: '29:staff-user',
  aadObjectId: 'aad-staff-user',
  conversationId: 'a:staff-chat',
  conversationType: 'personal',
};
const teamsIn = (conversationId: string): TeamsIdentity => ({
  tenantId: 'tenant-staff',
  userId: '29:teams-admin',
  aadObjectId: 'aad-teams-admin',
  conversationId,
  conversationType: 'channel',
});
const SLACK_NW = 'C0STAFFNW';
const TEAMS_LONDON = '19:staff-london@thread.tacv2';

/**
 * 24 months (April 2023 to March 2025) in the project's layout, the same counts every month, so each
 * 12-month leaver rate is 12 x leavers / headcount. Worked out by hand:
 * - North West all staff: RTX 1,000 staff, 10 leavers a month; RW5 500 staff, 3 leavers: (120 + 36) / 1,500 = 10.4%.
 * - R0A (Manchester University NHS Foundation Trust, North West) has staff-group rows only: nurses & health
 *   visitors 400 staff, 4 leavers a month (48 / 400 = 12.0%); support to doctors, nurses & midwives 200 staff,
 *   3 leavers (36 / 200 = 18.0%). Were its groups added in, North West all staff would read 10.6%.
 * - North West nurses: RTX 300 staff, 2 leavers a month, with R0A: (24 + 48) / 700 = 10.3%.
 * - London: RJ1 midwives only, 100 staff, 1 leaver a month: 12 / 100 = 12.0%.
 */
function staffGroupCsv(): string {
  const lines = ['period,org_code,staff_group,headcount_start,headcount_end,leavers,joiners'];
  const rows: [string, string, number, number][] = [
    ['RTX', 'All staff groups', 1000, 10],
    ['RW5', 'All staff groups', 500, 3],
    ['RTX', 'Nurses & health visitors', 300, 2],
    ['R0A', 'Nurses & health visitors', 400, 4],
    ['R0A', 'Support to doctors, nurses & midwives', 200, 3],
    ['RJ1', 'Midwives', 100, 1],
  ];
  for (let i = 0; i < 24; i += 1) {
    const month = new Date(Date.UTC(2023, 3 + i, 1)).toISOString().slice(0, 7);
    for (const [code, group, headcount, leavers] of rows)
      lines.push(`${month},${code},"${group}",${headcount},${headcount},${leavers},${leavers}`);
  }
  return `${lines.join('\n')}\n`;
}

beforeAll(async () => {
  harness = await startTestBot({ PUBLIC_URL: 'https://cop.example.test/', COP_ADMINS: 'U0ADMIN 29:teams-admin' });
  const report = await importMetrics(
    csvTextSource('staff-groups.csv', staffGroupCsv()),
    { skipInvalid: false, currentMonth: '2025-06' },
    new PrismaMetricStore(prisma()),
  );
  expect(report.outcome).toBe('imported');
}, 120_000);

afterAll(async () => {
  await harness?.stop();
});

async function slackPreview(words: string, who: SlackIdentity = asker): Promise<{ text: string; blocks: Json[]; responseType?: string }> {
  const reply = await slackCommand(harness, who, `digest preview ${words}`, 20_000);
  return { text: slackBlocksToText(reply.blocks), blocks: reply.blocks, responseType: reply.response_type };
}

/** Slack buttons opening a preview (not those of the sections after the figures) as [label, action id, value]. */
function slackButtons(blocks: readonly Json[]): [string, string, string][] {
  return blocks
    .flatMap((block) =>
      block['type'] === 'actions'
        ? (block['elements'] as { text: { text: string }; action_id: string; value: string }[]).map((button): [string, string, string] => [
            button.text.text,
            button.action_id,
            button.value,
          ])
        : [],
    )
    .filter(([, , value]) => value.startsWith('digest preview'));
}

/** A card's Action.Execute buttons opening a preview as [title, verb, value]. */
function cardButtons(card: unknown): [string, string, string][] {
  const found: [string, string, string][] = [];
  const visit = (value: unknown) => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (value && typeof value === 'object') {
      const element = value as Json;
      if (element['type'] === 'Action.Execute')
        found.push([
          element['title'] as string,
          element['verb'] as string,
          ((element['data'] as Json | undefined)?.['value'] as string) ?? '',
        ]);
      Object.values(element).forEach(visit);
    }
  };
  visit(card);
  return found.filter(([, , value]) => value.startsWith('digest preview'));
}

/** Types `text` in a Teams channel for an answer meant for the asker alone: what reached their personal chat. */
async function teamsPrivately(conversationId: string, text: string): Promise<string> {
  const who = teamsIn(conversationId);
  const personal = `/v3/conversations/${personalChatId(who.userId)}/activities`;
  const mark = harness.connector.requests.length;
  expect(await teamsText(harness, mentionActivity(text, harness.connector.url, who))).toBe(
    "I've sent you the details in our private chat.",
  );
  const answers = harness.connector.requests.slice(mark).filter((r) => r.method === 'POST' && decodeURIComponent(r.path) === personal);
  expect(answers).toHaveLength(1);
  for (const card of cardsOf(answers[0]!.json)) expect(cardProblems(card)).toEqual([]);
  return cardsOf(answers[0]!.json).map(adaptiveCardToText).join('\n');
}

const R0A_NURSES = 'RETENTION DIGEST: MANCHESTER UNIVERSITY NHS FOUNDATION TRUST (R0A), NURSES & HEALTH VISITORS';

describe('previews for one staff group', () => {
  it('reads a trailing staff group after an ODS code or a region, and staff: after an organisation’s name, forgivingly', async () => {
    const nurses = await slackPreview('R0A nurses');
    expect(nurses.responseType).toBe('ephemeral');
    expect(nurses.text).toContain(R0A_NURSES);
    expect(nurses.text).toContain('March 2025: the 12-month leaver rate is 12.0%.');
    expect(nurses.text).toContain('Compared with a year ago: no change.');
    expect(nurses.text).toMatch(
      /Line chart of the 12-month leaver rate for Manchester University NHS Foundation Trust \(R0A\), Nurses & health visitors/,
    );
    for (const words of [
      'Manchester University NHS Foundation Trust staff:nurses',
      'r0a staff:nursing',
      'R0A staff: Nurses & health visitors',
    ])
      expect((await slackPreview(words)).text, words).toContain(R0A_NURSES);

    const region = await slackPreview('north west nurses');
    expect(region.text).toContain('RETENTION DIGEST: NORTH WEST, NURSES & HEALTH VISITORS');
    expect(region.text).toContain('March 2025: the 12-month leaver rate is 10.3%.');
    expect((await slackPreview('north-west staff:nurses')).text).toContain('March 2025: the 12-month leaver rate is 10.3%.');

    const support = await slackPreview('R0A staff:support to doctors');
    expect(support.text).toContain('MANCHESTER UNIVERSITY NHS FOUNDATION TRUST (R0A), SUPPORT TO DOCTORS, NURSES & MIDWIVES');
    expect(support.text).toContain('March 2025: the 12-month leaver rate is 18.0%.');

    const midwives = await slackPreview('london staff:midwifes');
    expect(midwives.text).toContain('RETENTION DIGEST: LONDON, MIDWIVES');
    expect(midwives.text).toContain('March 2025: the 12-month leaver rate is 12.0%.');
  }, 60_000);

  it('shows a staff group’s digest in Teams as a valid card, in a personal chat and from a channel', async () => {
    const card = await teamsCard(harness, messageActivity('digest preview london staff:midwives', harness.connector.url, teamsPersonal));
    expect(cardProblems(card)).toEqual([]);
    const text = adaptiveCardToText(card);
    expect(text).toContain('Retention digest: London, Midwives');
    expect(text).toContain('March 2025: the 12-month leaver rate is 12.0%.');
    const fromChannel = await teamsPrivately(TEAMS_LONDON, 'digest preview R0A nurses');
    expect(fromChannel).toContain('Retention digest: Manchester University NHS Foundation Trust (R0A), Nurses & health visitors');
    expect(fromChannel).toContain('12.0%');
  }, 60_000);
});

describe('a scope with staff-group figures only', () => {
  it('says so in Slack, names the staff groups, never says "no figures", and a button opens that group’s preview', async () => {
    const { text, blocks } = await slackPreview('R0A');
    expect(text).toContain(
      'There are no all-staff retention figures for Manchester University NHS Foundation Trust (R0A), but there are figures for these staff groups: Nurses & health visitors, Support to doctors, nurses & midwives.',
    );
    expect(text).toContain('Staff groups are never added together into an all-staff figure');
    expect(text).not.toMatch(/no retention figures for Manchester/);
    expect(text).not.toContain('leaver rate is');
    const buttons = slackButtons(blocks);
    expect(buttons.map(([label, , value]) => [label, value])).toEqual([
      ['Nurses & health visitors', 'digest preview R0A staff:nurses-health-visitors'],
      ['Support to doctors, nurses & midwives', 'digest preview R0A staff:support-to-doctors-nurses-midwives'],
    ]);
    const [, actionId, value] = buttons[0]!;
    const clicked = slackBlocksToText((await slackClick(harness, asker, actionId, value, 20_000)).blocks);
    expect(clicked).toContain(R0A_NURSES);
    expect(clicked).toContain('March 2025: the 12-month leaver rate is 12.0%.');
  }, 60_000);

  it('offers the same buttons in a Teams card, and a click opens that group’s preview', async () => {
    const card = await teamsCard(harness, messageActivity('digest preview london', harness.connector.url, teamsPersonal));
    expect(cardProblems(card)).toEqual([]);
    expect(adaptiveCardToText(card)).toContain(
      'There are no all-staff retention figures for London, but there are figures for these staff groups: Midwives.',
    );
    const buttons = cardButtons(card);
    expect(buttons).toEqual([['Midwives', 'cop.run', 'digest preview Y56 staff:midwives']]);
    const clicked = await teamsText(
      harness,
      cardSubmitActivity({ verb: 'cop.run', value: buttons[0]![2] }, harness.connector.url, teamsPersonal),
    );
    expect(clicked).toContain('Retention digest: London, Midwives');
    expect(clicked).toContain('March 2025: the 12-month leaver rate is 12.0%.');

    const fromChannel = await teamsPrivately(TEAMS_LONDON, 'digest preview R0A');
    expect(fromChannel).toContain('There are no all-staff retention figures for Manchester University NHS Foundation Trust (R0A)');
    expect(fromChannel).toContain('Support to doctors, nurses & midwives');
  }, 60_000);

  it('leaves out of a region’s all-staff figures the trusts with staff-group figures only, and names them', async () => {
    const { text } = await slackPreview('north west');
    expect(text).toContain('RETENTION DIGEST: NORTH WEST');
    expect(text).toContain('March 2025: the 12-month leaver rate is 10.4%.');
    expect(text).toContain(
      'Left out of these all-staff figures, because they have figures by staff group only: Manchester University NHS Foundation Trust (R0A).',
    );
    // The nation: R0A left out too; London's RJ1 (midwives only) as well.
    const national = await slackPreview('national');
    expect(national.text).toContain('March 2025: the 12-month leaver rate is 10.4%.');
    expect(national.text).toContain(
      "Left out of these all-staff figures, because they have figures by staff group only: Guy's and St Thomas' NHS Foundation Trust (RJ1); Manchester University NHS Foundation Trust (R0A).",
    );
    // An organisation with all-staff rows is not named.
    expect((await slackPreview('RTX')).text).not.toContain('Left out');
  }, 60_000);

  it('says when a staff group has no figures there, offering the groups that have', async () => {
    const { text, blocks } = await slackPreview('london nurses');
    expect(text).toContain(
      'There are no retention figures for Nurses & health visitors in London, but there are for these staff groups: Midwives.',
    );
    expect(slackButtons(blocks).map(([label]) => label)).toEqual(['Midwives']);
  }, 60_000);
});

describe('an unknown staff group', () => {
  it('lists the staff groups with figures for that scope, on both platforms, and changes nothing', async () => {
    const { text, blocks } = await slackPreview('north west staff:plumbers');
    expect(text).toContain(
      'I don\'t know "plumbers" as a staff group. North West has figures for these staff groups: Nurses & health visitors, Support to doctors, nurses & midwives.',
    );
    expect(slackButtons(blocks).map(([, , value]) => value)).toEqual([
      'digest preview Y62 staff:nurses-health-visitors',
      'digest preview Y62 staff:support-to-doctors-nurses-midwives',
    ]);
    expect((await slackPreview('R0A plumbers')).text).toContain(
      'Manchester University NHS Foundation Trust (R0A) has figures for these staff groups',
    );
    expect((await slackPreview('RTX staff:support')).text).toContain('"support" could be more than one staff group');
    expect((await slackPreview('RW5 staff:plumbers')).text).toContain(
      'I don\'t know "plumbers" as a staff group, and Lancashire and South Cumbria NHS Foundation Trust (RW5) has no figures by staff group, only for all staff (digest preview RW5).',
    );
    expect((await slackPreview('narnia staff:nurses')).text).toContain('I don\'t know "narnia" as a region');
    // A name after an organisation's name needs staff:.
    expect((await slackPreview('Manchester University NHS Foundation Trust nurses')).text).toContain(
      'as a region, national or an organisation code or name',
    );

    const card = await teamsCard(harness, messageActivity('digest preview london staff:plumbers', harness.connector.url, teamsPersonal));
    expect(cardProblems(card)).toEqual([]);
    expect(adaptiveCardToText(card)).toContain(
      'I don\'t know "plumbers" as a staff group. London has figures for these staff groups: Midwives.',
    );
    expect(cardButtons(card)).toEqual([['Midwives', 'cop.run', 'digest preview Y56 staff:midwives']]);
  }, 60_000);
});

/** The next Monday 09:00 in London after `after`. */
function nextMonday(after: Date): Date {
  let at = DateTime.fromJSDate(after, { zone: 'Europe/London' }).set({ hour: 9, minute: 0, second: 0, millisecond: 0 });
  while (at.toMillis() <= after.getTime() || at.weekday !== 1) at = at.plus({ days: 1 }).set({ hour: 9, minute: 0 });
  return at.toJSDate();
}

describe('subscriptions for a staff group', () => {
  it('subscribes a Slack channel to a region’s nurses beside its all-staff digest, lists both, and posts each once', async () => {
    expect(slackBlocksToText((await slackCommand(harness, admin(SLACK_NW), 'channel link north west', 20_000)).blocks)).toContain('Done');
    const say = async (text: string) => slackBlocksToText((await slackCommand(harness, admin(SLACK_NW), text, 20_000)).blocks);
    expect(await say('digest subscribe north-west weekly staff:nurses')).toMatch(
      /Done: this channel gets the North West, Nurses & health visitors retention digest every Monday at 09:00 \(Europe\/London\) \(subscription \d+\)/,
    );
    expect(await say('digest subscribe north-west weekly')).toMatch(/Done: this channel gets the North West retention digest every Monday/);
    expect(await say('digest subscribe north west nurses monthly')).toMatch(
      /This channel already gets the North West, Nurses & health visitors digest \(subscription \d+\), so nothing was changed/,
    );
    const before = await prisma().digestSubscription.count();
    expect(await say('digest subscribe north-west weekly staff:plumbers')).toContain('I don\'t know "plumbers" as a staff group.');
    expect(await prisma().digestSubscription.count()).toBe(before);

    const stored = await prisma().digestSubscription.findMany({
      where: { conversation: { externalId: SLACK_NW } },
      orderBy: { number: 'asc' },
    });
    expect(stored.map((one) => [one.scopeKind, one.scopeCode, one.staffGroupCode, one.schedule])).toEqual([
      ['region', 'Y62', 'nurses-health-visitors', 'weekly'],
      ['region', 'Y62', 'all-staff-groups', 'weekly'],
    ]);
    const audit = await prisma().auditEntry.findFirstOrThrow({ where: { action: 'digest.subscribed', subject: stored[0]!.id } });
    expect(audit.details).toMatchObject({ scope: 'region:Y62', staffGroup: 'nurses-health-visitors' });

    const list = await say('digest list');
    expect(list).toContain(`${stored[0]!.number}. North West, Nurses & health visitors`);
    expect(list).toMatch(new RegExp(`${stored[1]!.number}\\. North West\\*? Posted`));

    // The scheduler: both subscriptions post their period once, each its own staff group.
    const due = nextMonday(stored[0]!.activeSince);
    await harness.bot.runDigestJobs(new Date(due.getTime() + 20_000));
    await harness.bot.runDigestJobs(new Date(due.getTime() + 50_000));
    await harness.drainOutbox();
    const posts = harness.slack.requests
      .filter((r) => r.path === '/chat.postMessage' && (r.json as Json)['channel'] === SLACK_NW)
      .map((r) => slackBlocksToText((r.json as { blocks: unknown }).blocks))
      .filter((text) => text.includes('RETENTION DIGEST'));
    expect(posts).toHaveLength(2);
    const nurses = posts.find((text) => text.includes('RETENTION DIGEST: NORTH WEST, NURSES & HEALTH VISITORS'))!;
    expect(nurses).toContain('March 2025: the 12-month leaver rate is 10.3%.');
    expect(nurses).toContain(`Subscription ${stored[0]!.number}: posted every Monday at 09:00 (Europe/London).`);
    const all = posts.find((text) => !text.includes('NURSES'))!;
    expect(all).toContain('March 2025: the 12-month leaver rate is 10.4%.');
    expect(all).toContain('Left out of these all-staff figures');
    const keys = await prisma().digestPost.findMany({
      where: { subscriptionId: { in: stored.map((one) => one.id) } },
      select: { outboxKey: true },
    });
    expect(new Set(keys.map((key) => key.outboxKey)).size).toBe(2);
  }, 90_000);

  it('subscribes a Teams channel to a staff group and posts it now', async () => {
    expect(await teamsText(harness, mentionActivity('channel link london', harness.connector.url, teamsIn(TEAMS_LONDON)))).toContain(
      'Done',
    );
    const reply = await teamsText(
      harness,
      mentionActivity('digest subscribe london staff:midwives monthly', harness.connector.url, teamsIn(TEAMS_LONDON)),
    );
    expect(reply).toContain(
      'Done: this channel gets the London, Midwives retention digest at 09:00 on the first working day of each month',
    );
    expect(await teamsPrivately(TEAMS_LONDON, 'digest list')).toMatch(/\d+\. London, Midwives Posted at 09:00 on the first working day/);
    expect(await teamsPrivately(TEAMS_LONDON, 'digest now')).toContain('The London, Midwives digest is on its way to this channel.');
    await harness.drainOutbox();
    const post = await harness.connector.waitFor(
      (request) =>
        request.method === 'POST' &&
        decodeURIComponent(request.path) === `/v3/conversations/${TEAMS_LONDON}/activities` &&
        request.body.includes('Retention digest: London, Midwives'),
    );
    for (const card of cardsOf(post.json)) expect(cardProblems(card)).toEqual([]);
    expect(cardsOf(post.json).map(adaptiveCardToText).join('\n')).toContain('March 2025: the 12-month leaver rate is 12.0%.');
  }, 60_000);
});
