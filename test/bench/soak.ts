// Benchmark (not a test): memory under sustained load. Starts the bot as `npm start` runs it (compiled,
// built first), with the synthetic demo data, local stand-ins for Slack (Web API and response URLs) and
// the Bot Connector, and an announced event. Then each client sends, without pause, a mix of signed
// `/cop` commands, RSVP clicks on the event (signed block_actions) and Teams messages in a personal chat
// (the bot's unauthenticated development mode, as in the tests' Teams stand-in: no app id is set).
// Every 15 s it prints the bot process's resident memory (/proc/<pid>/status VmRSS), its V8 heap and
// the embedded database's WebAssembly memory (from the bot's opt-in COP_MEMORY_REPORT_SECONDS lines on
// standard error), requests answered, replies delivered to the stand-ins, and the acknowledgement p99.
// It also counts the requests the bot answered with its busy notice (src/slack/bounded-work.ts: the queue
// full, the request not done) and gives the bot's longest event-loop wait. At the end: the highest
// resident memory and its ratio to idle, the growth over the last two minutes, and requests done and refused.
// Run: npm run bench:soak [-- --minutes 3 --clients 8 --postgres postgresql://postgres@127.0.0.1:5432/test]
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { DateTime } from 'luxon';
import { MEMORY_REPORT_PREFIX, type MemoryReport } from '../../src/app/memory-report.js';
import { openDatabase } from '../../src/db/database.js';
import { blockActionBody, slashCommandBody, viewSubmissionBody, type SlackIdentity } from '../../src/dev/slack-requests.js';
import { slackSignatureHeaders } from '../../src/dev/slack-signature.js';
import { messageActivity, type TeamsIdentity } from '../../src/dev/teams-activities.js';
import { busyNotice } from '../../src/slack/busy-notice.js';
import { dropServerSchema, serverSchemaUrl } from './bench-database.js';

const { values } = parseArgs({
  options: {
    minutes: { type: 'string', default: '3' },
    clients: { type: 'string', default: '8' },
    port: { type: 'string' },
    postgres: { type: 'string' },
    members: { type: 'string', default: '200' },
    'heap-snapshot-at': { type: 'string' },
  },
});
const minutes = Number(values.minutes);
const clients = Number(values.clients);
const memberCount = Number(values.members);
const INTERVAL_MS = 15_000;
const SECRET = 'soak-signing-secret';
const TEAM = 'T0SOAK';
const TENANT = '00000000-0000-0000-0000-00000000500a';
const CHANNEL = 'C0SOAK';
const SLACK_COMMANDS = [
  'regions',
  'help',
  'cases flexible retirement',
  'profile',
  'events',
  'my events',
  'digest preview london',
  'cases nurses',
];
const TEAMS_MESSAGES = ['help', 'regions', 'events', 'cases nurses'];
const MiB = (bytes: number | undefined) => (bytes === undefined ? '-' : `${(bytes / 2 ** 20).toFixed(0)}`);

// ---- Stand-ins for Slack and the Bot Connector: they count, and keep nothing. ----
const delivered = { responseUrl: 0, postMessage: 0, update: 0, teams: 0, other: 0 };
/**
 * Requests the bot had no room to take on (src/slack/bounded-work.ts): it answered them with its busy
 * notice, in the acknowledgement of a command or at a click's response_url, and did not do them.
 */
