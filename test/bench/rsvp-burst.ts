// Benchmark (not a test): RSVP clicks on announced events, through the real endpoints of the bot started
// as `npm start` runs it (compiled, in a process of its own): signed Slack block_actions, and Teams
// `adaptiveCard/action` invokes, 500 of each by default from a few members clicking at once (each clicks
// again as soon as its last click is answered). For each click it times the HTTP answer: Slack's
// acknowledgement (the work goes on after it), and Teams' invoke response (which carries the member's
// answer, so it waits for the answer's transaction). For Slack also the member's reply at the
// response_url, and the time from the last click to the announcement showing the final counts.
// The clickers and the platforms' stand-ins run in a worker thread (rsvp-clicker.ts).
// Run: npm run bench:rsvp [-- --clicks 500 --clickers 8 --capacity 200 --platform both|slack|teams --postgres <url>]
import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import { DateTime } from 'luxon';
import { openDatabase } from '../../src/db/database.js';
import { postToSlackEndpoint, viewSubmissionBody } from '../../src/dev/slack-requests.js';
import { dropServerSchema, serverSchemaUrl } from './bench-database.js';
import type { FromClicker, ToClicker } from './rsvp-clicker.js';

const TEAMS_TENANT = '00000000-0000-0000-0000-0000000be7c4';

const { values } = parseArgs({
  options: {
    clicks: { type: 'string', default: '500' },
    clickers: { type: 'string', default: '8' },
    capacity: { type: 'string', default: '200' },
    platform: { type: 'string', default: 'both' },
    port: { type: 'string', default: '3992' },
    postgres: { type: 'string' },
  },
});
const clicks = Number(values.clicks);
const clickers = Number(values.clickers);
if (!['both', 'slack', 'teams'].includes(values.platform)) throw new Error('--platform is both, slack or teams');
const platforms = (values.platform === 'both' ? ['slack', 'teams'] : [values.platform]) as ('slack' | 'teams')[];
const SECRET = 'bench-signing-secret';
// PGlite in a folder, so that the bench reaches the bot's database through the socket the bot serves.
const folder = values.postgres ? undefined : await mkdtemp(join(tmpdir(), 'cop-rsvp-'));
const databaseUrl = values.postgres ? serverSchemaUrl(values.postgres, `cop_bench_${process.pid}`) : `pglite:${join(folder ?? '', 'db')}`;

// Slack's and the Bot Connector's stand-ins and the clicking members run in a worker thread: see rsvp-clicker.ts.
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

// The bot as production runs it: dist/ up to date, started by `npm start`.
const built = spawnSync('npm', ['run', '--silent', 'build'], { stdio: 'inherit' });
if (built.status !== 0) throw new Error('npm run build failed');
const bot = spawn('npm', ['start', '--silent'], {
  env: {
    ...process.env,
    PORT: values.port,
    DATABASE_URL: databaseUrl,
    LOG_LEVEL: 'warn',
    NODE_ENV: 'development',
    COP_DEMO_DATA: 'false',
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_BOT_TOKEN: 'xoxb-bench',
    SLACK_API_URL: `${slack.url}/`,
  },
  stdio: ['ignore', 'ignore', 'inherit'],
  detached: true,
});
// A bench that fails midway must not leave the bot running (it would hold the port for the next run).
process.on('exit', () => {
  if (bot.exitCode === null) process.kill(-(bot.pid ?? 0), 'SIGTERM');
});
const botUrl = `http://127.0.0.1:${values.port}`;
for (;;) {
  if (bot.exitCode !== null) throw new Error(`the bot exited with ${bot.exitCode}`);
  const status = await fetch(`${botUrl}/readyz`).then(
    (response) => response.status,
    () => 0,
  );
  if (status === 200) break;
  await new Promise((resolve) => setTimeout(resolve, 50));
}
const database = await openDatabase(databaseUrl, { role: 'bench:rsvp', whenInUse: 'join' });
const prisma = database.prisma;

