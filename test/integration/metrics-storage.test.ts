// How imports are stored (COPY on a PostgreSQL server, batched inserts on PGlite, on one connection in
// an explicit transaction): all or nothing whatever fails and wherever, and the replace rule across
// batches, for workforce and sickness figures. Runs on PGlite, and on the server with COP_TEST_DATABASE_URL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importMetrics } from '../../src/core/metrics/importer.js';
import type { SicknessRow, WorkforceRow } from '../../src/core/metrics/layouts.js';
import { addMonths, type Month } from '../../src/core/metrics/period.js';
import { openDatabase, type Database } from '../../src/db/database.js';
import { IMPORT_LOCK_SQL } from '../../src/db/repositories/metric-bulk-writer.js';
import { PrismaMetricStore } from '../../src/db/repositories/metric-repository.js';
import { seedReferenceData } from '../../src/db/seed.js';
import { csvTextSource } from '../../src/metrics/csv-source.js';
import { testDatabase } from '../support/test-database.js';

const COP_HEADER =
  'period,org_code,staff_group,headcount_start,headcount_end,fte,leavers,joiners,stability_base,stability_stayed,vacancy_fte,nq_headcount,nq_leavers';
const GROUPS = ['All staff groups', 'Nurses & health visitors', 'Midwives', 'Ambulance staff'];
const ORGANISATIONS = ['RJ1', 'RJZ', 'RYJ', 'RAL', 'R1K'];

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

const importText = (text: string) =>
  importMetrics(csvTextSource('metrics.csv', text), { skipInvalid: false, currentMonth: '2025-06' }, store);
const counts = async () => ({
  workforce: await database.prisma.workforceObservation.count(),
  sickness: await database.prisma.sicknessObservation.count(),
  imports: await database.prisma.metricImport.count(),
});

/** 6,000 rows (more than one batch of 5,000): five organisations, 25 years of months, four staff groups. */
function largeFile(leavers: number): string {
  const rows = [COP_HEADER];
  for (const organisation of ORGANISATIONS) {
    for (let m = 0; m < 300; m += 1) {
      const month = addMonths('2000-01', m);
      for (const group of GROUPS) rows.push(`${month},${organisation},${group},100,100,90,${leavers},1,,,,,`);
    }
  }
  return rows.join('\n') + '\n';
}

const workforceRow = (organisationCode: string, month: Month, leavers: number): WorkforceRow => ({
  organisationCode,
  regionCode: null,
  month,
  staffGroupCode: 'all-staff-groups',
  startHeadcount: 100,
  headcount: 100,
  fte: 90.5,
  leavers,
  joiners: 1,
  leaversFte: null,
  stabilityBase: null,
  stabilityStayed: null,
  vacancyFte: null,
  nqHeadcount: null,
  nqLeavers: null,
});

const sicknessRow = (organisationCode: string, month: Month, fteDaysLost: number): SicknessRow => ({
  organisationCode,
  regionCode: null,
  month,
  fteDaysLost,
  fteDaysAvailable: 1000,
});

