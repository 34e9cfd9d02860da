// The metrics import on the real database: both NHS layouts and the project's own, figures checked
// against values worked out by hand, and every kind of bad input rejected whole with its line and reason.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { combinedRate, organisationRate, organisationalChanges, sicknessRate } from '../../src/core/metrics/definitions.js';
import { importMetrics, type ImportReport } from '../../src/core/metrics/importer.js';
import { ALL_STAFF } from '../../src/core/metrics/layouts.js';
import { openDatabase, type Database } from '../../src/db/database.js';
import { PrismaMetricStore } from '../../src/db/repositories/metric-repository.js';
import { seedReferenceData } from '../../src/db/seed.js';
import { csvFileSource, csvTextSource } from '../../src/metrics/csv-source.js';
import { testDatabase } from '../support/test-database.js';

const fixtures = new URL('../fixtures/metrics/', import.meta.url).pathname;
const NOW = '2025-06';
const COP_HEADER = 'period,org_code,staff_group,headcount_start,headcount_end,fte,leavers,joiners,stability_base,stability_stayed,vacancy_fte,nq_headcount,nq_leavers';

let database: Database;
let store: PrismaMetricStore;
let schema: string | undefined;

beforeAll(async () => {
  const target = testDatabase();
  schema = target.schema;
  database = await openDatabase(target.url);
  await database.migrate();
  await seedReferenceData(database.prisma);
  store = new PrismaMetricStore(database.prisma);
});

