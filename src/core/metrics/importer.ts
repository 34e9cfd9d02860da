// The metrics import: reads a CSV row by row (never the whole file in memory), validates every row,
// and stores the file in one transaction. A file with bad rows is rejected whole, with each bad row's
// line and reason, unless `skipInvalid` is set (then the good rows are stored and the same report
// given). Re-importing an organisation's month replaces what was there.
import { markerOf, type Marker } from './cells.js';
import { EMPTY_COUNTS, isOrganisationalChange, monthHeadcount, ORGANISATIONAL_CHANGE_MIN_PEOPLE } from './definitions.js';
import {
  LAYOUTS,
  readRow,
  recogniseHeader,
  rowKey,
  cleanHeader,
  importReference,
  type ImportReference,
  type LayoutName,
  type SicknessRow,
  type WorkforceRow,
} from './layouts.js';
import { RollBack, type MetricStore } from './metric-store.js';
import type { Month } from './period.js';

/** Rows stored per statement. */
const BATCH_SIZE = 5_000;
/** Bad rows listed in a report; the rest are counted. */
export const REPORTED_LINES_MAX = 1_000;

export interface RecordSource {
  /** Shown in reports and stored as the figures' source: a file name, never a path. */
  readonly name: string;
  /** The file's rows as fields, the header first. */
  rows(): AsyncIterable<readonly string[]>;
}

export interface LineProblem {
  readonly line: number;
  readonly reason: string;
}

/** Values a file gave as a marker instead of a figure, by column. */
export type MarkerCounts = Readonly<Record<Marker, Readonly<Record<string, number>>>>;

/** A staff group label no staff group has, with the rows that used it and the closest name. */
export interface UnknownStaffGroup {
  readonly label: string;
  readonly rows: number;
  readonly suggestion: string;
}

/**
 * A month in which an organisation's leavers or joiners were so many against its headcount that it is a
 * staff transfer, merger or dissolution (definitions.ts, isOrganisationalChange), not turnover.
 */
export interface OrganisationalChangeFound {
  readonly organisationCode: string;
  readonly organisationName: string | undefined;
  readonly month: Month;
  readonly staffGroup: string;
  readonly flow: 'leavers' | 'joiners';
  readonly count: number;
  readonly headcount: number;
}

export interface ImportReport {
  readonly source: string;
  readonly layout: LayoutName | undefined;
  /** `imported`: stored (with skipInvalid, bad rows were left out); `rejected`: nothing was stored. */
  readonly outcome: 'imported' | 'rejected';
  readonly rowsRead: number;
  readonly rowsImported: number;
  readonly badRows: number;
  /** The first REPORTED_LINES_MAX bad rows. */
  readonly problems: readonly LineProblem[];
  /** Rows imported with a remark, e.g. a published rate that disagrees with its counts. */
  readonly warnings: readonly LineProblem[];
  readonly warningCount: number;
  /** Why the whole file was refused before its rows were read (a header problem, an empty file). */
  readonly fileProblem?: string;
  readonly months: readonly Month[];
  /** Columns of the file the layout does not read. */
  readonly ignoredColumns: readonly string[];
  readonly markers: MarkerCounts;
  readonly unknownStaffGroups: readonly UnknownStaffGroup[];
  /** Organisational changes among the rows stored (the first REPORTED_LINES_MAX). */
  readonly organisationalChanges: readonly OrganisationalChangeFound[];
}

export interface ImportOptions {
  readonly skipInvalid: boolean;
  readonly currentMonth: Month;
  /**
   * Only organisations of these regions may be imported (a facilitator's upload in chat); a row of any
   * other organisation, or of a national body, is a bad row. Undefined: any organisation (admins, the CLI).
   */
  readonly regions?: ReadonlySet<string> | undefined;
}

function rejectedFile(source: string, problem: string, layout?: LayoutName): ImportReport {
  return {
    source,
    layout,
    outcome: 'rejected',
    rowsRead: 0,
    rowsImported: 0,
    badRows: 0,
    problems: [],
    warnings: [],
    warningCount: 0,
    fileProblem: problem,
    months: [],
    ignoredColumns: [],
    markers: { suppressed: {}, notGiven: {} },
    unknownStaffGroups: [],
    organisationalChanges: [],
  };
}

