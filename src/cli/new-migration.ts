// `npm run db:migration:new -- <name>`: writes prisma/migrations/<timestamp>_<name>/migration.sql with
// the SQL that takes the database from the schema of the latest migration to prisma/schema.prisma.
// prisma/migrations/schema-snapshot.prisma is the schema the migrations so far produce, which is what the
// next migration is computed from (git keeps its history): Prisma's own `migrate dev` needs a native
// engine. The check that the migrations' SQL really builds that schema is src/db/migration-drift.ts.
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { PrismaPg } from '@prisma/adapter-pg';
import { startEmbeddedPostgres } from '../db/embedded-postgres.js';
import { migrationNames } from '../db/migrations.js';
import { MIGRATIONS_DIR, SCHEMA_PATH } from '../db/paths.js';
import { NO_FILTERS, openSchemaEngine } from '../db/schema-engine.js';

const SNAPSHOT_PATH = join(MIGRATIONS_DIR, 'schema-snapshot.prisma');

function timestamp(now: Date): string {
  return now.toISOString().replace(/[-:T]/g, '').slice(0, 14);
}

/** The SQL from the latest migration's schema (or from nothing) to the current schema; empty when equal. */
export async function pendingMigrationSql(): Promise<string> {
  const hasMigrations = (await migrationNames()).length > 0;
  const schema = await readFile(SCHEMA_PATH, 'utf8');
  const previous = hasMigrations ? await readFile(SNAPSHOT_PATH, 'utf8') : undefined;
  // The engine needs a database to open; diffing two schema files never touches it.
  const scratch = await startEmbeddedPostgres(undefined, 1);
  try {
    const engine = await openSchemaEngine(new PrismaPg({ connectionString: scratch.connectionString, max: 1 }), schema);
    try {
      const result = await engine.diff({
        from:
          previous === undefined
            ? { tag: 'empty' }
            : { tag: 'schemaDatamodel', files: [{ path: 'schema-snapshot.prisma', content: previous }] },
        to: { tag: 'schemaDatamodel', files: [{ path: 'schema.prisma', content: schema }] },
        script: true,
        exitCode: null,
        filters: NO_FILTERS,
      });
      const sql = result.stdout ?? '';
      return sql.includes('-- This is an empty migration.') ? '' : sql;
    } finally {
      engine.free();
    }
  } finally {
    await scratch.stop();
  }
}

async function main(): Promise<void> {
  const name = process.argv[2];
  if (!name || !/^[a-z0-9_]+$/.test(name)) {
    console.error('Usage: npm run db:migration:new -- <name>   (lower case letters, digits and underscores)');
    process.exit(1);
  }
  const sql = await pendingMigrationSql();
  if (sql.trim() === '') {
    console.log('prisma/schema.prisma has not changed since the latest migration: nothing to write.');
    return;
  }
  const folder = join(MIGRATIONS_DIR, `${timestamp(new Date())}_${name}`);
  await mkdir(folder, { recursive: true });
  await writeFile(join(folder, 'migration.sql'), sql);
  await copyFile(SCHEMA_PATH, SNAPSHOT_PATH);
  await writeFile(join(MIGRATIONS_DIR, 'migration_lock.toml'), '# Written by npm run db:migration:new.\nprovider = "postgresql"\n');
  console.log(`Wrote ${folder}/migration.sql. Review it, then run npm run db:migrate (the bot also applies it at start).`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
