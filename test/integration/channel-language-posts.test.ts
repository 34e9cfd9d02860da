// Posts that follow their channel's language, through the real Slack and Teams endpoints and the outbox:
// the scheduled digest (the national one on the synthetic demo data for every organisation, with the
// starter case studies: the longest realistic digest) in an NHS Wales community channel is Welsh first,
// then English, in one post within each platform's limits, while an English channel's stays English;
// a case study shared into a channel set to both languages; and the welcome after joining in the
// language chosen in the form, with `profile` showing that choice.
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemoData, writeDemoData } from '../../src/core/metrics/demo-data.js';
import { PrismaMetricStore } from '../../src/db/repositories/metric-repository.js';
import { adaptiveCardToText, cardsOf, slackBlocksToText } from '../../src/dev/readable-text.js';
import type { RecordedRequest } from '../../src/dev/recording-server.js';
import type { SlackIdentity } from '../../src/dev/slack-requests.js';
import { mentionActivity, postActivity, type TeamsIdentity } from '../../src/dev/teams-activities.js';
import { SLACK_LIMITS } from '../../src/slack/block-kit-limits.js';
import { TEAMS_CARD_LIMITS } from '../../src/teams/card-limits.js';
import { slackClick, slackCommandText } from '../support/chat.js';
import { joinInSlack } from '../support/members.js';
import { startTestBot, type TestBot } from '../support/test-bot.js';

type Json = Record<string, unknown>;
let harness: TestBot;
const prisma = () => harness.bot.database.prisma;
const inSlack = (userId: string, channelId: string): SlackIdentity => ({ teamId: 'T0TEST', userId, channelId });
const admin = (channel: string) => inSlack('U0ADMIN', channel);
const TEAMS_WALES: TeamsIdentity = {
  tenantId: 'tenant-cy',
  userId: '29:teams-admin',
  aadObjectId: 'aad-teams-admin',
  conversationId: '19:wales-digest@thread.tacv2',
  conversationType: 'channel',
};

const postsTo = (channel: string) =>
  harness.slack.requests.filter((r) => r.path === '/chat.postMessage' && (r.json as Json)['channel'] === channel);
const blocksOf = (request: RecordedRequest) => (request.json as { blocks: Json[] }).blocks;
const textOf = (request: RecordedRequest) => slackBlocksToText(blocksOf(request));
const slack = (who: SlackIdentity, text: string) => slackCommandText(harness, who, text, 20_000);

/** Every text a Slack block carries (section, header, context elements), to check against the section limit. */
function blockTexts(blocks: readonly Json[]): string[] {
  return blocks
    .flatMap((block) => [
      block['text'],
      ...((block['elements'] as unknown[] | undefined) ?? []),
      ...((block['fields'] as unknown[] | undefined) ?? []),
    ])
    .map((part) => (part && typeof part === 'object' ? (part as Json)['text'] : undefined))
    .filter((text): text is string => typeof text === 'string');
}

beforeAll(async () => {
  harness = await startTestBot({ COP_ADMINS: 'U0ADMIN 29:teams-admin', PUBLIC_URL: 'https://cop.example.test/' });
  const metrics = new PrismaMetricStore(prisma());
  const data = generateDemoData(await metrics.allOrganisations(), '2025-05');
  await metrics.importInTransaction(
    { layout: 'demo', source: 'Synthetic demo data (generated, not real figures)', synthetic: true },
    (writer) => writeDemoData(writer, data),
  );
  await joinInSlack(harness, admin('C0ANY'), 'Ada Admin', { region: 'WALES' });
  expect(await slack(admin('C0CYDIGEST'), 'channel link wales')).toContain('NHS Wales');
  expect(await slack(admin('C0ENDIGEST'), 'channel link london')).toContain('Done');
  const linked = await postActivity(harness.url, mentionActivity('channel link wales', harness.connector.url, TEAMS_WALES));
  expect(linked.status).toBeLessThan(300);
  await harness.drainOutbox();
}, 180_000);
afterAll(async () => {
  await harness?.stop();
});

