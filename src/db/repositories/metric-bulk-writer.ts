// The metrics import's storage on one `pg` connection in an explicit transaction (BEGIN ... COMMIT), so
// that the rows can go in with PostgreSQL's own bulk load: `COPY ... FROM STDIN` on a PostgreSQL server,
// and on PGlite (whose loopback socket does not carry COPY) one multi-row INSERT from column arrays
// (unnest) per batch, which works over any connection.
//
// Imports take turns: each holds a transaction-scoped advisory lock (IMPORT_LOCK) from its start to its
// commit, so two imports (the command line, an upload in chat, the demo data at start) never interleave.
//
// The replace rule: the (organisation, month) pairs already stored are read once, under the lock; before
// a batch is stored, the earlier observations of those of its pairs are deleted (each pair once), so a
// re-imported month holds exactly the new file's rows and the new rows never meet an old one (no ON
// CONFLICT needed, which COPY does not have). A first import deletes nothing. A failure, or RollBack,
// anywhere rolls the whole transaction back: a bad file stores nothing.
//
// Observations have no foreign key to their import (it would be checked on every row): real figures
// replace the demo data by deleting the demo observations explicitly, here, at the import's start.
//
// Batches are pipelined: on a server, one COPY stays open across batches (ended only when the replace rule
// must delete, and at the end), so the server stores rows as they arrive while the importer reads and
// checks the next ones; a failure surfaces at the next write or at the end.
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import type pg from 'pg';
import { from as copyFrom, type CopyStreamQuery } from 'pg-copy-streams';
import type { SicknessRow, WorkforceRow } from '../../core/metrics/layouts.js';
import type { ImportPlan, ImportWriter } from '../../core/metrics/metric-store.js';
import type { Month } from '../../core/metrics/period.js';

export type BulkMethod = 'copy' | 'insert';

/** A connection to run one import on: the database layer's `connect`. */
export type Connect = () => Promise<pg.PoolClient>;

const day = (month: Month) => `${month}-01`;

const WORKFORCE_COLUMNS = [
  'organisationCode',
  'regionCode',
  'period',
  'staffGroupCode',
  'startHeadcount',
  'headcount',
  'fte',
  'leavers',
  'joiners',
  'leaversFte',
  'stabilityBase',
  'stabilityStayed',
  'vacancyFte',
  'nqHeadcount',
  'nqLeavers',
  'importId',
] as const;
const WORKFORCE_TYPES = [
  'text',
  'text',
  'date',
  'text',
  'int',
  'int',
  'float8',
  'int',
  'int',
  'float8',
  'int',
  'int',
  'float8',
  'int',
  'int',
];
const SICKNESS_COLUMNS = ['organisationCode', 'regionCode', 'period', 'fteDaysLost', 'fteDaysAvailable', 'importId'] as const;
const SICKNESS_TYPES = ['text', 'text', 'date', 'float8', 'float8'];

type Value = string | number | null;

/** Every import holds this lock (pg_advisory_xact_lock) until it commits or rolls back. */
export const IMPORT_LOCK_SQL = "SELECT pg_advisory_xact_lock(hashtext('cop.metrics.import'))";

/** Deletes the observations of the synthetic demo imports, then those imports (no cascade does it). */
export const DELETE_DEMO_SQL = [
  'DELETE FROM "WorkforceObservation" WHERE "importId" IN (SELECT id FROM "MetricImport" WHERE synthetic)',
  'DELETE FROM "SicknessObservation" WHERE "importId" IN (SELECT id FROM "MetricImport" WHERE synthetic)',
  'DELETE FROM "MetricImport" WHERE synthetic',
] as const;

const workforceValues = (row: WorkforceRow): Value[] => [
  row.organisationCode,
  row.regionCode,
  day(row.month),
  row.staffGroupCode,
  row.startHeadcount,
  row.headcount,
  row.fte,
  row.leavers,
  row.joiners,
  row.leaversFte,
  row.stabilityBase,
  row.stabilityStayed,
  row.vacancyFte,
  row.nqHeadcount,
  row.nqLeavers,
];
const sicknessValues = (row: SicknessRow): Value[] => [
  row.organisationCode,
  row.regionCode,
  day(row.month),
  row.fteDaysLost,
  row.fteDaysAvailable,
];

const quoted = (columns: readonly string[]) => columns.map((column) => `"${column}"`).join(', ');

const ESCAPES: Readonly<Record<string, string>> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/** A text field in COPY's text format: \N for null; backslash, tab, newline and carriage return escaped. */
function copyText(value: string | null): string {
  if (value === null) return '\\N';
  return /[\\\t\n\r]/.test(value) ? value.replace(/[\\\t\n\r]/g, (c) => ESCAPES[c]!) : value;
}

/** A number field in COPY's text format. */
const copyNumber = (value: number | null): string => (value === null ? '\\N' : `${value}`);