const busy = { commands: 0, clicks: 0 };
const BUSY_TEXT = busyNotice().text;
let announcementSeen: (() => void) | undefined;
let posted = 0;
function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
function field(body: string, name: string): string | undefined {
  try {
    const parsed = JSON.parse(body) as Record<string, unknown>;
    return typeof parsed[name] === 'string' ? parsed[name] : undefined;
  } catch {
    return new URLSearchParams(body).get(name) ?? undefined;
  }
}
const standIn = createServer((req: IncomingMessage, res: ServerResponse) => {
  void readBody(req).then((body) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    let answer: unknown = { ok: true };
    let status = 200;
    if (path.startsWith('/respond/')) {
      delivered.responseUrl++;
      if (field(body, 'text') === BUSY_TEXT) busy.clicks++;
    } else if (path === '/slack/auth.test')
      answer = { ok: true, url: 'https://soak.slack.test/', team: 'Soak', user: 'cop', team_id: TEAM, user_id: 'U0BOT', bot_id: 'B0BOT' };
    else if (path === '/slack/chat.postMessage' || path === '/slack/chat.update') {
      if (path === '/slack/chat.postMessage') delivered.postMessage++;
      else delivered.update++;
      const channel = field(body, 'channel');
      if (channel === CHANNEL && path === '/slack/chat.postMessage') announcementSeen?.();
      answer = { ok: true, channel, ts: field(body, 'ts') ?? `1700000000.${String(++posted).padStart(6, '0')}` };
    } else if (path === '/slack/conversations.open') {
      answer = { ok: true, channel: { id: `D${(field(body, 'users') ?? 'X').slice(1)}` } };
    } else if (path === '/v3/conversations' && req.method === 'POST') {
      status = 201;
      answer = { id: `a:soak-${++posted}` };
    } else if (/^\/v3\/conversations\/.+\/activities/.test(path)) {
      delivered.teams++;
      status = 201;
      answer = { id: `activity-${++posted}` };
    } else delivered.other++;
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(answer));
  });
});
await new Promise<void>((resolve) => standIn.listen(0, '127.0.0.1', resolve));
const standInUrl = `http://127.0.0.1:${(standIn.address() as AddressInfo).port}`;

// ---- The bot, as `npm start` runs it. ----
const built = spawnSync('npm', ['run', '--silent', 'build'], { stdio: 'inherit' });
if (built.status !== 0) throw new Error('npm run build failed');
const dir = await mkdtemp(join(tmpdir(), 'cop-soak-'));
const databaseUrl = values.postgres ? serverSchemaUrl(values.postgres, `cop_soak_${process.pid}`) : `pglite:${join(dir, 'db')}`;
/** A port free now (the bot's, unless --port names one). */
async function freePort(): Promise<string> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return String(port);
}
const port = values.port ?? (await freePort());
const botUrl = `http://127.0.0.1:${port}`;
const bot: ChildProcess = spawn('npm', ['start', '--silent'], {
  env: {
    ...process.env,
    PORT: port,
    DATABASE_URL: databaseUrl,
    LOG_LEVEL: 'warn',
    NODE_ENV: 'development',
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_BOT_TOKEN: 'xoxb-soak',
    SLACK_API_URL: `${standInUrl}/slack/`,
    COP_MEMORY_REPORT_SECONDS: '1',
    // --heap-snapshot-at: the bot writes a V8 heap snapshot (Heap.*.heapsnapshot, in this folder) on SIGUSR2.
    ...(values['heap-snapshot-at'] ? { NODE_OPTIONS: `${process.env['NODE_OPTIONS'] ?? ''} --heapsnapshot-signal=SIGUSR2`.trim() } : {}),
  },
  stdio: ['ignore', 'ignore', 'pipe'],
  detached: true,
});
let latestReport: MemoryReport | undefined;
/** The bot's longest event-loop delay in the current 15 s window (from its memory reports). */
let loopDelayMax = 0;
createInterface({ input: bot.stderr! }).on('line', (line) => {
  if (line.startsWith(MEMORY_REPORT_PREFIX)) {
    latestReport = JSON.parse(line.slice(MEMORY_REPORT_PREFIX.length)) as MemoryReport;
    loopDelayMax = Math.max(loopDelayMax, latestReport.loopDelayMax ?? 0);
  } else process.stderr.write(`bot: ${line}\n`);
});
const startedAt = performance.now();
for (;;) {
  if (bot.exitCode !== null) throw new Error(`the bot exited with ${bot.exitCode}`);
  const status = await fetch(`${botUrl}/readyz`).then(
    (response) => response.status,
    () => 0,
  );
  if (status === 200) break;
  if (performance.now() - startedAt > 300_000) throw new Error('the bot was not ready within 5 minutes');
  await new Promise((resolve) => setTimeout(resolve, 100));
}

