// The CSV layouts the metrics import reads, each recognised by its header, and how one row of each
// becomes observations. Every row is validated with zod; a row that fails says why in words a
// retention lead can act on. Pure: the import (importer.ts) feeds it rows and stores what it returns.
//
// - `cop`: the project's own layout (templates/metrics-template.csv), one row per organisation, month
//   and staff group.
// - `nhs-turnover`: NHS Workforce Statistics turnover by organisation and staff group, read as one row
//   per month: `period_end` (YYYYMM) is the month, leavers and joiners are those of the month,
//   `denom_start_hc`/`denom_end_hc` the headcount at its start and end.
// - `nhs-sickness`: NHS Sickness Absence Rates, one row per organisation and month (all staff).
import { z } from 'zod';
import { isMonth, monthOf, type Month } from './period.js';

export type LayoutName = 'cop' | 'nhs-turnover' | 'nhs-sickness';

export interface Layout {
  readonly name: LayoutName;
  readonly required: readonly string[];
  readonly optional: readonly string[];
}

export const LAYOUTS: readonly Layout[] = [
  {
    name: 'cop',
    required: ['period', 'org_code', 'staff_group', 'headcount_end', 'leavers', 'joiners'],
    optional: ['headcount_start', 'fte', 'stability_base', 'stability_stayed', 'vacancy_fte', 'nq_headcount', 'nq_leavers'],
  },
  {
    name: 'nhs-turnover',
    required: ['period_end', 'org_code', 'nhse_region_code', 'staff_group', 'leavers_hc', 'joiners_hc', 'denom_start_hc', 'denom_end_hc'],
    optional: ['org_name', 'nhse_region_name', 'ics_code', 'leavers_fte', 'denom_end_fte'],
  },
  {
    name: 'nhs-sickness',
    required: ['DATE', 'NHSE_REGION_CODE', 'ORG_CODE', 'FTE_DAYS_LOST', 'FTE_DAYS_AVAILABLE', 'SICKNESS_ABSENCE_RATE_PERCENT'],
    optional: ['NHSE_REGION_NAME', 'ICS_CODE', 'ICS_NAME', 'ORG_NAME', 'ORG_TYPE'],
  },
];

export type HeaderCheck =
  | { readonly kind: 'ok'; readonly layout: Layout }
  | { readonly kind: 'unknown'; readonly closest: Layout; readonly missing: readonly string[] };

/** Header names as written, less a byte-order mark and surrounding spaces. */
export function cleanHeader(name: string): string {
  return name.replace(/^\uFEFF/, '').trim();
}

/** Which layout a header is; or the closest one and the columns it lacks. */
export function recogniseHeader(header: readonly string[]): HeaderCheck {
  const names = new Set(header.map(cleanHeader));
  let closest: { layout: Layout; missing: string[] } | undefined;
  for (const layout of LAYOUTS) {
    const missing = layout.required.filter((column) => !names.has(column));
    if (missing.length === 0) return { kind: 'ok', layout };
    if (!closest || missing.length < closest.missing.length) closest = { layout, missing };
  }
  return { kind: 'unknown', closest: closest!.layout, missing: closest!.missing };
}

/** What the import needs to know about organisations and staff groups. */
export interface ImportReference {
  /** ODS code -> region code (null for national bodies). */
  readonly organisations: ReadonlyMap<string, string | null>;
  /** Known region codes. */
  readonly regions: ReadonlySet<string>;
  /** Staff group code, name or other published label, in lower case -> staff group code. */
  readonly staffGroups: ReadonlyMap<string, string>;
  /** The current month: figures for later months are refused. */
  readonly currentMonth: Month;
}

export interface WorkforceRow {
  readonly organisationCode: string;
  readonly regionCode: string | null;
  readonly month: Month;
  readonly staffGroupCode: string;
  readonly startHeadcount: number | null;
  readonly headcount: number | null;
  readonly fte: number | null;
  readonly leavers: number | null;
  readonly joiners: number | null;
  readonly leaversFte: number | null;
  readonly stabilityBase: number | null;
  readonly stabilityStayed: number | null;
  readonly vacancyFte: number | null;
  readonly nqHeadcount: number | null;
  readonly nqLeavers: number | null;
}

export interface SicknessRow {
  readonly organisationCode: string;
  readonly regionCode: string | null;
  readonly month: Month;
  readonly fteDaysLost: number;
  readonly fteDaysAvailable: number;
}