/** One workforce row as a line of COPY text, built in one string (this runs for every row). */
const workforceLine = (row: WorkforceRow, suffix: string): string =>
  `${copyText(row.organisationCode)}\t${copyText(row.regionCode)}\t${row.month}-01\t${copyText(row.staffGroupCode)}\t${copyNumber(
    row.startHeadcount,
  )}\t${copyNumber(row.headcount)}\t${copyNumber(row.fte)}\t${copyNumber(row.leavers)}\t${copyNumber(row.joiners)}\t${copyNumber(
    row.leaversFte,
  )}\t${copyNumber(row.stabilityBase)}\t${copyNumber(row.stabilityStayed)}\t${copyNumber(row.vacancyFte)}\t${copyNumber(
    row.nqHeadcount,
  )}\t${copyNumber(row.nqLeavers)}${suffix}`;

const sicknessLine = (row: SicknessRow, suffix: string): string =>
  `${copyText(row.organisationCode)}\t${copyText(row.regionCode)}\t${row.month}-01\t${row.fteDaysLost}\t${row.fteDaysAvailable}${suffix}`;

interface Table {
  readonly name: string;
  readonly columns: readonly string[];
  readonly types: readonly string[];
}

const WORKFORCE: Table = { name: 'WorkforceObservation', columns: WORKFORCE_COLUMNS, types: WORKFORCE_TYPES };
const SICKNESS: Table = { name: 'SicknessObservation', columns: SICKNESS_COLUMNS, types: SICKNESS_TYPES };

/** What a batch needs from its rows: their (organisation, month) pairs, and the rows in the form the method sends. */
interface Batch {
  readonly pairs: ReadonlyMap<string, readonly [organisationCode: string, day: string]>;
  /** COPY text, or the rows' values for the batched insert. */
  readonly payload: string | Value[][];
}

/** A COPY statement left open across batches: rows stream in while the importer reads the next ones. */
interface OpenCopy {
  readonly table: Table;
  readonly stream: CopyStreamQuery;
  /** Settles when the server has stored every row sent (or refused them). */
  readonly done: Promise<void>;
}

class BulkImportWriter implements ImportWriter {
  private pending: Promise<void> = Promise.resolve();
  private failure: { error: unknown } | undefined;
  /** Per table, the (organisation, day) pairs stored before this import whose rows it has not yet deleted. */
  private readonly stored = new Map<Table, Promise<Set<string>>>();
  private open: OpenCopy | undefined;

  constructor(
    private readonly client: pg.PoolClient,
    private readonly method: BulkMethod,
    private readonly importId: string,
  ) {}

  writeWorkforce(rows: readonly WorkforceRow[]): Promise<void> {
    return this.enqueue(WORKFORCE, this.batch(rows, workforceLine, workforceValues));
  }

  writeSickness(rows: readonly SicknessRow[]): Promise<void> {
    return this.enqueue(SICKNESS, this.batch(rows, sicknessLine, sicknessValues));
  }

  async finish(rows: number): Promise<void> {
    await this.settled();
    await this.client.query('UPDATE "MetricImport" SET rows = $1 WHERE id = $2', [rows, this.importId]);
  }

  /** Waits for the batches sent so far to be stored (ending an open COPY); throws the first failure. */
  async settled(): Promise<void> {
    try {
      await this.ready();
    } finally {
      // Even after a failure: the transaction cannot end while a COPY is open.
      await this.endCopy();
    }
  }

  /** Waits until the last batch has been handed over; throws the first failure. */
  private async ready(): Promise<void> {
    await this.pending;
    if (this.failure) throw this.failure.error;
  }

  private batch<R extends { readonly organisationCode: string; readonly month: Month }>(
    rows: readonly R[],
    line: (row: R, suffix: string) => string,
    values: (row: R) => Value[],
  ): Batch {
    const pairs = new Map<string, readonly [string, string]>();
    for (const row of rows) {
      const key = `${row.organisationCode}|${row.month}-01`;
      if (!pairs.has(key)) pairs.set(key, [row.organisationCode, `${row.month}-01`]);
    }
    if (this.method === 'insert') return { pairs, payload: rows.map(values) };
    const suffix = `\t${this.importId}\n`;
    let text = '';
    for (const row of rows) text += line(row, suffix);
    return { pairs, payload: text };
  }

  /** Starts storing a batch once the one before is handed over; waits only for that one, not for this. */
  private async enqueue(table: Table, batch: Batch): Promise<void> {
    await this.ready();
    this.pending = this.store(table, batch).catch((error: unknown) => {
      this.failure = { error };
    });
  }

