// Retention metrics through Prisma: the series the digests are built from, and imports written in one
// transaction. Given a database's own `pg` connections, imports go through metric-bulk-writer.ts (COPY on
// a PostgreSQL server, batched inserts on PGlite); without, through a Prisma transaction with batched
// inserts (unnest of column arrays: one statement per batch, whatever its size).
import { EMPTY_COUNTS, seriesOf, type MonthCounts, type Series } from '../../core/metrics/definitions.js';
import { ALL_STAFF, type ImportReferenceData, type SicknessRow, type WorkforceRow } from '../../core/metrics/layouts.js';
import type {
  ImportPlan,
  ImportWriter,
  MetricStore,
  OrganisationInfo,
  Scope,
  SourceInfo,
  StaffGroupInfo,
} from '../../core/metrics/metric-store.js';
import { monthOfDate, monthStart, type Month } from '../../core/metrics/period.js';
import type { Prisma } from '../../generated/prisma/client.js';
import type { Database, PrismaClient } from '../database.js';
import { bulkImport, DELETE_DEMO_SQL, IMPORT_LOCK_SQL } from './metric-bulk-writer.js';

/** A large file is one transaction: allow it time (the default is 5 seconds). */
const IMPORT_TIMEOUT_MS = 60 * 60 * 1000;

const day = (month: Month) => `${month}-01`;

function scopeFilter(scope: Scope): { sql: string; value: string | undefined } {
  switch (scope.kind) {
    case 'national':
      return { sql: 'TRUE', value: undefined };
    case 'region':
      return { sql: '"regionCode" = $4', value: scope.code };
    case 'organisation':
      return { sql: '"organisationCode" = $4', value: scope.code };
  }
}

class PrismaImportWriter implements ImportWriter {
  constructor(
    private readonly tx: Prisma.TransactionClient,
    private readonly importId: string,
  ) {}

  async writeWorkforce(rows: readonly WorkforceRow[]): Promise<void> {
    const column = <K extends keyof WorkforceRow>(key: K) => rows.map((row) => row[key]);
    await this.tx.$executeRawUnsafe(
      `INSERT INTO "WorkforceObservation" ("organisationCode", "regionCode", period, "staffGroupCode", "startHeadcount", headcount, fte, leavers, joiners,
         "leaversFte", "stabilityBase", "stabilityStayed", "vacancyFte", "nqHeadcount", "nqLeavers", "importId")
       SELECT *, $16 FROM unnest($1::text[], $2::text[], $3::date[], $4::text[], $5::int[], $6::int[], $7::float8[], $8::int[], $9::int[],
         $10::float8[], $11::int[], $12::int[], $13::float8[], $14::int[], $15::int[])
       ON CONFLICT ("organisationCode", period, "staffGroupCode") DO UPDATE SET
         "regionCode" = excluded."regionCode", "startHeadcount" = excluded."startHeadcount", headcount = excluded.headcount, fte = excluded.fte,
         leavers = excluded.leavers, joiners = excluded.joiners, "leaversFte" = excluded."leaversFte", "stabilityBase" = excluded."stabilityBase",
         "stabilityStayed" = excluded."stabilityStayed", "vacancyFte" = excluded."vacancyFte", "nqHeadcount" = excluded."nqHeadcount",
         "nqLeavers" = excluded."nqLeavers", "importId" = excluded."importId"`,
      column('organisationCode'),
      column('regionCode'),
      rows.map((row) => day(row.month)),
      column('staffGroupCode'),
      column('startHeadcount'),
      column('headcount'),
      column('fte'),
      column('leavers'),
      column('joiners'),
      column('leaversFte'),
      column('stabilityBase'),
      column('stabilityStayed'),
      column('vacancyFte'),
      column('nqHeadcount'),
      column('nqLeavers'),
      this.importId,
    );
  }

