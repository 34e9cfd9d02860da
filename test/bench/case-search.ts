// Benchmark (not a test): case-study search over 10,000 generated, clearly synthetic case studies (every
// one is marked demo data and titled "Synthetic case study"). Times, for a mix of typical searches:
// the search itself (PrismaCaseStore.search: the ranked full-text query with its filters and count), a
// query that does nothing through the same connection (the floor), and
// `/cop cases <words>` from the signed request to the reply reaching the response_url.
// Run: npm run bench:cases [-- --cases 10000 --runs 20 --postgres <url> [--keep] [--explain]]
// --explain prints each search's query plan (EXPLAIN ANALYZE) after its timings.
import { parseArgs } from 'node:util';
import { startBot } from '../../src/app/bot.js';
import { loadConfig } from '../../src/config.js';
import type { CaseSearch } from '../../src/core/cases/case-store.js';
import { CASES_PAGE_SIZE, CASES_RANKED } from '../../src/core/cases/case-commands.js';
import { tagOf } from '../../src/core/cases/case-study.js';
import { parseCaseQuery } from '../../src/core/cases/search-query.js';
import { tokenize } from '../../src/core/commands/tokenize.js';
import { caseSearchSql, PrismaCaseStore } from '../../src/db/repositories/case-repository.js';
import { startRecordingServer } from '../../src/dev/recording-server.js';
import { postToSlackEndpoint, slashCommandBody } from '../../src/dev/slack-requests.js';
import { Prisma } from '../../src/generated/prisma/client.js';
import { createLogger } from '../../src/logger.js';
import { dropServerSchema, serverSchemaUrl } from './bench-database.js';

const { values } = parseArgs({
  options: {
    cases: { type: 'string', default: '10000' },
    runs: { type: 'string', default: '20' },
    postgres: { type: 'string' },
    keep: { type: 'boolean', default: false },
    explain: { type: 'boolean', default: false },
  },
});
const SECRET = 'bench-signing-secret';
const databaseUrl = values.postgres ? serverSchemaUrl(values.postgres, `cop_bench_cases_${process.pid}`) : 'pglite:memory';
const slack = await startRecordingServer(() => ({ body: { ok: true } }));
const config = loadConfig({
  PORT: '0',
  LOG_LEVEL: 'warn',
  DATABASE_URL: databaseUrl,
  SLACK_SIGNING_SECRET: SECRET,
  SLACK_BOT_TOKEN: 'xoxb-bench',
  SLACK_API_URL: `${slack.url}/`,
});
const bot = await startBot(config, createLogger('warn'));
await bot.ready;
const prisma = bot.database.prisma;

// A small deterministic generator, so that every run searches the same library.
let seed = 20261202;
const random = () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let x = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
  return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
};
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;

const INTERVENTIONS = [
  'legacy mentoring',
  'preceptorship',
  'flexible retirement',
  'retire and return',
  'menopause support',
  'flexible working',
  'self-rostering',
  'pension conversations',
  'stay interviews',
  'exit interviews',
  'health and wellbeing',
  'career conversations',
  'pastoral support for international recruits',
  'reverse mentoring',
  'buddy scheme',
  'apprenticeships',
  'quality improvement',
  'team days',
  'recognition awards',
  'childcare support',
];
const STAFF = await prisma.staffGroup.findMany({ where: { level: { in: ['staff_group', 'all'] } }, select: { code: true, name: true } });
const REGIONS = await prisma.region.findMany({ select: { code: true, name: true } });
const TYPES = ['Acute', 'Community', 'Mental health', 'Ambulance', 'Primary care', 'Integrated care board'];
const FILLER = [
  'Leaders met staff in every team to hear what would make them stay.',
  'The board agreed a retention plan with quarterly reviews.',
  'Line managers were trained to hold supportive conversations.',
  'A steering group with staff side representatives oversaw the work.',
  'Data on leavers was reviewed each month by staff group and team.',
  'Staff told the team that shift patterns and development mattered most.',
  'The programme was evaluated with a quality improvement approach.',
];

const count = Number(values.cases);
const seeded = performance.now();
for (let start = 0; start < count; start += 1_000) {
  await prisma.caseStudy.createMany({
    data: Array.from({ length: Math.min(1_000, count - start) }, (_, i) => {
      const n = start + i + 1;
      const [a, b] = [pick(INTERVENTIONS), pick(INTERVENTIONS)];
      const staff = pick(STAFF);
      const region = pick(REGIONS);
      const type = pick(TYPES);
      const before = 8 + Math.floor(random() * 12);
      return {
        sourceId: `synthetic:${n}`,
        title: `Synthetic case study ${n}: ${a} and ${b}`,
        summary: `Synthetic benchmark data. A ${type.toLowerCase()} organisation in ${region.name} combined ${a} with ${b} for ${staff.name.toLowerCase()}.`,
        challenge: `${pick(FILLER)} ${pick(FILLER)} Leavers among ${staff.name.toLowerCase()} were rising.`,
        actions: `${a} and ${b}. ${pick(FILLER)} ${pick(FILLER)} ${pick(FILLER)}`,
        results: `Synthetic figures: the leaver rate fell from ${before}% to ${before - 2}%. ${pick(FILLER)}`,
        resultsPeriod: 'Synthetic',
        organisationName: `Synthetic ${type} Trust ${n % 300}`,
        organisationType: type,
        regionCode: region.code,
        staffGroups: [staff.code],
        promiseElements: [],
        tags: [...new Set([tagOf(a), tagOf(b)])],
        source: 'Synthetic benchmark data',
        demo: true,
        status: 'published' as const,
        keywords: `${region.name} ${type} ${staff.name}`,
      };
    }),
  });
}
await prisma.$executeRawUnsafe('ANALYZE "CaseStudy"');
console.log(`seeded ${count} synthetic case studies in ${(performance.now() - seeded).toFixed(0)} ms`);

