// Benchmark (not a test): a burst of RSVP clicks on one announced event, through the real Slack
// endpoint (signed block_actions), with the bot's own outbox dispatcher updating the announcement.
// For each click it times the acknowledgement (the HTTP answer), the member's reply (at the
// response_url) and the first chat.update of the announcement that counts it; and the time from the
// last click to the announcement showing the final counts.
// Run: npm run bench:rsvp [-- --clicks 500 --capacity 200 --postgres <url>]
import { parseArgs } from 'node:util';
import { DateTime } from 'luxon';
import { startBot } from '../../src/app/bot.js';
import { loadConfig } from '../../src/config.js';
import { slackBlocksToText } from '../../src/dev/readable-text.js';
import { startRecordingServer } from '../../src/dev/recording-server.js';
import { blockActionBody, postToSlackEndpoint, viewSubmissionBody } from '../../src/dev/slack-requests.js';
import { createLogger } from '../../src/logger.js';
import { dropServerSchema, serverSchemaUrl } from './bench-database.js';

const { values } = parseArgs({
  options: { clicks: { type: 'string', default: '500' }, capacity: { type: 'string', default: '200' }, postgres: { type: 'string' } },
});
const clicks = Number(values.clicks);
const SECRET = 'bench-signing-secret';
const databaseUrl = values.postgres ? serverSchemaUrl(values.postgres, `cop_bench_${process.pid}`) : 'pglite:memory';

let posted = 0;
/** When each chat.update arrived and how many answers it showed. */
const updates: { at: number; answered: number }[] = [];
const slack = await startRecordingServer((request) => {
  if (request.path === '/chat.update') {
    const text = slackBlocksToText((request.json as { blocks: unknown }).blocks);
    const counts = /(\d+) going · \d+ maybe · \d+ can’t go · (\d+) waitlisted/.exec(text);
    if (counts) updates.push({ at: performance.now(), answered: Number(counts[1]) + Number(counts[2]) });
  }
  const { channel, ts } = (request.json ?? {}) as { channel?: string; ts?: string };
  return { body: { ok: true, channel, ts: ts ?? `1700000000.${String(++posted).padStart(6, '0')}` } };
});
const config = loadConfig({ PORT: '0', LOG_LEVEL: 'warn', DATABASE_URL: databaseUrl, SLACK_SIGNING_SECRET: SECRET, SLACK_BOT_TOKEN: 'xoxb-bench', SLACK_API_URL: `${slack.url}/` });
const bot = await startBot(config, createLogger('warn'));
await bot.ready;
const prisma = bot.database.prisma;
const botUrl = `http://127.0.0.1:${bot.port}`;

// A London facilitator, London's community channel, and the members who will click.
const organisation = await prisma.organisation.findFirstOrThrow({ where: { odsCode: 'RJ1' } });
const host = await prisma.member.create({
  data: { displayName: 'Bench Host', organisationId: organisation.id, regionCode: 'Y56', role: 'other', consentedAt: new Date(), identities: { create: { platform: 'slack', workspaceId: 'T0BENCH', userId: 'U0BENCHHOST' } } },
});
await prisma.roleGrant.create({ data: { memberId: host.id, role: 'facilitator', regionCode: 'Y56' } });
await prisma.conversation.create({ data: { platform: 'slack', workspaceId: 'T0BENCH', externalId: 'C0BENCH', kind: 'channel', regionCode: 'Y56' } });
for (let start = 0; start < clicks; start += 500) {
  const batch = Array.from({ length: Math.min(500, clicks - start) }, (_, i) => start + i);
  await prisma.member.createMany({ data: batch.map((i) => ({ id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`, displayName: `Clicker ${i}`, organisationId: organisation.id, regionCode: 'Y56', role: 'other' as const, consentedAt: new Date() })) });
  await prisma.platformIdentity.createMany({ data: batch.map((i) => ({ memberId: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`, platform: 'slack' as const, workspaceId: 'T0BENCH', userId: `U0CLICK${i}` })) });
}

