// Opens the database named by DATABASE_URL: the embedded PGlite (`pglite:<folder>` or `pglite:memory`)
// or a PostgreSQL server (`postgres://...`, optionally `?schema=name`). Both are reached through
// `@prisma/adapter-pg`, so one schema, one migration history and one generated client serve both.
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaClient } from '../generated/prisma/client.js';
import type { EmbeddedPostgres } from './embedded-postgres.js';
import { LOCK_FILE, lockFolder, type LockHolder } from './folder-lock.js';
import { applyMigrations, migrationNames } from './migrations.js';

export type { PrismaClient } from '../generated/prisma/client.js';

/**
 * Pool size for the embedded database: one. PGlite runs one backend, and its socket server interleaves
 * the protocol messages of concurrent connections outside explicit transactions, so two connections'
 * extended-protocol statements (Parse, Bind, Execute) can step on each other ("unnamed prepared
 * statement does not exist"). One connection costs nothing: the backend runs one statement at a time.
 */
const EMBEDDED_POOL_SIZE = 1;
/**
 * Room on the embedded server beyond the pool: the migration engine, and command-line tools that reach
 * a running bot's database (each uses one connection, two while it checks migrations).
 */
const EMBEDDED_SPARE_CONNECTIONS = 6;
/** How long a command waits for a starting bot to serve its database (creating a new folder takes seconds). */
const JOIN_WAIT_MS = 60_000;
const JOIN_POLL_MS = 250;
const SERVER_POOL_SIZE = 10;

export interface Database {
  readonly kind: 'pglite' | 'postgres';
  /** Who serves this database when another process holds its PGlite folder (`join`), in words; else undefined. */
  readonly servedBy: string | undefined;
  readonly prisma: PrismaClient;
  /**
   * A `pg` connection outside Prisma, for bulk writes in an explicit transaction (the metrics import's
   * COPY or batched inserts). One at a time, from a pool of its own; release it when done.
   */
  connect(): Promise<pg.PoolClient>;
  /** Applies pending migrations (from `migrationsDir`: the project's own unless a test names older ones); returns the names applied. */
  migrate(migrationsDir?: string): Promise<string[]>;
  /** Why the database is not ready (unreachable, migrations pending), or undefined when it is. */
  readinessProblem(): Promise<string | undefined>;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** Who opens it, as the lock file of a PGlite folder tells others: `bot` or a command's name. */
  readonly role?: string;
  /**
   * When another process holds the PGlite folder: `refuse` (the bot) throws DatabaseInUseError; `join`
   * (command-line tools) works on the holder's database through its socket.
   */
  readonly whenInUse?: 'refuse' | 'join';
  /** Called if this process's lock on its PGlite folder is lost: it must stop writing at once. */
  readonly onLockLost?: () => void;
}

/** Another process holds the PGlite folder (and this one may not, or cannot, reach its database). */
export class DatabaseInUseError extends Error {
  override readonly name = 'DatabaseInUseError';
}

/** Who holds a folder, in words: "CoP Bot (process 123 on host-a, since 2026-12-05T10:30:00.000Z)". */
function describeHolder(holder: LockHolder): string {
  const what = holder.role === 'bot' ? 'CoP Bot' : holder.role === 'unknown' ? 'another process' : `a command (${holder.role})`;
  if (holder.pid === 0) return what;
  return `${what} (process ${holder.pid} on ${holder.host}${holder.since ? `, since ${holder.since}` : ''})`;
}

interface Target {
  kind: 'pglite' | 'postgres';
  connectionString: string;
  schema: string | undefined;
  embedded: EmbeddedPostgres | undefined;
  servedBy?: string;
}