export type RowOutcome =
  | { readonly kind: 'workforce'; readonly row: WorkforceRow; readonly warning?: string }
  | { readonly kind: 'sickness'; readonly row: SicknessRow; readonly warning?: string }
  | { readonly kind: 'bad'; readonly reason: string };

/** A published rate may differ from the one recomputed from its counts by rounding only. */
export const RATE_TOLERANCE_POINTS = 0.01;

const blankToNull = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? null : typeof value === 'string' ? value.trim() : value);

/** A count of people: a whole number, 0 or more; blank (possibly a suppressed small number) is null. */
const count = (column: string) =>
  z.preprocess(
    blankToNull,
    z
      .string()
      .regex(/^-?\d+$/, { error: `${column} must be a whole number` })
      .transform(Number)
      .refine((n) => n >= 0, { error: `${column} must not be negative` })
      .nullable(),
  );

/** An amount such as FTE or days; blank is null. */
const amount = (column: string) =>
  z.preprocess(
    blankToNull,
    z
      .string()
      .regex(/^-?(\d+(\.\d*)?|\.\d+)$/, { error: `${column} must be a number` })
      .transform(Number)
      .refine((n) => n >= 0, { error: `${column} must not be negative` })
      .nullable(),
  );

const code = (column: string) => z.string({ error: `${column} is missing` }).trim().min(1, { error: `${column} is empty` }).max(20, { error: `${column} is too long` });

const copRow = z.object({
  period: z.string({ error: 'period is missing' }).trim().refine(isMonth, { error: 'period must be a month written YYYY-MM, e.g. 2025-03' }),
  org_code: code('org_code'),
  staff_group: z.string({ error: 'staff_group is missing' }).trim().min(1, { error: 'staff_group is empty' }),
  headcount_start: count('headcount_start').optional(),
  headcount_end: count('headcount_end'),
  fte: amount('fte').optional(),
  leavers: count('leavers'),
  joiners: count('joiners'),
  stability_base: count('stability_base').optional(),
  stability_stayed: count('stability_stayed').optional(),
  vacancy_fte: amount('vacancy_fte').optional(),
  nq_headcount: count('nq_headcount').optional(),
  nq_leavers: count('nq_leavers').optional(),
});

const turnoverRow = z.object({
  period_end: z.string({ error: 'period_end is missing' }).trim().regex(/^\d{4}(0[1-9]|1[0-2])$/, { error: 'period_end must be a month written YYYYMM, e.g. 202503' }),
  org_code: code('org_code'),
  nhse_region_code: z.string().trim(),
  staff_group: z.string({ error: 'staff_group is missing' }).trim().min(1, { error: 'staff_group is empty' }),
  leavers_hc: count('leavers_hc'),
  joiners_hc: count('joiners_hc'),
  denom_start_hc: count('denom_start_hc'),
  denom_end_hc: count('denom_end_hc'),
  leavers_fte: amount('leavers_fte').optional(),
  denom_end_fte: amount('denom_end_fte').optional(),
});

const sicknessRow = z.object({
  DATE: z.string({ error: 'DATE is missing' }).trim(),
  NHSE_REGION_CODE: z.string().trim(),
  ORG_CODE: code('ORG_CODE'),
  FTE_DAYS_LOST: amount('FTE_DAYS_LOST'),
  FTE_DAYS_AVAILABLE: amount('FTE_DAYS_AVAILABLE'),
  SICKNESS_ABSENCE_RATE_PERCENT: amount('SICKNESS_ABSENCE_RATE_PERCENT'),
});

const MONTH_ABBREVIATIONS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** The month of a DATE as NHS files write it: 2025-03-31, 31/03/2025, 2025-03 or MAR2025. */
export function monthOfNhsDate(value: string): Month | undefined {
  let match = /^(\d{4})-(\d{2})(-\d{2})?$/.exec(value);
  if (match) return checked(Number(match[1]), Number(match[2]));
  match = /^\d{1,2}\/(\d{1,2})\/(\d{4})$/.exec(value);
  if (match) return checked(Number(match[2]), Number(match[1]));
  match = /^([A-Za-z]{3})[- ]?(\d{4})$/.exec(value);
  if (match) {
    const index = MONTH_ABBREVIATIONS.indexOf(match[1]!.toLowerCase());
    return index >= 0 ? checked(Number(match[2]), index + 1) : undefined;
  }
  return undefined;
}

