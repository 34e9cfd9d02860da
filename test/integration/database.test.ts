// The database layer on a real database (PGlite, or the PostgreSQL server under test:postgres):
// migrations apply once, the migrations match the schema, reference data seeds idempotently.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pendingMigrationSql } from '../../src/cli/new-migration.js';
import { openDatabase, type Database } from '../../src/db/database.js';
import { migrationDrift } from '../../src/db/migration-drift.js';
import { migrationNames, readMigrations } from '../../src/db/migrations.js';
import { seedReferenceData } from '../../src/db/seed.js';
import { testDatabase, type TestDatabase } from '../support/test-database.js';

let target: TestDatabase;
let database: Database;

beforeAll(async () => {
  target = testDatabase();
  database = await openDatabase(target.url);
});
afterAll(async () => {
  if (target.schema) await database.prisma.$executeRawUnsafe(`DROP SCHEMA IF EXISTS "${target.schema}" CASCADE`);
  await database?.close();
});

/** The shadow database the drift check needs exists only on a server: PGlite holds a single database. */
const onServer = process.env['COP_TEST_DATABASE_URL'] !== undefined;

describe('migrations', () => {
  it('reports a database without migrations as not ready', async () => {
    expect(await database.readinessProblem()).toBe('migrations not applied yet');
  });

  it('applies every migration once, and nothing on a second run', async () => {
    expect(await database.migrate()).toEqual(await migrationNames());
    expect(await database.migrate()).toEqual([]);
    expect(await database.readinessProblem()).toBeUndefined();
  });

  it('has a migration for every change to prisma/schema.prisma', async () => {
    // Non-empty SQL here means someone changed the schema without `npm run db:migration:new`.
    expect(await pendingMigrationSql()).toBe('');
  });

  it.runIf(onServer)("builds exactly prisma/schema.prisma from the migrations' SQL (shadow database)", async () => {
    expect(await migrationDrift(target.url)).toEqual([]);
  });

  it.runIf(onServer)('notices a hand-edited migration.sql that no longer matches the schema', async () => {
    const migrations = await readMigrations();
    const latest = migrations.migrationDirectories.at(-1);
    if (latest?.migrationFile.content.tag !== 'ok') throw new Error('no migration to edit');
    latest.migrationFile.content = {
      tag: 'ok',
      value: `${latest.migrationFile.content.value}\nALTER TABLE "Region" ADD COLUMN "motto" TEXT;\n`,
    };
    expect(await migrationDrift(target.url, migrations)).toEqual(['ALTER TABLE "Region" DROP COLUMN "motto";']);
  });

  it('keeps the case-study search and filter GIN indexes without a pending list (PGlite runs no autovacuum to merge one)', async () => {
    const rows = await database.prisma.$queryRaw<{ relname: string; reloptions: string[] | null }[]>`
      SELECT relname, reloptions FROM pg_class
      WHERE relnamespace = current_schema()::regnamespace AND relname IN ('CaseStudy_search_idx', 'CaseStudy_tags_idx', 'CaseStudy_topicSearch_idx', 'CaseStudy_staffGroups_idx') ORDER BY relname`;
    expect(rows).toEqual([
      { relname: 'CaseStudy_search_idx', reloptions: ['fastupdate=off'] },
      { relname: 'CaseStudy_staffGroups_idx', reloptions: ['fastupdate=off'] },
      { relname: 'CaseStudy_tags_idx', reloptions: ['fastupdate=off'] },
      { relname: 'CaseStudy_topicSearch_idx', reloptions: ['fastupdate=off'] },
    ]);
  });
});

describe('reference data', () => {
  it('seeds the regions, People Promise elements and staff groups, and a second run changes nothing', async () => {
    const first = await seedReferenceData(database.prisma);
    expect(first).toEqual({ regions: 8, peoplePromiseElements: 7, staffGroups: 27, organisations: 292 });
    const snapshot = async () => ({
      regions: await database.prisma.region.findMany({ orderBy: { code: 'asc' } }),
      elements: await database.prisma.peoplePromiseElement.findMany({ orderBy: { code: 'asc' } }),
      groups: await database.prisma.staffGroup.findMany({ orderBy: { code: 'asc' } }),
      organisations: await database.prisma.organisation.findMany({ orderBy: { name: 'asc' } }),
    });
    const before = await snapshot();
    await seedReferenceData(database.prisma);
    expect(await snapshot()).toEqual(before);
  });

  it('keeps NHS England region codes and puts Wales last', async () => {
    const regions = await database.prisma.region.findMany({ orderBy: { sortOrder: 'asc' } });
    expect(regions.map((region) => region.code)).toEqual(['Y61', 'Y56', 'Y60', 'Y63', 'Y62', 'Y59', 'Y58', 'WALES']);
    expect(regions.at(-1)).toMatchObject({ name: 'NHS Wales', nation: 'wales' });
  });

  it('links staff groups to their parents', async () => {
    const nurses = await database.prisma.staffGroup.findUniqueOrThrow({ where: { code: 'nurses-health-visitors' } });
    expect(nurses).toMatchObject({
      name: 'Nurses & health visitors',
      level: 'staff_group',
      parentCode: 'professionally-qualified-clinical-staff',
    });
  });
});

describe('organisations', () => {
  it('places trusts in their NHS England region with their ICB', async () => {
    const leeds = await database.prisma.organisation.findUniqueOrThrow({ where: { odsCode: 'RR8' } });
    expect(leeds).toMatchObject({
      name: 'Leeds Teaching Hospitals NHS Trust',
      type: 'Acute',
      nation: 'england',
      regionCode: 'Y63',
      icbCode: 'QWO',
      icbName: 'West Yorkshire',
      isNhsTrust: true,
      verified: true,
    });
  });

  it('keeps national bodies without a region', async () => {
    const national = await database.prisma.organisation.findMany({ where: { nation: 'england', regionCode: null } });
    expect(national.length).toBeGreaterThan(0);
    expect(national.every((organisation) => organisation.icbCode === null)).toBe(true);
  });

  it('puts the NHS Wales boards and trusts in NHS Wales, including bodies without an ODS code', async () => {
    const wales = await database.prisma.organisation.findMany({ where: { regionCode: 'WALES' }, orderBy: { name: 'asc' } });
    expect(wales).toHaveLength(12);
    expect(wales.filter((organisation) => organisation.type === 'Local Health Board')).toHaveLength(7);
    expect(wales.find((organisation) => organisation.name === 'Health Education and Improvement Wales')).toMatchObject({
      odsCode: null,
      source: expect.stringContaining('confidence: low') as unknown,
    });
  });

  it('counts every region', async () => {
    const perRegion = await database.prisma.organisation.groupBy({ by: ['regionCode'], _count: true, orderBy: { regionCode: 'asc' } });
    expect(perRegion.every((group) => group._count > 0)).toBe(true);
    expect(perRegion.map((group) => group.regionCode)).toEqual(['WALES', 'Y56', 'Y58', 'Y59', 'Y60', 'Y61', 'Y62', 'Y63', null]);
  });
});