/** The node process running the bot: the descendant of npm whose command line names main.js. */
async function botPid(rootPid: number): Promise<number> {
  const parents = new Map<number, number>();
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const status = await readFile(`/proc/${entry}/status`, 'utf8').catch(() => '');
    parents.set(Number(entry), Number(/^PPid:\s+(\d+)/m.exec(status)?.[1]));
  }
  const descends = (pid: number): boolean => pid === rootPid || (pid > 1 && parents.has(pid) && descends(parents.get(pid) ?? 1));
  for (const pid of parents.keys()) {
    if (!descends(pid)) continue;
    const command = await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '');
    if (command.includes('main.js') && !command.startsWith('sh')) return pid;
  }
  throw new Error('the bot process was not found under npm');
}
const pid = await botPid(bot.pid ?? 0);
async function rssBytes(): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  return Number(/^VmRSS:\s+(\d+)/m.exec(status)?.[1] ?? 0) * 1024;
}

// ---- Members (with Slack and Teams accounts), a facilitator, a channel, and an announced event. ----
const slackMember = (i: number): SlackIdentity => ({ teamId: TEAM, userId: `U0SOAK${i}`, channelId: CHANNEL });
const teamsMember = (i: number): TeamsIdentity => ({
  tenantId: TENANT,
  userId: `29:soak-${i}`,
  aadObjectId: `00000000-0000-4000-9000-${String(i).padStart(12, '0')}`,
  conversationId: `a:soak-personal-${i}`,
  conversationType: 'personal',
});
const setup = await openDatabase(databaseUrl, { role: 'bench', whenInUse: 'join' });
let eventId: string;
try {
  const prisma = setup.prisma;
  const organisation = await prisma.organisation.findFirstOrThrow({ where: { odsCode: 'RJ1' } });
  const host = await prisma.member.create({
    data: {
      displayName: 'Soak Host',
      organisationId: organisation.id,
      regionCode: 'Y56',
      role: 'other',
      consentedAt: new Date(),
      identities: { create: { platform: 'slack', workspaceId: TEAM, userId: 'U0SOAKHOST' } },
    },
  });
  await prisma.roleGrant.create({ data: { memberId: host.id, role: 'facilitator', regionCode: 'Y56' } });
  await prisma.conversation.create({
    data: { platform: 'slack', workspaceId: TEAM, externalId: CHANNEL, kind: 'channel', regionCode: 'Y56' },
  });
  const id = (i: number) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
  await prisma.member.createMany({
    data: Array.from({ length: memberCount }, (_, i) => ({
      id: id(i),
      displayName: `Soak member ${i}`,
      organisationId: organisation.id,
      regionCode: 'Y56',
      role: 'other' as const,
      consentedAt: new Date(),
    })),
  });
  await prisma.platformIdentity.createMany({
    data: Array.from({ length: memberCount }, (_, i) => [
      { memberId: id(i), platform: 'slack' as const, workspaceId: TEAM, userId: slackMember(i).userId },
      { memberId: id(i), platform: 'teams' as const, workspaceId: TENANT, userId: teamsMember(i).userId },
    ]).flat(),
  });
  const input = (type: string, value: string) =>
    type === 'text'
      ? { type: 'plain_text_input', value }
      : type === 'date'
        ? { type: 'datepicker', selected_date: value }
        : type === 'time'
          ? { type: 'timepicker', selected_time: value }
          : { type: 'static_select', selected_option: { value } };
  const form = viewSubmissionBody(
    'event.form',
    {
      type: input('select', 'masterclass'),
      title: input('text', 'Soak masterclass'),
      description: input('text', 'Soak benchmark'),
      region: input('select', 'Y56'),
      date: input('date', DateTime.now().setZone('Europe/London').plus({ days: 20 }).toFormat('yyyy-MM-dd')),
      start: input('time', '10:00'),
      end: input('time', '11:00'),
      onlineUrl: input('text', 'https://meet.example.nhs.uk/soak'),
      capacity: input('text', String(Math.max(1, Math.floor(memberCount / 4)))),
      host: input('select', host.id),
      recurrence: input('select', 'none'),
      waitlist: input('select', 'automatic'),
    },
    '',
    { teamId: TEAM, userId: 'U0SOAKHOST', channelId: CHANNEL },
  );
  const announced = new Promise<void>((resolve) => (announcementSeen = resolve));
  const created = await fetch(`${botUrl}/slack/events`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...slackSignatureHeaders(SECRET, form) },
    body: form,
  });
  if ((await created.text()) !== '') throw new Error('the event form was refused');
  await announced;
  eventId = (await prisma.event.findFirstOrThrow({ where: { title: 'Soak masterclass' } })).id;
} finally {
  await setup.close();
}