function checked(year: number, month: number): Month | undefined {
  return month >= 1 && month <= 12 ? monthOf(year, month) : undefined;
}

function firstIssue(error: z.ZodError): string {
  return error.issues.map((issue) => issue.message).join('; ');
}

function regionOf(organisationCode: string, fileRegion: string | undefined, reference: ImportReference): string | null {
  if (fileRegion && reference.regions.has(fileRegion)) return fileRegion;
  return reference.organisations.get(organisationCode) ?? null;
}

function monthProblem(month: Month, reference: ImportReference): string | undefined {
  return month > reference.currentMonth ? `the month ${month} is in the future` : undefined;
}

/** Cross-field checks that hold in every workforce layout. */
function workforceProblem(row: WorkforceRow): string | undefined {
  const most = Math.max(row.startHeadcount ?? 0, row.headcount ?? 0);
  if (row.leavers !== null && (row.startHeadcount !== null || row.headcount !== null) && row.leavers > most) {
    return `leavers (${row.leavers}) are more than the headcount (${most})`;
  }
  if (row.stabilityBase !== null && row.stabilityStayed !== null && row.stabilityStayed > row.stabilityBase) {
    return `stability_stayed (${row.stabilityStayed}) is more than stability_base (${row.stabilityBase})`;
  }
  if (row.nqHeadcount !== null && row.nqLeavers !== null && row.nqLeavers > row.nqHeadcount) {
    return `nq_leavers (${row.nqLeavers}) are more than nq_headcount (${row.nqHeadcount})`;
  }
  return undefined;
}

/** One data row of a file in `layout`: observations to store, or why the row is bad. */
export function readRow(layout: LayoutName, record: Readonly<Record<string, string | undefined>>, reference: ImportReference): RowOutcome {
  switch (layout) {
    case 'cop':
      return readCopRow(record, reference);
    case 'nhs-turnover':
      return readTurnoverRow(record, reference);
    case 'nhs-sickness':
      return readSicknessRow(record, reference);
  }
}

function staffGroupOf(name: string, reference: ImportReference): string | undefined {
  return reference.staffGroups.get(name.toLowerCase());
}

function readCopRow(record: Readonly<Record<string, string | undefined>>, reference: ImportReference): RowOutcome {
  const parsed = copRow.safeParse(record);
  if (!parsed.success) return { kind: 'bad', reason: firstIssue(parsed.error) };
  const r = parsed.data;
  if (!reference.organisations.has(r.org_code)) return { kind: 'bad', reason: `org_code ${r.org_code} is not an organisation I know` };
  const staffGroupCode = staffGroupOf(r.staff_group, reference);
  if (!staffGroupCode) return { kind: 'bad', reason: `staff_group "${r.staff_group}" is not a staff group I know` };
  const future = monthProblem(r.period, reference);
  if (future) return { kind: 'bad', reason: future };
  const row: WorkforceRow = {
    organisationCode: r.org_code,
    regionCode: regionOf(r.org_code, undefined, reference),
    month: r.period,
    staffGroupCode,
    startHeadcount: r.headcount_start ?? null,
    headcount: r.headcount_end,
    fte: r.fte ?? null,
    leavers: r.leavers,
    joiners: r.joiners,
    leaversFte: null,
    stabilityBase: r.stability_base ?? null,
    stabilityStayed: r.stability_stayed ?? null,
    vacancyFte: r.vacancy_fte ?? null,
    nqHeadcount: r.nq_headcount ?? null,
    nqLeavers: r.nq_leavers ?? null,
  };
  const problem = workforceProblem(row);
  return problem ? { kind: 'bad', reason: problem } : { kind: 'workforce', row };
}