/** The layouts' column names: a data row made of them is a header, so the file is several files joined. */
const HEADER_NAMES = new Set(LAYOUTS.flatMap((layout) => [...layout.required, ...layout.optional]));

function repeatsAHeader(fields: readonly string[]): boolean {
  return fields.length > 1 && HEADER_NAMES.has(cleanHeader(fields[0]!)) && recogniseHeader(fields.map(cleanHeader)).kind !== 'unknown';
}

/** The organisational change a workforce row shows, if any. */
function organisationalChangeIn(
  row: WorkforceRow,
  reference: ImportReference,
  nameInFile: string | undefined,
): OrganisationalChangeFound | undefined {
  // Most rows are far from the rule: decided here without building anything (this runs for every row).
  const largest = Math.max(row.leavers ?? 0, row.joiners ?? 0);
  if (largest < ORGANISATIONAL_CHANGE_MIN_PEOPLE || (row.headcount === null && row.startHeadcount === null)) return undefined;
  const counts = { ...EMPTY_COUNTS, month: row.month, startHeadcount: row.startHeadcount, headcount: row.headcount };
  const leavers = { ...counts, leavers: row.leavers };
  const flow = isOrganisationalChange(leavers)
    ? 'leavers'
    : isOrganisationalChange({ ...counts, joiners: row.joiners })
      ? 'joiners'
      : undefined;
  if (!flow) return undefined;
  return {
    organisationCode: row.organisationCode,
    // An organisation gone from the list (merged, dissolved) is named as the file names it.
    organisationName: reference.organisationNames.get(row.organisationCode) ?? (nameInFile?.trim() || undefined),
    month: row.month,
    staffGroup: reference.staffGroups.nameOf(row.staffGroupCode),
    flow,
    count: (flow === 'leavers' ? row.leavers : row.joiners)!,
    headcount: monthHeadcount(leavers)!,
  };
}

