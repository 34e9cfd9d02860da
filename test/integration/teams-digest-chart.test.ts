// A digest's trend chart in Teams when the card has no room for it: the card carries a "Download the chart"
// button instead of the picture (Teams refuses cards over its size limit), and the PNG is served at the
// button's link by the bot's own HTTP server. Through the real Teams endpoint, on PGlite and on the server
// (COP_TEST_DATABASE_URL). The card is made long the way real files make it: a national digest naming the
// many trusts whose file gave staff-group rows only.
import UPNG from 'upng-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importMetrics } from '../../src/core/metrics/importer.js';
import { PrismaMetricStore } from '../../src/db/repositories/metric-repository.js';
import { adaptiveCardToText } from '../../src/dev/readable-text.js';
import { messageActivity, type TeamsIdentity } from '../../src/dev/teams-activities.js';
import { csvTextSource } from '../../src/metrics/csv-source.js';
import { teamsCard } from '../support/chat.js';
import { cardProblems } from '../support/teams-cards.js';
import { startTestBot, type TestBot } from '../support/test-bot.js';

const PUBLIC_URL = 'https://cop.example.test';
let harness: TestBot;
const personal: TeamsIdentity = {
  tenantId: 'tenant-chart',
  userId: '29:chart-user',
  aadObjectId: 'aad-chart-user',
  conversationId: 'a:chart-chat',
  conversationType: 'personal',
};

type Json = Record<string, unknown>;

/** Every element of a card, depth first. */
function elements(node: unknown): Json[] {
  if (Array.isArray(node)) return node.flatMap(elements);
  if (node === null || typeof node !== 'object') return [];
  return [node as Json, ...Object.values(node).flatMap(elements)];
}

beforeAll(async () => {
  harness = await startTestBot({ PUBLIC_URL: `${PUBLIC_URL}/` });
  const organisations = await harness.bot.database.prisma.organisation.findMany({
    where: { odsCode: { not: null } },
    select: { odsCode: true },
    orderBy: { odsCode: 'asc' },
  });
  // One trust with all-staff figures for two years, its leavers rising unevenly in the second (a busier
  // chart, and a worsening rate, which brings in case studies that could help); every other organisation
  // with nurses' figures only (each named in the digest).
  const lines = ['period,org_code,staff_group,headcount_start,headcount_end,leavers,joiners'];
  for (let i = 0; i < 24; i += 1) {
    const month = new Date(Date.UTC(2023, 3 + i, 1)).toISOString().slice(0, 7);
    lines.push(`${month},${organisations[0]!.odsCode},All staff groups,1000,1000,${i < 12 ? 8 : 8 + ((i * 7) % 13)},10`);
    if (i >= 12) for (const { odsCode } of organisations.slice(1)) lines.push(`${month},${odsCode},Nurses & health visitors,300,300,2,2`);
  }
  const report = await importMetrics(
    csvTextSource('nurses-mostly.csv', `${lines.join('\n')}\n`),
    { skipInvalid: false, currentMonth: '2025-06' },
    new PrismaMetricStore(harness.bot.database.prisma),
  );
  expect(report.outcome).toBe('imported');
}, 120_000);

afterAll(async () => {
  await harness?.stop();
});

describe('a digest chart with no room in the Teams card', () => {
  it('becomes a download button, and the PNG is served at its link', async () => {
    const card = await teamsCard(harness, messageActivity('digest preview national', harness.connector.url, personal));
    expect(cardProblems(card)).toEqual([]);
    expect(adaptiveCardToText(card)).toContain('Retention digest');
    const all = elements(card);
    expect(all.filter((element) => element['type'] === 'Image')).toEqual([]);
    const buttons = all.filter((element) => element['type'] === 'Action.OpenUrl' && element['title'] === 'Download the chart');
    expect(buttons).toHaveLength(1);
    const url = new URL(String(buttons[0]!['url']));
    expect(url.origin).toBe(PUBLIC_URL);
    expect(url.pathname).toMatch(/^\/links\/[A-Za-z0-9_-]+\/[^/]+\.png$/);

    // The bot serves the chart at that path (PUBLIC_URL is the bot's own address).
    const response = await fetch(new URL(url.pathname, harness.url));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^image\/png/);
    const png = await response.arrayBuffer();
    const image = UPNG.decode(png);
    expect(image.width).toBeGreaterThan(100);
    expect(image.height).toBeGreaterThan(50);
  }, 60_000);
});
