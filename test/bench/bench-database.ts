// Where a benchmark's bot keeps its data: a PostgreSQL server schema of its own (dropped afterwards)
// when --postgres is given, PGlite otherwise.
import pg from 'pg';

export function serverSchemaUrl(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.searchParams.set('schema', name);
  return url.toString();
}

export async function dropServerSchema(schemaUrl: string): Promise<void> {
  const url = new URL(schemaUrl);
  const schema = url.searchParams.get('schema');
  if (!schema) return;
  url.searchParams.delete('schema');
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS "${schema.replaceAll('"', '""')}" CASCADE`);
  } finally {
    await client.end();
  }
}
