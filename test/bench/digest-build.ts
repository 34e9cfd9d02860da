// Benchmark (not a test): builds the digest for the nation and every region on the synthetic demo data
// (about 1.1 million staff in every organisation of the list), with the starter case studies and the
// sections the events and case-study features add, with and without drawing the trend chart, and
// reports the time of each build. Run: npm run bench:digest [-- --runs 5 --postgres <url>]
import { parseArgs } from 'node:util';
import { buildDigest } from '../../src/core/digests/digest-message.js';
import { generateDemoData, writeDemoData } from '../../src/core/metrics/demo-data.js';
import { translator } from '../../src/core/i18n/translator.js';
import { DIGEST_SECTIONS } from '../../src/core/bot-core.js';
import { openDatabase } from '../../src/db/database.js';
import { PrismaMetricStore } from '../../src/db/repositories/metric-repository.js';
import { PrismaReferenceData } from '../../src/db/repositories/reference-data-repository.js';
import { seedReferenceData } from '../../src/db/seed.js';
import { seedCaseStudies } from '../../src/db/seed-case-studies.js';
import { PrismaCaseStore } from '../../src/db/repositories/case-repository.js';
import { PrismaEventStore } from '../../src/db/repositories/event-repository.js';
import { LinkedChartPublisher } from '../../src/charts/chart-publisher.js';
import { PrismaFileLinkStore } from '../../src/db/repositories/file-link-repository.js';
import { dropServerSchema, serverSchemaUrl } from './bench-database.js';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '5' }, postgres: { type: 'string' } } });
const runs = Number(values.runs);
const databaseUrl = values.postgres ? serverSchemaUrl(values.postgres, `cop_bench_${process.pid}`) : 'pglite:memory';
const database = await openDatabase(databaseUrl);
try {
  await database.migrate();
  await seedReferenceData(database.prisma);
  await seedCaseStudies(database.prisma);
  const metrics = new PrismaMetricStore(database.prisma);
  const data = generateDemoData(await metrics.allOrganisations(), '2026-10');
  await metrics.importInTransaction(
    { layout: 'demo', source: 'Synthetic demo data (generated, not real figures)', synthetic: true },
    (writer) => writeDemoData(writer, data),
  );
  const reference = new PrismaReferenceData(database.prisma);
  const regions = await reference.regions();
  const t = translator('en');
  const median = (times: number[]) => [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)]!;
  console.log(`database: ${database.kind}; ${data.workforce.length + data.sickness.length} observations; median of ${runs} builds`);
  console.log('scope | without chart | with chart (drawn and stored)');
  for (const [label, scope] of [
    ['England and Wales', { kind: 'national' }] as const,
    ...regions.map((region) => [region.label, { kind: 'region', code: region.value }] as const),
  ]) {
    const timings: number[][] = [];
    for (const drawn of [false, true]) {
      const services = {
        metrics,
        reference,
        charts: drawn
          ? new LinkedChartPublisher(new PrismaFileLinkStore(database.prisma, 'bench-secret-'.repeat(3)), () => 'https://cop.example.test/')
          : { publish: () => Promise.resolve(undefined) },
        cases: new PrismaCaseStore(database.prisma),
        events: new PrismaEventStore(database.prisma, 'bench-secret-'.repeat(3)),
        digestSections: DIGEST_SECTIONS,
      };
      const times: number[] = [];
      for (let i = 0; i < runs; i += 1) {
        const started = performance.now();
        await buildDigest(scope, services, t, { now: new Date(), visibility: 'shared' });
        times.push(performance.now() - started);
      }
      timings.push(times);
    }
    console.log(`${label} | ${Math.round(median(timings[0]!))} ms | ${Math.round(median(timings[1]!))} ms`);
  }
} finally {
  await database.close();
  if (values.postgres) await dropServerSchema(databaseUrl);
}
