// `digest preview` through both platforms' real endpoints, on figures imported from the NHS-layout
// fixtures (worked out by hand in metrics-import.test.ts): headline, changes, trend chart served by the
// bot under an unguessable URL with a text fallback, organisational changes, suppression, and the
// platforms' size limits.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { importMetrics } from '../../src/core/metrics/importer.js';
import { PrismaMetricStore } from '../../src/db/repositories/metric-repository.js';
import { adaptiveCardToText, slackBlocksToText } from '../../src/dev/readable-text.js';
import { type SlackIdentity } from '../../src/dev/slack-requests.js';
import { messageActivity, type TeamsIdentity } from '../../src/dev/teams-activities.js';
import { csvFileSource, csvTextSource } from '../../src/metrics/csv-source.js';
import { newCasesSection } from '../../src/core/cases/digest-cases.js';
import { translator } from '../../src/core/i18n/translator.js';
import { message } from '../../src/core/reply/reply.js';
import { PrismaCaseStore } from '../../src/db/repositories/case-repository.js';
import { PrismaReferenceData } from '../../src/db/repositories/reference-data-repository.js';
import { renderMessage } from '../../src/slack/block-kit.js';
import { SLACK_LIMITS } from '../../src/slack/block-kit-limits.js';
import { startTestBot, type TestBot } from '../support/test-bot.js';
import { slackCommandText, teamsCard } from '../support/chat.js';
import { joinInSlack } from '../support/members.js';
import { slackCommand } from '../support/chat.js';
import { imageFileId, slackUpload } from '../support/slack-uploads.js';

const PUBLIC_URL = 'https://cop.example.test/';
const fixtures = new URL('../fixtures/metrics/', import.meta.url).pathname;
let harness: TestBot;
/** While true, Slack's stand-in refuses uploads as Slack does without the files:write scope. */
let failUploads = false;
const asker: SlackIdentity = { teamId: 'T0TEST', userId: 'U0DIGEST', channelId: 'C0DIGEST' };
const teamsAsker: TeamsIdentity = {
  tenantId: 'tenant-digest',
  userId: '29:digest-user',
  aadObjectId: 'aad-digest-user',
  conversationId: 'a:digest-chat',
  conversationType: 'personal',
};
type Json = Record<string, unknown>;
const ADMIN: SlackIdentity = { teamId: 'T0TEST', userId: 'U0ADMIN', channelId: 'C0ADMIN' };
const LONDON_FACILITATOR: SlackIdentity = { teamId: 'T0TEST', userId: 'U0LONFAC', channelId: 'C0LONFAC' };

beforeAll(async () => {
  harness = await startTestBot(
    { PUBLIC_URL, COP_ADMINS: ADMIN.userId },
    {
      slackApi: (request) =>
        failUploads && request.path === '/files.getUploadURLExternal' ? { body: { ok: false, error: 'missing_scope' } } : undefined,
    },
  );
  const store = new PrismaMetricStore(harness.bot.database.prisma);
  for (const file of ['nhs-turnover-transfer.csv', 'nhs-sickness-bom-crlf.csv']) {
    const report = await importMetrics(await csvFileSource(`${fixtures}${file}`), { skipInvalid: false, currentMonth: '2025-06' }, store);
    expect(report.outcome).toBe('imported');
  }
  const northWest = await importMetrics(
    csvTextSource('north-west.csv', northWestCsv()),
    { skipInvalid: false, currentMonth: '2025-06' },
    store,
  );
  expect(northWest.outcome).toBe('imported');
}, 120_000);

afterAll(async () => {
  await harness.stop();
});