export async function importMetrics(source: RecordSource, options: ImportOptions, store: MetricStore): Promise<ImportReport> {
  const reference = importReference(await store.importReference(), options.currentMonth);
  const rows = source.rows()[Symbol.asyncIterator]();
  const first = await rows.next();
  if (first.done) return rejectedFile(source.name, 'the file is empty');
  const header = first.value.map(cleanHeader);
  const check = recogniseHeader(header);
  if (check.kind !== 'ok') {
    await rows.return?.();
    return rejectedFile(source.name, headerProblem(check));
  }
  const layout = check.layout.name;
  const figureColumns = check.layout.figures.filter((column) => header.includes(column));
  const markers: Record<Marker, Record<string, number>> = { suppressed: {}, notGiven: {} };
  const unknownStaffGroups = new Map<string, UnknownStaffGroup>();
  const changes: OrganisationalChangeFound[] = [];
  const kind = layout === 'nhs-sickness' ? 'sickness' : 'workforce';

  const problems: LineProblem[] = [];
  const warnings: LineProblem[] = [];
  let badRows = 0;
  let warningCount = 0;
  let rowsRead = 0;
  let imported = 0;
  const seen = new Map<string, number>();
  const replaced = new Map<string, readonly [string, Month]>();
  const months = new Set<Month>();

  const bad = (line: number, reason: string) => {
    badRows += 1;
    if (problems.length < REPORTED_LINES_MAX) problems.push({ line, reason });
  };

  try {
    await store.importInTransaction({ layout, source: source.name, synthetic: false }, async (writer) => {
      let workforce: WorkforceRow[] = [];
      let sickness: SicknessRow[] = [];
      // Once a row is bad (and bad rows are not skipped) nothing more is written: the rest is only checked.
      const writing = () => options.skipInvalid || badRows === 0;
      const flush = async () => {
        if (writing() && workforce.length > 0) await writer.writeWorkforce(workforce);
        if (writing() && sickness.length > 0) await writer.writeSickness(sickness);
        workforce = [];
        sickness = [];
      };
      let line = 1;
      for (let next = await rows.next(); !next.done; next = await rows.next()) {
        line += 1;
        const fields = next.value;
        if (fields.length === 1 && fields[0]!.trim() === '') continue;
        rowsRead += 1;
        if (repeatsAHeader(fields)) {
          bad(line, 'this line is a header: the file looks like several files joined together, so please import each one on its own');
          continue;
        }
        if (fields.length !== header.length) {
          bad(line, `the row has ${fields.length} fields but the header has ${header.length}`);
          continue;
        }
        const record: Record<string, string> = {};
        for (let i = 0; i < header.length; i += 1) record[header[i]!] = fields[i]!;
        for (const column of figureColumns) {
          const marker = markerOf(record[column]!);
          if (marker) markers[marker][column] = (markers[marker][column] ?? 0) + 1;
        }
        const outcome = readRow(layout, record, reference);
        if (outcome.kind === 'bad') {
          if (outcome.unknownStaffGroup !== undefined) {
            const label = outcome.unknownStaffGroup;
            const known = unknownStaffGroups.get(label);
            unknownStaffGroups.set(label, {
              label,
              rows: (known?.rows ?? 0) + 1,
              suggestion: known?.suggestion ?? reference.staffGroups.suggestionFor(label),
            });
          }
          bad(line, outcome.reason);
          continue;
        }
        if (options.regions && (outcome.row.regionCode === null || !options.regions.has(outcome.row.regionCode))) {
          bad(line, `${outcome.row.organisationCode} is not in a region you facilitate, so you cannot import its figures`);
          continue;
        }
        const key = rowKey(outcome)!;
        const earlier = seen.get(key);
        if (earlier !== undefined) {
          bad(line, `the row repeats line ${earlier} (same organisation, month${kind === 'workforce' ? ' and staff group' : ''})`);
          continue;
        }
        seen.set(key, line);
        if (outcome.warning) {
          warningCount += 1;
          if (warnings.length < REPORTED_LINES_MAX) warnings.push({ line, reason: outcome.warning });
        }
        const { organisationCode, month } = outcome.row;
        replaced.set(`${organisationCode}|${month}`, [organisationCode, month]);
        months.add(month);
        imported += 1;
        if (outcome.kind === 'workforce') {
          workforce.push(outcome.row);
          const change =
            changes.length < REPORTED_LINES_MAX ? organisationalChangeIn(outcome.row, reference, record['org_name']) : undefined;
          if (change) changes.push(change);
        } else sickness.push(outcome.row);
        if (workforce.length + sickness.length >= BATCH_SIZE) await flush();
      }
      await flush();
      if ((badRows > 0 && !options.skipInvalid) || imported === 0) throw new RollBack();
      await writer.finish(imported, [...replaced.values()], kind);
    });
  } catch (error) {
    if (!(error instanceof RollBack)) throw error;
    return {
      source: source.name,
      layout,
      outcome: 'rejected',
      rowsRead,
      rowsImported: 0,
      badRows,
      problems,
      warnings,
      warningCount,
      ...(rowsRead === 0 ? { fileProblem: 'the file has a header but no rows' } : {}),
      months: [],
      ignoredColumns: check.ignored,
      markers: inColumnOrder(markers, figureColumns),
      unknownStaffGroups: [...unknownStaffGroups.values()],
      organisationalChanges: [],
    };
  }
  return {
    source: source.name,
    layout,
    outcome: 'imported',
    rowsRead,
    rowsImported: imported,
    badRows,
    problems,
    warnings,
    warningCount,
    months: [...months].sort(),
    ignoredColumns: check.ignored,
    markers: inColumnOrder(markers, figureColumns),
    unknownStaffGroups: [...unknownStaffGroups.values()],
    organisationalChanges: changes,
  };
}

/** The marker counts with their columns in the layout's order, whatever order the markers were met in. */
function inColumnOrder(markers: MarkerCounts, columns: readonly string[]): MarkerCounts {
  const ordered = (counts: Readonly<Record<string, number>>) =>
    Object.fromEntries(columns.filter((column) => counts[column] !== undefined).map((column) => [column, counts[column]!]));
  return { suppressed: ordered(markers.suppressed), notGiven: ordered(markers.notGiven) };
}

function headerProblem(check: Exclude<ReturnType<typeof recogniseHeader>, { kind: 'ok' }>): string {
  switch (check.kind) {
    case 'mixed':
      return `line 1: the header has the columns of ${check.layouts.length} layouts (${check.layouts.map((layout) => layout.name).join(' and ')}), so I cannot tell which it is. Please import each layout as its own file`;
    case 'repeated':
      return `line 1: the column ${check.column} appears twice in the header`;
    case 'unknown':
      return `line 1: the header is not one I know. Closest is the ${check.closest.name} layout, which also needs the columns ${check.missing.join(', ')}`;
  }
}
