// The metrics import's storage on one `pg` connection in an explicit transaction (BEGIN ... COMMIT), so
// that the rows can go in with PostgreSQL's own bulk load: `COPY ... FROM STDIN` on a PostgreSQL server,
// and on PGlite (whose loopback socket does not carry COPY) one multi-row INSERT from column arrays
// (unnest) per batch, which works over any connection.
//
// The replace rule: before a batch is stored, the observations of earlier imports for the batch's
// (organisation, month) pairs are deleted, so a re-imported month holds exactly the new file's rows and
// the new rows never meet an old one (no ON CONFLICT needed, which COPY does not have). A failure, or
// RollBack, anywhere rolls the whole transaction back: a bad file stores nothing.
//
// Batches are pipelined: a batch is sent while the importer reads and checks the next one, so the bot's
// process and the database work at the same time; a failure surfaces at the next write or at the end.
import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
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

/** One field in COPY's text format: \N for null; backslash, tab, newline and carriage return escaped. */
function copyField(value: Value): string {
  if (value === null) return '\\N';
  if (typeof value === 'number') return String(value);
  return /[\\\t\n\r]/.test(value)
    ? value.replace(/[\\\t\n\r]/g, (c) => ({ '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' })[c]!)
    : value;
}

interface Table {
  readonly name: string;
  readonly columns: readonly string[];
  readonly types: readonly string[];
}

const WORKFORCE: Table = { name: 'WorkforceObservation', columns: WORKFORCE_COLUMNS, types: WORKFORCE_TYPES };
const SICKNESS: Table = { name: 'SicknessObservation', columns: SICKNESS_COLUMNS, types: SICKNESS_TYPES };

class BulkImportWriter implements ImportWriter {
  private pending: Promise<void> = Promise.resolve();
  private failure: { error: unknown } | undefined;

  constructor(
    private readonly client: pg.PoolClient,
    private readonly method: BulkMethod,
    private readonly importId: string,
  ) {}

  writeWorkforce(rows: readonly WorkforceRow[]): Promise<void> {
    return this.enqueue(WORKFORCE, rows.map(workforceValues));
  }

  writeSickness(rows: readonly SicknessRow[]): Promise<void> {
    return this.enqueue(SICKNESS, rows.map(sicknessValues));
  }

  async finish(rows: number): Promise<void> {
    await this.settled();
    await this.client.query('UPDATE "MetricImport" SET rows = $1 WHERE id = $2', [rows, this.importId]);
  }

  /** Waits for the batches sent so far; throws the first failure. */
  async settled(): Promise<void> {
    await this.pending;
    if (this.failure) throw this.failure.error;
  }

  /** Starts storing a batch once the one before is stored; waits only for that one, not for this. */
  private async enqueue(table: Table, values: Value[][]): Promise<void> {
    await this.settled();
    this.pending = this.store(table, values).catch((error: unknown) => {
      this.failure = { error };
    });
  }

  private async store(table: Table, values: Value[][]): Promise<void> {
    if (values.length === 0) return;
    await this.deleteEarlier(table, values);
    if (this.method === 'copy') await this.copy(table, values);
    else await this.insert(table, values);
  }

  /** The replace rule: earlier imports' observations for the batch's (organisation, month) pairs go. */
  private async deleteEarlier(table: Table, values: Value[][]): Promise<void> {
    const pairs = new Map<string, readonly [Value, Value]>();
    for (const row of values) pairs.set(`${row[0]}|${row[2]}`, [row[0]!, row[2]!]);
    await this.client.query(
      `DELETE FROM "${table.name}" o USING unnest($1::text[], $2::date[]) AS r(org, period)
       WHERE o."organisationCode" = r.org AND o.period = r.period AND o."importId" <> $3`,
      [[...pairs.values()].map(([org]) => org), [...pairs.values()].map(([, period]) => period), this.importId],
    );
  }

  private async copy(table: Table, values: Value[][]): Promise<void> {
    const suffix = `\t${this.importId}\n`;
    let text = '';
    for (const row of values) text += row.map(copyField).join('\t') + suffix;
    const stream = this.client.query(copyFrom(`COPY "${table.name}" (${quoted(table.columns)}) FROM STDIN`));
    await pipeline(Readable.from([text]), stream);
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
 * Runs `work` with a writer in one transaction on a connection of its own. `exclusive`: first takes the
 * advisory lock for "first metrics" and runs `work` only when no import is stored (undefined otherwise).
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
      if (exclusive) {
        await client.query("SELECT pg_advisory_xact_lock(hashtext('cop.metrics.first-import'))");
        const { rows } = await client.query<{ present: boolean }>('SELECT EXISTS (SELECT 1 FROM "MetricImport") AS present');
        if (rows[0]?.present) {
          await client.query('ROLLBACK');
          return { done: false };
        }
      }
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
      // Real figures replace the demo data wholly: demo and real figures are never summed in one digest.
      if (!plan.synthetic) await client.query('DELETE FROM "MetricImport" WHERE synthetic');
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