  async writeSickness(rows: readonly SicknessRow[]): Promise<void> {
    await this.tx.$executeRawUnsafe(
      `INSERT INTO "SicknessObservation" ("organisationCode", "regionCode", period, "fteDaysLost", "fteDaysAvailable", "importId")
       SELECT *, $6 FROM unnest($1::text[], $2::text[], $3::date[], $4::float8[], $5::float8[])
       ON CONFLICT ("organisationCode", period) DO UPDATE SET "regionCode" = excluded."regionCode", "fteDaysLost" = excluded."fteDaysLost",
         "fteDaysAvailable" = excluded."fteDaysAvailable", "importId" = excluded."importId"`,
      rows.map((row) => row.organisationCode),
      rows.map((row) => row.regionCode),
      rows.map((row) => day(row.month)),
      rows.map((row) => row.fteDaysLost),
      rows.map((row) => row.fteDaysAvailable),
      this.importId,
    );
  }

  async finish(rows: number, replaced: readonly (readonly [string, Month])[], kind: 'workforce' | 'sickness'): Promise<void> {
    const table = kind === 'workforce' ? '"WorkforceObservation"' : '"SicknessObservation"';
    await this.tx.$executeRawUnsafe(
      `DELETE FROM ${table} o USING unnest($1::text[], $2::date[]) AS r(org, period)
       WHERE o."organisationCode" = r.org AND o.period = r.period AND o."importId" <> $3`,
      replaced.map(([organisationCode]) => organisationCode),
      replaced.map(([, month]) => day(month)),
      this.importId,
    );
    await this.tx.metricImport.update({ where: { id: this.importId }, data: { rows } });
  }
}

interface WorkforceRecord {
  organisationCode: string;
  regionCode: string | null;
  period: Date;
  startHeadcount: number | null;
  headcount: number | null;
  fte: number | null;
  leavers: number | null;
  joiners: number | null;
  stabilityBase: number | null;
  stabilityStayed: number | null;
  vacancyFte: number | null;
  nqHeadcount: number | null;
  nqLeavers: number | null;
}

export class PrismaMetricStore implements MetricStore {
  /**
   * `bulk`: the database whose own connections imports use (COPY on a PostgreSQL server, batched
   * inserts on PGlite). Without it, imports run in a Prisma transaction.
   */
  constructor(
    private readonly prisma: PrismaClient,
    private readonly bulk?: Pick<Database, 'kind' | 'connect'>,
  ) {}

  async importReference(): Promise<ImportReferenceData> {
    const [organisations, regions, staffGroups] = await Promise.all([
      this.prisma.organisation.findMany({ where: { odsCode: { not: null } }, select: { odsCode: true, regionCode: true, name: true } }),
      this.prisma.region.findMany({ select: { code: true } }),
      this.prisma.staffGroup.findMany({ select: { code: true, name: true } }),
    ]);
    return {
      organisations: new Map(organisations.map((organisation) => [organisation.odsCode!, organisation.regionCode])),
      organisationNames: new Map(organisations.map((organisation) => [organisation.odsCode!, organisation.name])),
      regions: new Set(regions.map((region) => region.code)),
      staffGroups,
    };
  }

  async importInTransaction<T>(plan: ImportPlan, work: (writer: ImportWriter) => Promise<T>): Promise<T> {
    if (this.bulk) {
      const result = await bulkImport(this.bulk.connect, this.bulk.kind === 'postgres' ? 'copy' : 'insert', plan, work);
      if (!result.done) throw new Error('an import that is not exclusive always runs');
      return result.value;
    }
    return this.prisma.$transaction(
      async (tx) => {
        await tx.$executeRawUnsafe(IMPORT_LOCK_SQL);
        // Real figures replace the demo data wholly: demo and real figures are never summed in one digest.
        if (!plan.synthetic) for (const sql of DELETE_DEMO_SQL) await tx.$executeRawUnsafe(sql);
        const created = await tx.metricImport.create({
          data: { layout: plan.layout, source: plan.source, synthetic: plan.synthetic, rows: 0 },
          select: { id: true },
        });
        return work(new PrismaImportWriter(tx, created.id));
      },
      { timeout: IMPORT_TIMEOUT_MS, maxWait: 30_000 },
    );
  }

