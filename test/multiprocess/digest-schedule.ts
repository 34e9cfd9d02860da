// Exactly once across processes: three real bot processes (digest-ticker.ts, each `startBot` as
// `npm start` runs it) on one PostgreSQL schema run the digest job together at every simulated minute of
// four days, with six subscriptions on Slack and Teams channels (daily crons in four time zones, one on
// weekdays only, and `weekly`). After twelve hours all three stop for fifty simulated hours (two or
// more periods of every daily subscription) and three new ones start: of the periods missed, only the
// latest is posted, once, marked late. The posts are counted where they land, at local stand-ins for
// Slack's Web API and the Bot Connector.
//
//   npm run test:multiprocess     (COP_TEST_DATABASE_URL, default postgresql://postgres@127.0.0.1:5432/test)
//
// A script rather than a vitest file: it needs a PostgreSQL server (PGlite serves one process), and it
// runs in `.ci/run` on the server. It exits 1, with the differences, when any period is not posted
// exactly once.
import { fork, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { importMetrics } from '../../src/core/metrics/importer.js';
import { LATE_AFTER_MS, parseSchedule } from '../../src/core/digests/schedule.js';
import { openDatabase } from '../../src/db/database.js';
import { PrismaMetricStore } from '../../src/db/repositories/metric-repository.js';
import { startRecordingServer, type RecordedRequest } from '../../src/dev/recording-server.js';
import { postToSlackEndpoint, slashCommandBody } from '../../src/dev/slack-requests.js';
import { mentionActivity, postActivity } from '../../src/dev/teams-activities.js';
import { csvFileSource } from '../../src/metrics/csv-source.js';

const PROCESSES = 3;
const MINUTE = 60_000;
const DAYS = 4;
const SIGNING_SECRET = 'multiprocess-signing-secret';
const fixtures = fileURLToPath(new URL('../fixtures/metrics/', import.meta.url));
const ticker = fileURLToPath(new URL('./digest-ticker.ts', import.meta.url));

type Json = Record<string, unknown>;

interface Planned {
  readonly channel: string;
  readonly platform: 'slack' | 'teams';
  readonly words: string;
}

/** Where each digest goes, and on what schedule. */
const PLAN: readonly Planned[] = [
  { channel: 'C0MPLONDON', platform: 'slack', words: 'london 0 9 * * *' },
  { channel: 'C0MPNATION', platform: 'slack', words: 'national 30 6 * * * America/New_York' },
  { channel: 'C0MPNORTHWEST', platform: 'slack', words: 'north west weekly' },
  { channel: 'C0MPGUYS', platform: 'slack', words: 'RJ1 15 0 * * * UTC' },
  { channel: '19:mp-london@thread.tacv2', platform: 'teams', words: 'london 45 12 * * 1-5' },
  { channel: '19:mp-nation@thread.tacv2', platform: 'teams', words: 'national 0 18 * * * Asia/Kolkata' },
];

let messages = 0;
const slack = await startRecordingServer((request) => {
  if (request.path === '/auth.test')
    return { body: { ok: true, team_id: 'T0MP', user_id: 'U0BOT', bot_id: 'B0BOT', url: 'https://local.slack.test/' } };
  if (request.path === '/chat.postMessage') {
    const { channel } = request.json as { channel: string };
    return { body: { ok: true, channel, ts: `1700000000.${String(++messages).padStart(6, '0')}` } };
  }
  return { body: { ok: true } };
});
const connector = await startRecordingServer(() => ({ status: 201, body: { id: `activity-${++messages}` } }));

const server = process.env['COP_TEST_DATABASE_URL'] ?? 'postgresql://postgres@127.0.0.1:5432/test';
const schema = `cop_multiprocess_${process.pid}_${randomBytes(4).toString('hex')}`;
const databaseUrl = new URL(server);
databaseUrl.searchParams.set('schema', schema);

const childEnv = {
  ...process.env,
  PORT: '0',
  NODE_ENV: 'test',
  LOG_LEVEL: process.env['TEST_LOG_LEVEL'] ?? 'warn',
  DATABASE_URL: databaseUrl.toString(),
  SLACK_SIGNING_SECRET: SIGNING_SECRET,
  SLACK_BOT_TOKEN: 'xoxb-multiprocess',
  SLACK_API_URL: `${slack.url}/`,
  COP_ADMINS: 'U0ADMIN 29:mp-admin',
  COP_DEMO_DATA: 'false',
};

interface Bot {
  readonly child: ChildProcess;
  readonly url: string;
  /** Sends a message and resolves with the first answer that matches. */
  ask(message: Json, answer: (reply: Json) => boolean): Promise<Json>;
}

async function startProcess(): Promise<Bot> {
  const child = fork(ticker, [], { execArgv: ['--import', 'tsx'], env: childEnv, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const next = (answer: (reply: Json) => boolean) =>
    new Promise<Json>((resolve, reject) => {
      const onMessage = (reply: Json) => {
        if (typeof reply['failed'] === 'string') reject(new Error(`bot process failed: ${reply['failed']}`));
        else if (!answer(reply)) return;
        child.off('message', onMessage);
        child.off('exit', onExit);
        resolve(reply);
      };
      const onExit = (code: number | null) => reject(new Error(`bot process exited (${code})`));
      child.on('message', onMessage);
      child.once('exit', onExit);
    });
  const ready = await next((reply) => reply['ready'] === true);
  return {
    child,
    url: String(ready['url']),
    ask(message, answer) {
      const reply = next(answer);
      child.send(message);
      return reply;
    },
  };
}

async function startProcesses(): Promise<Bot[]> {
  // The first applies the migrations on a fresh schema; the others start together after it.
  const first = await startProcess();
  return [first, ...(await Promise.all(Array.from({ length: PROCESSES - 1 }, startProcess)))];
}

async function stopProcesses(bots: readonly Bot[]): Promise<void> {
  await Promise.all(bots.map((bot) => bot.ask({ stop: true }, (reply) => reply['stopped'] === true)));
  await Promise.all(
    bots.map((bot) => (bot.child.exitCode === null ? new Promise((resolve) => bot.child.once('exit', resolve)) : Promise.resolve())),
  );
}

let replies = 0;
async function command(bot: Bot, planned: Planned, words: string): Promise<string> {
  if (planned.platform === 'slack') {
    const path = `/respond/mp-${++replies}`;
    const who = { teamId: 'T0MP', userId: 'U0ADMIN', channelId: planned.channel };
    await postToSlackEndpoint(bot.url, slashCommandBody(words, `${slack.url}${path}`, who), SIGNING_SECRET);
    return (await slack.waitFor((request) => request.path === path, 30_000)).body;
  }
  const who = {
    tenantId: 'tenant-mp',
    userId: '29:mp-admin',
    aadObjectId: 'aad-mp-admin',
    conversationId: planned.channel,
    conversationType: 'channel' as const,
  };
  const activity = mentionActivity(words, connector.url, who);
  await postActivity(bot.url, activity);
  // The bot marks its answer with the activity it answers (replyToId).
  return (
    await connector.waitFor(
      (request) => request.method === 'POST' && (request.json as Json | undefined)?.['replyToId'] === activity.id,
      30_000,
    )
  ).body;
}

/** Digest posts that landed in a channel: Slack chat.postMessage, or a Bot Connector activity carrying a digest's footer. */
function postsIn(planned: Planned): RecordedRequest[] {
  if (planned.platform === 'slack')
    return slack.requests.filter((r) => r.path === '/chat.postMessage' && (r.json as Json)['channel'] === planned.channel);
  const path = `/v3/conversations/${planned.channel}/activities`;
  return connector.requests.filter(
    (r) =>
      r.method === 'POST' &&
      decodeURIComponent(r.path).startsWith(path) &&
      JSON.stringify(r.json).includes('Facilitators can pause or stop it with digest list'),
  );
}

const problems: string[] = [];
const started = Date.now();
let bots = await startProcesses();
const database = await openDatabase(databaseUrl.toString());
try {
  // Figures for the digests (the NHS-layout fixtures), imported as `npm run cli -- metrics import` would.
  const store = new PrismaMetricStore(database.prisma);
  for (const file of ['nhs-turnover-transfer.csv', 'nhs-sickness-bom-crlf.csv']) {
    const report = await importMetrics(await csvFileSource(`${fixtures}${file}`), { skipInvalid: false, currentMonth: '2025-06' }, store);
    if (report.outcome !== 'imported') throw new Error(`importing ${file}: ${report.outcome}`);
  }
  // Each channel is made a community channel (so the bot knows it) and subscribed, through the first process's endpoints.
  for (const planned of PLAN) {
    for (const words of ['channel link london', `digest subscribe ${planned.words}`]) {
      const reply = await command(bots[0]!, planned, words);
      if (!reply.includes('Done')) throw new Error(`${words} in ${planned.channel}: ${reply.slice(0, 300)}`);
    }
  }
  const subscriptions = await database.prisma.digestSubscription.findMany({ include: { conversation: true }, orderBy: { number: 'asc' } });

  // Simulated time: from the next minute, for four days; all processes down for fifty hours after the first twelve.
  const start = Math.ceil((Date.now() + MINUTE) / MINUTE) * MINUTE;
  const end = start + DAYS * 24 * 60 * MINUTE;
  const downFrom = start + 12 * 60 * MINUTE;
  const downUntil = downFrom + 50 * 60 * MINUTE;

  // What each subscription should post: every due instant in the window; of those while the bots were
  // down, the latest only, posted (late, if more than LATE_AFTER_MS old) at the first tick after.
  const expected = new Map<string, { dueAt: string; late: boolean }[]>();
  for (const subscription of subscriptions) {
    const choice = parseSchedule(subscription.schedule, subscription.timeZone);
    if (!choice.ok) throw new Error(`stored schedule ${subscription.schedule} does not parse`);
    const due: number[] = [];
    for (let at = choice.schedule.next(subscription.activeSince); at && at.getTime() <= end; at = choice.schedule.next(at))
      due.push(at.getTime());
    const whileDown = due.filter((time) => time > downFrom - MINUTE && time <= downUntil);
    const kept = due.filter((time) => !whileDown.includes(time) || time === Math.max(...whileDown));
    expected.set(
      subscription.id,
      kept.map((time) => ({ dueAt: new Date(time).toISOString(), late: whileDown.includes(time) && downUntil - time > LATE_AFTER_MS })),
    );
  }

  let ticks = 0;
  let claimed = 0;
  for (let minute = start; minute <= end; minute += MINUTE) {
    if (minute === downFrom) {
      await stopProcesses(bots);
      minute = downUntil;
      bots = await startProcesses();
    }
    // Every process runs the job for this minute at the same time.
    const tick = new Date(minute).toISOString();
    const answers = await Promise.all(bots.map((bot) => bot.ask({ tick }, (reply) => reply['ticked'] === tick)));
    claimed += answers.reduce((sum, answer) => sum + Number(answer['posted']), 0);
    ticks += 1;
  }
  // Anything still being retried in the background is sent before counting.
  await Promise.all(
    bots.map((bot) => bot.ask({ tick: new Date(end).toISOString() }, (reply) => reply['ticked'] === new Date(end).toISOString())),
  );

  let posts = 0;
  for (const subscription of subscriptions) {
    const planned = PLAN.find((one) => one.channel === subscription.conversation.externalId)!;
    const want = expected.get(subscription.id)!;
    const rows = await database.prisma.digestPost.findMany({ where: { subscriptionId: subscription.id }, orderBy: { dueAt: 'asc' } });
    const got = rows.map((row) => ({ dueAt: row.dueAt.toISOString(), late: row.late }));
    if (JSON.stringify(got) !== JSON.stringify(want))
      problems.push(`${planned.channel}: periods claimed ${JSON.stringify(got)}, expected ${JSON.stringify(want)}`);
    const landed = postsIn(planned);
    posts += landed.length;
    if (landed.length !== want.length) problems.push(`${planned.channel}: ${landed.length} posts arrived, expected ${want.length}`);
    const lateLanded = landed.filter((request) => JSON.stringify(request.json).includes('Posted late')).length;
    const lateWanted = want.filter((one) => one.late).length;
    if (lateLanded !== lateWanted) problems.push(`${planned.channel}: ${lateLanded} posts say they are late, expected ${lateWanted}`);
    const sent = await database.prisma.outboxMessage.count({
      where: { messageKey: { startsWith: `digest:${subscription.id}:` }, status: 'sent' },
    });
    if (sent !== want.length) problems.push(`${planned.channel}: ${sent} outbox rows sent, expected ${want.length}`);
    console.log(
      `${planned.platform} ${planned.channel} (${subscription.schedule}, ${subscription.timeZone}): ${landed.length} posts, ${lateLanded} late; expected ${want.length}, ${lateWanted} late`,
    );
  }
  console.log(
    `${PROCESSES} processes x ${ticks} simulated minutes (${DAYS} days, all down for 50 hours once): ${posts} digests posted, ${claimed} claims; ${((Date.now() - started) / 1000).toFixed(0)} s`,
  );
} catch (error) {
  problems.push(error instanceof Error ? (error.stack ?? error.message) : String(error));
} finally {
  await stopProcesses(bots).catch(() => undefined);
  await database.prisma.$executeRawUnsafe(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`).catch(() => undefined);
  await database.close();
  await Promise.all([slack.close(), connector.close()]);
}

if (problems.length > 0) {
  console.error(`FAILED: not every period was posted exactly once\n${problems.join('\n')}`);
  process.exit(1);
}
console.log('ok: every (subscription, period) posted exactly once');
