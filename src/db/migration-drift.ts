// Checks that the migrations build exactly prisma/schema.prisma: the schema engine applies every
// migration.sql to a scratch (shadow) database on a PostgreSQL server and diffs the result with the
// schema. A hand-edited migration that no longer matches the schema shows up here. PGlite holds one
// database only, so the check needs a server.
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import type { SqlDriverAdapter, SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import type { MigrationList } from '@prisma/schema-engine-wasm';
import { readMigrations } from './migrations.js';
import { SCHEMA_PATH } from './paths.js';
import { NO_FILTERS, openSchemaEngine } from './schema-engine.js';

/**
 * What the migrations build that schema.prisma cannot say, so the diff always lists it: the case-study
 * search's generated tsvector columns and its GIN indexes without a pending list (see the
 * case_studies and case_search_topics migrations).
 */
export const SQL_ONLY_STATEMENTS: readonly string[] = [
  'DROP INDEX "CaseStudy_search_idx";',
  'DROP INDEX "CaseStudy_staffGroups_idx";',
  'DROP INDEX "CaseStudy_tags_idx";',
  'DROP INDEX "CaseStudy_topicSearch_idx";',
  'ALTER TABLE "CaseStudy" ALTER COLUMN "search" DROP DEFAULT,\nALTER COLUMN "topicSearch" DROP DEFAULT;',
];

/** Statements that would take what the migrations build to the schema, beyond the SQL-only ones; none when they agree. */
export async function migrationDrift(serverUrl: string, migrations?: MigrationList): Promise<string[]> {
  const schema = await readFile(SCHEMA_PATH, 'utf8');
  const engine = await openSchemaEngine(withShadowDatabases(serverUrl), schema);
  try {
    const result = await engine.diff({
      from: { tag: 'migrations', ...(migrations ?? (await readMigrations())) },
      to: { tag: 'schemaDatamodel', files: [{ path: 'schema.prisma', content: schema }] },
      script: true,
      exitCode: null,
      filters: NO_FILTERS,
    });
    return statements(result.stdout ?? '').filter((statement) => !SQL_ONLY_STATEMENTS.includes(statement));
  } finally {
    engine.free();
  }
}

/** The engine's script as statements, without its `-- DropIndex`-style headings. */
function statements(script: string): string[] {
  return script
    .split(/\n\s*\n/)
    .map((part) => part.replace(/^--.*$/gm, '').trim())
    .filter((part) => part !== '');
}

/**
 * The adapter's own shadow database is dropped while its pool still holds a connection, which the
 * server refuses; this one closes the pool first. Each check gets a uniquely named database.
 */
function withShadowDatabases(serverUrl: string): SqlMigrationAwareDriverAdapterFactory {
  const url = new URL(serverUrl);
  url.searchParams.delete('schema');
  const main = new PrismaPg({ connectionString: url.toString(), max: 1 });
  const factory: SqlMigrationAwareDriverAdapterFactory = {
    adapterName: main.adapterName,
    provider: main.provider,
    connect: () => main.connect(),
    connectToShadowDb: async () => {
      const admin = await main.connect();
      const name = `cop_shadow_${randomUUID().replaceAll('-', '')}`;
      await admin.executeScript(`CREATE DATABASE "${name}"`);
      const shadowUrl = new URL(url);
      shadowUrl.pathname = `/${name}`;
      const pool = new pg.Pool({ connectionString: shadowUrl.toString(), max: 1 });
      const shadow: SqlDriverAdapter = await new PrismaPg(reportingCharAsText(pool)).connect();
      shadow.dispose = async () => {
        await pool.end();
        await admin.executeScript(`DROP DATABASE IF EXISTS "${name}"`);
        await admin.dispose();
      };
      return shadow;
    },
  };
  return factory;
}

/**
 * The engine reads the shadow database's catalogue, whose one-byte `"char"` columns (pg_class.relkind
 * and the like) the adapter cannot type. pg already reads them as strings, so they are reported as text.
 */
function reportingCharAsText(pool: pg.Pool): pg.Pool {
  const query = pool.query.bind(pool) as (config: pg.QueryConfig) => Promise<pg.QueryResult>;
  const CHAR = 18;
  const TEXT = 25;
  pool.query = (async (config: pg.QueryConfig) => {
    const result = await query(config);
    for (const field of result.fields) if (field.dataTypeID === CHAR) field.dataTypeID = TEXT;
    return result;
  }) as typeof pool.query;
  return pool;
}
