// Benchmark (not a test): `/cop members <region>` on a region of 10,000 members, timed from the signed
// request to the reply reaching the response_url, for a facilitator (every member) and a member
// (those listed). Run: npm run bench:directory [-- --members 10000 --runs 20 --postgres <url>]
import { parseArgs } from 'node:util';
import { startBot } from '../../src/app/bot.js';
import { loadConfig } from '../../src/config.js';
import { startRecordingServer } from '../../src/dev/recording-server.js';
import { postToSlackEndpoint, slashCommandBody, type SlackIdentity } from '../../src/dev/slack-requests.js';
import { createLogger } from '../../src/logger.js';
import { dropServerSchema, serverSchemaUrl } from './bench-database.js';

const { values } = parseArgs({
  options: { members: { type: 'string', default: '10000' }, runs: { type: 'string', default: '20' }, postgres: { type: 'string' } },
});
const SECRET = 'bench-signing-secret';
const databaseUrl = values.postgres ? serverSchemaUrl(values.postgres, `cop_bench_${process.pid}`) : 'pglite:memory';
const slack = await startRecordingServer(() => ({ body: { ok: true } }));
const config = loadConfig({
  PORT: '0',
  LOG_LEVEL: 'warn',
  DATABASE_URL: databaseUrl,
  SLACK_SIGNING_SECRET: SECRET,
  SLACK_BOT_TOKEN: 'xoxb-bench',
  SLACK_API_URL: `${slack.url}/`,
});
// auth.test is answered by the stand-in's default { ok: true }; the bot's own user id is not needed here.
const bot = await startBot(config, createLogger('warn'));
await bot.ready;
const prisma = bot.database.prisma;

const organisation = await prisma.organisation.findFirstOrThrow({ where: { odsCode: 'RJ1' } });
const count = Number(values.members);
const seeded = performance.now();
for (let start = 0; start < count; start += 1_000) {
  await prisma.member.createMany({
    data: Array.from({ length: Math.min(1_000, count - start) }, (_, i) => ({
      displayName: `Member ${String(start + i).padStart(6, '0')}`,
      organisationId: organisation.id,
      regionCode: 'Y56',
      role: 'retention_lead' as const,
      staffGroups: ['nurses-health-visitors'],
      inDirectory: (start + i) % 2 === 0,
      consentedAt: new Date(),
    })),
  });
}
console.log(`seeded ${count} members of London in ${(performance.now() - seeded).toFixed(0)} ms`);

async function asPerson(userId: string, facilitator: boolean): Promise<SlackIdentity> {
  const member = await prisma.member.create({
    data: {
      displayName: userId,
      organisationId: organisation.id,
      regionCode: 'Y56',
      role: 'other',
      consentedAt: new Date(),
      identities: { create: { platform: 'slack', workspaceId: 'T0BENCH', userId } },
    },
  });
  if (facilitator) await prisma.roleGrant.create({ data: { memberId: member.id, role: 'facilitator', regionCode: 'Y56' } });
  return { teamId: 'T0BENCH', userId, channelId: 'C0BENCH' };
}

const botUrl = `http://127.0.0.1:${bot.port}`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.95)] ?? NaN;
let sent = 0;
for (const [label, who] of [
  ['facilitator (all members)', await asPerson('U0BENCHFAC', true)],
  ['member (listed members)', await asPerson('U0BENCHMEM', false)],
] as const) {
  const times: number[] = [];
  for (let run = 0; run < Number(values.runs); run++) {
    const path = `/respond/${++sent}`;
    const started = performance.now();
    await postToSlackEndpoint(botUrl, slashCommandBody('members london', `${slack.url}${path}`, who), SECRET);
    await slack.waitFor((request) => request.path === path);
    times.push(performance.now() - started);
  }
  console.log(
    `members london, first page, as a ${label}: median ${median(times).toFixed(1)} ms, p95 ${p95(times).toFixed(1)} ms over ${times.length} runs (request to reply)`,
  );
}

await bot.stop();
await slack.close();
if (values.postgres) await dropServerSchema(databaseUrl);
