// Reference data, seeded idempotently at every start: NHS England's seven regions and NHS Wales, the
// seven People Promise elements, and the NHS Workforce Statistics staff groups. Files in prisma/data
// come from public NHS sources (prisma/data/SOURCES.md); upserts make a second run change nothing.
import { readFile } from 'node:fs/promises';
import Papa from 'papaparse';
import { z } from 'zod';
import type { PrismaClient } from './database.js';
import { PRISMA_DIR } from './paths.js';

const DATA_DIR = `${PRISMA_DIR}data/`;

/** NHS Wales is not an NHS England region; it gets a code of our own beside the Y5x/Y6x codes. */
export const WALES_REGION = { code: 'WALES', name: 'NHS Wales' } as const;

/** The People Promise, in NHS England's order (www.england.nhs.uk/ournhspeople/online-version/lfaop/our-nhs-people-promise). */
export const PEOPLE_PROMISE_ELEMENTS = [
  ['compassionate-inclusive', 'We are compassionate and inclusive'],
  ['recognised-rewarded', 'We are recognised and rewarded'],
  ['voice-that-counts', 'We each have a voice that counts'],
  ['safe-healthy', 'We are safe and healthy'],
  ['always-learning', 'We are always learning'],
  ['work-flexibly', 'We work flexibly'],
  ['a-team', 'We are a team'],
] as const;

const regionRow = z.object({ nhse_region_code: z.string().regex(/^Y\d\d$/), nhse_region_name: z.string().min(1) });
const staffGroupRow = z.object({
  sort_order: z.coerce.number().int(),
  level: z.enum(['all', 'main_staff_group', 'staff_group', 'doctor_grade']),
  staff_group: z.string().min(1),
  parent: z.string(),
});

async function readCsv<T>(file: string, row: z.ZodType<T>): Promise<T[]> {
  const text = await readFile(`${DATA_DIR}${file}`, 'utf8');
  const parsed = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true });
  if (parsed.errors.length > 0) throw new Error(`${file}: ${parsed.errors.map((e) => `row ${e.row}: ${e.message}`).join('; ')}`);
  return parsed.data.map((record, i) => {
    const result = row.safeParse(record);
    if (!result.success) throw new Error(`${file} line ${i + 2}: ${result.error.issues.map((issue) => issue.message).join('; ')}`);
    return result.data;
  });
}

/** A stable code for a staff group from its published name: `Nurses & health visitors` -> `nurses-health-visitors`. */
export function staffGroupCode(name: string): string {
  return name
    .toLowerCase()
    .replaceAll('&', ' ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

export interface SeedCounts {
  regions: number;
  peoplePromiseElements: number;
  staffGroups: number;
}

interface Row {
  readonly code: string;
}

/** The rows of `desired` that are missing from `existing` or differ from it in any field. */
function changed<T extends Row>(desired: readonly T[], existing: readonly T[]): T[] {
  const stored = new Map(existing.map((row) => [row.code, row]));
  return desired.filter((row) => {
    const current = stored.get(row.code);
    return !current || Object.entries(row).some(([key, value]) => current[key as keyof T] !== value);
  });
}

/** Seeds the reference data; an unchanged database costs three reads and no writes. */
export async function seedReferenceData(prisma: PrismaClient): Promise<SeedCounts> {
  const [regionRows, staffGroupRows] = await Promise.all([
    readCsv('nhs_england_regions.csv', regionRow),
    readCsv('nhs_staff_groups.csv', staffGroupRow),
  ]);
  const englandRegions = [...regionRows].sort((a, b) => a.nhse_region_name.localeCompare(b.nhse_region_name, 'en-GB'));
  const regions = [
    ...englandRegions.map((region, i) => ({ code: region.nhse_region_code, name: region.nhse_region_name, nation: 'england' as const, sortOrder: i + 1 })),
    { code: WALES_REGION.code, name: WALES_REGION.name, nation: 'wales' as const, sortOrder: englandRegions.length + 1 },
  ];
  const elements = PEOPLE_PROMISE_ELEMENTS.map(([code, name], i) => ({ code, name, sortOrder: i + 1 }));
  // Parents come before children in the file, so writing in file order satisfies the foreign key.
  const staffGroups = [...staffGroupRows]
    .sort((a, b) => a.sort_order - b.sort_order)
    .map((group) => ({
      code: staffGroupCode(group.staff_group),
      name: group.staff_group,
      level: group.level,
      parentCode: group.parent === '' ? null : staffGroupCode(group.parent),
      sortOrder: group.sort_order,
    }));

  const [storedRegions, storedElements, storedGroups] = await Promise.all([
    prisma.region.findMany({ select: { code: true, name: true, nation: true, sortOrder: true } }),
    prisma.peoplePromiseElement.findMany({ select: { code: true, name: true, sortOrder: true } }),
    prisma.staffGroup.findMany({ select: { code: true, name: true, level: true, parentCode: true, sortOrder: true } }),
  ]);
  const writes = {
    regions: changed(regions, storedRegions),
    elements: changed(elements, storedElements),
    staffGroups: changed(staffGroups, storedGroups),
  };
  if (writes.regions.length + writes.elements.length + writes.staffGroups.length > 0) {
    await prisma.$transaction(
      async (tx) => {
        for (const { code, ...data } of writes.regions) await tx.region.upsert({ where: { code }, create: { code, ...data }, update: data });
        for (const { code, ...data } of writes.elements) {
          await tx.peoplePromiseElement.upsert({ where: { code }, create: { code, ...data }, update: data });
        }
        for (const { code, ...data } of writes.staffGroups) await tx.staffGroup.upsert({ where: { code }, create: { code, ...data }, update: data });
      },
      { timeout: 30_000 },
    );
  }
  return { regions: regions.length, peoplePromiseElements: elements.length, staffGroups: staffGroups.length };
}
