// The metrics import on the real database: both NHS layouts and the project's own, figures checked
// against values worked out by hand, and every kind of bad input rejected whole with its line and reason.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { combinedRate, organisationRate, organisationalChanges, sicknessRate } from '../../src/core/metrics/definitions.js';
import { importMetrics, type ImportReport } from '../../src/core/metrics/importer.js';
import { importReportLines } from '../../src/core/metrics/import-report.js';
import { translator } from '../../src/core/i18n/translator.js';
import { ALL_STAFF } from '../../src/core/metrics/layouts.js';
import { openDatabase, type Database } from '../../src/db/database.js';
import { PrismaMetricStore } from '../../src/db/repositories/metric-repository.js';
import { seedReferenceData } from '../../src/db/seed.js';
import { csvFileSource, csvTextSource } from '../../src/metrics/csv-source.js';
import { testDatabase } from '../support/test-database.js';

const fixtures = new URL('../fixtures/metrics/', import.meta.url).pathname;
const NOW = '2025-06';
const COP_HEADER =
  'period,org_code,staff_group,headcount_start,headcount_end,fte,leavers,joiners,stability_base,stability_stayed,vacancy_fte,nq_headcount,nq_leavers';

let database: Database;
let store: PrismaMetricStore;
let schema: string | undefined;

beforeAll(async () => {
  const target = testDatabase();
  schema = target.schema;
  database = await openDatabase(target.url);
  await database.migrate();
  await seedReferenceData(database.prisma);
  store = new PrismaMetricStore(database.prisma, database);
});

afterAll(async () => {
  if (schema) await database.prisma.$executeRawUnsafe(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  await database.close();
});

const importText = (text: string, skipInvalid = false, name = 'metrics.csv') =>
  importMetrics(csvTextSource(name, text), { skipInvalid, currentMonth: NOW }, store);
const importFile = async (file: string, skipInvalid = false) =>
  importMetrics(await csvFileSource(join(fixtures, file)), { skipInvalid, currentMonth: NOW }, store);
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
    expect(organisationRate(rj1, '2025-03', 'leavers')).toMatchObject({
      kind: 'published',
      value: expect.closeTo(1056 / 10100, 12) as number,
    });
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
    const row = await database.prisma.workforceObservation.findFirst({
      where: { organisationCode: 'RJ1', period: new Date('2025-03-01') },
    });
    expect(row).toMatchObject({ leavers: 12, stabilityBase: 990, stabilityStayed: 900, vacancyFte: 45.5 });
  });

  it('refuses a file whose header is not one of the layouts, saying which columns are missing', async () => {
    const wrong = await importText('name,date,value\nRJ1,2025-03,4\n');
    expect(wrong).toMatchObject({
      outcome: 'rejected',
      fileProblem: expect.stringMatching(/^line 1: the header is not one I know/) as string,
    });
    const missing = await importText(COP_HEADER.replace(',joiners', '') + '\n');
    expect(missing.fileProblem).toMatch(/cop layout, which also needs the columns joiners/);
    expect((await importText('')).fileProblem).toBe('the file is empty');
    expect((await importText(COP_HEADER + '\n')).fileProblem).toBe('the file has a header but no rows');
  });

  it.each([
    ['a non-numeric value', '2025-02,RJ1,All staff groups,1000,lots,900,8,8,,,,,', /headcount_end must be a number, not "lots"/],
    ['a negative count', '2025-02,RJ1,All staff groups,1000,1000,900,-3,8,,,,,', /leavers must not be negative/],
    [
      'leavers above headcount',
      '2025-02,RJ1,All staff groups,100,100,90,150,8,,,,,',
      /leavers \(150\) are more than the headcount \(100\)/,
    ],
    ['a month in the future', '2025-07,RJ1,All staff groups,1000,1000,900,8,8,,,,,', /the month 2025-07 is in the future/],
    [
      'a malformed month',
      '03/2025,RJ1,All staff groups,1000,1000,900,8,8,,,,,',
      /period "03\/2025" is not a month I can read: write it as YYYYMM, YYYY-MM/,
    ],
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
      const lines = [COP_HEADER, '2025-01,RJ1,All staff groups,100,100,90,8.5,1,,,,,'];
      const row = '2025-01,RJ1,All staff groups,1000,1000,900.5,8,8,990,900,45.5,60,1';
      const count = Math.ceil((50 * 1024 * 1024) / (row.length + 1));
      for (let i = 0; i < count; i += 1) lines.push(row);
      await writeFile(path, lines.join('\n') + '\n');
      const before = await observations();
      const report = await importMetrics(await csvFileSource(path), { skipInvalid: false, currentMonth: NOW }, store);
      expect(report.rowsRead).toBe(count + 1);
      expect(report.outcome).toBe('rejected');
      expect(report.problems[0]).toEqual({ line: 2, reason: 'leavers must be a whole number of people, not 8.5' });
      // Every copy after the first good one repeats it: counted, the first thousand listed.
      expect(report.badRows).toBe(count);
      expect(report.problems).toHaveLength(1000);
      expect(await observations()).toBe(before);
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  }, 120_000);
});

