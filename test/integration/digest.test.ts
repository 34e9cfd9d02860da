// `digest preview` through both platforms' real endpoints, on figures imported from the NHS-layout
// fixtures (worked out by hand in metrics-import.test.ts): headline, changes, trend chart served by the
// bot under an unguessable URL with a text fallback, organisational changes, suppression, and the
// platforms' size limits.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importMetrics } from '../../src/core/metrics/importer.js';
import { PrismaMetricStore } from '../../src/db/repositories/metric-repository.js';
import { adaptiveCardToText, cardsOf, slackBlocksToText } from '../../src/dev/readable-text.js';
import { postToSlackEndpoint, slashCommandBody, type SlackIdentity } from '../../src/dev/slack-requests.js';
import { messageActivity, postActivity, type TeamsIdentity } from '../../src/dev/teams-activities.js';
import { csvFileSource } from '../../src/metrics/csv-source.js';
import { SLACK_LIMITS } from '../../src/slack/block-kit-limits.js';
import { SIGNING_SECRET, startTestBot, type TestBot } from '../support/test-bot.js';

const PUBLIC_URL = 'https://cop.example.test/';
const fixtures = new URL('../fixtures/metrics/', import.meta.url).pathname;
let harness: TestBot;
const asker: SlackIdentity = { teamId: 'T0TEST', userId: 'U0DIGEST', channelId: 'C0DIGEST' };
const teamsAsker: TeamsIdentity = { tenantId: 'tenant-digest', userId: '29:digest-user', aadObjectId: 'aad-digest-user', conversationId: 'a:digest-chat', conversationType: 'personal' };
type Json = Record<string, unknown>;

beforeAll(async () => {
  harness = await startTestBot({ PUBLIC_URL });
  const store = new PrismaMetricStore(harness.bot.database.prisma);
  for (const file of ['nhs-turnover-transfer.csv', 'nhs-sickness-bom-crlf.csv']) {
    const report = await importMetrics(await csvFileSource(`${fixtures}${file}`), { skipInvalid: false, currentMonth: '2025-06' }, store);
    expect(report.outcome).toBe('imported');
  }
}, 120_000);

afterAll(async () => {
  await harness.stop();
});

let replies = 0;
async function slackPreview(words: string): Promise<{ json: Json; blocks: Json[] }> {
  const path = `/respond/digest-${++replies}`;
  const response = await postToSlackEndpoint(harness.url, slashCommandBody(`digest preview ${words}`.trim(), `${harness.slack.url}${path}`, asker), SIGNING_SECRET);
  expect(response.status).toBe(200);
  const reply = await harness.slack.waitFor((request) => request.path === path, 20_000);
  const json = reply.json as Json;
  return { json, blocks: json['blocks'] as Json[] };
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
    expect(text).toMatch(/Organisational changes \(staff transfers, mergers\), not counted as turnover: .*Guy's and St Thomas' NHS Foundation Trust \(September 2024\)/);
    expect(text).toMatch(/Source: nhs-turnover-transfer\.csv, nhs-sickness-bom-crlf\.csv, imported/);
    expect(text).toContain('Trend: Apr 2024 –,');
    expect(text).toContain('Mar 2025 10.3%');
    expect(text).not.toContain('Synthetic');
    expect(blocks.length).toBeLessThanOrEqual(SLACK_LIMITS.blocksPerMessage);
    expect(JSON.stringify(blocks).length).toBeLessThanOrEqual(SLACK_LIMITS.messageCharacters);

    const image = blocks.find((block) => block['type'] === 'image')!;
    expect(image['alt_text']).toMatch(/^Line chart of the 12-month leaver rate for London from Apr 2024 to Mar 2025: /);
    const url = image['image_url'] as string;
    expect(url).toMatch(/^https:\/\/cop\.example\.test\/charts\/[A-Za-z0-9_-]{32}\.png$/);
    const chart = await fetch(`${harness.url}/${url.slice(PUBLIC_URL.length)}`);
    expect(chart.status).toBe(200);
    expect(chart.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await chart.arrayBuffer()).subarray(1, 4).toString()).toBe('PNG');
    expect((await fetch(`${harness.url}/charts/${'x'.repeat(32)}.png`)).status).toBe(404);
    expect((await fetch(`${harness.url}/charts/..%2F..%2Fetc.png`)).status).toBe(404);
  }, 60_000);

  it('does not publish an organisation’s rate built on a suppressed count, and says why', async () => {
    const text = slackBlocksToText((await slackPreview('RJZ')).blocks);
    expect(text).toContain("RETENTION DIGEST: KING'S COLLEGE HOSPITAL NHS FOUNDATION TRUST");
    expect(text).toContain('March 2025: the 12-month leaver rate is not published: a count was suppressed at source.');
  }, 60_000);

  it('says so for a region without figures, and explains an unknown scope', async () => {
    expect(slackBlocksToText((await slackPreview('wales')).blocks)).toContain('There are no retention figures for NHS Wales yet');
    expect(slackBlocksToText((await slackPreview('narnia')).blocks)).toContain('I don\'t know "narnia" as a region, national or an organisation code.');
  }, 60_000);

  it('shows the national digest as an Adaptive Card in Teams, within its size limit', async () => {
    const activity = messageActivity('digest preview national', harness.connector.url, teamsAsker);
    const response = await postActivity(harness.url, activity);
    expect(response.status).toBeLessThan(300);
    const reply = await harness.connector.waitFor((request) => request.path.endsWith(`/activities/${activity.id}`), 20_000);
    const card = cardsOf(reply.json)[0] as Json;
    const text = adaptiveCardToText(card);
    expect(text).toContain('Retention digest: England and Wales');
    expect(text).toContain('Regions, lowest leaver rate first');
    expect(text).toMatch(/• London {2}10\.3%/);
    expect(text).toMatch(/\[image: Line chart of the 12-month leaver rate for England and Wales/);
    expect(JSON.stringify(card).length).toBeLessThan(80 * 1024);
  }, 60_000);
});