describe(`metrics storage on ${process.env.COP_TEST_DATABASE_URL ? 'the PostgreSQL server' : 'PGlite'}`, () => {
  it('stores a file of several batches, and a re-import of one month replaces exactly that month', async () => {
    const first = await importText(largeFile(2));
    expect(first.outcome).toBe('imported');
    const before = await counts();
    expect(before.workforce).toBe(6000);

    // RJ1's June 2010 again, with all staff only: the month's four rows become this one.
    const again = await importText(`${COP_HEADER}\n2010-06,RJ1,All staff groups,100,100,90,9,1,,,,,\n`);
    expect(again.outcome).toBe('imported');
    const june = await database.prisma.workforceObservation.findMany({
      where: { organisationCode: 'RJ1', period: new Date('2010-06-01') },
      select: { staffGroupCode: true, leavers: true },
    });
    expect(june).toEqual([{ staffGroupCode: 'all-staff-groups', leavers: 9 }]);
    expect((await counts()).workforce).toBe(5997);
    const stored = await database.prisma.metricImport.findMany({ orderBy: { rows: 'asc' }, select: { rows: true } });
    expect(stored.map((row) => row.rows)).toEqual([1, 6000]);

    // The whole file again replaces every month, the one-row month included.
    expect((await importText(largeFile(3))).outcome).toBe('imported');
    expect((await counts()).workforce).toBe(6000);
    expect(await database.prisma.workforceObservation.count({ where: { leavers: 3 } })).toBe(6000);
  });

  it('stores nothing when a bad row comes after batches were sent, and keeps what was there', async () => {
    const before = await counts();
    const report = await importText(largeFile(4).replace(/\n$/, '\n2025-01,RJ1,All staff groups,100,100,90,-1,1,,,,,\n'));
    expect(report.outcome).toBe('rejected');
    expect(await counts()).toEqual(before);
    expect(await database.prisma.workforceObservation.count({ where: { leavers: 3 } })).toBe(6000);
  });

  it('stores nothing when the database refuses a batch after others were sent', async () => {
    const before = await counts();
    const batch = Array.from({ length: 5000 }, (_, i) => workforceRow('RJ1', addMonths('1900-01', i), 5));
    const failed = store.importInTransaction({ layout: 'cop', source: 'twice.csv', synthetic: false }, async (writer) => {
      await writer.writeWorkforce(batch);
      // The same organisation, month and staff group again: the unique index refuses it in the database.
      await writer.writeWorkforce([workforceRow('RJ1', '1900-01', 5)]);
      await writer.writeWorkforce([workforceRow('RJ1', '1900-02', 5)]);
      await writer.finish(5002, [], 'workforce');
    });
    await expect(failed).rejects.toThrow(/duplicate key|unique/i);
    expect(await counts()).toEqual(before);
  });

  it('stores nothing when the import fails after writing, and the next import still works', async () => {
    const before = await counts();
    const failed = store.importInTransaction({ layout: 'cop', source: 'broken.csv', synthetic: false }, async (writer) => {
      await writer.writeWorkforce([workforceRow('RJ1', '1900-01', 5)]);
      await writer.writeSickness([sicknessRow('RJ1', '1900-01', 5)]);
      throw new Error('the file could not be read to its end');
    });
    await expect(failed).rejects.toThrow('the file could not be read to its end');
    expect(await counts()).toEqual(before);

    await store.importInTransaction({ layout: 'nhs-sickness', source: 'sickness.csv', synthetic: false }, async (writer) => {
      await writer.writeSickness([sicknessRow('RJ1', '2024-01', 10), sicknessRow('RJZ', '2024-01', 20)]);
      await writer.finish(2, [], 'sickness');
    });
    // The sickness month of RJ1 imported again replaces its figure; RJZ's stays.
    await store.importInTransaction({ layout: 'nhs-sickness', source: 'sickness.csv', synthetic: false }, async (writer) => {
      await writer.writeSickness([sicknessRow('RJ1', '2024-01', 11.5)]);
      await writer.finish(1, [], 'sickness');
    });
    const sickness = await database.prisma.sicknessObservation.findMany({
      orderBy: { organisationCode: 'asc' },
      select: { organisationCode: true, fteDaysLost: true },
    });
    expect(sickness).toEqual([
      { organisationCode: 'RJ1', fteDaysLost: 11.5 },
      { organisationCode: 'RJZ', fteDaysLost: 20 },
    ]);
  });

  it('imports the first metrics only once', async () => {
    const before = await counts();
    const ran = await store.importIfEmpty({ layout: 'demo', source: 'Synthetic demo data', synthetic: true }, () =>
      Promise.reject(new Error('not reached: there are metrics already')),
    );
    expect(ran).toBe(false);
    expect(await counts()).toEqual(before);
  });

  // The imports' advisory lock: while another transaction holds it, an import waits (seen in pg_locks)
  // and has written nothing; once it is released, the import runs. On the server only: PGlite runs one
  // backend, so a second transaction cannot be open beside the import's.
  it.runIf(process.env.COP_TEST_DATABASE_URL)('makes an import wait for the import lock, then run', async () => {
    const before = await counts();
    let release!: () => void;
    let locked!: () => void;
    const isLocked = new Promise<void>((resolve) => (locked = resolve));
    const holder = database.prisma.$transaction(
      async (tx) => {
        await tx.$executeRawUnsafe(IMPORT_LOCK_SQL);
        locked();
        await new Promise<void>((resolve) => (release = resolve));
      },
      { timeout: 60_000 },
    );
    await isLocked;
    const waiting = importText(`${COP_HEADER}\n2025-03,RJ1,All staff groups,100,100,90,3,1,,,,,\n`);
    const waiters = () =>
      database.prisma.$queryRawUnsafe<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND NOT granted
           AND objid::bigint = (hashtext('cop.metrics.import')::bigint & 4294967295)`,
      );
    while ((await waiters())[0]!.n === 0) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await counts()).toEqual(before);
    release();
    await holder;
    expect((await waiting).outcome).toBe('imported');
    expect((await counts()).imports).toBe(before.imports + 1);
  });
});
