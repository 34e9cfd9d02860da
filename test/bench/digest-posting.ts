// Benchmark (not a test): 1,000 subscribed Slack channels whose digests fall due at the same minute,
// claimed by the bot's digest job and posted by its own outbox dispatcher (the real one, with its
// 5-second poll) to a local stand-in for Slack that enforces chat.postMessage rate limits as Slack
// documents them: about one message a second per channel, and a workspace-wide budget (bursts allowed,
// then a steady rate; Slack says "several hundred messages per minute"), answering over the limit with
// HTTP 429 and Retry-After in seconds. Reports the job's time, the time until the last digest landed,
// posts a second, the 429s, and checks that every channel got exactly one.
// Run: npm run bench:digest-post [-- --channels 1000 --per-minute 600 --burst 100 --postgres <url>]
import { parseArgs } from 'node:util';
import { startBot } from '../../src/app/bot.js';
import { loadConfig } from '../../src/config.js';
import { parseSchedule } from '../../src/core/digests/schedule.js';
import { startRecordingServer } from '../../src/dev/recording-server.js';
import { createLogger } from '../../src/logger.js';
import { dropServerSchema, serverSchemaUrl } from './bench-database.js';

const { values } = parseArgs({
  options: {
    channels: { type: 'string', default: '1000' },
    'per-minute': { type: 'string', default: '600' },
    burst: { type: 'string', default: '100' },
    postgres: { type: 'string' },
  },
});
const channels = Number(values.channels);
const perMinute = Number(values['per-minute']);
const burst = Number(values.burst);
const databaseUrl = values.postgres ? serverSchemaUrl(values.postgres, `cop_bench_${process.pid}`) : 'pglite:memory';

/** A token bucket: `capacity` at once, refilled at `perSecond`. */
class Bucket {
  private tokens: number;
  private at = performance.now();
  constructor(
    private readonly capacity: number,
    private readonly perSecond: number,
  ) {
    this.tokens = capacity;
  }
  /** Takes a token, or says how many seconds until one is free. */
  take(): { ok: true } | { ok: false; retryAfter: number } {
    const now = performance.now();
    this.tokens = Math.min(this.capacity, this.tokens + ((now - this.at) / 1000) * this.perSecond);
    this.at = now;
    if (this.tokens >= 1) {
      this.tokens -= 1;
      return { ok: true };
    }
    return { ok: false, retryAfter: Math.max(1, Math.ceil((1 - this.tokens) / this.perSecond)) };
  }
}

const workspace = new Bucket(burst, perMinute / 60);
const perChannel = new Map<string, Bucket>();
const delivered = new Map<string, number>();
let limited = 0;
let lastDelivery = 0;
let ts = 0;
const slack = await startRecordingServer((request) => {
  if (request.path === '/auth.test') return { body: { ok: true, team_id: 'T0BENCH', user_id: 'U0BOT', bot_id: 'B0BOT' } };
  if (request.path !== '/chat.postMessage') return { body: { ok: true } };
  const { channel } = request.json as { channel: string };
  let bucket = perChannel.get(channel);
  if (!bucket) perChannel.set(channel, (bucket = new Bucket(1, 1)));
  // Slack's answer to a call over its limit: HTTP 429 with the seconds to wait.
  const verdict = workspace.take();
  const channelVerdict = verdict.ok ? bucket.take() : verdict;
  if (!channelVerdict.ok) {
    limited += 1;
    return { status: 429, headers: { 'retry-after': String(channelVerdict.retryAfter) }, body: { ok: false, error: 'ratelimited' } };
  }
  delivered.set(channel, (delivered.get(channel) ?? 0) + 1);
  lastDelivery = performance.now();
  return { body: { ok: true, channel, ts: `1700000000.${String(++ts).padStart(6, '0')}` } };
});
// The recorded requests are not needed here; keep memory flat.
const forget = setInterval(() => slack.requests.splice(0), 1000);

const config = loadConfig({
  PORT: '0',
  LOG_LEVEL: 'warn',
  DATABASE_URL: databaseUrl,
  SLACK_SIGNING_SECRET: 'bench',
  SLACK_BOT_TOKEN: 'xoxb-bench',
  SLACK_API_URL: `${slack.url}/`,
});
const bot = await startBot(config, createLogger('warn'));
await bot.ready;
const prisma = bot.database.prisma;

// 1,000 channels, each subscribed to a weekly digest of one of the regions or the nation (demo figures).
const regions = await prisma.region.findMany({ select: { code: true }, orderBy: { sortOrder: 'asc' } });
const scopes = [
  ...regions.map((region) => ({ scopeKind: 'region' as const, scopeCode: region.code })),
  { scopeKind: 'national' as const, scopeCode: '' },
];
const created = new Date();
for (let start = 0; start < channels; start += 500) {
  const batch = Array.from({ length: Math.min(500, channels - start) }, (_, i) => start + i);
  await prisma.conversation.createMany({
    data: batch.map((i) => ({
      id: `bench-${i}`,
      platform: 'slack' as const,
      workspaceId: 'T0BENCH',
      externalId: `C0BENCH${i}`,
      kind: 'channel',
    })),
  });
  await prisma.digestSubscription.createMany({
    data: batch.map((i) => ({
      conversationId: `bench-${i}`,
      ...scopes[i % scopes.length]!,
      schedule: 'weekly',
      timeZone: 'Europe/London',
      activeSince: created,
      createdAt: created,
    })),
  });
}
const weekly = parseSchedule('weekly', 'Europe/London');
if (!weekly.ok) throw new Error('weekly does not parse');
const due = weekly.schedule.next(created)!;

// The job at the minute they all fall due; the bot's dispatcher then sends (woken by the job, and by its poll).
const began = performance.now();
const result = await bot.runDigestJobs(new Date(due.getTime() + 10_000));
const claimedAfter = performance.now() - began;
const deadline = Date.now() + 30 * 60_000;
while (delivered.size < channels && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 200));
// A moment more, to see that nothing arrives twice.
await new Promise((resolve) => setTimeout(resolve, 6_000));
const total = (lastDelivery - began) / 1000;

const doubled = [...delivered.values()].filter((count) => count > 1).length;
const failed = await prisma.outboxMessage.count({ where: { status: 'failed' } });
console.log(
  `database: ${bot.database.kind}; ${channels} channels due at once; Slack stand-in: 1 a second per channel, ${perMinute} a minute per workspace with bursts of ${burst}`,
);
console.log(`digest job (build ${scopes.length} digests, claim and queue ${result.posted} periods): ${(claimedAfter / 1000).toFixed(1)} s`);
console.log(
  `all posted after ${total.toFixed(1)} s: ${(delivered.size / total).toFixed(1)} posts/s; ${limited} answered 429 (waited Retry-After)`,
);
console.log(
  `channels with exactly one digest: ${[...delivered.values()].filter((count) => count === 1).length} of ${channels}; more than one: ${doubled}; none: ${channels - delivered.size}; failed in the outbox: ${failed}`,
);

clearInterval(forget);
await bot.stop();
await slack.close();
if (values.postgres) await dropServerSchema(databaseUrl);
if (doubled > 0 || delivered.size < channels || failed > 0) process.exit(1);