// A London facilitator, London's community channel, and the members who will click, on both platforms.
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
const memberId = (platform: 'slack' | 'teams', i: number) =>
  `00000000-0000-4000-${platform === 'slack' ? '8' : '9'}000-${String(i).padStart(12, '0')}`;
for (const platform of platforms) {
  for (let start = 0; start < clicks; start += 500) {
    const batch = Array.from({ length: Math.min(500, clicks - start) }, (_, i) => start + i);
    await prisma.member.createMany({
      data: batch.map((i) => ({
        id: memberId(platform, i),
        displayName: `Clicker ${platform} ${i}`,
        organisationId: organisation.id,
        regionCode: 'Y56',
        role: 'other' as const,
        consentedAt: new Date(),
      })),
    });
    await prisma.platformIdentity.createMany({
      data: batch.map((i) => ({
        memberId: memberId(platform, i),
        platform,
        workspaceId: platform === 'slack' ? 'T0BENCH' : TEAMS_TENANT,
        userId: platform === 'slack' ? `U0CLICK${i}` : `29:click-${i}`,
      })),
    });
  }
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
async function createEvent(title: string): Promise<string> {
  const form = viewSubmissionBody(
    'event.form',
    {
      type: input('select', 'masterclass'),
      title: input('text', title),
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
  for (let tries = 0; ; tries++) {
    const event = await prisma.event.findFirst({ where: { title } });
    if (event) return event.id;
    if (tries > 200) throw new Error(`the event ${title} was not created`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
// One event per platform, each announced in London's channel (Slack's announcement shows the counts).
const events = new Map<'slack' | 'teams', string>();
for (const platform of platforms) events.set(platform, await createEvent(`Benchmark masterclass (${platform})`));
const announced = fromClicker('announced');
toClicker({ type: 'wait-announcements', channel: 'C0BENCH', count: platforms.length });
await announced;

const sorted = (xs: number[]) => xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
const percentile = (xs: number[], p: number) => sorted(xs)[Math.min(sorted(xs).length - 1, Math.floor(sorted(xs).length * p))] ?? NaN;
const fmt = (ms: number) => `${ms.toFixed(0)} ms`;
const spread = (xs: number[]) => `p50 ${fmt(percentile(xs, 0.5))}, p95 ${fmt(percentile(xs, 0.95))}, p99 ${fmt(percentile(xs, 0.99))}`;

console.log(
  `${clicks} "going" clicks per platform, ${clickers} members clicking at once, on ${values.capacity} places (${values.postgres ? 'PostgreSQL server' : 'PGlite'}, the compiled bot)`,
);
for (const platform of platforms) {
  const eventId = events.get(platform)!;
  const result = fromClicker('result');
  toClicker({ type: 'clicks', platform, tenant: TEAMS_TENANT, botUrl, eventId, clicks, clickers, secret: SECRET });
  const { acked, replied, lastClickToFinal, updates, whole } = await result;
  const rows = await prisma.rsvp.groupBy({ by: ['status'], where: { eventId }, _count: { _all: true } });
  console.log(
    `${platform === 'slack' ? 'Slack' : 'Teams'}: recorded ${rows.map((row) => `${row.status} ${row._count._all}`).join(', ')}; all clicks in ${fmt(whole)}`,
  );
  console.log(`  click to ${platform === 'slack' ? 'acknowledgement' : 'invoke response (the answer)'}: ${spread(acked)}`);
  if (platform === 'slack') {
    console.log(`  click to the member's reply (response_url): ${spread(replied)}`);
    console.log(
      `  announcement updates: ${updates}; last click to final counts shown: ${lastClickToFinal === undefined ? 'not within 2 minutes' : fmt(lastClickToFinal)}`,
    );
  }
}

await database.close();
const exited = new Promise((resolve) => bot.once('exit', resolve));
process.kill(-(bot.pid ?? 0), 'SIGTERM');
await exited;
toClicker({ type: 'close' });
if (values.postgres) await dropServerSchema(databaseUrl);
if (folder) await rm(folder, { recursive: true, force: true });