describe('files as people really have them', () => {
  /** An NHS turnover extract as pandas writes it: upper-case headers, an index column, counts as 91.0. */
  const PANDAS_HEADER =
    ',PERIOD_END,ORG_CODE,ORG_NAME,NHSE_REGION_CODE,STAFF_GROUP,LEAVERS_HC,JOINERS_HC,DENOM_START_HC,DENOM_END_HC,Notes';
  const pandasRow = (index: number, period: string, group: string, leavers: string, joiners = '9.0', start = '1000.0', end = '1000.0') =>
    `${index},${period},R0A,Manchester University NHS Foundation Trust,Y62,"${group}",${leavers},${joiners},${start},${end},`;

  it('reads whole-valued decimals, thousands separators, spaces, markers, any-case headers and NHS labels, naming what it left out', async () => {
    const text = [
      PANDAS_HEADER,
      pandasRow(0, '202401', 'Nurses & health visitors', '91.0'),
      pandasRow(1, '2024-02', 'Nurses and Health Visitors', '91.00'),
      pandasRow(2, '202402 to 202403', 'NURSES & HEALTH VISITORS', ' 88 ', '*', '"1,000"', '"1,010.0"'),
      pandasRow(3, '2024-04-30', 'Support to doctors, nurses and midwives', '..', 'x', '800', '800'),
      pandasRow(4, '30/05/2024', '19 Support to doctors, nurses & midwives', 'c', '-', '800', '800'),
      pandasRow(5, 'JUN2024', 'Support to doctors, nurses & midwives', '', '[c]', '800', '800'),
    ].join('\n');
    const report = await importText(text, false, 'turnover.csv');
    expect(report).toMatchObject({ outcome: 'imported', layout: 'nhs-turnover', rowsImported: 6, badRows: 0 });
    expect(report.months).toEqual(['2024-01', '2024-02', '2024-03', '2024-04', '2024-05', '2024-06']);
    expect(report.ignoredColumns).toEqual(['', 'notes']);
    expect(report.markers).toEqual({ suppressed: { leavers_hc: 1, joiners_hc: 2 }, notGiven: { leavers_hc: 2, joiners_hc: 2 } });
    const rows = await database.prisma.workforceObservation.findMany({
      where: { organisationCode: 'R0A', period: { gte: new Date('2024-01-01'), lte: new Date('2024-06-01') } },
      orderBy: [{ staffGroupCode: 'asc' }, { period: 'asc' }],
      select: { staffGroupCode: true, leavers: true, joiners: true, startHeadcount: true, headcount: true },
    });
    expect(rows).toEqual([
      { staffGroupCode: 'nurses-health-visitors', leavers: 91, joiners: 9, startHeadcount: 1000, headcount: 1000 },
      { staffGroupCode: 'nurses-health-visitors', leavers: 91, joiners: 9, startHeadcount: 1000, headcount: 1000 },
      { staffGroupCode: 'nurses-health-visitors', leavers: 88, joiners: null, startHeadcount: 1000, headcount: 1010 },
      { staffGroupCode: 'support-to-doctors-nurses-midwives', leavers: null, joiners: null, startHeadcount: 800, headcount: 800 },
      { staffGroupCode: 'support-to-doctors-nurses-midwives', leavers: null, joiners: null, startHeadcount: 800, headcount: 800 },
      { staffGroupCode: 'support-to-doctors-nurses-midwives', leavers: null, joiners: null, startHeadcount: 800, headcount: 800 },
    ]);
    const lines = importReportLines(report, translator('en'));
    expect(lines).toContain('Columns this layout does not use, left out: a column with no name, notes.');
    expect(lines).toContain('Figures suppressed in the file (*, c), stored as unknown, not as zero: leavers_hc 1, joiners_hc 2.');
    expect(lines).toContain('Figures not given in the file (blank, -, .., x, z), stored as unknown: leavers_hc 2, joiners_hc 2.');
  });

  it('refuses fractional counts, NaN and infinities with their lines, storing nothing', async () => {
    const before = await observations();
    const text = [
      PANDAS_HEADER,
      pandasRow(0, '202407', 'Midwives', '91.5'),
      pandasRow(1, '202408', 'Midwives', 'NaN'),
      pandasRow(2, '202409', 'Midwives', '5', 'inf'),
      pandasRow(3, '202410', 'Midwives', '5'),
    ].join('\n');
    const report = await importText(text);
    expect(report.outcome).toBe('rejected');
    expect(report.problems).toEqual([
      { line: 2, reason: 'leavers_hc must be a whole number of people, not 91.5' },
      { line: 3, reason: 'leavers_hc is "NaN", which is not a figure' },
      { line: 4, reason: 'joiners_hc is "inf", which is not a figure' },
    ]);
    expect(await observations()).toBe(before);
  });

  it('names a transfer of staff at import, with its share of headcount and the rule, and says it is left out of windows', async () => {
    const text = [
      PANDAS_HEADER,
      pandasRow(0, '202311', 'Nurses & health visitors', '9.0'),
      pandasRow(1, '202312', 'Nurses & health visitors', '412.0', '3.0', '1200.0', '790.0'),
      pandasRow(2, '202312', 'Midwives', '2', '250', '300', '548'),
    ].join('\n');
    const report = await importText(text);
    expect(report.outcome).toBe('imported');
    expect(report.organisationalChanges).toEqual([
      {
        organisationCode: 'R0A',
        organisationName: 'Manchester University NHS Foundation Trust',
        month: '2023-12',
        staffGroup: 'Nurses & health visitors',
        flow: 'leavers',
        count: 412,
        headcount: 995,
      },
      {
        organisationCode: 'R0A',
        organisationName: 'Manchester University NHS Foundation Trust',
        month: '2023-12',
        staffGroup: 'Midwives',
        flow: 'joiners',
        count: 250,
        headcount: 424,
      },
    ]);
    // An organisation no longer in the list (merged into another) is named as the file names it.
    const merged = await importText(
      [PANDAS_HEADER, '0,202312,RW6,Pennine Acute Hospitals NHS Trust,Y62,Midwives,300.0,0.0,310.0,10.0,'].join('\n'),
    );
    expect(merged.organisationalChanges).toMatchObject([
      { organisationCode: 'RW6', organisationName: 'Pennine Acute Hospitals NHS Trust' },
    ]);
    const lines = importReportLines(report, translator('en'));
    expect(lines).toContain(
      'Organisational changes found (a month whose leavers or joiners are at least 10% of headcount and at least 20 people is a staff transfer, merger or dissolution, not turnover). These months are left out of 12-month windows, and digests name them:',
    );
    expect(lines).toContain(
      'Manchester University NHS Foundation Trust (R0A), December 2023, Nurses & health visitors: 412 leavers, 41% of a headcount of 995.',
    );
    expect(lines).toContain(
      'Manchester University NHS Foundation Trust (R0A), December 2023, Midwives: 250 joiners, 59% of a headcount of 424.',
    );
  });

  it('lists a staff group nobody knows once, with a suggestion, and stores nothing', async () => {
    const before = await observations();
    const text = [
      PANDAS_HEADER,
      pandasRow(0, '202401', 'Nurse & HV', '9'),
      pandasRow(1, '202402', 'Nurse & HV', '9'),
      pandasRow(2, '202402', 'Wizards', '9'),
    ].join('\n');
    const report = await importText(text);
    expect(report.outcome).toBe('rejected');
    expect(report.unknownStaffGroups).toEqual([
      { label: 'Nurse & HV', rows: 2, suggestion: 'Nurses & health visitors' },
      { label: 'Wizards', rows: 1, suggestion: expect.any(String) as string },
    ]);
    expect(importReportLines(report, translator('en'))).toContain('"Nurse & HV" (2 rows): did you mean "Nurses & health visitors"?');
    expect(report.problems[0]).toEqual({
      line: 2,
      reason: 'staff_group "Nurse & HV" is not a staff group I know (did you mean "Nurses & health visitors"?)',
    });
    expect(await observations()).toBe(before);
  });

  it('refuses a file mixing layouts, whether in one header or as files joined together, and a header-only file', async () => {
    const before = await observations();
    const mixedHeader = await importText(
      'period,org_code,staff_group,headcount_end,leavers,joiners,date,nhse_region_code,fte_days_lost,fte_days_available,sickness_absence_rate_percent\n',
    );
    expect(mixedHeader.fileProblem).toMatch(/the header has the columns of 2 layouts \(cop and nhs-sickness\)/);
    const joined = await importText(
      [
        COP_HEADER,
        good('2024-08'),
        'DATE,NHSE_REGION_CODE,ORG_CODE,FTE_DAYS_LOST,FTE_DAYS_AVAILABLE,SICKNESS_ABSENCE_RATE_PERCENT',
        '2024-08-31,Y56,RJ1,1500,30000,5',
      ].join('\n'),
    );
    expect(joined.outcome).toBe('rejected');
    expect(joined.problems).toContainEqual({
      line: 3,
      reason: 'this line is a header: the file looks like several files joined together, so please import each one on its own',
    });
    const headerOnly = await importText(`${COP_HEADER}\n`);
    expect(headerOnly).toMatchObject({ outcome: 'rejected', fileProblem: 'the file has a header but no rows' });
    expect(importReportLines(headerOnly, translator('en'))).toEqual([
      'Nothing was imported from metrics.csv: the file has a header but no rows.',
    ]);
    expect(await observations()).toBe(before);
  });
});