  private async store(table: Table, batch: Batch): Promise<void> {
    if (batch.pairs.size === 0) return;
    // No other statement can run on the connection while a COPY is open: one for another table ends.
    if (this.open && this.open.table !== table) await this.endCopy();
    const deletes = await this.earlierPairs(table, batch);
    if (deletes) {
      await this.endCopy();
      await this.client.query(
        `DELETE FROM "${table.name}" o USING unnest($1::text[], $2::date[]) AS r(org, period)
         WHERE o."organisationCode" = r.org AND o.period = r.period AND o."importId" <> $3`,
        [deletes.organisations, deletes.days, this.importId],
      );
    }
    if (typeof batch.payload !== 'string') return this.insert(table, batch.payload);
    this.open ??= this.startCopy(table);
    // Back-pressure: the next batch is handed over once the server has taken in this one.
    if (!this.open.stream.write(batch.payload)) await once(this.open.stream, 'drain');
  }

  private startCopy(table: Table): OpenCopy {
    const stream = this.client.query(copyFrom(`COPY "${table.name}" (${quoted(table.columns)}) FROM STDIN`));
    const done = new Promise<void>((resolve, reject) => {
      stream.on('finish', resolve);
      stream.on('error', reject);
    });
    // A refusal is thrown where the COPY ends; this keeps it from being unhandled meanwhile.
    done.catch(() => undefined);
    return { table, stream, done };
  }

  private async endCopy(): Promise<void> {
    const open = this.open;
    if (!open) return;
    this.open = undefined;
    open.stream.end();
    await open.done;
  }

  /** The (organisation, day) pairs the table held when the import started, read once. */
  private storedPairs(table: Table): Promise<Set<string>> {
    let pairs = this.stored.get(table);
    if (!pairs) {
      pairs = this.client
        .query<{ key: string }>(`SELECT DISTINCT "organisationCode" || '|' || period::text AS key FROM "${table.name}"`)
        .then(({ rows }) => new Set(rows.map((row) => row.key)));
      this.stored.set(table, pairs);
    }
    return pairs;
  }

  /** The replace rule: the batch's pairs whose earlier observations are still to be deleted (each pair once), if any. */
  private async earlierPairs(table: Table, batch: Batch): Promise<{ organisations: string[]; days: string[] } | undefined> {
    const stored = await this.storedPairs(table);
    if (stored.size === 0) return undefined;
    const organisations: string[] = [];
    const days: string[] = [];
    for (const [key, [organisation, day]] of batch.pairs) {
      if (!stored.delete(key)) continue;
      organisations.push(organisation);
      days.push(day);
    }
    return organisations.length === 0 ? undefined : { organisations, days };
  }

  private async insert(table: Table, values: Value[][]): Promise<void> {
    const arrays = table.types.map((_, i) => values.map((row) => row[i]));
    const unnest = table.types.map((type, i) => `$${i + 1}::${type}[]`).join(', ');
    await this.client.query(
      `INSERT INTO "${table.name}" (${quoted(table.columns)}) SELECT *, $${table.types.length + 1} FROM unnest(${unnest})`,
      [...arrays, this.importId],
    );
  }
}

/**
 * Runs `work` with a writer in one transaction on a connection of its own, holding the import lock.
 * `exclusive`: runs `work` only when no import is stored (undefined otherwise), checked under the lock.
 */
export async function bulkImport<T>(
  connect: Connect,
  method: BulkMethod,
  plan: ImportPlan,
  work: (writer: ImportWriter) => Promise<T>,
  exclusive = false,
): Promise<{ done: true; value: T } | { done: false }> {
  const client = await connect();
  let broken = false;
  try {
    await client.query('BEGIN');
    try {
      await client.query(IMPORT_LOCK_SQL);
      if (exclusive) {
        const { rows } = await client.query<{ present: boolean }>('SELECT EXISTS (SELECT 1 FROM "MetricImport") AS present');
        if (rows[0]?.present) {
          await client.query('ROLLBACK');
          return { done: false };
        }
      }
      // Real figures replace the demo data wholly: demo and real figures are never summed in one digest.
      // Deleted first, so the replace rule never has demo rows to delete (a rejected file rolls this back).
      if (!plan.synthetic) for (const sql of DELETE_DEMO_SQL) await client.query(sql);
      const importId = randomUUID();
      await client.query('INSERT INTO "MetricImport" (id, layout, source, synthetic, rows) VALUES ($1, $2, $3, $4, 0)', [
        importId,
        plan.layout,
        plan.source,
        plan.synthetic,
      ]);
      const writer = new BulkImportWriter(client, method, importId);
      let value: T;
      try {
        value = await work(writer);
      } finally {
        // Nothing may still be running on the connection when the transaction ends.
        await writer.settled().catch(() => undefined);
      }
      await writer.settled();
      await client.query('COMMIT');
      return { done: true, value };
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {
        broken = true;
      });
      throw error;
    }
  } finally {
    client.release(broken);
  }
}
