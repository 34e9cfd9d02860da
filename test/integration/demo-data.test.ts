// The synthetic demo metrics: loaded by the real bot at start into a database without metrics, marked
// synthetic, once; not at all with COP_DEMO_DATA=false.
import { afterEach, describe, expect, it } from 'vitest';
import { importMetrics } from '../../src/core/metrics/importer.js';
import { slackBlocksToText } from '../../src/dev/readable-text.js';
import { csvTextSource } from '../../src/metrics/csv-source.js';
import { PrismaMetricStore } from '../../src/db/repositories/metric-repository.js';
import { postToSlackEndpoint, slashCommandBody } from '../../src/dev/slack-requests.js';
import { SIGNING_SECRET, startTestBot, type TestBot } from '../support/test-bot.js';

const COP_HEADER = 'period,org_code,staff_group,headcount_start,headcount_end,fte,leavers,joiners';
let bot: TestBot | undefined;
afterEach(async () => {
  await bot?.stop();
  bot = undefined;
});

describe('demo metrics', () => {
  it('are loaded at start on a fresh database, marked synthetic', async () => {
    bot = await startTestBot({ COP_DEMO_DATA: 'true' });
    expect(await bot.bot.demoData()).toBeGreaterThan(50_000);
    const prisma = bot.bot.database.prisma;
    const imports = await prisma.metricImport.findMany();
    expect(imports).toHaveLength(1);
    expect(imports[0]).toMatchObject({ layout: 'demo', synthetic: true, source: 'Synthetic demo data (generated, not real figures)' });
    // Every organisation with an ODS code, all staff and nurses, every month from September 2021.
    const organisations = await prisma.organisation.count({ where: { odsCode: { not: null } } });
    const regions = await prisma.workforceObservation.groupBy({
      by: ['regionCode'],
      where: { staffGroupCode: 'all-staff-groups', period: new Date('2021-09-01') },
      _count: true,
    });
    expect(regions.reduce((sum, region) => sum + region._count, 0)).toBe(organisations);
    expect(regions.map((region) => region.regionCode).sort()).toEqual(['WALES', 'Y56', 'Y58', 'Y59', 'Y60', 'Y61', 'Y62', 'Y63', null]);
    expect(imports[0]!.rows).toBe((await prisma.workforceObservation.count()) + (await prisma.sicknessObservation.count()));

    // Every digest built on them says they are synthetic, at the top and in its source.
    const path = '/respond/demo-digest';
    const who = { teamId: 'T0TEST', userId: 'U0DEMO', channelId: 'C0DEMO' };
    await postToSlackEndpoint(bot.url, slashCommandBody('digest preview london', `${bot.slack.url}${path}`, who), SIGNING_SECRET);
    const reply = await bot.slack.waitFor((request) => request.path === path, 30_000);
    const text = slackBlocksToText((reply.json as { blocks: unknown }).blocks);
    expect(text).toContain('Synthetic demo data: these are generated figures, not real ones.');
    expect(text).toContain('Source: Synthetic demo data (generated, not real figures)');
    expect(text).toMatch(/Ranks \d of 8 regions/);

    // Real figures replace the demo data wholly, so a digest never sums demo and real figures; a file
    // refused whole leaves the demo data as it was.
    const demoRows = await prisma.workforceObservation.count();
    const refused = await importMetrics(
      csvTextSource('bad.csv', `${COP_HEADER}\n2025-02,RJ1,All staff groups,1000,1000,900,lots,8\n`),
      { skipInvalid: false, currentMonth: '2025-06' },
      new PrismaMetricStore(prisma, bot.bot.database),
    );
    expect(refused.outcome).toBe('rejected');
    expect(await prisma.metricImport.count({ where: { synthetic: true } })).toBe(1);
    expect(await prisma.workforceObservation.count()).toBe(demoRows);
    const real = await importMetrics(
      csvTextSource('real.csv', `${COP_HEADER}\n2025-02,RJ1,All staff groups,1000,1000,900,8,8\n`),
      { skipInvalid: false, currentMonth: '2025-06' },
      new PrismaMetricStore(prisma, bot.bot.database),
    );
    expect(real.outcome).toBe('imported');
    expect(await prisma.metricImport.findMany({ select: { source: true, synthetic: true } })).toEqual([
      { source: 'real.csv', synthetic: false },
    ]);
    expect(await prisma.workforceObservation.count()).toBe(1);
    expect(await prisma.sicknessObservation.count()).toBe(0);
  }, 120_000);

  it('are not loaded with COP_DEMO_DATA=false', async () => {
    bot = await startTestBot({ COP_DEMO_DATA: 'false' });
    expect(await bot.bot.demoData()).toBe(0);
    expect(await bot.bot.database.prisma.metricImport.count()).toBe(0);
  });
});