const SEARCHES = [
  'flexible retirement',
  'legacy mentoring nurses',
  'NQ preceptorship',
  'menopause',
  'retire and return staff:nurses',
  'wellbeing region:london',
  'AHP reverse mentoring',
  'pension conversations line managers',
  'theme:flexible type:acute',
  'astronomy telescopes',
];

const store = new PrismaCaseStore(prisma);
const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)] ?? NaN;
const p95 = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length * 0.95)] ?? NaN;
const runs = Number(values.runs);

// The search itself: what the core hands the store for each query (filters given as resolved values).
const queryTimes: number[] = [];
for (const words of SEARCHES) {
  const query = parseCaseQuery(tokenize(words));
  const request: CaseSearch = {
    terms: query.terms.words.length + query.terms.groups.length > 0 ? query.terms : undefined,
    match: 'all',
    offset: 0,
    limit: CASES_PAGE_SIZE,
    candidates: CASES_RANKED,
    ...(query.filters.staff ? { staffGroups: ['nurses-health-visitors', 'all-staff-groups'] } : {}),
    ...(query.filters.region ? { regionCode: 'Y56' } : {}),
    ...(query.filters.theme ? { tags: ['flexible-working', 'flexible-retirement'] } : {}),
    ...(query.filters.type ? { organisationTypes: ['Acute'] } : {}),
  };
  const times: number[] = [];
  let total = '';
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    const result = await store.search(request);
    total = result.capped ? `>${CASES_RANKED}` : String(result.total);
    times.push(performance.now() - started);
  }
  queryTimes.push(...times);
  console.log(`  ${words.padEnd(38)} ${total.padStart(5)} matches, median ${median(times).toFixed(1)} ms, p95 ${p95(times).toFixed(1)} ms`);
  if (values.explain) {
    const plan = await prisma.$queryRaw<{ 'QUERY PLAN': string }[]>(Prisma.sql`EXPLAIN (ANALYZE, BUFFERS) ${caseSearchSql(request)}`);
    console.log(plan.map((row) => `      ${row['QUERY PLAN']}`).join('\n'));
  }
}
console.log(
  `search query, all ${SEARCHES.length} searches: median ${median(queryTimes).toFixed(1)} ms, p95 ${p95(queryTimes).toFixed(1)} ms over ${queryTimes.length} runs`,
);

// The floor under every search: a query that does nothing, through the same Prisma client and connection.
const floor: number[] = [];
for (let run = 0; run < queryTimes.length; run++) {
  const started = performance.now();
  await prisma.$queryRaw`SELECT 1`;
  floor.push(performance.now() - started);
}
console.log(
  `SELECT 1 through Prisma (the floor): median ${median(floor).toFixed(1)} ms, p95 ${p95(floor).toFixed(1)} ms over ${floor.length} runs`,
);

// End to end: the signed slash command to the reply at the response_url, as a member.
const organisation = await prisma.organisation.findFirstOrThrow({ where: { odsCode: 'RJ1' } });
await prisma.member.create({
  data: {
    displayName: 'Bench Member',
    organisationId: organisation.id,
    regionCode: 'Y56',
    role: 'other',
    consentedAt: new Date(),
    identities: { create: { platform: 'slack', workspaceId: 'T0BENCH', userId: 'U0BENCH' } },
  },
});
const who = { teamId: 'T0BENCH', userId: 'U0BENCH', channelId: 'C0BENCH' };
const botUrl = `http://127.0.0.1:${bot.port}`;
const endToEnd: number[] = [];
let sent = 0;
for (const words of SEARCHES) {
  for (let run = 0; run < runs; run++) {
    const path = `/respond/${++sent}`;
    const started = performance.now();
    await postToSlackEndpoint(botUrl, slashCommandBody(`cases ${words}`, `${slack.url}${path}`, who), SECRET);
    await slack.waitFor((request) => request.path === path);
    endToEnd.push(performance.now() - started);
  }
}
console.log(
  `/cop cases <words>, request to reply: median ${median(endToEnd).toFixed(1)} ms, p95 ${p95(endToEnd).toFixed(1)} ms over ${endToEnd.length} runs`,
);

await bot.stop();
await slack.close();
// --keep leaves the server schema in place, to look at query plans afterwards.
if (values.postgres && !values.keep) await dropServerSchema(databaseUrl);
else if (values.postgres) console.log(`kept ${databaseUrl}`);
