// Benchmark (not a test): the whole `npm run cli -- metrics import <file>` command, start-up included,
// timed as a child process, against what the database does on its own with the same file: `psql \copy`
// into a staging table of text and number columns, then an insert-select into a table with the
// observation table's columns and indexes. Prints rows a second for both and their ratio.
//
// The file is in the project's layout (every organisation, staff group and month, no two rows alike).
// The database is a fresh schema on the PostgreSQL server (dropped afterwards), migrated and seeded as
// the bot leaves it at its first start; the command still checks the migrations and the reference data
// itself. With --pglite the command runs on a fresh PGlite folder instead (no \copy comparison there).
// Run: npm run bench:import [-- --rows 300000 --postgres postgresql://postgres@127.0.0.1:5432/postgres --pglite]
import { spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { addMonths } from '../../src/core/metrics/period.js';
import { openDatabase, type Database } from '../../src/db/database.js';
import { seedReferenceData } from '../../src/db/seed.js';
import { dropServerSchema, serverSchemaUrl } from './bench-database.js';

const { values } = parseArgs({
  options: {
    rows: { type: 'string', default: '300000' },
    postgres: { type: 'string', default: 'postgresql://postgres@127.0.0.1:5432/postgres' },
    pglite: { type: 'boolean', default: false },
  },
});
const total = Number(values.rows);
const HEADER =
  'period,org_code,staff_group,headcount_start,headcount_end,fte,leavers,joiners,stability_base,stability_stayed,vacancy_fte,nq_headcount,nq_leavers';

/** Runs a command to its end; its time in seconds, or an error with its output. */
function timed(command: string, args: readonly string[], env: NodeJS.ProcessEnv): Promise<{ seconds: number; output: string }> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      const seconds = (performance.now() - started) / 1000;
      if (code === 0) resolve({ seconds, output });
      else reject(new Error(`${command} ${args.join(' ')} exited with ${code}:\n${output}`));
    });
  });
}

async function prepared(databaseUrl: string): Promise<Database> {
  const database = await openDatabase(databaseUrl);
  await database.migrate();
  await seedReferenceData(database.prisma);
  return database;
}

async function writeFile(database: Database, path: string): Promise<void> {
  const organisations = (
    await database.prisma.organisation.findMany({
      where: { odsCode: { not: null } },
      select: { odsCode: true },
      orderBy: { odsCode: 'asc' },
    })
  ).map((o) => o.odsCode!);
  const groups = (await database.prisma.staffGroup.findMany({ select: { name: true }, orderBy: { sortOrder: 'asc' } })).map((g) => g.name);
  const out = createWriteStream(path);
  out.write(`${HEADER}\n`);
  let written = 0;
  for (let m = 0; written < total; m += 1) {
    const month = addMonths('2024-12', -m);
    for (const organisation of organisations) {
      for (const group of groups) {
        if (written >= total) break;
        const line = `${month},${organisation},"${group}",${1000 + (written % 50)},${1000 + (written % 47)},912.4,${written % 13},${written % 11},980,${880 + (written % 40)},41.5,55,${written % 3}\n`;
        if (!out.write(line)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
        written += 1;
      }
    }
  }
  await new Promise<void>((resolve) => out.end(() => resolve()));
}

const cli = (databaseUrl: string, file: string) =>
  timed('npm', ['run', '--silent', 'cli', '--', 'metrics', 'import', file], { DATABASE_URL: databaseUrl, NODE_ENV: 'development' });

/** `psql \copy` of the file into a staging table, then an insert-select into a copy of the observation table. */
function psqlScript(file: string): string {
  return `
CREATE TABLE bench_staging (period text, org_code text, staff_group text, headcount_start integer, headcount_end integer,
  fte double precision, leavers integer, joiners integer, stability_base integer, stability_stayed integer,
  vacancy_fte double precision, nq_headcount integer, nq_leavers integer);
CREATE TABLE bench_observation (LIKE "WorkforceObservation" INCLUDING DEFAULTS INCLUDING INDEXES);
INSERT INTO "MetricImport" (id, layout, source, rows) VALUES ('bench', 'cop', 'bench', 0);
\\copy bench_staging FROM '${file.replaceAll("'", "''")}' WITH (FORMAT csv, HEADER true)
INSERT INTO bench_observation ("organisationCode", "regionCode", period, "staffGroupCode", "startHeadcount", headcount, fte, leavers, joiners,
  "stabilityBase", "stabilityStayed", "vacancyFte", "nqHeadcount", "nqLeavers", "importId")
SELECT s.org_code, o."regionCode", to_date(s.period, 'YYYY-MM'), g.code, s.headcount_start, s.headcount_end, s.fte, s.leavers, s.joiners,
  s.stability_base, s.stability_stayed, s.vacancy_fte, s.nq_headcount, s.nq_leavers, 'bench'
FROM bench_staging s JOIN "Organisation" o ON o."odsCode" = s.org_code JOIN "StaffGroup" g ON g.name = s.staff_group;
`;
}

const perSecond = (seconds: number) => Math.round(total / seconds);
const folder = await mkdtemp(join(tmpdir(), 'cop-import-bench-'));
const file = join(folder, 'metrics.csv');
try {
  const serverUrl = serverSchemaUrl(values.postgres, `cop_bench_${process.pid}`);
  const server = await prepared(serverUrl);
  try {
    await writeFile(server, file);
    const schema = new URL(serverUrl).searchParams.get('schema')!;
    const plain = new URL(values.postgres);
    plain.searchParams.delete('schema');
    const scriptFile = join(folder, 'baseline.sql');
    await import('node:fs/promises').then((fs) => fs.writeFile(scriptFile, psqlScript(file)));
    const baseline = await timed('psql', ['-X', '-q', '-v', 'ON_ERROR_STOP=1', '-d', plain.toString(), '-f', scriptFile], {
      PGOPTIONS: `-c search_path=${schema}`,
    });
    const baselineRows = await server.prisma.$queryRawUnsafe<{ n: bigint }[]>('SELECT count(*) AS n FROM bench_observation');
    const command = await cli(serverUrl, file);
    const stored = await server.prisma.workforceObservation.count();
    if (stored !== total || Number(baselineRows[0]!.n) !== total)
      throw new Error(`stored ${stored} (command) and ${baselineRows[0]!.n} (psql), expected ${total}\n${command.output}`);
    console.log(`PostgreSQL server, ${total} rows (${file}):`);
    console.log(`  npm run cli -- metrics import: ${command.seconds.toFixed(1)} s, ${perSecond(command.seconds)} rows a second`);
    console.log(`  psql \\copy + insert-select:    ${baseline.seconds.toFixed(1)} s, ${perSecond(baseline.seconds)} rows a second`);
    console.log(`  ratio: ${(baseline.seconds / command.seconds).toFixed(2)}`);
  } finally {
    await server.close();
    await dropServerSchema(serverUrl);
  }
  if (values.pglite) {
    const pgliteUrl = `pglite:${join(folder, 'pglite')}`;
    await (await prepared(pgliteUrl)).close();
    const command = await cli(pgliteUrl, file);
    const database = await openDatabase(pgliteUrl);
    const stored = await database.prisma.workforceObservation.count();
    await database.close();
    if (stored !== total) throw new Error(`PGlite stored ${stored}, expected ${total}\n${command.output}`);
    console.log(`PGlite, ${total} rows:`);
    console.log(`  npm run cli -- metrics import: ${command.seconds.toFixed(1)} s, ${perSecond(command.seconds)} rows a second`);
  }
} finally {
  await rm(folder, { recursive: true, force: true });
}