// ---- Idle memory: the bot ready, set up, and nothing sent for 10 s. ----
await new Promise((resolve) => setTimeout(resolve, 10_000));
const idleRss = await rssBytes();
const idleReport = latestReport;
console.log(
  `${values.postgres ? 'PostgreSQL server' : 'PGlite'}, ${clients} clients for ${minutes} min, load average ${loadavg()
    .map((x) => x.toFixed(2))
    .join(' ')}`,
);
console.log(
  `idle: RSS ${MiB(idleRss)} MiB, V8 heap used ${MiB(idleReport?.heapUsed)} MiB, external ${MiB(idleReport?.external)} MiB, WASM ${MiB(idleReport?.wasm)} MiB, database thread heap ${MiB(idleReport?.databaseThreadHeap)} MiB`,
);

// ---- The load. ----
let answered = 0;
let failed = 0;
/** The first few failures, as status or error, to say what failed. */
const failures = new Map<string, number>();
const noteFailure = (what: string) => failures.set(what, (failures.get(what) ?? 0) + 1);
let ackTimes: number[] = [];
let teamsTurns: number[] = [];
const allAckP99: number[] = [];
let running = true;
const ANSWERS = ['going', 'maybe', 'cant'];

async function timed(url: string, init: RequestInit): Promise<number> {
  const started = performance.now();
  try {
    const response = await fetch(url, init);
    const body = await response.text();
    // Only a command's busy notice comes in the acknowledgement; every other acknowledgement is empty.
    if (response.ok && url.endsWith('/slack/events') && body !== '' && field(body, 'text') === BUSY_TEXT) busy.commands++;
    if (response.ok) answered++;
    else {
      failed++;
      noteFailure(`${new URL(url).pathname} HTTP ${response.status}`);
    }
  } catch (error) {
    failed++;
    noteFailure(
      `${new URL(url).pathname} ${error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error)}`,
    );
  }
  return performance.now() - started;
}

async function client(index: number): Promise<void> {
  const kinds = SLACK_COMMANDS.length + 2;
  for (let step = index; running; step++) {
    const member = (index + step * clients) % memberCount;
    const kind = step % kinds;
    if (kind < SLACK_COMMANDS.length || kind === SLACK_COMMANDS.length) {
      const body =
        kind < SLACK_COMMANDS.length
          ? slashCommandBody(SLACK_COMMANDS[kind]!, `${standInUrl}/respond/${index}-${step}`, slackMember(member))
          : blockActionBody(
              'event.rsvp#0',
              `${eventId}:${ANSWERS[step % ANSWERS.length]}`,
              `${standInUrl}/respond/${index}-${step}`,
              slackMember(member),
            );
      ackTimes.push(
        await timed(`${botUrl}/slack/events`, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded', ...slackSignatureHeaders(SECRET, body) },
          body,
        }),
      );
    } else {
      const activity = messageActivity(TEAMS_MESSAGES[step % TEAMS_MESSAGES.length]!, standInUrl, teamsMember(member));
      teamsTurns.push(
        await timed(`${botUrl}/api/messages`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(activity),
        }),
      );
    }
  }
}

const p99 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.99))] ?? NaN;
const replies = () => delivered.responseUrl + delivered.teams;
const samples: { at: number; rss: number }[] = [];
const loadStarted = performance.now();
const sampler = setInterval(() => {
  void rssBytes().then((rss) => samples.push({ at: performance.now() - loadStarted, rss }));
}, 1_000);
let lastAnswered = 0;
const reporter = setInterval(() => {
  void rssBytes().then((rss) => {
    const report = latestReport;
    const seconds = ((performance.now() - loadStarted) / 1000).toFixed(0);
    const ackP99 = p99(ackTimes);
    allAckP99.push(ackP99);
    console.log(
      `${seconds.padStart(4)} s: RSS ${MiB(rss)} MiB (heap used ${MiB(report?.heapUsed)} of ${MiB(report?.heapTotal)}, external ${MiB(report?.external)}, WASM ${MiB(report?.wasm)}, database thread heap ${MiB(report?.databaseThreadHeap)}); ` +
        `answered ${answered} (+${answered - lastAnswered}, ${failed} failed, busy ${busy.commands + busy.clicks}); replies delivered ${replies()} ` +
        `(response_url ${delivered.responseUrl}, Teams ${delivered.teams}, chat.postMessage ${delivered.postMessage}, chat.update ${delivered.update}); ` +
        `ack p99 ${ackP99.toFixed(0)} ms, Teams turn p99 ${p99(teamsTurns).toFixed(0)} ms; bot's event loop delayed up to ${loopDelayMax.toFixed(0)} ms; load ${loadavg()[0]?.toFixed(2)}`,
    );
    lastAnswered = answered;
    ackTimes = [];
    teamsTurns = [];
    loopDelayMax = 0;
  });
}, INTERVAL_MS);