afterAll(async () => {
  if (schema) await database.prisma.$executeRawUnsafe(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  await database.close();
});

const importText = (text: string, skipInvalid = false, name = 'metrics.csv') => importMetrics(csvTextSource(name, text), { skipInvalid, currentMonth: NOW }, store);
const importFile = async (file: string, skipInvalid = false) => importMetrics(await csvFileSource(join(fixtures, file)), { skipInvalid, currentMonth: NOW }, store);
const observations = () => database.prisma.workforceObservation.count();

function copFile(...rows: string[]): string {
  return [COP_HEADER, ...rows].join('\n') + '\n';
}

/** A good row of the project's layout for Guy's and St Thomas' (RJ1). */
const good = (month: string, leavers = 8) => `${month},RJ1,All staff groups,1000,1000,900.5,${leavers},8,990,900,45.5,60,1`;

function expectRejected(report: ImportReport, line: number, reason: RegExp) {
  expect(report.outcome).toBe('rejected');
  expect(report.rowsImported).toBe(0);
  expect(report.problems).toContainEqual({ line, reason: expect.stringMatching(reason) as string });
}

describe('metrics import', () => {
  it('reads the NHS turnover layout, with a blank (suppressed) count and a staff transfer, to figures worked out by hand', async () => {
    const report = await importFile('nhs-turnover-transfer.csv');
    expect(report).toMatchObject({ outcome: 'imported', layout: 'nhs-turnover', rowsRead: 24, rowsImported: 24, badRows: 0 });
    expect(report.months).toHaveLength(12);
    const london = await store.series({ kind: 'region', code: 'Y56' }, ALL_STAFF, '2024-04', '2025-03');
    const rj1 = london.find((series) => series.organisationCode === 'RJ1')!;
    const rjz = london.find((series) => series.organisationCode === 'RJZ')!;
    // The September 2024 transfer of 150 staff is an organisational change at both trusts, not turnover.
    expect(organisationalChanges(rj1, '2025-03')).toEqual(['2024-09']);
    expect(organisationalChanges(rjz, '2025-03')).toEqual(['2024-09']);
    // RJ1: 11 months of 8 leavers, annualised to 96, over (5 x 1,000 + 6 x 850) / 11 staff.
    expect(organisationRate(rj1, '2025-03', 'leavers')).toMatchObject({ kind: 'published', value: expect.closeTo(1056 / 10100, 12) as number });
    // RJZ's June leavers were blank: its own rate is not published...
    expect(organisationRate(rjz, '2025-03', 'leavers')).toEqual({ kind: 'suppressed', reason: 'suppressedAtSource' });
    // ...but London counts its 10 other months: 50 leavers annualised to 60 over (4 x 500 + 6 x 650) / 10 = 590.
    expect(combinedRate(london, '2025-03', 'leavers')).toMatchObject({ value: expect.closeTo(156 / (10100 / 11 + 590), 12) as number });
    const sources = await store.sources({ kind: 'region', code: 'Y56' }, '2024-04', '2025-03');
    expect(sources).toMatchObject({ sources: ['nhs-turnover-transfer.csv'], synthetic: false });
  });

  it('reads the NHS sickness layout with a byte-order mark and Windows line endings, reporting a published rate that disagrees with its counts', async () => {
    const report = await importFile('nhs-sickness-bom-crlf.csv');
    expect(report).toMatchObject({ outcome: 'imported', layout: 'nhs-sickness', rowsImported: 3, warningCount: 1 });
    expect(report.warnings).toEqual([{ line: 3, reason: expect.stringMatching(/4\.2 but .* gives 5\.00/) as string }]);
    const london = await store.series({ kind: 'region', code: 'Y56' }, ALL_STAFF, '2025-03', '2025-03');
    // (1,500 + 500 + 1,234.5) / (30,000 + 10,000 + 24,690) = 5%.
    expect(sicknessRate(london, '2025-03')).toMatchObject({ value: expect.closeTo(0.05, 12) as number });
  });

  it('replaces an organisation’s month when it is imported again, never duplicating it', async () => {
    const before = await observations();
    const again = await importFile('nhs-turnover-transfer.csv');
    expect(again.outcome).toBe('imported');
    expect(await observations()).toBe(before);
    // A corrected March for RJ1, in the project's layout, replaces the NHS file's row.
    expect((await importText(copFile(good('2025-03', 12)))).outcome).toBe('imported');
    expect(await observations()).toBe(before);
    const row = await database.prisma.workforceObservation.findFirst({ where: { organisationCode: 'RJ1', period: new Date('2025-03-01') } });
    expect(row).toMatchObject({ leavers: 12, stabilityBase: 990, stabilityStayed: 900, vacancyFte: 45.5 });
  });

  it('refuses a file whose header is not one of the layouts, saying which columns are missing', async () => {
    const wrong = await importText('name,date,value\nRJ1,2025-03,4\n');
    expect(wrong).toMatchObject({ outcome: 'rejected', fileProblem: expect.stringMatching(/^line 1: the header is not one I know/) as string });
    const missing = await importText(COP_HEADER.replace(',joiners', '') + '\n');
    expect(missing.fileProblem).toMatch(/cop layout, which also needs the columns joiners/);
    expect((await importText('')).fileProblem).toBe('the file is empty');
    expect((await importText(COP_HEADER + '\n')).fileProblem).toBe('the file has a header but no rows');
  });

  it.each([
    ['a non-numeric value', '2025-02,RJ1,All staff groups,1000,lots,900,8,8,,,,,', /headcount_end must be a whole number/],
    ['a negative count', '2025-02,RJ1,All staff groups,1000,1000,900,-3,8,,,,,', /leavers must not be negative/],
    ['leavers above headcount', '2025-02,RJ1,All staff groups,100,100,90,150,8,,,,,', /leavers \(150\) are more than the headcount \(100\)/],
    ['a month in the future', '2025-07,RJ1,All staff groups,1000,1000,900,8,8,,,,,', /the month 2025-07 is in the future/],
    ['a malformed month', '03/2025,RJ1,All staff groups,1000,1000,900,8,8,,,,,', /period must be a month written YYYY-MM/],
    ['an unknown organisation', '2025-02,ZZZ9,All staff groups,1000,1000,900,8,8,,,,,', /org_code ZZZ9 is not an organisation I know/],
    ['an unknown staff group', '2025-02,RJ1,Wizards,1000,1000,900,8,8,,,,,', /staff_group "Wizards" is not a staff group I know/],
    ['a missing field', '2025-02,RJ1,All staff groups,1000,1000', /the row has 5 fields but the header has 13/],
  ])('rejects the whole file for %s, naming the line, and imports the rest with --skip-invalid', async (_case, badRow, reason) => {
    const before = await observations();
    const text = copFile(good('2024-11'), badRow, good('2024-12'));
    expectRejected(await importText(text), 3, reason);
    expect(await observations()).toBe(before);
    const skipping = await importText(text, true);
    expect(skipping).toMatchObject({ outcome: 'imported', rowsImported: 2, badRows: 1 });
    expect(skipping.problems).toEqual([{ line: 3, reason: expect.stringMatching(reason) as string }]);
  });

  it('rejects duplicate rows, naming the line they repeat', async () => {
    const report = await importText(copFile(good('2024-10'), good('2024-09'), good('2024-10')));
    expectRejected(report, 4, /repeats line 2/);
  });

  it('rolls back rows already written when a bad row comes after several batches', async () => {
    const before = await observations();
    const groups = ['All staff groups', 'Nurses & health visitors', 'Midwives', 'Ambulance staff'];
    const rows: string[] = [];
    for (const organisation of ['RJ1', 'RJZ', 'RYJ', 'RAL', 'R1K']) {
      for (let year = 2000; year < 2025; year += 1) {
        for (let month = 1; month <= 12; month += 1) {
          for (const group of groups) rows.push(`${year}-${String(month).padStart(2, '0')},${organisation},${group},100,100,90,1,1,,,,,`);
        }
      }
    }
    rows.push('2025-01,RJ1,All staff groups,100,100,90,-1,1,,,,,');
    const report = await importText(copFile(...rows));
    expectRejected(report, rows.length + 1, /leavers must not be negative/);
    expect(report.rowsRead).toBe(6001);
    expect(await observations()).toBe(before);
  });

  it('checks a 50 MB file row by row and rejects it whole', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'cop-metrics-'));
    try {
      const path = join(folder, 'large.csv');
      const lines = [COP_HEADER, '2025-01,RJ1,All staff groups,100,100,90,x,1,,,,,'];
      const row = '2025-01,RJ1,All staff groups,1000,1000,900.5,8,8,990,900,45.5,60,1';
      const count = Math.ceil((50 * 1024 * 1024) / (row.length + 1));
      for (let i = 0; i < count; i += 1) lines.push(row);
      await writeFile(path, lines.join('\n') + '\n');
      const before = await observations();
      const report = await importMetrics(await csvFileSource(path), { skipInvalid: false, currentMonth: NOW }, store);
      expect(report.rowsRead).toBe(count + 1);
      expect(report.outcome).toBe('rejected');
      expect(report.problems[0]).toEqual({ line: 2, reason: 'leavers must be a whole number' });
      // Every copy after the first good one repeats it: counted, the first thousand listed.
      expect(report.badRows).toBe(count);
      expect(report.problems).toHaveLength(1000);
      expect(await observations()).toBe(before);
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  }, 120_000);
});
