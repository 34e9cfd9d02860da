// Applies the migrations in prisma/migrations with the WebAssembly schema engine, at start and from
// `npm run db:migrate`, on PGlite and on a PostgreSQL server alike.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { PrismaPg } from '@prisma/adapter-pg';
import type { MigrationList } from '@prisma/schema-engine-wasm';
import { MIGRATIONS_DIR, SCHEMA_PATH } from './paths.js';

const LOCKFILE = 'migration_lock.toml';

/** Reads the migrations folder in the shape the schema engine expects (names sort by timestamp). */
export async function readMigrations(dir = MIGRATIONS_DIR): Promise<MigrationList> {
  const entries = await readdir(dir, { withFileTypes: true });
  const names = entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  const migrationDirectories = await Promise.all(
    names.map(async (name) => ({
      path: name,
      migrationFile: {
        path: 'migration.sql',
        content: { tag: 'ok' as const, value: await readFile(join(dir, name, 'migration.sql'), 'utf8') },
      },
    })),
  );
  const lockfileContent = await readFile(join(dir, LOCKFILE), 'utf8').catch(() => null);
  return {
    baseDir: dir,
    lockfile: { path: LOCKFILE, content: lockfileContent },
    shadowDbInitScript: '',
    migrationDirectories,
  };
}

/** Names of the migrations on disk, in order. */
export async function migrationNames(dir = MIGRATIONS_DIR): Promise<string[]> {
  return (await readMigrations(dir)).migrationDirectories.map((migration) => migration.path);
}

/**
 * Applies every migration in `dir` not yet applied; returns the names it applied (none on a second run).
 * `dir` is the project's migrations, except in the upgrade test, which builds an old database from the first few.
 */
export async function applyMigrations(adapter: PrismaPg, dir = MIGRATIONS_DIR): Promise<string[]> {
  // The schema engine is loaded only when a migration is pending (Database.migrate checks first).
  const { NO_FILTERS, openSchemaEngine } = await import('./schema-engine.js');
  const [schema, migrationsList] = await Promise.all([readFile(SCHEMA_PATH, 'utf8'), readMigrations(dir)]);
  const engine = await openSchemaEngine(adapter, schema);
  try {
    const result = await engine.applyMigrations({ migrationsList, filters: NO_FILTERS });
    return result.appliedMigrationNames;
  } finally {
    engine.free();
  }
}