// The event, created through the real form and announced by the bot.
const input = (type: string, value: string) =>
  type === 'text' ? { type: 'plain_text_input', value } : type === 'date' ? { type: 'datepicker', selected_date: value } : type === 'time' ? { type: 'timepicker', selected_time: value } : { type: 'static_select', selected_option: { value } };
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
const created = await postToSlackEndpoint(botUrl, form, SECRET);
if ((await created.text()) !== '') throw new Error('the event form was refused');
await slack.waitFor((request) => request.path === '/chat.postMessage' && (request.json as { channel?: string }).channel === 'C0BENCH');
const event = await prisma.event.findFirstOrThrow({ where: { title: 'Benchmark masterclass' } });

// The burst: every click at once.
const acked: number[] = [];
const replied: number[] = [];
const started: number[] = [];
const burst = performance.now();
await Promise.all(
  Array.from({ length: clicks }, async (_, i) => {
    const path = `/respond/click-${i}`;
    const who = { teamId: 'T0BENCH', userId: `U0CLICK${i}`, channelId: 'C0BENCH' };
    started[i] = performance.now();
    const response = await postToSlackEndpoint(botUrl, blockActionBody('event.rsvp#0', `${event.id}:going`, `${slack.url}${path}`, who), SECRET);
    acked[i] = performance.now() - (started[i] ?? 0);
    if (response.status !== 200) throw new Error(`click ${i} answered ${response.status}`);
    await slack.waitFor((request) => request.path === path, 300_000);
    replied[i] = performance.now();
  }),
);
const lastClick = Math.max(...started);
// Wait for the announcement to show every answer.
const deadline = performance.now() + 120_000;
while (!updates.some((update) => update.answered >= clicks) && performance.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
const final = updates.find((update) => update.answered >= clicks);

// A click's answer is counted in the first update showing at least as many answers as had been
// replied to when its own reply arrived (replies go after the commit, so those answers are in).
const replyOrder = [...replied].sort((a, b) => a - b);
const toUpdate = replied.map((at, i) => {
  const rank = replyOrder.indexOf(at) + 1;
  const update = updates.find((u) => u.at >= at && u.answered >= rank) ?? updates.find((u) => u.answered >= rank);
  return update ? update.at - (started[i] ?? 0) : NaN;
});
const sorted = (xs: number[]) => xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
const median = (xs: number[]) => sorted(xs)[Math.floor(sorted(xs).length / 2)] ?? NaN;
const p95 = (xs: number[]) => sorted(xs)[Math.floor(sorted(xs).length * 0.95)] ?? NaN;
const rows = await prisma.rsvp.groupBy({ by: ['status'], where: { eventId: event.id }, _count: { _all: true } });
const fmt = (ms: number) => `${ms.toFixed(0)} ms`;

console.log(`${clicks} "going" clicks at once on ${values.capacity} places (${values.postgres ? 'PostgreSQL server' : 'PGlite'})`);
console.log(`recorded: ${rows.map((row) => `${row.status} ${row._count._all}`).join(', ')}`);
console.log(`click to acknowledgement: median ${fmt(median(acked))}, p95 ${fmt(p95(acked))}`);
console.log(`click to the member's reply: median ${fmt(median(replied.map((at, i) => at - (started[i] ?? 0))))}, p95 ${fmt(p95(replied.map((at, i) => at - (started[i] ?? 0))))}`);
console.log(`click to the updated announcement (chat.update counting it): median ${fmt(median(toUpdate))}, p95 ${fmt(p95(toUpdate))}`);
console.log(`announcement updates sent: ${updates.length}; last click to final counts shown: ${final ? fmt(final.at - lastClick) : 'not within 2 minutes'}; whole burst ${fmt(performance.now() - burst)}`);

await bot.stop();
await slack.close();
if (values.postgres) await dropServerSchema(databaseUrl);