/**
 * Two North West trusts, 24 months (April 2023 to March 2025), in the project's layout. Worked out by hand:
 * - RTX, 1,000 staff every month: leavers 8 a month in the first year and 10 in the second (9.6% -> 12.0%);
 *   joiners 10 then 8 (12.0% -> 9.6%); 100 newly qualified staff with 1 then 2 leavers a month (12.0% -> 24.0%);
 *   vacant FTE 50 of 1,000 then 60 of 1,000 (5.0% -> 6.0%).
 * - RW5, 500 staff: 3 leavers and 3 joiners every month (7.2% both years); no newly qualified or vacancy figures.
 * North West in March 2025: leavers (120 + 36) / 1,500 = 10.4%, a year earlier (96 + 36) / 1,500 = 8.8% (up 1.6
 * points); joiners (96 + 36) / 1,500 = 8.8%, a year earlier 10.4% (down 1.6); newly qualified leavers 24.0%, up
 * 12.0 points; vacancy 6.0%, up 1.0.
 */
function northWestCsv(): string {
  const lines = [
    'period,org_code,staff_group,headcount_start,headcount_end,fte,leavers,joiners,stability_base,stability_stayed,vacancy_fte,nq_headcount,nq_leavers',
  ];
  for (let i = 0; i < 24; i += 1) {
    const month = new Date(Date.UTC(2023, 3 + i, 1)).toISOString().slice(0, 7);
    const second = i >= 12;
    lines.push(
      `${month},RTX,All staff groups,1000,1000,${second ? 940 : 950},${second ? 10 : 8},${second ? 8 : 10},,,${second ? 60 : 50},100,${second ? 2 : 1}`,
    );
    lines.push(`${month},RW5,All staff groups,500,500,,3,3,,,,,`);
  }
  return `${lines.join('\n')}\n`;
}

const DAY = 24 * 60 * 60 * 1000;
/** An event stored as the event form would store it, starting `days` from now (at the whole hour). */
async function storeEvent(details: {
  type: 'masterclass' | 'webinar' | 'community_meeting';
  title: string;
  description: string;
  regionCode: string | null;
  days: number;
  capacity?: number;
}) {
  // Noon UTC on the day: an hour-long event never crosses midnight in UK time, whenever the test runs.
  const day = new Date(Date.now() + details.days * DAY);
  const startsAt = new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), 12));
  return harness.bot.database.prisma.event.create({
    data: {
      type: details.type,
      title: details.title,
      description: details.description,
      regionCode: details.regionCode,
      startsAt,
      endsAt: new Date(startsAt.getTime() + 60 * 60 * 1000),
      onlineUrl: 'https://meet.example.nhs.uk/1',
      capacity: details.capacity ?? null,
    },
  });
}

async function slackPreview(words: string): Promise<{ json: Json; blocks: Json[] }> {
  const reply = await slackCommand(harness, asker, `digest preview ${words}`.trim());
  return { json: reply as unknown as Json, blocks: reply.blocks };
}

