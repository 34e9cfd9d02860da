// Reference data for forms and profiles, through Prisma. Regions, staff groups and People Promise
// elements change only when the seed runs at start, so they are read once and kept.
import type { PrismaClient } from '../database.js';
import type { Choice, OrganisationChoice } from '../../core/members/member.js';
import type { ReferenceData } from '../../core/members/member-store.js';

/** Staff groups members pick from: the main groups and staff groups, not the total or doctors' grades. */
const PICKABLE_STAFF_GROUP_LEVELS = ['main_staff_group', 'staff_group'];

export class PrismaReferenceData implements ReferenceData {
  private cached: Promise<{ regions: Choice[]; staffGroups: Choice[]; promiseElements: Choice[] }> | undefined;

  constructor(private readonly prisma: PrismaClient) {}

  private lists() {
    this.cached ??= (async () => {
      const [regions, staffGroups, promiseElements] = await Promise.all([
        this.prisma.region.findMany({ orderBy: { sortOrder: 'asc' }, select: { code: true, name: true } }),
        this.prisma.staffGroup.findMany({
          where: { level: { in: PICKABLE_STAFF_GROUP_LEVELS } },
          orderBy: { sortOrder: 'asc' },
          select: { code: true, name: true },
        }),
        this.prisma.peoplePromiseElement.findMany({ orderBy: { sortOrder: 'asc' }, select: { code: true, name: true } }),
      ]);
      const choices = (rows: { code: string; name: string }[]) => rows.map((row) => ({ value: row.code, label: row.name }));
      return { regions: choices(regions), staffGroups: choices(staffGroups), promiseElements: choices(promiseElements) };
    })();
    // A failed read, or one made before the seed ran at start, is not kept: the next request reads again.
    const current = this.cached;
    current.then(
      (lists) => {
        if (lists.regions.length === 0 && this.cached === current) this.cached = undefined;
      },
      () => {
        if (this.cached === current) this.cached = undefined;
      },
    );
    return current;
  }

  async regions(): Promise<readonly Choice[]> {
    return (await this.lists()).regions;
  }

  async staffGroups(): Promise<readonly Choice[]> {
    return (await this.lists()).staffGroups;
  }

  async promiseElements(): Promise<readonly Choice[]> {
    return (await this.lists()).promiseElements;
  }

  async searchOrganisations(query: string, limit: number): Promise<readonly OrganisationChoice[]> {
    // `contains` becomes ILIKE '%…%', and Prisma does not escape what was typed: % and _ are literal here.
    const typed = query.trim().replace(/[\\%_]/g, (character) => `\\${character}`);
    const rows = await this.prisma.organisation.findMany({
      where: typed === '' ? {} : { name: { contains: typed, mode: 'insensitive' } },
      orderBy: [{ verified: 'desc' }, { name: 'asc' }],
      take: limit,
      select: { id: true, name: true, regionCode: true },
    });
    return rows.map((row) => ({ value: row.id, label: row.name, regionCode: row.regionCode }));
  }

  async organisation(id: string): Promise<OrganisationChoice | undefined> {
    // Ids are UUIDs; anything else (a tampered submission) matches nothing rather than erroring.
    if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined;
    const row = await this.prisma.organisation.findUnique({ where: { id }, select: { id: true, name: true, regionCode: true } });
    return row ? { value: row.id, label: row.name, regionCode: row.regionCode } : undefined;
  }
}