if (values['heap-snapshot-at'])
  setTimeout(
    () => {
      console.log('asking the bot for a heap snapshot (it pauses while writing it)');
      process.kill(pid, 'SIGUSR2');
    },
    Number(values['heap-snapshot-at']) * 1000,
  ).unref();
const loops = Array.from({ length: clients }, (_, i) => client(i));
await new Promise((resolve) => setTimeout(resolve, minutes * 60_000));
running = false;
await Promise.all(loops);
clearInterval(reporter);
clearInterval(sampler);
const loadEnded = performance.now();
// Commands told "busy" in their acknowledgement get no reply at their response_url.
while (replies() < answered - busy.commands && performance.now() - loadEnded < 60_000)
  await new Promise((resolve) => setTimeout(resolve, 100));
const endRss = await rssBytes();

// ---- Summary. ----
const peak = Math.max(...samples.map((sample) => sample.rss), endRss);
const durationMs = minutes * 60_000;
const windowStart = Math.max(0, durationMs - 120_000);
const atWindowStart = samples.reduce((best, sample) =>
  Math.abs(sample.at - windowStart) < Math.abs(best.at - windowStart) ? sample : best,
);
const atEnd = samples.at(-1)!;
const growth = atEnd.rss / atWindowStart.rss - 1;
const worstP99 = Math.max(...allAckP99.filter(Number.isFinite));
console.log(
  `answered ${answered} requests (${failed} failed) in ${minutes} min, ${(answered / (minutes * 60)).toFixed(0)} a second; ` +
    `replies delivered ${replies()} (${((loadEnded - loadStarted) / 1000).toFixed(0)} s of load, the rest within ${((performance.now() - loadEnded) / 1000).toFixed(1)} s after)`,
);
console.log(
  `told the bot was busy and not done: ${busy.commands} commands (in the acknowledgement) and ${busy.clicks} clicks (at the response_url); ` +
    `done: ${answered - busy.commands - busy.clicks} requests, ${((answered - busy.commands - busy.clicks) / (minutes * 60)).toFixed(0)} a second`,
);
console.log(
  `highest RSS ${MiB(peak)} MiB = ${(peak / idleRss).toFixed(2)}× idle (${MiB(idleRss)} MiB); ` +
    `growth over the last ${((atEnd.at - atWindowStart.at) / 60_000).toFixed(1)} min: ${(growth * 100).toFixed(1)}% ` +
    `(${MiB(atWindowStart.rss)} → ${MiB(atEnd.rss)} MiB); worst 15 s ack p99 ${worstP99.toFixed(0)} ms; RSS after the replies ${MiB(endRss)} MiB`,
);
if (failures.size > 0) console.log(`failures: ${[...failures].map(([what, count]) => `${what} ×${count}`).join('; ')}`);
const limit = values.postgres ? 512 : 640;
console.log(
  `goals: RSS ≤ 2× idle ${peak <= 2 * idleRss ? 'met' : 'NOT met'}; ≤ ${limit} MiB ${peak <= limit * 2 ** 20 ? 'met' : 'NOT met'}; ` +
    `≤ 10% growth ${growth <= 0.1 ? 'met' : 'NOT met'}; ack p99 < 100 ms ${worstP99 < 100 ? 'met' : 'NOT met'}; load average now ${loadavg()
      .map((x) => x.toFixed(2))
      .join(' ')}`,
);

const exited = new Promise((resolve) => bot.once('exit', resolve));
process.kill(-(bot.pid ?? 0), 'SIGTERM');
await exited;
standIn.close();
await rm(dir, { recursive: true, force: true });
if (values.postgres) await dropServerSchema(databaseUrl);
