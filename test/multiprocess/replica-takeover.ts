// A replica killed mid-burst: three real bot processes (digest-ticker.ts, each `startBot` as `npm start`
// runs it) on one PostgreSQL schema take RSVP clicks on one announced event, spread over them as a load
// balancer would. Halfway through, one is killed with SIGKILL. Clicks it never answered are clicked again
// on the survivors (as a member with no reply would). The script waits, with a generous deadline, until
// the announcement (chat.update at Slack's stand-in) shows every answer, and fails unless it showed them
// within the outbox's lease bound (10 s) of both the kill and the last answer recorded: the dead
// process's leases on the announcement and its messages must end, and be taken over, that soon.
//
//   npm run test:takeover     (COP_TEST_DATABASE_URL, default postgresql://postgres@127.0.0.1:5432/test)
import { fork, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { DateTime } from 'luxon';
import { openDatabase } from '../../src/db/database.js';
import { slackBlocksToText } from '../../src/dev/readable-text.js';
import { startRecordingServer } from '../../src/dev/recording-server.js';
import { blockActionBody, postToSlackEndpoint, viewSubmissionBody } from '../../src/dev/slack-requests.js';

const PROCESSES = 3;
const CLICKS = 150;
const BOUND_MS = 10_000;
const DEADLINE_MS = 120_000;
const SECRET = 'takeover-signing-secret';
const CHANNEL = 'C0TAKEOVER';
const ticker = fileURLToPath(new URL('./digest-ticker.ts', import.meta.url));

let posted = 0;
/** When each chat.update arrived and how many answers it showed. */
const updates: { at: number; answered: number }[] = [];
const slack = await startRecordingServer((request) => {
  if (request.path === '/auth.test') return { body: { ok: true, team_id: 'T0TO', user_id: 'U0BOT', bot_id: 'B0BOT' } };
  if (request.path === '/chat.update') {
    const text = slackBlocksToText((request.json as { blocks: unknown }).blocks);
    const counts = /(\d+) going · (\d+) maybe · (\d+) can’t go · (\d+) waitlisted/.exec(text);
    if (counts) updates.push({ at: performance.now(), answered: [1, 2, 3, 4].reduce((sum, i) => sum + Number(counts[i]), 0) });
  }
  const { channel, ts } = (request.json ?? {}) as { channel?: string; ts?: string };
  return { body: { ok: true, channel, ts: ts ?? `1700000000.${String(++posted).padStart(6, '0')}` } };
});

const server = process.env['COP_TEST_DATABASE_URL'] ?? 'postgresql://postgres@127.0.0.1:5432/test';
const databaseUrl = new URL(server);
databaseUrl.searchParams.set('schema', `cop_takeover_${process.pid}_${randomBytes(4).toString('hex')}`);
const childEnv = {
  ...process.env,
  PORT: '0',
  NODE_ENV: 'test',
  LOG_LEVEL: process.env['TEST_LOG_LEVEL'] ?? 'error',
  DATABASE_URL: databaseUrl.toString(),
  SLACK_SIGNING_SECRET: SECRET,
  SLACK_BOT_TOKEN: 'xoxb-takeover',
  SLACK_API_URL: `${slack.url}/`,
  COP_DEMO_DATA: 'false',
};

interface Bot {
  readonly child: ChildProcess;
  readonly url: string;
}

function startProcess(): Promise<Bot> {
  const child = fork(ticker, [], { execArgv: ['--import', 'tsx'], env: childEnv, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  return new Promise((resolve, reject) => {
    child.on('message', (reply: { ready?: boolean; url?: string; failed?: string }) => {
      if (reply.failed) reject(new Error(reply.failed));
      if (reply.ready) resolve({ child, url: String(reply.url) });
    });
    child.once('exit', (code) => reject(new Error(`bot process exited (${code})`)));
  });
}

const first = await startProcess();
const bots = [first, ...(await Promise.all(Array.from({ length: PROCESSES - 1 }, startProcess)))];
const database = await openDatabase(databaseUrl.toString());
const problems: string[] = [];
try {
  const prisma = database.prisma;
  const organisation = await prisma.organisation.findFirstOrThrow({ where: { odsCode: 'RJ1' } });
  const host = await prisma.member.create({
    data: {
      displayName: 'Takeover Host',
      organisationId: organisation.id,
      regionCode: 'Y56',
      role: 'other',
      consentedAt: new Date(),
      identities: { create: { platform: 'slack', workspaceId: 'T0TO', userId: 'U0TOHOST' } },
    },
  });
  await prisma.roleGrant.create({ data: { memberId: host.id, role: 'facilitator', regionCode: 'Y56' } });
  await prisma.conversation.create({
    data: { platform: 'slack', workspaceId: 'T0TO', externalId: CHANNEL, kind: 'channel', regionCode: 'Y56' },
  });
  const memberId = (i: number) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
  await prisma.member.createMany({
    data: Array.from({ length: CLICKS }, (_, i) => ({
      id: memberId(i),
      displayName: `Clicker ${i}`,
      organisationId: organisation.id,
      regionCode: 'Y56',
      role: 'other' as const,
      consentedAt: new Date(),
    })),
  });
  await prisma.platformIdentity.createMany({
    data: Array.from({ length: CLICKS }, (_, i) => ({
      memberId: memberId(i),
      platform: 'slack' as const,
      workspaceId: 'T0TO',
      userId: `U0TO${i}`,
    })),
  });

  // The event, through the real form, announced in the channel.
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
      title: input('text', 'Takeover masterclass'),
      description: input('text', 'A replica is killed while members answer'),
      region: input('select', 'Y56'),
      date: input('date', DateTime.now().setZone('Europe/London').plus({ days: 20 }).toFormat('yyyy-MM-dd')),
      start: input('time', '10:00'),
      end: input('time', '11:00'),
      onlineUrl: input('text', 'https://meet.example.nhs.uk/takeover'),
      capacity: input('text', '100'),
      host: input('select', host.id),
      recurrence: input('select', 'none'),
      waitlist: input('select', 'automatic'),
    },
    '',
    { teamId: 'T0TO', userId: 'U0TOHOST', channelId: CHANNEL },
  );
  const created = await postToSlackEndpoint(first.url, form, SECRET);
  if ((await created.text()) !== '') throw new Error('the event form was refused');
  await slack.waitFor((r) => r.path === '/chat.postMessage' && (r.json as { channel?: string }).channel === CHANNEL, 30_000);
  const event = await prisma.event.findFirstOrThrow({ where: { title: 'Takeover masterclass' } });

  // The burst, spread over the replicas; the one to die takes every third click.
  const victim = bots[1]!;
  const alive = [bots[0]!, bots[2]!];
  const victimGone = new Promise((resolve) => victim.child.once('exit', resolve));
  let killedAt = 0;
  const replied = new Map<number, number>();
  const click = async (i: number, bot: Bot): Promise<boolean> => {
    const path = `/respond/takeover-${i}`;
    const body = blockActionBody('event.rsvp#0', `${event.id}:going`, `${slack.url}${path}`, {
      teamId: 'T0TO',
      userId: `U0TO${i}`,
      channelId: CHANNEL,
    });
    try {
      const response = await postToSlackEndpoint(bot.url, body, SECRET);
      if (response.status !== 200) return false;
      const reply = slack.waitFor((r) => r.path === path, DEADLINE_MS);
      // A click the killed replica took and never answered is known lost once it has exited.
      await (bot === victim ? Promise.race([reply, victimGone.then(() => slack.waitFor((r) => r.path === path, 0))]) : reply);
      replied.set(i, performance.now());
      return true;
    } catch {
      return false;
    }
  };
  const firstTries = Array.from({ length: CLICKS }, async (_, i) => {
    // Spread over a second or so, as people's clicks come.
    await new Promise((resolve) => setTimeout(resolve, i * 8));
    if (i === CLICKS / 2) {
      victim.child.kill('SIGKILL');
      killedAt = performance.now();
    }
    const target = bots[i % PROCESSES]!;
    return { i, answered: await click(i, killedAt > 0 && target === victim ? alive[i % 2]! : target) };
  });
  const outcomes = await Promise.all(firstTries);
  // Clicks the killed replica took but never answered: clicked again, on the survivors.
  const again = outcomes.filter((outcome) => !outcome.answered);
  const retried = await Promise.all(again.map(({ i }) => click(i, alive[i % 2]!)));
  if (retried.some((ok) => !ok)) problems.push(`${retried.filter((ok) => !ok).length} clicks got no reply from the survivors`);
  const lastAnswer = Math.max(...replied.values());

  const deadline = performance.now() + DEADLINE_MS;
  while (!updates.some((update) => update.answered >= CLICKS) && performance.now() < deadline)
    await new Promise((resolve) => setTimeout(resolve, 50));
  const final = updates.find((update) => update.answered >= CLICKS);
  const since = Math.max(killedAt, lastAnswer);
  if (!final) problems.push(`the announcement never showed all ${CLICKS} answers within ${DEADLINE_MS / 1000} s`);
  else if (final.at - since > BOUND_MS)
    problems.push(
      `the announcement showed all answers ${(final.at - since).toFixed(0)} ms after the kill and the last answer: more than ${BOUND_MS} ms`,
    );
  console.log(
    `${CLICKS} clicks on ${PROCESSES} replicas, one killed (SIGKILL) after ${CLICKS / 2}; ${again.length} clicked again on the survivors; ` +
      `last answer recorded ${((lastAnswer - killedAt) / 1000).toFixed(1)} s after the kill; final counts shown ` +
      (final
        ? `${((final.at - killedAt) / 1000).toFixed(1)} s after the kill, ${((final.at - lastAnswer) / 1000).toFixed(1)} s after the last answer`
        : 'never'),
  );
  const rows = await prisma.rsvp.count({ where: { eventId: event.id } });
  if (rows !== CLICKS) problems.push(`${rows} answers recorded, not ${CLICKS}`);
} finally {
  await Promise.all(
    bots
      .filter((bot) => bot.child.exitCode === null && bot.child.signalCode === null)
      .map(
        (bot) =>
          new Promise((resolve) => {
            bot.child.once('exit', resolve);
            bot.child.send({ stop: true });
          }),
      ),
  );
  await database.prisma.$executeRawUnsafe(`DROP SCHEMA IF EXISTS "${databaseUrl.searchParams.get('schema')}" CASCADE`);
  await database.close();
  await slack.close();
}
if (problems.length > 0) {
  console.error(problems.join('\n'));
  process.exit(1);
}
console.log('ok: the survivors took the dead replica’s work over within the lease bound');
process.exit(0);
