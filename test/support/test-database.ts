// The database a test run uses: a fresh in-memory PGlite by default, or, when COP_TEST_DATABASE_URL
// names a PostgreSQL server (`npm run test:postgres`), a schema of its own on that server.
import { randomBytes } from 'node:crypto';
import pg from 'pg';

export interface TestDatabase {
  readonly url: string;
  readonly kind: 'pglite' | 'postgres';
  /** The schema to drop at the end, on a PostgreSQL server. */
  readonly schema: string | undefined;
}

export function testDatabase(): TestDatabase {
  const server = process.env['COP_TEST_DATABASE_URL'];
  if (!server) return { url: 'pglite:memory', kind: 'pglite', schema: undefined };
  const schema = `cop_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const url = new URL(server);
  url.searchParams.set('schema', schema);
  return { url: url.toString(), kind: 'postgres', schema };
}

/**
 * Drops a test's schema on the server over a connection of its own. Call it after the bot (or client)
 * using the schema has stopped: dropping under a running bot can deadlock with its background work.
 */
export async function dropTestSchema(database: TestDatabase): Promise<void> {
  if (!database.schema) return;
  const url = new URL(database.url);
  url.searchParams.delete('schema');
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS "${database.schema}" CASCADE`);
  } finally {
    await client.end();
  }
}