describe('scheduled digests in the channel’s language', () => {
  it('posts the national digest Welsh first, then English, in an NHS Wales channel on Slack and Teams, within limits; English elsewhere', async () => {
    for (const channel of ['C0CYDIGEST', 'C0ENDIGEST'])
      expect(await slack(admin(channel), 'digest subscribe national weekly')).toMatch(/Done|Wedi/);
    const teamsAsked = mentionActivity('digest subscribe national weekly', harness.connector.url, TEAMS_WALES);
    expect((await postActivity(harness.url, teamsAsked)).status).toBeLessThan(300);
    const subscriptions = await prisma().digestSubscription.findMany();
    expect(subscriptions).toHaveLength(3);
    const since = Math.max(...subscriptions.map((one) => one.activeSince.getTime()));
    let due = DateTime.fromMillis(since, { zone: 'Europe/London' }).set({ hour: 9, minute: 0, second: 0, millisecond: 0 });
    while (due.toMillis() <= since || due.weekday !== 1) due = due.plus({ days: 1 }).set({ hour: 9, minute: 0 });
    const result = await harness.bot.runDigestJobs(new Date(due.toMillis() + 20_000));
    expect(result.posted).toBe(3);
    await harness.drainOutbox();

    // Slack, NHS Wales: one post, Welsh then English, with the Welsh command words in the Welsh half.
    const welsh = postsTo('C0CYDIGEST').filter((post) => textOf(post).includes('CRYNODEB CADW STAFF'));
    expect(welsh).toHaveLength(1);
    const blocks = blocksOf(welsh[0]!);
    expect(blocks.length).toBeLessThanOrEqual(SLACK_LIMITS.blocksPerMessage);
    for (const text of blockTexts(blocks)) expect(text.length).toBeLessThanOrEqual(SLACK_LIMITS.sectionText);
    const text = textOf(welsh[0]!);
    const cyStart = text.indexOf('CRYNODEB CADW STAFF');
    const enStart = text.indexOf('RETENTION DIGEST');
    expect(cyStart).toBeGreaterThan(-1);
    expect(enStart).toBeGreaterThan(cyStart);
    expect(text.slice(cyStart, enStart)).toContain('Tanysgrifiad');
    expect(text.slice(enStart)).toContain('Subscription');
    // The command the new-case-studies section offers is in Welsh words in the Welsh half, in English in the English.
    expect(text.slice(cyStart, enStart)).toContain('I chwilio’r llyfrgell, teipiwch `/cop astudiaethau achos`');
    expect(text.slice(enStart)).toContain('To search the library, type `/cop cases`');
    // The chart is in each half, with its description in that half's language.
    expect(text.slice(cyStart, enStart)).toContain('Siart llinell o’r gyfradd gadael 12 mis');
    expect(text.slice(enStart)).toContain('Line chart of the 12-month leaver rate');

    // Slack, England: English only.
    const english = postsTo('C0ENDIGEST')
      .map(textOf)
      .filter((one) => one.includes('RETENTION DIGEST'));
    expect(english).toHaveLength(1);
    expect(english[0]).not.toContain('CRYNODEB');
    expect(english[0]).toContain('Subscription');

    // Teams, NHS Wales: one card, Welsh then English, valid and within the byte budget.
    const path = `/v3/conversations/${TEAMS_WALES.conversationId}/activities`;
    const teamsPosts = harness.connector.requests.filter(
      (r) => r.method === 'POST' && decodeURIComponent(r.path) === path && r.body.includes('Crynodeb cadw staff'),
    );
    expect(teamsPosts).toHaveLength(1);
    expect(Buffer.byteLength(teamsPosts[0]!.body, 'utf8')).toBeLessThanOrEqual(TEAMS_CARD_LIMITS.activityBytes);
    const card = adaptiveCardToText(cardsOf(teamsPosts[0]!.json)[0]);
    expect(card.indexOf('Retention digest')).toBeGreaterThan(card.indexOf('Crynodeb cadw staff'));
    expect(harness.teamsProblems).toEqual([]);
  }, 180_000);
});

