// Benchmark (not a test): a burst of RSVP clicks on one announced event, through the real Slack
// endpoint (signed block_actions), with the bot's own outbox dispatcher updating the announcement.
// For each click it times the acknowledgement (the HTTP answer), the member's reply (at the
// response_url) and the first chat.update of the announcement that counts it; and the time from the
// last click to the announcement showing the final counts. The clicks and Slack's stand-in run in a
// worker thread (rsvp-clicker.ts), so the bench's own clients do not wait on the bot's event loop.
// Run: npm run bench:rsvp [-- --clicks 500 --capacity 200 --postgres <url>]
import { once } from 'node:events';
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import { DateTime } from 'luxon';
import { startBot } from '../../src/app/bot.js';
import { loadConfig } from '../../src/config.js';
import { postToSlackEndpoint, viewSubmissionBody } from '../../src/dev/slack-requests.js';
import { createLogger } from '../../src/logger.js';
import { dropServerSchema, serverSchemaUrl } from './bench-database.js';
import type { FromClicker, ToClicker } from './rsvp-clicker.js';

const { values } = parseArgs({
  options: { clicks: { type: 'string', default: '500' }, capacity: { type: 'string', default: '200' }, postgres: { type: 'string' } },
});
const clicks = Number(values.clicks);
const SECRET = 'bench-signing-secret';
const databaseUrl = values.postgres ? serverSchemaUrl(values.postgres, `cop_bench_${process.pid}`) : 'pglite:memory';

// Slack's stand-in and the clicking members run in a worker thread: see rsvp-clicker.ts.
// A worker does not inherit tsx's loader: it registers it before importing the TypeScript module.
const clickerModule = new URL('./rsvp-clicker.ts', import.meta.url).href;
const clicker = new Worker(
  `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(clickerModule)}); });`,
  { eval: true },
);
const fromClicker = async <T extends FromClicker['type']>(type: T): Promise<Extract<FromClicker, { type: T }>> => {
  for (;;) {
    const [message] = (await once(clicker, 'message')) as [FromClicker];
    if (message.type === type) return message as Extract<FromClicker, { type: T }>;
  }
};
const toClicker = (message: ToClicker) => clicker.postMessage(message);
const slack = await fromClicker('ready');
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
const botUrl = `http://127.0.0.1:${bot.port}`;

// A London facilitator, London's community channel, and the members who will click.
const organisation = await prisma.organisation.findFirstOrThrow({ where: { odsCode: 'RJ1' } });
const host = await prisma.member.create({
  data: {
    displayName: 'Bench Host',
    organisationId: organisation.id,
    regionCode: 'Y56',
    role: 'other',
    consentedAt: new Date(),
    identities: { create: { platform: 'slack', workspaceId: 'T0BENCH', userId: 'U0BENCHHOST' } },
  },
});
await prisma.roleGrant.create({ data: { memberId: host.id, role: 'facilitator', regionCode: 'Y56' } });
await prisma.conversation.create({
  data: { platform: 'slack', workspaceId: 'T0BENCH', externalId: 'C0BENCH', kind: 'channel', regionCode: 'Y56' },
});
for (let start = 0; start < clicks; start += 500) {
  const batch = Array.from({ length: Math.min(500, clicks - start) }, (_, i) => start + i);
  await prisma.member.createMany({
    data: batch.map((i) => ({
      id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
      displayName: `Clicker ${i}`,
      organisationId: organisation.id,
      regionCode: 'Y56',
      role: 'other' as const,
      consentedAt: new Date(),
    })),
  });
  await prisma.platformIdentity.createMany({
    data: batch.map((i) => ({
      memberId: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
      platform: 'slack' as const,
      workspaceId: 'T0BENCH',
      userId: `U0CLICK${i}`,
    })),
  });
}

// The event, created through the real form and announced by the bot.
const input = (type: string, value: string) =>
  type === 'text'
    ? { type: 'plain_text_input', value }
    : type === 'date'
      ? { type: 'datepicker', selected_date: value }
      : type === 'time'
        ? { type: 'timepicker', selected_time: value }
        : { type: 'static_select', selected_option: { value } };
const date = DateTime.now().setZone('Europe/London').plus({ days: 20 }).toFormat('yyyy-MM-dd');
const form = viewSubmissionBody(
  'event.form',
  {
    type: input('select', 'masterclass'),
    title: input('text', 'Benchmark masterclass'),
    description: input('text', 'Benchmark'),
    region: input('select', 'Y56'),
    date: input('date', date),
    start: input('time', '10:00'),
    end: input('time', '11:00'),
    onlineUrl: input('text', 'https://meet.example.nhs.uk/bench'),
    capacity: input('text', values.capacity),
    host: input('select', host.id),
    recurrence: input('select', 'none'),
    waitlist: input('select', 'automatic'),
  },
  '',
  { teamId: 'T0BENCH', userId: 'U0BENCHHOST', channelId: 'C0BENCH' },
);
const announced = fromClicker('announced');
toClicker({ type: 'wait-announcement', channel: 'C0BENCH' });
const created = await postToSlackEndpoint(botUrl, form, SECRET);
if ((await created.text()) !== '') throw new Error('the event form was refused');
await announced;
const event = await prisma.event.findFirstOrThrow({ where: { title: 'Benchmark masterclass' } });

// The burst: every click at once, from the worker.
const result = fromClicker('result');
toClicker({ type: 'burst', botUrl, eventId: event.id, clicks, secret: SECRET });
const { acked, replied, toUpdate, updates, lastClickToFinal, burst } = await result;

const sorted = (xs: number[]) => xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
const median = (xs: number[]) => sorted(xs)[Math.floor(sorted(xs).length / 2)] ?? NaN;
const p95 = (xs: number[]) => sorted(xs)[Math.floor(sorted(xs).length * 0.95)] ?? NaN;
const rows = await prisma.rsvp.groupBy({ by: ['status'], where: { eventId: event.id }, _count: { _all: true } });
const fmt = (ms: number) => `${ms.toFixed(0)} ms`;

console.log(`${clicks} "going" clicks at once on ${values.capacity} places (${values.postgres ? 'PostgreSQL server' : 'PGlite'})`);
console.log(`recorded: ${rows.map((row) => `${row.status} ${row._count._all}`).join(', ')}`);
console.log(`click to acknowledgement: median ${fmt(median(acked))}, p95 ${fmt(p95(acked))}`);
console.log(`click to the member's reply: median ${fmt(median(replied))}, p95 ${fmt(p95(replied))}`);
console.log(`click to the updated announcement (chat.update counting it): median ${fmt(median(toUpdate))}, p95 ${fmt(p95(toUpdate))}`);
console.log(
  `announcement updates sent: ${updates}; last click to final counts shown: ${lastClickToFinal === undefined ? 'not within 2 minutes' : fmt(lastClickToFinal)}; whole burst ${fmt(burst)}`,
);

await bot.stop();
toClicker({ type: 'close' });
if (values.postgres) await dropServerSchema(databaseUrl);
