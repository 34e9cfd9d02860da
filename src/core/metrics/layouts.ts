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
//
// Files are read as they are really written: header names in any case, with columns a layout does not
// read left out; figures with thousands separators, as 91.0, or as the markers statistics use for
// suppressed and missing values (cells.ts); months in several forms; staff groups by any of the labels
// NHS files give them (staff-group-labels.ts).
import { z } from 'zod';
import { markerOf, readCount, readMonth, readNumber, type NumberReading } from './cells.js';
import type { Month } from './period.js';
import { staffGroupLabels, type StaffGroupLabels, type StaffGroupName } from './staff-group-labels.js';

export type LayoutName = 'cop' | 'nhs-turnover' | 'nhs-sickness';

export interface Layout {
  readonly name: LayoutName;
  /** Column names, in lower case: a file's header is matched in any case. */
  readonly required: readonly string[];
  readonly optional: readonly string[];
  /** The columns holding figures, where a file may put a suppression or missing-value marker. */
  readonly figures: readonly string[];
}

export const LAYOUTS: readonly Layout[] = [
  {
    name: 'cop',
    required: ['period', 'org_code', 'staff_group', 'headcount_end', 'leavers', 'joiners'],
    optional: ['headcount_start', 'fte', 'stability_base', 'stability_stayed', 'vacancy_fte', 'nq_headcount', 'nq_leavers'],
    figures: [
      'headcount_start',
      'headcount_end',
      'fte',
      'leavers',
      'joiners',
      'stability_base',
      'stability_stayed',
      'vacancy_fte',
      'nq_headcount',
      'nq_leavers',
    ],
  },
  {
    name: 'nhs-turnover',
    required: ['period_end', 'org_code', 'nhse_region_code', 'staff_group', 'leavers_hc', 'joiners_hc', 'denom_start_hc', 'denom_end_hc'],
    optional: ['org_name', 'nhse_region_name', 'ics_code', 'leavers_fte', 'denom_end_fte'],
    figures: ['leavers_hc', 'joiners_hc', 'denom_start_hc', 'denom_end_hc', 'leavers_fte', 'denom_end_fte'],
  },
  {
    name: 'nhs-sickness',
    required: ['date', 'nhse_region_code', 'org_code', 'fte_days_lost', 'fte_days_available', 'sickness_absence_rate_percent'],
    optional: ['nhse_region_name', 'ics_code', 'ics_name', 'org_name', 'org_type'],
    figures: ['fte_days_lost', 'fte_days_available', 'sickness_absence_rate_percent'],
  },
];

export type HeaderCheck =
  | { readonly kind: 'ok'; readonly layout: Layout; readonly ignored: readonly string[] }
  | { readonly kind: 'mixed'; readonly layouts: readonly Layout[] }
  | { readonly kind: 'repeated'; readonly column: string }
  | { readonly kind: 'unknown'; readonly closest: Layout; readonly missing: readonly string[] };

/** A header name as the layouts write it: no byte-order mark, no surrounding spaces, lower case, `_` between words. */
export function cleanHeader(name: string): string {
  return name
    .replace(/^\uFEFF/, '')
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
}

/** Which layout a (cleaned) header is, and the columns it has that the layout does not read; or what is wrong with it. */
export function recogniseHeader(header: readonly string[]): HeaderCheck {
  const names = new Set<string>();
  for (const name of header) {
    if (name !== '' && names.has(name)) return { kind: 'repeated', column: name };
    names.add(name);
  }
  const matching = LAYOUTS.filter((layout) => layout.required.every((column) => names.has(column)));
  if (matching.length > 1) return { kind: 'mixed', layouts: matching };
  const layout = matching[0];
  if (layout) {
    const known = new Set([...layout.required, ...layout.optional]);
    return { kind: 'ok', layout, ignored: header.filter((name) => !known.has(name)) };
  }
  let closest: { layout: Layout; missing: string[] } | undefined;
  for (const candidate of LAYOUTS) {
    const missing = candidate.required.filter((column) => !names.has(column));
    if (!closest || missing.length < closest.missing.length) closest = { layout: candidate, missing };
  }
  return { kind: 'unknown', closest: closest!.layout, missing: closest!.missing };
}

