// Reference data for forms and profiles, through Prisma. Regions, staff groups and People Promise
// elements change only when the seed runs at start, so they are read once and kept.
import { Prisma } from '../../generated/prisma/client.js';
import type { PrismaClient } from '../database.js';
import type { Choice, OrganisationChoice } from '../../core/members/member.js';
import type { ReferenceData } from '../../core/members/member-store.js';

/** An organisation's name with its ODS code, as every list and profile shows it. */
const withCode = (name: string, odsCode: string | null) => (odsCode ? `${name} (${odsCode})` : name);

interface OrganisationRow {
  id: string;
  name: string;
  welshName: string | null;
  regionCode: string | null;
  odsCode: string | null;
}

const choiceOf = (row: OrganisationRow): OrganisationChoice => ({
  value: row.id,
  label: withCode(row.name, row.odsCode),
  ...(row.welshName ? { welshLabel: withCode(row.welshName, row.odsCode) } : {}),
  regionCode: row.regionCode,
  odsCode: row.odsCode,
});

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
    // Matched on the name without punctuation ("guys" finds Guy's and St Thomas'), or the ODS code (RJ1).
    // Ranked: the code itself, then a name starting with the words, then the words as a whole word
    // ("Hull" gives Hull University Teaching Hospitals before Birmingham and Solihull), then anywhere.
    const typed = query
      .toLowerCase()
      .replace(/[^a-z0-9 ]+/g, '')
      .replace(/\s+/g, ' ')
      .trim()
      .slice(0, 100);
    // Only punctuation ("%_%"): nothing to match, rather than every organisation.
    if (typed === '' && query.trim() !== '') return [];
    // The Welsh name (NHS Wales bodies) is matched alike: "bae abertawe" finds Swansea Bay University Health Board.
    const bare = Prisma.sql`regexp_replace(lower(o.name), '[^a-z0-9 ]+', '', 'g')`;
    const welsh = Prisma.sql`regexp_replace(lower(coalesce(o."welshName", '')), '[^a-z0-9 ]+', '', 'g')`;
    const rows = await this.prisma.$queryRaw<OrganisationRow[]>(
      typed === ''
        ? Prisma.sql`SELECT o.id, o.name, o."welshName", o."regionCode", o."odsCode" FROM "Organisation" o ORDER BY o.verified DESC, o.name ASC LIMIT ${limit}`
        : Prisma.sql`
          SELECT o.id, o.name, o."welshName", o."regionCode", o."odsCode" FROM "Organisation" o
          WHERE lower(coalesce(o."odsCode", '')) = ${typed} OR strpos(${bare}, ${typed}) > 0 OR strpos(${welsh}, ${typed}) > 0
          ORDER BY
            (lower(coalesce(o."odsCode", '')) = ${typed}) DESC,
            (left(${bare}, ${typed.length}) = ${typed} OR left(${welsh}, ${typed.length}) = ${typed}) DESC,
            (strpos(' ' || ${bare} || ' ', ${` ${typed} `}) > 0 OR strpos(' ' || ${welsh} || ' ', ${` ${typed} `}) > 0) DESC,
            (strpos(' ' || ${bare}, ${` ${typed}`}) > 0 OR strpos(' ' || ${welsh}, ${` ${typed}`}) > 0) DESC,
            o.verified DESC, o.name ASC
          LIMIT ${limit}`,
    );
    return rows.map(choiceOf);
  }

  async organisation(id: string): Promise<OrganisationChoice | undefined> {
    // Ids are UUIDs; anything else (a tampered submission) matches nothing rather than erroring.
    if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined;
    const row = await this.prisma.organisation.findUnique({
      where: { id },
      select: { id: true, name: true, welshName: true, regionCode: true, odsCode: true },
    });
    return row ? choiceOf(row) : undefined;
  }
}