/** Checks that the holder's database answers through its socket, or says clearly why it does not. */
async function reachHolder(dataDir: string, holder: LockHolder & { socket: string }): Promise<Target> {
  const { socketConnectionString } = await import('./embedded-postgres.js');
  const connectionString = socketConnectionString(holder.socket);
  const client = new pg.Client({ connectionString, connectionTimeoutMillis: 5_000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new DatabaseInUseError(
      `The embedded database ${dataDir} is in use by ${describeHolder(holder)}, and its socket ${holder.socket} did not answer (${reason}). ` +
        'Nothing was changed. Run this as the user that runs the bot, or stop the bot first.',
    );
  } finally {
    await client.end().catch(() => undefined);
  }
  return { kind: 'pglite', connectionString, schema: undefined, embedded: undefined, servedBy: describeHolder(holder) };
}

/** Opens a PGlite folder: takes its lock and serves it, or (`join`) reaches the holder's database. */
async function openFolder(dataDir: string, options: OpenOptions): Promise<Target> {
  await mkdir(dataDir, { recursive: true });
  for (let waited = 0; ; waited += JOIN_POLL_MS) {
    const attempt = await lockFolder(dataDir, options.role ?? 'command line', options.onLockLost);
    if (attempt.kind === 'acquired') {
      try {
        const { startEmbeddedPostgres } = await import('./embedded-postgres.js');
        const embedded = await startEmbeddedPostgres(dataDir, EMBEDDED_POOL_SIZE + EMBEDDED_SPARE_CONNECTIONS, attempt.lock);
        return {
          kind: 'pglite',
          connectionString: embedded.connectionString,
          schema: undefined,
          embedded: {
            connectionString: embedded.connectionString,
            async stop() {
              await embedded.stop();
              await attempt.lock.release();
            },
          },
        };
      } catch (error) {
        await attempt.lock.release();
        throw error;
      }
    }
    const { holder } = attempt;
    if ((options.whenInUse ?? 'refuse') === 'refuse') {
      throw new DatabaseInUseError(
        `The embedded database ${dataDir} is already open in ${describeHolder(holder)}: one process at a time can open a PGlite folder. ` +
          `Stop it first (if none is running, delete ${resolve(dataDir, LOCK_FILE)}).`,
      );
    }
    if (holder.socket !== null) return reachHolder(dataDir, { ...holder, socket: holder.socket });
    // The holder is starting and has not served its database yet.
    if (waited >= JOIN_WAIT_MS) {
      throw new DatabaseInUseError(
        `The embedded database ${dataDir} is in use by ${describeHolder(holder)}, which did not serve it within ${JOIN_WAIT_MS / 1000} seconds. Nothing was changed.`,
      );
    }
    await sleep(JOIN_POLL_MS);
  }
}

async function openTarget(databaseUrl: string, options: OpenOptions): Promise<Target> {
  if (databaseUrl.startsWith('pglite:')) {
    const location = databaseUrl.slice('pglite:'.length);
    if (location !== 'memory') return openFolder(resolve(location), options);
    // PGlite is loaded only for an embedded database, never on a PostgreSQL server.
    const { startEmbeddedPostgres } = await import('./embedded-postgres.js');
    const embedded = await startEmbeddedPostgres(undefined, EMBEDDED_POOL_SIZE + EMBEDDED_SPARE_CONNECTIONS);
    return { kind: 'pglite', connectionString: embedded.connectionString, schema: undefined, embedded };
  }
  // `schema` is Prisma's URL convention, not libpq's: take it out and set the search path instead,
  // so that raw SQL and the migration engine see the same tables as the client.
  const url = new URL(databaseUrl);
  const schema = url.searchParams.get('schema') ?? undefined;
  url.searchParams.delete('schema');
  return { kind: 'postgres', connectionString: url.toString(), schema, embedded: undefined };
}

/**
 * Opens the database named by `databaseUrl`. A PGlite folder is opened by one process at a time (see
 * folder-lock.ts): with `whenInUse: 'join'`, a second process works on the holder's database through the
 * socket it serves; otherwise it gets a DatabaseInUseError.
 */
export async function openDatabase(databaseUrl: string, options: OpenOptions = {}): Promise<Database> {
  const target = await openTarget(databaseUrl, options);
  const poolConfig = {
    connectionString: target.connectionString,
    max: target.kind === 'pglite' ? EMBEDDED_POOL_SIZE : SERVER_POOL_SIZE,
    connectionTimeoutMillis: 5_000,
    ...(target.schema ? { options: `-c search_path="${target.schema.replaceAll('"', '""')}"` } : {}),
  };
  const adapterOptions = target.schema ? { schema: target.schema } : undefined;
  const prisma = new PrismaClient({
    adapter: new PrismaPg(poolConfig, adapterOptions),
    // A burst of clicks queues transactions for a connection: let them wait their turn rather than fail
    // after Prisma's default two seconds.
    transactionOptions: { maxWait: 15_000, timeout: 15_000 },
  });
  const expectedMigrations = await migrationNames();
  let bulkPool: pg.Pool | undefined;

  return {
    kind: target.kind,
    servedBy: target.servedBy,
    prisma,
    connect() {
      bulkPool ??= new pg.Pool({ ...poolConfig, max: 1 });
      return bulkPool.connect();
    },
    async migrate(this: Database, migrationsDir?: string) {
      // Nothing pending (every start but the first after an upgrade): one query, no schema engine to load.
      if ((await this.readinessProblem()) === undefined) return [];
      // The schema engine gets a connection of its own, closed when it is done.
      const pool = new pg.Pool({ ...poolConfig, max: 1 });
      try {
        return await applyMigrations(new PrismaPg(pool, adapterOptions), migrationsDir);
      } finally {
        await pool.end();
      }
    },
    async readinessProblem() {
      try {
        const [table] = await prisma.$queryRaw<{ present: boolean }[]>`SELECT to_regclass('_prisma_migrations') IS NOT NULL AS present`;
        if (!table?.present) return 'migrations not applied yet';
        const rows = await prisma.$queryRaw<{ migration_name: string }[]>`
          SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`;
        const applied = new Set(rows.map((row) => row.migration_name));
        const pending = expectedMigrations.filter((name) => !applied.has(name));
        return pending.length > 0 ? `migrations pending: ${pending.join(', ')}` : undefined;
      } catch {
        return 'database unreachable';
      }
    },
    async close() {
      await prisma.$disconnect();
      await bulkPool?.end();
      await target.embedded?.stop();
    },
  };
}