/** What the import needs to know about organisations and staff groups, as the database holds it. */
export interface ImportReferenceData {
  /** ODS code -> region code (null for national bodies). */
  readonly organisations: ReadonlyMap<string, string | null>;
  /** ODS code -> name, for reports. */
  readonly organisationNames: ReadonlyMap<string, string>;
  /** Known region codes. */
  readonly regions: ReadonlySet<string>;
  readonly staffGroups: readonly StaffGroupName[];
}

export interface ImportReference extends Omit<ImportReferenceData, 'staffGroups'> {
  readonly staffGroups: StaffGroupLabels;
  /** The current month: figures for later months are refused. */
  readonly currentMonth: Month;
}

export function importReference(data: ImportReferenceData, currentMonth: Month): ImportReference {
  return { ...data, staffGroups: staffGroupLabels(data.staffGroups), currentMonth };
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
  | { readonly kind: 'bad'; readonly reason: string; readonly unknownStaffGroup?: string };

/** A published rate may differ from the one recomputed from its counts by rounding only. */
export const RATE_TOLERANCE_POINTS = 0.01;

/** Reads a figure cell; a marker (see cells.ts) or an absent optional column is null. */
const figure = (column: string, read: (column: string, cell: string) => NumberReading) =>
  z
    .string()
    .optional()
    .transform((cell, context) => {
      if (cell === undefined || markerOf(cell) !== undefined) return null;
      const reading = read(column, cell);
      if (reading.kind === 'number') return reading.value;
      context.addIssue({ code: 'custom', message: reading.reason });
      return z.NEVER;
    });

/** A count of people; 91.0 is read as 91. */
const count = (column: string) => figure(column, readCount);
/** An amount such as FTE or days. */
const amount = (column: string) => figure(column, readNumber);

const month = (column: string) =>
  z.string({ error: `${column} is missing` }).transform((cell, context) => {
    const reading = readMonth(column, cell);
    if (reading.kind === 'month') return reading.month;
    context.addIssue({ code: 'custom', message: reading.reason });
    return z.NEVER;
  });

const code = (column: string) =>
  z
    .string({ error: `${column} is missing` })
    .trim()
    .min(1, { error: `${column} is empty` })
    .max(20, { error: `${column} is too long` })
    .transform((value) => value.toUpperCase());

const staffGroup = z.string({ error: 'staff_group is missing' }).trim().min(1, { error: 'staff_group is empty' });

const copRow = z.object({
  period: month('period'),
  org_code: code('org_code'),
  staff_group: staffGroup,
  headcount_start: count('headcount_start'),
  headcount_end: count('headcount_end'),
  fte: amount('fte'),
  leavers: count('leavers'),
  joiners: count('joiners'),
  stability_base: count('stability_base'),
  stability_stayed: count('stability_stayed'),
  vacancy_fte: amount('vacancy_fte'),
  nq_headcount: count('nq_headcount'),
  nq_leavers: count('nq_leavers'),
});

const turnoverRow = z.object({
  period_end: month('period_end'),
  org_code: code('org_code'),
  nhse_region_code: z
    .string()
    .trim()
    .transform((value) => value.toUpperCase()),
  staff_group: staffGroup,
  leavers_hc: count('leavers_hc'),
  joiners_hc: count('joiners_hc'),
  denom_start_hc: count('denom_start_hc'),
  denom_end_hc: count('denom_end_hc'),
  leavers_fte: amount('leavers_fte'),
  denom_end_fte: amount('denom_end_fte'),
});

const sicknessRow = z.object({
  date: month('date'),
  nhse_region_code: z
    .string()
    .trim()
    .transform((value) => value.toUpperCase()),
  org_code: code('org_code'),
  fte_days_lost: amount('fte_days_lost'),
  fte_days_available: amount('fte_days_available'),
  sickness_absence_rate_percent: amount('sickness_absence_rate_percent'),
});

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

function unknownStaffGroup(label: string, reference: ImportReference): RowOutcome {
  return {
    kind: 'bad',
    reason: `staff_group "${label}" is not a staff group I know (did you mean "${reference.staffGroups.suggestionFor(label)}"?)`,
    unknownStaffGroup: label,
  };
}

function readCopRow(record: Readonly<Record<string, string | undefined>>, reference: ImportReference): RowOutcome {
  const parsed = copRow.safeParse(record);
  if (!parsed.success) return { kind: 'bad', reason: firstIssue(parsed.error) };
  const r = parsed.data;
  if (!reference.organisations.has(r.org_code)) return { kind: 'bad', reason: `org_code ${r.org_code} is not an organisation I know` };
  const staffGroupCode = reference.staffGroups.codeOf(r.staff_group);
  if (!staffGroupCode) return unknownStaffGroup(r.staff_group, reference);
  const future = monthProblem(r.period, reference);
  if (future) return { kind: 'bad', reason: future };
  const row: WorkforceRow = {
    organisationCode: r.org_code,
    regionCode: regionOf(r.org_code, undefined, reference),
    month: r.period,
    staffGroupCode,
    startHeadcount: r.headcount_start,
    headcount: r.headcount_end,
    fte: r.fte,
    leavers: r.leavers,
    joiners: r.joiners,
    leaversFte: null,
    stabilityBase: r.stability_base,
    stabilityStayed: r.stability_stayed,
    vacancyFte: r.vacancy_fte,
    nqHeadcount: r.nq_headcount,
    nqLeavers: r.nq_leavers,
  };
  const problem = workforceProblem(row);
  return problem ? { kind: 'bad', reason: problem } : { kind: 'workforce', row };
}

function readTurnoverRow(record: Readonly<Record<string, string | undefined>>, reference: ImportReference): RowOutcome {
  const parsed = turnoverRow.safeParse(record);
  if (!parsed.success) return { kind: 'bad', reason: firstIssue(parsed.error) };
  const r = parsed.data;
  const staffGroupCode = reference.staffGroups.codeOf(r.staff_group);
  if (!staffGroupCode) return unknownStaffGroup(r.staff_group, reference);
  const future = monthProblem(r.period_end, reference);
  if (future) return { kind: 'bad', reason: future };
  const row: WorkforceRow = {
    organisationCode: r.org_code,
    regionCode: regionOf(r.org_code, r.nhse_region_code, reference),
    month: r.period_end,
    staffGroupCode,
    startHeadcount: r.denom_start_hc,
    headcount: r.denom_end_hc,
    fte: r.denom_end_fte,
    leavers: r.leavers_hc,
    joiners: r.joiners_hc,
    leaversFte: r.leavers_fte,
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
  const future = monthProblem(r.date, reference);
  if (future) return { kind: 'bad', reason: future };
  if (r.fte_days_lost === null || r.fte_days_available === null)
    return { kind: 'bad', reason: 'fte_days_lost and fte_days_available must both be given' };
  if (r.fte_days_available === 0) return { kind: 'bad', reason: 'fte_days_available must be more than 0' };
  if (r.fte_days_lost > r.fte_days_available)
    return { kind: 'bad', reason: `fte_days_lost (${r.fte_days_lost}) is more than fte_days_available (${r.fte_days_available})` };
  const row: SicknessRow = {
    organisationCode: r.org_code,
    regionCode: regionOf(r.org_code, r.nhse_region_code, reference),
    month: r.date,
    fteDaysLost: r.fte_days_lost,
    fteDaysAvailable: r.fte_days_available,
  };
  // The published rate is recomputed from its counts; a disagreement is reported, and the counts are kept.
  const recomputed = (r.fte_days_lost / r.fte_days_available) * 100;
  const published = r.sickness_absence_rate_percent;
  const warning =
    published !== null && Math.abs(published - recomputed) > RATE_TOLERANCE_POINTS
      ? `sickness_absence_rate_percent is ${published} but fte_days_lost / fte_days_available gives ${recomputed.toFixed(2)}; the counts were used`
      : undefined;
  return warning ? { kind: 'sickness', row, warning } : { kind: 'sickness', row };
}

/** The key that makes a row a duplicate of another in the same file. */
export function rowKey(outcome: RowOutcome): string | undefined {
  if (outcome.kind === 'workforce') return `${outcome.row.organisationCode}|${outcome.row.month}|${outcome.row.staffGroupCode}`;
  if (outcome.kind === 'sickness') return `${outcome.row.organisationCode}|${outcome.row.month}`;
  return undefined;
}

export { ALL_STAFF, STAFF_GROUP_ALIASES } from './staff-group-labels.js';
