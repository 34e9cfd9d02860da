// The metrics import: reads a CSV row by row (never the whole file in memory), validates every row,
// and stores the file in one transaction. A file with bad rows is rejected whole, with each bad row's
// line and reason, unless `skipInvalid` is set (then the good rows are stored and the same report
// given). Re-importing an organisation's month replaces what was there.
import { readRow, recogniseHeader, rowKey, cleanHeader, type ImportReference, type LayoutName, type SicknessRow, type WorkforceRow } from './layouts.js';
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
  return { source, layout, outcome: 'rejected', rowsRead: 0, rowsImported: 0, badRows: 0, problems: [], warnings: [], warningCount: 0, fileProblem: problem, months: [] };
}

export async function importMetrics(source: RecordSource, options: ImportOptions, store: MetricStore): Promise<ImportReport> {
  const reference: ImportReference = { ...(await store.importReference()), currentMonth: options.currentMonth };
  const rows = source.rows()[Symbol.asyncIterator]();
  const first = await rows.next();
  if (first.done) return rejectedFile(source.name, 'the file is empty');
  const header = first.value.map(cleanHeader);
  const check = recogniseHeader(header);
  if (check.kind === 'unknown') {
    await rows.return?.();
    return rejectedFile(source.name, `line 1: the header is not one I know. Closest is the ${check.closest.name} layout, which also needs the columns ${check.missing.join(', ')}`);
  }
  const layout = check.layout.name;
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
        if (fields.length !== header.length) {
          bad(line, `the row has ${fields.length} fields but the header has ${header.length}`);
          continue;
        }
        const record: Record<string, string> = {};
        for (let i = 0; i < header.length; i += 1) record[header[i]!] = fields[i]!;
        const outcome = readRow(layout, record, reference);
        if (outcome.kind === 'bad') {
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
        if (outcome.kind === 'workforce') workforce.push(outcome.row);
        else sickness.push(outcome.row);
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
    };
  }
  return { source: source.name, layout, outcome: 'imported', rowsRead, rowsImported: imported, badRows, problems, warnings, warningCount, months: [...months].sort() };
}
