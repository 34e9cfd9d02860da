// The CSV layouts the metrics import reads, each recognised by its header, and how one row of each
// becomes observations. Every cell is checked (CellReader); a row that fails says why in words a
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
import { markerOf, plainInteger, readCount, readMonth, readNumber, type NumberReading } from './cells.js';
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

type Record_ = Readonly<Record<string, string | undefined>>;

/**
 * Reads one row's cells, collecting every problem in the row's order of columns: a plain reader (no
 * schema library) because it runs for every cell of files of hundreds of thousands of rows.
 */
class CellReader {
  readonly issues: string[] = [];

  constructor(private readonly record: Record_) {}

  /** A count of people (91.0 is read as 91); a marker (see cells.ts) or an absent optional column is null. */
  count(column: string): number | null {
    return this.figure(column, readCount);
  }

  /** An amount such as FTE or days. */
  amount(column: string): number | null {
    return this.figure(column, readNumber);
  }

  month(column: string): Month | undefined {
    const cell = this.record[column];
    if (cell === undefined) return this.issue(`${column} is missing`);
    const reading = readMonth(column, cell);
    return reading.kind === 'month' ? reading.month : this.issue(reading.reason);
  }

  /** An ODS code: trimmed, 1 to 20 characters, in upper case. */
  code(column: string): string | undefined {
    const cell = this.record[column];
    if (cell === undefined) return this.issue(`${column} is missing`);
    const text = cell.trim();
    if (text.length === 0) return this.issue(`${column} is empty`);
    if (text.length > 20) return this.issue(`${column} is too long`);
    return text.toUpperCase();
  }

  /** A region code as a file gives it (checked against the known regions later). */
  region(column: string): string | undefined {
    const cell = this.record[column];
    return cell === undefined ? this.issue(`${column} is missing`) : cell.trim().toUpperCase();
  }

  staffGroup(): string | undefined {
    const cell = this.record['staff_group'];
    if (cell === undefined) return this.issue('staff_group is missing');
    const text = cell.trim();
    return text.length === 0 ? this.issue('staff_group is empty') : text;
  }

  private figure(column: string, read: (column: string, cell: string) => NumberReading): number | null {
    const cell = this.record[column];
    if (cell === undefined) return null;
    const plain = plainInteger(cell);
    if (plain !== undefined) return plain;
    if (markerOf(cell) !== undefined) return null;
    const reading = read(column, cell);
    if (reading.kind === 'number') return reading.value;
    this.issue(reading.reason);
    return null;
  }

  private issue(message: string): undefined {
    this.issues.push(message);
    return undefined;
  }

  /** Why the row is bad, every problem joined; undefined when its cells are good. */
  problem(): string | undefined {
    return this.issues.length === 0 ? undefined : this.issues.join('; ');
  }
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
export function readRow(layout: LayoutName, record: Record_, reference: ImportReference): RowOutcome {
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

function readCopRow(record: Record_, reference: ImportReference): RowOutcome {
  // Read in the layout's order of columns, so that the problems are listed in that order.
  const cells = new CellReader(record);
  const period = cells.month('period');
  const organisationCode = cells.code('org_code');
  const staffGroup = cells.staffGroup();
  const startHeadcount = cells.count('headcount_start');
  const headcount = cells.count('headcount_end');
  const fte = cells.amount('fte');
  const leavers = cells.count('leavers');
  const joiners = cells.count('joiners');
  const stabilityBase = cells.count('stability_base');
  const stabilityStayed = cells.count('stability_stayed');
  const vacancyFte = cells.amount('vacancy_fte');
  const nqHeadcount = cells.count('nq_headcount');
  const nqLeavers = cells.count('nq_leavers');
  const bad = cells.problem();
  if (bad !== undefined || period === undefined || organisationCode === undefined || staffGroup === undefined) {
    return { kind: 'bad', reason: bad ?? '' };
  }
  if (!reference.organisations.has(organisationCode))
    return { kind: 'bad', reason: `org_code ${organisationCode} is not an organisation I know` };
  const staffGroupCode = reference.staffGroups.codeOf(staffGroup);
  if (!staffGroupCode) return unknownStaffGroup(staffGroup, reference);
  const future = monthProblem(period, reference);
  if (future) return { kind: 'bad', reason: future };
  const row: WorkforceRow = {
    organisationCode,
    regionCode: regionOf(organisationCode, undefined, reference),
    month: period,
    staffGroupCode,
    startHeadcount,
    headcount,
    fte,
    leavers,
    joiners,
    leaversFte: null,
    stabilityBase,
    stabilityStayed,
    vacancyFte,
    nqHeadcount,
    nqLeavers,
  };
  const problem = workforceProblem(row);
  return problem ? { kind: 'bad', reason: problem } : { kind: 'workforce', row };
}

function readTurnoverRow(record: Record_, reference: ImportReference): RowOutcome {
  const cells = new CellReader(record);
  const period = cells.month('period_end');
  const organisationCode = cells.code('org_code');
  const region = cells.region('nhse_region_code');
  const staffGroup = cells.staffGroup();
  const leavers = cells.count('leavers_hc');
  const joiners = cells.count('joiners_hc');
  const startHeadcount = cells.count('denom_start_hc');
  const headcount = cells.count('denom_end_hc');
  const leaversFte = cells.amount('leavers_fte');
  const fte = cells.amount('denom_end_fte');
  const bad = cells.problem();
  if (bad !== undefined || period === undefined || organisationCode === undefined || staffGroup === undefined) {
    return { kind: 'bad', reason: bad ?? '' };
  }
  const staffGroupCode = reference.staffGroups.codeOf(staffGroup);
  if (!staffGroupCode) return unknownStaffGroup(staffGroup, reference);
  const future = monthProblem(period, reference);
  if (future) return { kind: 'bad', reason: future };
  const row: WorkforceRow = {
    organisationCode,
    regionCode: regionOf(organisationCode, region, reference),
    month: period,
    staffGroupCode,
    startHeadcount,
    headcount,
    fte,
    leavers,
    joiners,
    leaversFte,
    stabilityBase: null,
    stabilityStayed: null,
    vacancyFte: null,
    nqHeadcount: null,
    nqLeavers: null,
  };
  const problem = workforceProblem(row);
  return problem ? { kind: 'bad', reason: problem } : { kind: 'workforce', row };
}

function readSicknessRow(record: Record_, reference: ImportReference): RowOutcome {
  const cells = new CellReader(record);
  const date = cells.month('date');
  const region = cells.region('nhse_region_code');
  const organisationCode = cells.code('org_code');
  const r = {
    fte_days_lost: cells.amount('fte_days_lost'),
    fte_days_available: cells.amount('fte_days_available'),
    sickness_absence_rate_percent: cells.amount('sickness_absence_rate_percent'),
  };
  const bad = cells.problem();
  if (bad !== undefined || date === undefined || organisationCode === undefined) return { kind: 'bad', reason: bad ?? '' };
  const future = monthProblem(date, reference);
  if (future) return { kind: 'bad', reason: future };
  if (r.fte_days_lost === null || r.fte_days_available === null)
    return { kind: 'bad', reason: 'fte_days_lost and fte_days_available must both be given' };
  if (r.fte_days_available === 0) return { kind: 'bad', reason: 'fte_days_available must be more than 0' };
  if (r.fte_days_lost > r.fte_days_available)
    return { kind: 'bad', reason: `fte_days_lost (${r.fte_days_lost}) is more than fte_days_available (${r.fte_days_available})` };
  const row: SicknessRow = {
    organisationCode,
    regionCode: regionOf(organisationCode, region, reference),
    month: date,
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
