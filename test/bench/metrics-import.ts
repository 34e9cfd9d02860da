// Benchmark (not a test): imports a generated CSV of 1 million rows in the project's layout (every
// organisation of the list, staff groups and months, no two rows alike) and reports rows per second,
// parsing, validating and storing in one transaction.
// Run: npm run bench:import [-- --rows 1000000 --postgres <url>]
import { mkdtemp, rm } from 'node:fs/promises';
import { createWriteStream } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { importMetrics } from '../../src/core/metrics/importer.js';
import { addMonths } from '../../src/core/metrics/period.js';
import { openDatabase } from '../../src/db/database.js';
import { PrismaMetricStore } from '../../src/db/repositories/metric-repository.js';
import { seedReferenceData } from '../../src/db/seed.js';
import { csvFileSource } from '../../src/metrics/csv-source.js';
import { dropServerSchema, serverSchemaUrl } from './bench-database.js';

const { values } = parseArgs({ options: { rows: { type: 'string', default: '1000000' }, postgres: { type: 'string' } } });
const total = Number(values.rows);
const databaseUrl = values.postgres ? serverSchemaUrl(values.postgres, `cop_bench_${process.pid}`) : 'pglite:memory';
const database = await openDatabase(databaseUrl);
const folder = await mkdtemp(join(tmpdir(), 'cop-import-bench-'));
try {
  await database.migrate();
  await seedReferenceData(database.prisma);
  const organisations = (await database.prisma.organisation.findMany({ where: { odsCode: { not: null } }, select: { odsCode: true } })).map((o) => o.odsCode!);
  const groups = (await database.prisma.staffGroup.findMany({ select: { name: true } })).map((g) => g.name);
  const path = join(folder, 'metrics.csv');
  const out = createWriteStream(path);
  out.write('period,org_code,staff_group,headcount_start,headcount_end,fte,leavers,joiners,stability_base,stability_stayed,vacancy_fte,nq_headcount,nq_leavers\n');
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
  const source = await csvFileSource(path);
  const started = performance.now();
  const report = await importMetrics(source, { skipInvalid: false, currentMonth: '2025-01' }, new PrismaMetricStore(database.prisma));
  const seconds = (performance.now() - started) / 1000;
  if (report.outcome !== 'imported') throw new Error(`import rejected: ${JSON.stringify(report.problems.slice(0, 3))} ${report.fileProblem ?? ''}`);
  const stored = await database.prisma.workforceObservation.count();
  console.log(`database: ${database.kind}; file: ${(source.size / 1e6).toFixed(1)} MB, ${report.rowsRead} rows; stored: ${stored}`);
  console.log(`import: ${seconds.toFixed(1)} s, ${Math.round(report.rowsImported / seconds)} rows a second`);
} finally {
  await rm(folder, { recursive: true, force: true });
  await database.close();
  if (values.postgres) await dropServerSchema(databaseUrl);
}