  async series(scope: Scope, staffGroupCode: string, first: Month, last: Month): Promise<readonly Series[]> {
    const filter = scopeFilter(scope);
    const params = [staffGroupCode, monthStart(first), monthStart(last), ...(filter.value === undefined ? [] : [filter.value])];
    const workforce = await this.prisma.$queryRawUnsafe<WorkforceRecord[]>(
      `SELECT "organisationCode", "regionCode", period, "startHeadcount", headcount, fte, leavers, joiners, "stabilityBase", "stabilityStayed", "vacancyFte", "nqHeadcount", "nqLeavers"
       FROM "WorkforceObservation" WHERE "staffGroupCode" = $1 AND period BETWEEN $2 AND $3 AND ${filter.sql}`,
      ...params,
    );
    const sickness = await this.prisma.$queryRawUnsafe<
      { organisationCode: string; period: Date; fteDaysLost: number; fteDaysAvailable: number }[]
    >(
      `SELECT "organisationCode", period, "fteDaysLost", "fteDaysAvailable" FROM "SicknessObservation"
       WHERE $1 = 'all-staff-groups' AND period BETWEEN $2 AND $3 AND ${filter.sql}`,
      ...params,
    );
    const byOrganisation = new Map<string, Map<Month, MonthCounts>>();
    const regions = new Map<string, string | null>();
    const monthsOf = (code: string) => {
      let months = byOrganisation.get(code);
      if (!months) byOrganisation.set(code, (months = new Map<Month, MonthCounts>()));
      return months;
    };
    // Ordered by period, so the last region seen is the latest.
    workforce.sort((a, b) => a.period.getTime() - b.period.getTime());
    for (const { organisationCode, regionCode, period, ...counts } of workforce) {
      const month = monthOfDate(period);
      regions.set(organisationCode, regionCode);
      monthsOf(organisationCode).set(month, { ...EMPTY_COUNTS, ...counts, month });
    }
    for (const row of sickness) {
      const month = monthOfDate(row.period);
      const months = monthsOf(row.organisationCode);
      months.set(month, {
        ...(months.get(month) ?? { ...EMPTY_COUNTS, month }),
        sicknessDaysLost: row.fteDaysLost,
        sicknessDaysAvailable: row.fteDaysAvailable,
      });
    }
    return [...byOrganisation].map(([code, months]) => seriesOf(code, [...months.values()], regions.get(code) ?? null));
  }

  async dataVersion(): Promise<string> {
    const rows = await this.prisma.$queryRawUnsafe<{ version: string }[]>(
      `SELECT concat_ws('|', (SELECT count(*) FROM "MetricImport"), (SELECT max("importedAt") FROM "MetricImport"),
                             (SELECT count(*) FROM "Organisation"), (SELECT max("updatedAt") FROM "Organisation")) AS version`,
    );
    return rows[0]?.version ?? '';
  }

  async latestMonth(scope: Scope, staffGroupCode: string): Promise<Month | undefined> {
    const filter = scopeFilter(scope);
    // $2 and $3 keep the placeholders of scopeFilter in the same positions as in `series`.
    const rows = await this.prisma.$queryRawUnsafe<{ latest: Date | null }[]>(
      `SELECT max(period) AS latest FROM "WorkforceObservation" WHERE "staffGroupCode" = $1 AND $2::int = $3::int AND ${filter.sql}`,
      staffGroupCode,
      0,
      0,
      ...(filter.value === undefined ? [] : [filter.value]),
    );
    const latest = rows[0]?.latest;
    return latest ? monthOfDate(latest) : undefined;
  }

  async sources(scope: Scope, first: Month, last: Month): Promise<SourceInfo | undefined> {
    const filter = scopeFilter(scope);
    const rows = await this.prisma.$queryRawUnsafe<{ source: string; importedAt: Date; synthetic: boolean }[]>(
      `SELECT DISTINCT i.source, i."importedAt", i.synthetic FROM "MetricImport" i
       WHERE i.id IN (SELECT "importId" FROM "WorkforceObservation" WHERE $1::text IS NOT NULL AND period BETWEEN $2 AND $3 AND ${filter.sql}
                      UNION SELECT "importId" FROM "SicknessObservation" WHERE period BETWEEN $2 AND $3 AND ${filter.sql})
       ORDER BY i."importedAt"`,
      '',
      monthStart(first),
      monthStart(last),
      ...(filter.value === undefined ? [] : [filter.value]),
    );
    if (rows.length === 0) return undefined;
    return {
      sources: [...new Set(rows.map((row) => row.source))],
      latestImport: rows.at(-1)!.importedAt,
      synthetic: rows.some((row) => row.synthetic),
    };
  }

