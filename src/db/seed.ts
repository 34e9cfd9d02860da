// Reference data, seeded idempotently at every start: NHS England's seven regions and NHS Wales, the
// seven People Promise elements, the NHS Workforce Statistics staff groups, and the NHS organisations
// members work for. Files in prisma/data come from public NHS sources (prisma/data/SOURCES.md); only
// rows that are missing or differ are written, so a second run changes nothing.
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
const englandOrganisationRow = z.object({
  org_code: z.string().min(1),
  org_name: z.string().min(1),
  org_type: z.string().min(1),
  is_nhs_trust: z.enum(['true', 'false']),
  nhse_region_code: z.string().min(1),
  icb_code: z.string().min(1),
  icb_name: z.string().min(1),
});
const walesOrganisationRow = z.object({
  org_code: z.string(),
  org_name: z.string().min(1),
  welsh_name: z.string(),
  org_type: z.string().min(1),
  confidence: z.enum(['high', 'medium', 'low']),
});
/** The code NHS Digital's files use for national bodies in place of a region or ICB. */
const NATIONAL_BODIES = 'QZZ';
const ENGLAND_SOURCE = 'NHS Digital, NHS Sickness Absence Rates, March 2025';
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
  organisations: number;
}

/** The rows of `desired` that are missing from `existing` or differ from it in any field. */
function changed<T extends object>(desired: readonly T[], existing: readonly T[], key: (row: T) => string): T[] {
  const stored = new Map(existing.map((row) => [key(row), row]));
  return desired.filter((row) => {
    const current = stored.get(key(row));
    return !current || Object.entries(row).some(([field, value]) => current[field as keyof T] !== value);
  });
}

const byCode = (row: { code: string }) => row.code;

interface OrganisationRow {
  odsCode: string | null;
  name: string;
  welshName: string | null;
  type: string;
  nation: 'england' | 'wales';
  regionCode: string | null;
  icbCode: string | null;
  icbName: string | null;
  isNhsTrust: boolean;
  verified: boolean;
  source: string;
}

/** Organisations are matched on their ODS code, or on their name where they have none. */
const organisationKey = (row: Pick<OrganisationRow, 'odsCode' | 'name'>) => row.odsCode ?? `name:${row.name}`;

async function organisationRows(): Promise<OrganisationRow[]> {
  const [england, wales] = await Promise.all([
    readCsv('england_nhs_organisations_2025-03.csv', englandOrganisationRow),
    readCsv('nhs_wales_organisations.csv', walesOrganisationRow),
  ]);
  return [
    ...england.map((row) => {
      const national = row.nhse_region_code === NATIONAL_BODIES;
      return {
        odsCode: row.org_code,
        name: row.org_name,
        welshName: null,
        type: row.org_type,
        nation: 'england' as const,
        regionCode: national ? null : row.nhse_region_code,
        icbCode: national ? null : row.icb_code,
        icbName: national ? null : row.icb_name,
        isNhsTrust: row.is_nhs_trust === 'true',
        verified: true,
        source: ENGLAND_SOURCE,
      };
    }),
    ...wales.map((row) => ({
      odsCode: row.org_code === '' ? null : row.org_code,
      name: row.org_name,
      welshName: row.welsh_name.trim() === '' ? null : row.welsh_name.trim(),
      type: row.org_type,
      nation: 'wales' as const,
      regionCode: WALES_REGION.code,
      icbCode: null,
      icbName: null,
      isNhsTrust: row.org_type.startsWith('NHS Trust'),
      verified: true,
      source: `NHS Wales organisations, assembled from public sources (confidence: ${row.confidence})`,
    })),
  ];
}

/** Seeds the reference data; an unchanged database costs four reads and no writes. */
export async function seedReferenceData(prisma: PrismaClient): Promise<SeedCounts> {
  const [regionRows, staffGroupRows, organisations] = await Promise.all([
    readCsv('nhs_england_regions.csv', regionRow),
    readCsv('nhs_staff_groups.csv', staffGroupRow),
    organisationRows(),
  ]);
  const englandRegions = [...regionRows].sort((a, b) => a.nhse_region_name.localeCompare(b.nhse_region_name, 'en-GB'));
  const regions = [
    ...englandRegions.map((region, i) => ({
      code: region.nhse_region_code,
      name: region.nhse_region_name,
      nation: 'england' as const,
      sortOrder: i + 1,
    })),
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

  const [storedRegions, storedElements, storedGroups, storedOrganisations] = await Promise.all([
    prisma.region.findMany({ select: { code: true, name: true, nation: true, sortOrder: true } }),
    prisma.peoplePromiseElement.findMany({ select: { code: true, name: true, sortOrder: true } }),
    prisma.staffGroup.findMany({ select: { code: true, name: true, level: true, parentCode: true, sortOrder: true } }),
    prisma.organisation.findMany({
      where: { verified: true },
      select: {
        odsCode: true,
        name: true,
        welshName: true,
        type: true,
        nation: true,
        regionCode: true,
        icbCode: true,
        icbName: true,
        isNhsTrust: true,
        verified: true,
        source: true,
      },
    }),
  ]);
  const writes = {
    regions: changed(regions, storedRegions, byCode),
    elements: changed(elements, storedElements, byCode),
    staffGroups: changed(staffGroups, storedGroups, byCode),
    organisations: changed(organisations, storedOrganisations, organisationKey),
  };
  if (Object.values(writes).some((rows) => rows.length > 0)) {
    await prisma.$transaction(
      async (tx) => {
        for (const { code, ...data } of writes.regions)
          await tx.region.upsert({ where: { code }, create: { code, ...data }, update: data });
        for (const { code, ...data } of writes.elements) {
          await tx.peoplePromiseElement.upsert({ where: { code }, create: { code, ...data }, update: data });
        }
        for (const { code, ...data } of writes.staffGroups)
          await tx.staffGroup.upsert({ where: { code }, create: { code, ...data }, update: data });
        for (const organisation of writes.organisations) {
          const where = organisation.odsCode ? { odsCode: organisation.odsCode } : { name: organisation.name };
          await tx.organisation.upsert({ where, create: organisation, update: organisation });
        }
      },
      { timeout: 30_000 },
    );
  }
  return {
    regions: regions.length,
    peoplePromiseElements: elements.length,
    staffGroups: staffGroups.length,
    organisations: organisations.length,
  };
}