describe('a digest preview in both languages', () => {
  it('builds each half in its own language: month names, numbers and command words', async () => {
    // Someone who has not joined, in the NHS Wales channel: both languages, Welsh first.
    const text = await slack(inSlack('U0VISITOR', 'C0CYDIGEST'), 'digest preview national');
    const cyStart = text.indexOf('CRYNODEB CADW STAFF');
    const enStart = text.indexOf('RETENTION DIGEST');
    expect(cyStart).toBeGreaterThan(-1);
    expect(enStart).toBeGreaterThan(cyStart);
    expect(text.slice(cyStart, enStart)).toContain('Mai 2025: y gyfradd gadael 12 mis yw 7.4%.');
    expect(text.slice(enStart)).toContain('May 2025: the 12-month leaver rate is 7.4%.');
    expect(text.slice(enStart)).not.toContain('Mai 2025');
    expect(text.slice(cyStart, enStart)).toContain('`/cop astudiaethau achos`');
  });
});

describe('a case study shared into a channel', () => {
  it('follows the channel’s language (both: Welsh then English), not the sharer’s', async () => {
    const sharer = inSlack('U0SHARER', 'C0BOTH');
    await joinInSlack(harness, sharer, 'Sam Sharer', { region: 'Y56', language: 'en' });
    expect(await slack(admin('C0BOTH'), 'channel language both')).toBeTruthy();
    const published = await prisma().caseStudy.findFirstOrThrow({ where: { status: 'published' }, orderBy: { number: 'asc' } });
    const reply = await slackClick(harness, sharer, 'case.share', String(published.number), 20_000);
    expect(reply.response_type).toBe('in_channel');
    const text = slackBlocksToText(reply.blocks);
    const cy = text.indexOf('Rhannwyd gan Sam Sharer');
    expect(cy).toBeGreaterThan(-1);
    expect(text.indexOf('Shared by Sam Sharer')).toBeGreaterThan(cy);
    // In an English channel the same member's share stays English.
    const inEnglish = slackBlocksToText(
      (await slackClick(harness, inSlack('U0SHARER', 'C0ENDIGEST'), 'case.share', String(published.number), 20_000)).blocks,
    );
    expect(inEnglish).toContain('Shared by Sam Sharer');
    expect(inEnglish).not.toContain('Rhannwyd');
  });
});

describe('joining', () => {
  it('welcomes in the language chosen in the form, and profile shows the choice', async () => {
    const who = inSlack('U0CARYS', 'C0ANY');
    const mark = harness.slack.requests.length;
    // England region, whose default is English: the choice in the form decides.
    await joinInSlack(harness, who, 'Carys Jones', { region: 'Y56', language: 'cy' });
    const dm = await harness.slack.waitFor(
      (request) =>
        harness.slack.requests.indexOf(request) >= mark &&
        request.path === '/chat.postMessage' &&
        (request.json as Json)['channel'] === 'U0CARYS',
    );
    const welcome = slackBlocksToText(blocksOf(dm));
    expect(welcome).toContain('Croeso, Carys Jones');
    expect(welcome).not.toContain('Welcome, Carys Jones');
    expect(welcome).toMatch(/\/cop digwyddiadau/);
    const profile = await slack(inSlack('U0CARYS', 'D0CARYS'), 'profile');
    expect(profile).toContain('Iaith');
    expect(profile).toContain('Cymraeg');
    const english = await slack(inSlack('U0SHARER', 'D0SHARER'), 'profile');
    expect(english).toMatch(/Language\s*\n?\s*English/);
  });
});