describe('digest preview', () => {
  it('shows a region’s digest only to the asker in Slack, with figures worked out by hand, and serves its chart', async () => {
    const { json, blocks } = await slackPreview('london');
    expect(json['response_type']).toBe('ephemeral');
    const text = slackBlocksToText(blocks);
    expect(text).toContain('RETENTION DIGEST: LONDON');
    // (96 + 60) leavers over (10,100 / 11 + 590) staff: 10.3%.
    expect(text).toContain('March 2025: the 12-month leaver rate is 10.3%.');
    expect(text).toContain('Compared with last month: no figure to compare.');
    expect(text).toContain('Sickness absence (month)\n5.0%');
    expect(text).toMatch(
      /Organisational changes \(staff transfers, mergers\), not counted as turnover: .*Guy's and St Thomas' NHS Foundation Trust \(RJ1\) \(September 2024\)/,
    );
    expect(text).toMatch(/Source: nhs-turnover-transfer\.csv, nhs-sickness-bom-crlf\.csv, imported/);
    expect(text).toContain('Trend: Apr 2024 –,');
    expect(text).toContain('Mar 2025 10.3%');
    expect(text).not.toContain('Synthetic');
    expect(blocks.length).toBeLessThanOrEqual(SLACK_LIMITS.blocksPerMessage);
    expect(JSON.stringify(blocks).length).toBeLessThanOrEqual(SLACK_LIMITS.messageCharacters);

    // The chart is uploaded to Slack (no public address needed) and shown from Slack's own copy.
    const image = blocks.find((block) => block['type'] === 'image')!;
    expect(image['alt_text']).toMatch(/^Line chart of the 12-month leaver rate for London from Apr 2024 to Mar 2025: /);
    expect(image).not.toHaveProperty('image_url');
    const fileId = imageFileId(blocks)!;
    expect(fileId).toMatch(/^F\d+$/);
    const upload = await slackUpload(harness.slack, fileId);
    expect(upload.bytes.subarray(1, 4).toString()).toBe('PNG');
    expect(upload.asked.json).toMatchObject({ filename: 'trend.png', length: String(upload.bytes.length) });
    expect((upload.asked.json as Json)['alt_text']).toBe(image['alt_text']);
    // A private preview's chart is shared into the asker's direct messages with the bot, never the channel they asked in.
    expect(upload.completed.json).toMatchObject({ channel_id: `D${asker.userId.slice(1)}` });

    // Where the upload fails (the files:write scope missing), the chart is a download button instead, served by the bot.
    failUploads = true;
    const fallback = (await slackPreview('london')).blocks;
    failUploads = false;
    expect(fallback.find((block) => block['type'] === 'image')).toBeUndefined();
    const button = fallback
      .flatMap((block) => (block['elements'] as Json[] | undefined) ?? [])
      .find((element) => String(element['action_id']).startsWith('link.chart'))!;
    expect(button['text']).toMatchObject({ text: 'Download the chart' });
    expect(slackBlocksToText(fallback)).toContain('Trend: Apr 2024 –,');
    const url = button['url'] as string;
    expect(url).toMatch(/^https:\/\/cop\.example\.test\/links\/[A-Za-z0-9_-]{43}\/trend\.png$/);
    const chart = await fetch(`${harness.url}/${url.slice(PUBLIC_URL.length)}`);
    expect(chart.status).toBe(200);
    expect(chart.headers.get('content-type')).toBe('image/png');
    expect(chart.headers.get('content-disposition')).toMatch(/^inline/);
    const png = Buffer.from(await chart.arrayBuffer());
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    const unknown = await fetch(`${harness.url}/links/${'x'.repeat(43)}/trend.png`);
    expect(unknown.status).toBe(404);
    const notFound = await unknown.text();
    expect((await fetch(`${harness.url}/charts/${'x'.repeat(32)}.png`)).status).toBe(404);
    expect((await fetch(`${harness.url}/charts/..%2F..%2Fetc.png`)).status).toBe(404);

    // Charts posted before the links were one keep their address: the migration kept a SHA-256 of their token.
    const oldToken = 'o'.repeat(32);
    const prisma = harness.bot.database.prisma;
    const legacy = { kind: 'chart', filename: 'trend.png', mediaType: 'image/png', content: new Uint8Array(png) };
    await prisma.fileLink.create({
      data: {
        ...legacy,
        tokenHash: `sha256:${createHash('sha256').update(oldToken).digest('hex')}`,
        expiresAt: new Date(harness.clock.now().getTime() + 60_000),
      },
    });
    const old = await fetch(`${harness.url}/charts/${oldToken}.png`);
    expect(old.status).toBe(200);
    expect(Buffer.from(await old.arrayBuffer()).equals(png)).toBe(true);
    // An expired chart answers as an unknown link does.
    await prisma.fileLink.updateMany({ where: { kind: 'chart' }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const expired = await fetch(`${harness.url}/${url.slice(PUBLIC_URL.length)}`);
    expect(expired.status).toBe(404);
    expect(await expired.text()).toBe(notFound);
    expect((await fetch(`${harness.url}/charts/${oldToken}.png`)).status).toBe(404);
  }, 60_000);

  it('does not publish an organisation’s rate built on a suppressed count, and says why', async () => {
    const text = slackBlocksToText((await slackPreview('RJZ')).blocks);
    expect(text).toContain("RETENTION DIGEST: KING'S COLLEGE HOSPITAL NHS FOUNDATION TRUST");
    expect(text).toContain('March 2025: the 12-month leaver rate is not published: a count was suppressed at source.');
  }, 60_000);

  it('says so for a region without figures, and explains an unknown scope', async () => {
    expect(slackBlocksToText((await slackPreview('wales')).blocks)).toContain('There are no retention figures for NHS Wales yet');
    expect(slackBlocksToText((await slackPreview('narnia')).blocks)).toContain(
      'I don\'t know "narnia" as a region, national or an organisation code or name.',
    );
  }, 60_000);

  it('shows the national digest as an Adaptive Card in Teams, within its size limit', async () => {
    const activity = messageActivity('digest preview national', harness.connector.url, teamsAsker);
    const card = (await teamsCard(harness, activity)) as unknown as Json;
    const text = adaptiveCardToText(card);
    expect(text).toContain('Retention digest: England and Wales');
    expect(text).toContain('Regions, lowest leaver rate first');
    expect(text).toMatch(/• London {2}10\.3%/);
    expect(text).toMatch(/\[image: Line chart of the 12-month leaver rate for England and Wales/);
    expect(JSON.stringify(card).length).toBeLessThan(80 * 1024);
    // The chart is inline in the card (Teams needs no address to fetch it from), with its description.
    const image = (card['body'] as Json[]).find((element) => element['type'] === 'Image')!;
    expect(image['altText']).toMatch(/^Line chart of the 12-month leaver rate for England and Wales from Apr 2024 to Mar 2025: /);
    const url = image['url'] as string;
    expect(url).toMatch(/^data:image\/png;base64,/);
    expect(Buffer.from(url.slice('data:image/png;base64,'.length), 'base64').subarray(1, 4).toString()).toBe('PNG');
    expect(text).toContain('Trend: Apr 2024');
  }, 60_000);
});

describe('digest sections from events and case studies', () => {
  let preceptorship: { number: number };
  let flexible: { number: number };
  let menopause: { number: number };
  let london: { number: number };
  beforeAll(async () => {
    preceptorship = await storeEvent({
      type: 'masterclass',
      title: 'Preceptorship that keeps newly qualified nurses',
      description: 'Three trusts on their programmes.',
      regionCode: 'Y62',
      days: 10,
      capacity: 40,
    });
    // Beyond the two weeks: not "coming up", but the next masterclass on flexible working.
    flexible = await storeEvent({
      type: 'masterclass',
      title: 'Making flexible working real on wards',
      description: 'Rostering and requests.',
      regionCode: 'Y62',
      days: 20,
    });
    menopause = await storeEvent({
      type: 'webinar',
      title: 'Menopause support at work',
      description: 'National webinar.',
      regionCode: null,
      days: 5,
    });
    london = await storeEvent({
      type: 'community_meeting',
      title: 'London community meeting',
      description: 'Regional meeting.',
      regionCode: 'Y56',
      days: 3,
    });
    const cancelled = await storeEvent({
      type: 'masterclass',
      title: 'Cancelled preceptorship session',
      description: 'Cancelled.',
      regionCode: 'Y62',
      days: 2,
    });
    await harness.bot.database.prisma.event.update({ where: { id: cancelled.id }, data: { status: 'cancelled', cancelledAt: new Date() } });
  }, 60_000);

  it('points each worsened figure at case studies tagged for it and the next masterclass on it, and lists what is coming up', async () => {
    const { blocks } = await slackPreview('north west');
    const text = slackBlocksToText(blocks);
    expect(text).toContain('March 2025: the 12-month leaver rate is 10.4%.');
    expect(text).toContain('Compared with a year ago: up 1.6 points.');

    const help = text.slice(text.indexOf('WHAT COULD HELP'), text.indexOf('COMING UP'));
    expect(help).not.toBe('');
    // Worst first; only figures that worsened (stability and sickness are not given, so never named).
    const order = [
      'Newly qualified leaver rate up 12.0 points',
      'Leaver rate up 1.6 points',
      'Joiner rate down 1.6 points',
      'Vacancy rate up 1.0 points',
    ].map((line) => help.indexOf(line));
    expect(order.every((at) => at >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(help).not.toMatch(/Stability|Sickness/);
    const line = (start: string) => help.slice(help.indexOf(start)).split('\n')[0]!;
    // Newly qualified leavers: the preceptorship case study (tagged preceptorship) and the preceptorship masterclass.
    expect(line('Newly qualified leaver rate')).toMatch(
      /Case studies: #\d+ Legacy mentoring and preceptorship for newly qualified staff\./,
    );
    expect(line('Newly qualified leaver rate')).toContain(
      `Next masterclass on it: #${preceptorship.number} Preceptorship that keeps newly qualified nurses,`,
    );
    // Leavers: flexible retirement and legacy mentoring case studies; the flexible working masterclass three weeks away.
    expect(line('Leaver rate up')).toContain('Flexible retirement and retire and return');
    expect(line('Leaver rate up')).toContain(`Next masterclass on it: #${flexible.number} Making flexible working real on wards,`);
    // The cancelled masterclass and the national webinar are never offered as a masterclass.
    expect(help).not.toContain('Cancelled preceptorship session');
    expect(help).not.toContain('Menopause support at work');
    expect(help).toContain(`[Event details #${preceptorship.number}]`);

    const comingUp = text.slice(text.indexOf('COMING UP IN THE NEXT TWO WEEKS'));
    expect(comingUp).toMatch(
      new RegExp(
        `#${menopause.number} Menopause support at work  \\w{3} \\d+ \\w{3} \\d{4}, \\d\\d:00 to \\d\\d:00 \\(UK time\\) · Webinar · National \\(every region\\) · no limit on places`,
      ),
    );
    expect(comingUp).toContain(`#${preceptorship.number} Preceptorship that keeps newly qualified nurses`);
    expect(comingUp).toContain('Masterclass · North West · 40 of 40 places left');
    expect(comingUp).not.toContain('London community meeting');
    expect(comingUp).not.toContain('Making flexible working real on wards');
    expect(comingUp).not.toContain('Cancelled preceptorship session');
    expect(comingUp).toContain(`[Event details #${menopause.number}] [Event details #${preceptorship.number}]`);

    // The seven starter case studies were published as the bot started: the three newest, the rest counted.
    expect(text).toContain('NEW CASE STUDIES IN THE LAST 30 DAYS');
    expect(text).toContain('…and 4 more. To search the library, type `/cop cases`');
    expect(text).toMatch(/\[Open #\d+\] \[Open #\d+\] \[Open #\d+\]/);

    expect(blocks.length).toBeLessThanOrEqual(SLACK_LIMITS.blocksPerMessage);
    expect(text).not.toContain('more than fits in one message');
    expect(text).toMatch(/Source: north-west\.csv, imported/);
  }, 60_000);

  it('still brings what is coming up and what is new to a region without figures', async () => {
    const text = slackBlocksToText((await slackPreview('wales')).blocks);
    expect(text).toContain('There are no retention figures for NHS Wales yet');
    expect(text).toContain('COMING UP IN THE NEXT TWO WEEKS');
    expect(text).toContain('Menopause support at work');
    expect(text).toContain('NEW CASE STUDIES IN THE LAST 30 DAYS');
    expect(text).not.toContain('WHAT COULD HELP');
  }, 60_000);

  it('lists case studies published since the previous digest, with the date, when there was one', async () => {
    const prisma = harness.bot.database.prisma;
    const services = { cases: new PrismaCaseStore(prisma), reference: new PrismaReferenceData(prisma) };
    const t = translator('en');
    const since = new Date(Date.now() - 2 * DAY);
    // Case 2 approved yesterday; the others were published before the previous digest.
    await prisma.caseStudy.updateMany({ data: { createdAt: new Date(Date.now() - 40 * DAY) } });
    await prisma.caseStudy.update({ where: { number: 2 }, data: { reviewedAt: new Date(Date.now() - DAY) } });
    const input = {
      scope: { kind: 'region' as const, code: 'Y62' },
      regionCode: 'Y62',
      month: '2025-03',
      now: new Date(),
      worsened: [],
      t,
    };
    const text = slackBlocksToText(renderMessage(message('x', await newCasesSection({ ...input, since }, services))).blocks);
    expect(text).toContain(
      `NEW CASE STUDIES SINCE ${since.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/London' }).toUpperCase()}`,
    );
    expect(text).toContain('#2 People Promise exemplar programme');
    expect(text).not.toContain('#3 ');
    expect(text).toContain('[Open #2]');
    // Nothing new since now: no section at all.
    expect(await newCasesSection({ ...input, since: new Date() }, services)).toEqual([]);
    // Without a previous digest: the last 30 days, which now holds only case 2.
    expect(
      slackBlocksToText(renderMessage(message('x', await newCasesSection({ ...input, since: undefined }, services))).blocks),
    ).toContain('NEW CASE STUDIES IN THE LAST 30 DAYS\n• #2 ');
  }, 60_000);

  it('the Event details button runs event <number>', async () => {
    const { blocks } = await slackPreview('north west');
    const button = blocks
      .flatMap((block) => (block['elements'] as Json[] | undefined) ?? [])
      .find((element) => (element['text'] as Json | undefined)?.['text'] === `Event details #${preceptorship.number}`)!;
    expect(button['value']).toBe(`event ${preceptorship.number}`);
  }, 60_000);

  it('offers no help where nothing worsened, and the nation sees national events with a count per region', async () => {
    const londonText = slackBlocksToText((await slackPreview('london')).blocks);
    expect(londonText).not.toContain('WHAT COULD HELP');
    expect(londonText).toContain(`#${london.number} London community meeting`);

    const card = await teamsCard(harness, messageActivity('digest preview national', harness.connector.url, teamsAsker));
    const text = adaptiveCardToText(card);
    expect(text).toContain('Coming up in the next two weeks');
    expect(text).toContain(`#${menopause.number} Menopause support at work`);
    expect(text).not.toContain('London community meeting');
    expect(text).toContain('Regional events in the next two weeks: London 1, North West 1. To see them, type events all');
    expect(JSON.stringify(card).length).toBeLessThan(80 * 1024);
  }, 60_000);
});

describe('People Promise exemplars', () => {
  it('a national admin marks an exemplar (audited) and the digest compares exemplars with the other organisations', async () => {
    // Before any exemplar: no comparison.
    expect(slackBlocksToText((await slackPreview('north west')).blocks)).not.toContain('EXEMPLAR ORGANISATIONS VS OTHERS');

    // Not a facilitator: refused, nothing changed.
    expect(await slackCommandText(harness, asker, 'organisation exemplar RW5 1')).toContain(
      'Only facilitators and national admins can mark People Promise exemplars',
    );
    // A facilitator of London cannot mark a North West trust.
    await joinInSlack(harness, LONDON_FACILITATOR, 'Lena London', { odsCode: 'RJ1' });
    expect(await slackCommandText(harness, ADMIN, `admin grant facilitator <@${LONDON_FACILITATOR.userId}> london`)).toContain('Done');
    expect(await slackCommandText(harness, LONDON_FACILITATOR, 'organisation exemplar RW5 1')).toContain(
      'Only a facilitator of Lancashire and South Cumbria NHS Foundation Trust’s region or a national admin can mark it as an exemplar',
    );
    expect(await slackCommandText(harness, ADMIN, 'organisation exemplar ZZZZZ 1')).toContain(
      'No organisation matches "ZZZZZ", so nothing was changed.',
    );
    expect(await slackCommandText(harness, ADMIN, 'organisation exemplar RW5 0')).toContain(
      'That is not quite how "organisation exemplar" works.',
    );
    expect(await harness.bot.database.prisma.organisation.count({ where: { exemplarCohort: { not: null } } })).toBe(0);

    expect(await slackCommandText(harness, ADMIN, 'organisation exemplar rw5 2')).toContain(
      'Done: Lancashire and South Cumbria NHS Foundation Trust is now a People Promise exemplar (cohort 2).',
    );
    expect(await slackCommandText(harness, ADMIN, 'organisation exemplar RW5 2')).toContain(
      'is already a People Promise exemplar of cohort 2: nothing changed.',
    );
    const organisation = await harness.bot.database.prisma.organisation.findUniqueOrThrow({ where: { odsCode: 'RW5' } });
    const audit = await harness.bot.database.prisma.auditEntry.findMany({
      where: { action: 'organisation.exemplar', subject: organisation.id },
    });
    expect(audit.map((entry) => entry.details)).toEqual([{ cohort: 2, previous: null, by: 'configured admin' }]);

    // RW5: 36 leavers over 500 staff in both years, 7.2%; RTX, the others: 120 / 1,000 = 12.0%, a year earlier 96 / 1,000 = 9.6%.
    const text = slackBlocksToText((await slackPreview('north west')).blocks);
    expect(text).toContain('EXEMPLAR ORGANISATIONS VS OTHERS: 12-MONTH LEAVER RATE');
    expect(text).toContain('• People Promise exemplars (1 organisation)  7.2% (on a year ago: no change)');
    expect(text).toContain('• Other organisations (1)  12.0% (on a year ago: up 2.4 points)');
    // London has no exemplar: no comparison; an organisation's own digest never has one.
    expect(slackBlocksToText((await slackPreview('london')).blocks)).not.toContain('EXEMPLAR');
    expect(slackBlocksToText((await slackPreview('RW5')).blocks)).not.toContain('EXEMPLAR');

    expect(await slackCommandText(harness, ADMIN, 'organisation exemplar remove RW5')).toContain(
      'is no longer marked as a People Promise exemplar',
    );
    expect(slackBlocksToText((await slackPreview('north west')).blocks)).not.toContain('EXEMPLAR');
    expect(
      await harness.bot.database.prisma.auditEntry.count({ where: { action: 'organisation.exemplar', subject: organisation.id } }),
    ).toBe(2);
  }, 120_000);
});

describe('digest size', () => {
  it('stays within Slack’s block and character limits and Teams’ 80 KB with every section full and the longest titles', async () => {
    const long = (what: string) => `${what} ${'with a title as long as the event form allows, '.repeat(4)}`.slice(0, 150);
    for (let i = 0; i < 6; i += 1)
      await storeEvent({
        type: 'masterclass',
        title: long(`Flexible working masterclass ${i}`),
        description: 'x'.repeat(2_000),
        regionCode: i % 2 === 0 ? null : 'Y62',
        days: 1 + i,
        capacity: 30,
      });
    await harness.bot.database.prisma.caseStudy.updateMany({
      data: { createdAt: new Date(), reviewedAt: null, title: long('A case study') },
    });
    await harness.bot.database.prisma.organisation.update({ where: { odsCode: 'RW5' }, data: { exemplarCohort: 1 } });
    try {
      for (const words of ['north west', 'national', 'RTX']) {
        const { json, blocks } = await slackPreview(words);
        const text = slackBlocksToText(blocks);
        expect(text).toContain('COMING UP IN THE NEXT TWO WEEKS');
        expect(text).toContain('NEW CASE STUDIES IN THE LAST 30 DAYS');
        expect(text).not.toContain('more than fits in one message');
        expect(text).toMatch(/Source: .*imported/);
        expect(blocks.length).toBeLessThanOrEqual(SLACK_LIMITS.blocksPerMessage);
        expect(JSON.stringify(blocks).length).toBeLessThanOrEqual(SLACK_LIMITS.messageCharacters);
        expect((json['text'] as string).length).toBeLessThanOrEqual(SLACK_LIMITS.messageText);
      }
      expect(slackBlocksToText((await slackPreview('north west')).blocks)).toContain('WHAT COULD HELP');

      const card = await teamsCard(harness, messageActivity('digest preview north west', harness.connector.url, teamsAsker));
      expect(adaptiveCardToText(card)).toContain('What could help');
      expect(JSON.stringify(card).length).toBeLessThan(80 * 1024);
      // The compact chart (about 9 KB) still fits inline beside every section full; the trend is there as text too.
      expect(JSON.stringify(card)).toContain('"type":"Image","url":"data:image/png;base64,');
      expect(adaptiveCardToText(card)).toContain('Trend: Apr 2024');
    } finally {
      await harness.bot.database.prisma.organisation.update({ where: { odsCode: 'RW5' }, data: { exemplarCohort: null } });
    }
  }, 120_000);
});
