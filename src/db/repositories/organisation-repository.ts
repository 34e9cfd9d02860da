// Organisations added by members, and their confirmation, through Prisma. A confirmation and its audit
// entry share one transaction; audit entries hold ids only, never names.
import type { PrismaClient } from '../database.js';
import type {
  CodedOrganisation,
  ExemplarMark,
  OrganisationStore,
  OrganisationSummary,
} from '../../core/organisations/organisation-store.js';

const summarySelect = { id: true, name: true, welshName: true, regionCode: true, verified: true, source: true, addedAt: true } as const;

export class PrismaOrganisationStore implements OrganisationStore {
  constructor(private readonly prisma: PrismaClient) {}

  async findByName(name: string): Promise<OrganisationSummary | undefined> {
    const typed = name.trim();
    if (typed === '') return undefined;
    // Compared with lower() in SQL: no wildcards, whatever characters the name holds.
    const rows = await this.prisma.$queryRaw<{ id: string }[]>`
      SELECT id FROM "Organisation" WHERE lower(name) = lower(${typed}) OR lower("welshName") = lower(${typed})
      ORDER BY verified DESC, name ASC LIMIT 1`;
    const found = rows[0];
    return found ? this.find(found.id) : undefined;
  }

  async find(id: string): Promise<OrganisationSummary | undefined> {
    if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined;
    return (await this.prisma.organisation.findUnique({ where: { id }, select: summarySelect })) ?? undefined;
  }

  async pendingCount(regionCodes: readonly string[] | undefined): Promise<number> {
    return this.prisma.organisation.count({ where: { verified: false, ...(regionCodes ? { regionCode: { in: [...regionCodes] } } : {}) } });
  }

  async pending(regionCodes: readonly string[] | undefined, limit: number): Promise<readonly OrganisationSummary[]> {
    return this.prisma.organisation.findMany({
      where: { verified: false, ...(regionCodes ? { regionCode: { in: [...regionCodes] } } : {}) },
      orderBy: [{ addedAt: 'asc' }, { name: 'asc' }],
      take: limit,
      select: summarySelect,
    });
  }

  async confirm(id: string, byMemberId: string | undefined): Promise<boolean> {
    return this.prisma.$transaction(async (tx) => {
      // Only an unverified row changes: two confirmations at once record one.
      const { count } = await tx.organisation.updateMany({ where: { id, verified: false }, data: { verified: true } });
      if (count === 0) return false;
      await tx.auditEntry.create({
        data: { action: 'organisation.confirmed', subject: id, details: { by: byMemberId ?? 'configured admin' } },
      });
      return true;
    });
  }

  async findByCodes(odsCodes: readonly string[]): Promise<readonly CodedOrganisation[]> {
    const rows = await this.prisma.organisation.findMany({
      where: { odsCode: { in: odsCodes.map((code) => code.trim().toUpperCase()) } },
      select: { ...summarySelect, odsCode: true, exemplarCohort: true },
    });
    return rows.flatMap((row) => (row.odsCode === null ? [] : [{ ...row, odsCode: row.odsCode }]));
  }

  async setExemplars(marks: readonly ExemplarMark[], by: string): Promise<number> {
    return this.prisma.$transaction(
      async (tx) => {
        let changed = 0;
        for (const mark of marks) {
          // Only a row whose cohort differs changes, so the audit log records real changes only.
          const row = await tx.organisation.findUnique({ where: { odsCode: mark.odsCode }, select: { id: true, exemplarCohort: true } });
          if (!row || row.exemplarCohort === mark.cohort) continue;
          await tx.organisation.update({ where: { id: row.id }, data: { exemplarCohort: mark.cohort } });
          await tx.auditEntry.create({
            data: { action: 'organisation.exemplar', subject: row.id, details: { cohort: mark.cohort, previous: row.exemplarCohort, by } },
          });
          changed += 1;
        }
        return changed;
      },
      { timeout: 60_000 },
    );
  }
}