  async staffGroups(): Promise<readonly StaffGroupInfo[]> {
    return this.prisma.staffGroup.findMany({
      where: { code: { not: ALL_STAFF } },
      orderBy: { sortOrder: 'asc' },
      select: { code: true, name: true },
    });
  }

  async staffGroupsWithFigures(scope: Scope): Promise<readonly string[]> {
    const filter = scopeFilter(scope);
    // $1 to $3 keep the placeholders of scopeFilter in the same positions as in `series`.
    const rows = await this.prisma.$queryRawUnsafe<{ staffGroupCode: string }[]>(
      `SELECT DISTINCT "staffGroupCode" FROM "WorkforceObservation"
       WHERE "staffGroupCode" <> $1 AND $2::int = $3::int AND ${filter.sql} ORDER BY "staffGroupCode"`,
      ALL_STAFF,
      0,
      0,
      ...(filter.value === undefined ? [] : [filter.value]),
    );
    return rows.map((row) => row.staffGroupCode);
  }

  async organisationsWithoutAllStaff(scope: Scope, first: Month, last: Month): Promise<readonly string[]> {
    const filter = scopeFilter(scope);
    const rows = await this.prisma.$queryRawUnsafe<{ organisationCode: string }[]>(
      `SELECT "organisationCode" FROM "WorkforceObservation" WHERE period BETWEEN $2 AND $3 AND ${filter.sql}
       GROUP BY "organisationCode" HAVING bool_and("staffGroupCode" <> $1) ORDER BY "organisationCode"`,
      ALL_STAFF,
      monthStart(first),
      monthStart(last),
      ...(filter.value === undefined ? [] : [filter.value]),
    );
    return rows.map((row) => row.organisationCode);
  }

  async organisations(codes: readonly string[]): Promise<readonly OrganisationInfo[]> {
    const rows = await this.prisma.organisation.findMany({
      where: { odsCode: { in: [...codes] } },
      select: { odsCode: true, name: true, welshName: true, type: true, regionCode: true, exemplarCohort: true },
    });
    return rows.map((row) => ({
      code: row.odsCode!,
      name: row.name,
      welshName: row.welshName,
      type: row.type,
      regionCode: row.regionCode,
      exemplarCohort: row.exemplarCohort,
    }));
  }

  async isEmpty(): Promise<boolean> {
    return (await this.prisma.metricImport.count()) === 0;
  }

  async allOrganisations(): Promise<readonly OrganisationInfo[]> {
    const rows = await this.prisma.organisation.findMany({
      where: { odsCode: { not: null } },
      orderBy: { odsCode: 'asc' },
      select: { odsCode: true, name: true, welshName: true, type: true, regionCode: true, exemplarCohort: true },
    });
    return rows.map((row) => ({
      code: row.odsCode!,
      name: row.name,
      welshName: row.welshName,
      type: row.type,
      regionCode: row.regionCode,
      exemplarCohort: row.exemplarCohort,
    }));
  }

  async importIfEmpty(plan: ImportPlan, work: (writer: ImportWriter) => Promise<void>): Promise<boolean> {
    if (this.bulk) {
      const result = await bulkImport(this.bulk.connect, this.bulk.kind === 'postgres' ? 'copy' : 'insert', plan, work, true);
      return result.done;
    }
    return this.prisma.$transaction(
      async (tx) => {
        // The imports' lock: a second process waits here, then finds the import done.
        await tx.$executeRawUnsafe(IMPORT_LOCK_SQL);
        if ((await tx.metricImport.count()) > 0) return false;
        const created = await tx.metricImport.create({
          data: { layout: plan.layout, source: plan.source, synthetic: plan.synthetic, rows: 0 },
          select: { id: true },
        });
        await work(new PrismaImportWriter(tx, created.id));
        return true;
      },
      { timeout: IMPORT_TIMEOUT_MS, maxWait: 30_000 },
    );
  }
}
