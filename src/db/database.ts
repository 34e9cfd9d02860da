// Opens the database named by DATABASE_URL: the embedded PGlite (`pglite:<folder>` or `pglite:memory`)
// or a PostgreSQL server (`postgres://...`, optionally `?schema=name`). Both are reached through
// `@prisma/adapter-pg`, so one schema, one migration history and one generated client serve both.
import { resolve } from 'node:path';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaClient } from '../generated/prisma/client.js';
import { startEmbeddedPostgres, type EmbeddedPostgres } from './embedded-postgres.js';
import { applyMigrations, migrationNames } from './migrations.js';

export type { PrismaClient } from '../generated/prisma/client.js';

/**
 * Pool size for the embedded database: one. PGlite runs one backend, and its socket server interleaves
 * the protocol messages of concurrent connections outside explicit transactions, so two connections'
 * extended-protocol statements (Parse, Bind, Execute) can step on each other ("unnamed prepared
 * statement does not exist"). One connection costs nothing: the backend runs one statement at a time.
 */
const EMBEDDED_POOL_SIZE = 1;
/** Room on the embedded server beyond the pool, for the migration engine and command-line tools. */
const EMBEDDED_SPARE_CONNECTIONS = 2;
const SERVER_POOL_SIZE = 10;

export interface Database {
  readonly kind: 'pglite' | 'postgres';
  readonly prisma: PrismaClient;
  /** Applies pending migrations; returns the names applied. */
  migrate(): Promise<string[]>;
  /** Why the database is not ready (unreachable, migrations pending), or undefined when it is. */
  readinessProblem(): Promise<string | undefined>;
  close(): Promise<void>;
}

interface Target {
  kind: 'pglite' | 'postgres';
  connectionString: string;
  schema: string | undefined;
  embedded: EmbeddedPostgres | undefined;
}

async function openTarget(databaseUrl: string): Promise<Target> {
  if (databaseUrl.startsWith('pglite:')) {
    const location = databaseUrl.slice('pglite:'.length);
    const dataDir = location === 'memory' ? undefined : resolve(location);
    const embedded = await startEmbeddedPostgres(dataDir, EMBEDDED_POOL_SIZE + EMBEDDED_SPARE_CONNECTIONS);
    return { kind: 'pglite', connectionString: embedded.connectionString, schema: undefined, embedded };
  }
  // `schema` is Prisma's URL convention, not libpq's: take it out and set the search path instead,
  // so that raw SQL and the migration engine see the same tables as the client.
  const url = new URL(databaseUrl);
  const schema = url.searchParams.get('schema') ?? undefined;
  url.searchParams.delete('schema');
  return { kind: 'postgres', connectionString: url.toString(), schema, embedded: undefined };
}

export async function openDatabase(databaseUrl: string): Promise<Database> {
  const target = await openTarget(databaseUrl);
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

  return {
    kind: target.kind,
    prisma,
    async migrate() {
      // The schema engine gets a connection of its own, closed when it is done.
      const pool = new pg.Pool({ ...poolConfig, max: 1 });
      try {
        return await applyMigrations(new PrismaPg(pool, adapterOptions));
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
      await target.embedded?.stop();
    },
  };
}