function readTurnoverRow(record: Readonly<Record<string, string | undefined>>, reference: ImportReference): RowOutcome {
  const parsed = turnoverRow.safeParse(record);
  if (!parsed.success) return { kind: 'bad', reason: firstIssue(parsed.error) };
  const r = parsed.data;
  const staffGroupCode = staffGroupOf(r.staff_group, reference);
  if (!staffGroupCode) return { kind: 'bad', reason: `staff_group "${r.staff_group}" is not a staff group I know` };
  const month = monthOf(Number(r.period_end.slice(0, 4)), Number(r.period_end.slice(4)));
  const future = monthProblem(month, reference);
  if (future) return { kind: 'bad', reason: future };
  const row: WorkforceRow = {
    organisationCode: r.org_code,
    regionCode: regionOf(r.org_code, r.nhse_region_code, reference),
    month,
    staffGroupCode,
    startHeadcount: r.denom_start_hc,
    headcount: r.denom_end_hc,
    fte: r.denom_end_fte ?? null,
    leavers: r.leavers_hc,
    joiners: r.joiners_hc,
    leaversFte: r.leavers_fte ?? null,
    stabilityBase: null,
    stabilityStayed: null,
    vacancyFte: null,
    nqHeadcount: null,
    nqLeavers: null,
  };
  const problem = workforceProblem(row);
  return problem ? { kind: 'bad', reason: problem } : { kind: 'workforce', row };
}

function readSicknessRow(record: Readonly<Record<string, string | undefined>>, reference: ImportReference): RowOutcome {
  const parsed = sicknessRow.safeParse(record);
  if (!parsed.success) return { kind: 'bad', reason: firstIssue(parsed.error) };
  const r = parsed.data;
  const month = monthOfNhsDate(r.DATE);
  if (!month) return { kind: 'bad', reason: `DATE "${r.DATE}" is not a date I can read (e.g. 2025-03-31 or 31/03/2025)` };
  const future = monthProblem(month, reference);
  if (future) return { kind: 'bad', reason: future };
  if (r.FTE_DAYS_LOST === null || r.FTE_DAYS_AVAILABLE === null) return { kind: 'bad', reason: 'FTE_DAYS_LOST and FTE_DAYS_AVAILABLE must both be given' };
  if (r.FTE_DAYS_AVAILABLE === 0) return { kind: 'bad', reason: 'FTE_DAYS_AVAILABLE must be more than 0' };
  if (r.FTE_DAYS_LOST > r.FTE_DAYS_AVAILABLE) return { kind: 'bad', reason: `FTE_DAYS_LOST (${r.FTE_DAYS_LOST}) is more than FTE_DAYS_AVAILABLE (${r.FTE_DAYS_AVAILABLE})` };
  const row: SicknessRow = {
    organisationCode: r.ORG_CODE,
    regionCode: regionOf(r.ORG_CODE, r.NHSE_REGION_CODE, reference),
    month,
    fteDaysLost: r.FTE_DAYS_LOST,
    fteDaysAvailable: r.FTE_DAYS_AVAILABLE,
  };
  // The published rate is recomputed from its counts; a disagreement is reported, and the counts are kept.
  const recomputed = (r.FTE_DAYS_LOST / r.FTE_DAYS_AVAILABLE) * 100;
  const published = r.SICKNESS_ABSENCE_RATE_PERCENT;
  const warning =
    published !== null && Math.abs(published - recomputed) > RATE_TOLERANCE_POINTS
      ? `SICKNESS_ABSENCE_RATE_PERCENT is ${published} but FTE_DAYS_LOST / FTE_DAYS_AVAILABLE gives ${recomputed.toFixed(2)}; the counts were used`
      : undefined;
  return warning ? { kind: 'sickness', row, warning } : { kind: 'sickness', row };
}

/** The key that makes a row a duplicate of another in the same file. */
export function rowKey(outcome: RowOutcome): string | undefined {
  if (outcome.kind === 'workforce') return `${outcome.row.organisationCode}|${outcome.row.month}|${outcome.row.staffGroupCode}`;
  if (outcome.kind === 'sickness') return `${outcome.row.organisationCode}|${outcome.row.month}`;
  return undefined;
}

/** The staff group of all staff: what regional and national headlines are given for. */
export const ALL_STAFF = 'all-staff-groups';

/** Labels NHS files use besides the staff groups' own names (prisma/data/nhs_staff_groups.csv), lower case -> code. */
export const STAFF_GROUP_ALIASES: Readonly<Record<string, string>> = {
  total: ALL_STAFF,
  'all staff': ALL_STAFF,
  all: ALL_STAFF,
  'hchs doctors - all grades': 'hchs-doctors',
  'hchs doctors - consultant': 'consultant',
  'st&t': 'scientific-therapeutic-technical-staff',
  'other hchs doctor grades': 'other-and-local-hchs-doctor-grades',
  'unknown classification': 'other-staff-or-those-with-unknown-classification',
};
