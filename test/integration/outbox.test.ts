// The outbox on a real database (PGlite, or the PostgreSQL server under test:postgres) with the real
// Slack Web client and the Teams SDK's connector client posting to local stand-ins: idempotent keys, rate limits
// waited out as Slack asks, retries with backoff, channels the bot lost, two dispatchers sharing the
// work without sending anything twice, and coalesced in-place updates that end on the final state.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { OutboxDispatcher, type DispatcherLogger, type DispatcherOptions, type MessageSender } from '../../src/core/outbox/dispatcher.js';
import type { OutgoingMessage } from '../../src/core/outbox/outbox.js';
import { textMessage } from '../../src/core/reply/reply.js';
import { openDatabase, type Database } from '../../src/db/database.js';
import { PrismaOutbox } from '../../src/db/repositories/outbox-repository.js';
import { startRecordingServer, type RecordedRequest, type RecordingServer } from '../../src/dev/recording-server.js';
import { createSlackSender } from '../../src/slack/slack-sender.js';
import { createStandaloneTeamsSender } from '../../src/teams/teams-app.js';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/logger.js';
import { testDatabase, type TestDatabase } from '../support/test-database.js';
import { TestClock } from '../support/test-clock.js';

let target: TestDatabase;
let database: Database;
let slackApi: RecordingServer;
let connector: RecordingServer;
/** How the Slack stand-in answers the next calls (first in, first used); then `{ ok: true, ts }`. */
const slackAnswers: { status?: number; body?: unknown; headers?: Record<string, string> }[] = [];
let senders: Record<'slack' | 'teams', MessageSender>;
let channelId: string;
let teamsChannelId: string;
let posted = 0;
/** The time the outbox and its dispatchers read: the tests move it on instead of waiting. */
let clock = new TestClock();

const quiet = { warn: () => undefined, error: () => undefined };
const prisma = () => database.prisma;
const posts = (request: RecordedRequest) => request.path === '/chat.postMessage';
const toChannel = (text: string): OutgoingMessage => ({
  recipient: { kind: 'conversation', conversationId: channelId },
  message: textMessage(text),
});

const REFRESH_INTERVAL_MS = 300;

/** Every dispatcher a test made: stopped after it, so that none wakes up later (a retry, a lease's end) in another test. */
const made: OutboxDispatcher[] = [];
function track(dispatcher: OutboxDispatcher): OutboxDispatcher {
  made.push(dispatcher);
  return dispatcher;
}

function dispatcher(
  outbox: PrismaOutbox,
  renderPost: (key: string) => Promise<ReturnType<typeof textMessage> | undefined> = () => Promise.resolve(undefined),
  options: DispatcherOptions = {},
) {
  return track(
    new OutboxDispatcher(outbox, senders, renderPost, quiet, {
      baseDelayMs: 20,
      maxAttempts: 3,
      refreshIntervalMs: REFRESH_INTERVAL_MS,
      clock,
      ...options,
    }),
  );
}

beforeAll(async () => {
  target = testDatabase();
  database = await openDatabase(target.url);
  await database.migrate();
  slackApi = await startRecordingServer((request) => {
    const answer = slackAnswers.shift();
    if (answer) return answer;
    const { channel, ts } = request.json as { channel?: string; ts?: string };
    return { body: { ok: true, channel, ts: ts ?? `1700000000.${String(++posted).padStart(6, '0')}` } };
  });
  connector = await startRecordingServer(() => ({ status: 201, body: { id: `activity-${++posted}` } }));
  // The development settings: no app id, so no token is fetched for the stand-in.
  const teamsConfig = loadConfig({ NODE_ENV: 'test' }).teams;
  if (!teamsConfig) throw new Error('Teams is served outside production');
  senders = {
    slack: createSlackSender({
      configured: false,
      signingSecret: 's',
      botToken: 'xoxb-test',
      appToken: undefined,
      apiUrl: `${slackApi.url}/`,
    }),
    teams: createStandaloneTeamsSender(teamsConfig, createLogger('silent')),
  };
  channelId = (
    await prisma().conversation.create({
      data: { platform: 'slack', workspaceId: 'T1', externalId: 'C0OUTBOX', kind: 'channel' },
      select: { id: true },
    })
  ).id;
  const reference = {
    channelId: 'msteams',
    serviceUrl: connector.url,
    conversation: { id: '19:outbox@thread.tacv2' },
    bot: { id: '28:bot' },
  };
  teamsChannelId = (
    await prisma().conversation.create({
      data: { platform: 'teams', workspaceId: 'tenant-1', externalId: '19:outbox@thread.tacv2', kind: 'channel', reference },
      select: { id: true },
    })
  ).id;
});

afterAll(async () => {
  if (target.schema) await database.prisma.$executeRawUnsafe(`DROP SCHEMA IF EXISTS "${target.schema}" CASCADE`);
  await database?.close();
  await Promise.all([slackApi?.close(), connector?.close()]);
});

afterEach(async () => {
  await Promise.all(made.splice(0).map((each) => each.stop()));
});

beforeEach(async () => {
  clock = new TestClock();
  slackAnswers.length = 0;
  slackApi.requests.length = 0;
  connector.requests.length = 0;
  await prisma().outboxMessage.deleteMany();
  await prisma().postedMessage.deleteMany();
  await prisma().conversation.updateMany({ data: { removedAt: null } });
});

describe('queuing', () => {
  it('sends a message with a key once, however often it is queued', async () => {
    const outbox = new PrismaOutbox(prisma(), clock);
    const reminder = { ...toChannel('Starts in one hour'), key: 'reminder:event-1:1h' };
    await outbox.send([reminder]);
    await outbox.send([reminder, reminder]);
    await dispatcher(outbox).drain();
    expect(slackApi.requests.filter(posts)).toHaveLength(1);
    await outbox.send([reminder]);
    await dispatcher(outbox).drain();
    expect(slackApi.requests.filter(posts)).toHaveLength(1);
  });

  it('keeps a message until its time, and queues nothing for a channel the bot left', async () => {
    const outbox = new PrismaOutbox(prisma(), clock);
    await outbox.send([{ ...toChannel('Later'), notBefore: new Date(clock.now().getTime() + 60_000) }]);
    await dispatcher(outbox).drain();
    expect(slackApi.requests.filter(posts)).toHaveLength(0);
    expect(await prisma().outboxMessage.findFirstOrThrow()).toMatchObject({ status: 'pending', attempts: 0 });
    clock.advance(59_000);
    await dispatcher(outbox).drain();
    expect(slackApi.requests.filter(posts)).toHaveLength(0);
    clock.advance(1_000);
    await dispatcher(outbox).drain();
    expect(slackApi.requests.filter(posts)).toHaveLength(1);

    await prisma().conversation.update({ where: { id: channelId }, data: { removedAt: new Date() } });
    await outbox.send([toChannel('Nobody hears this')]);
    expect(await prisma().outboxMessage.count()).toBe(1);
  });
});

describe('failures', () => {
  it('waits as long as Slack asks after a 429, without using up a try', async () => {
    const outbox = new PrismaOutbox(prisma(), clock);
    slackAnswers.push({ status: 429, headers: { 'retry-after': '60' }, body: { ok: false, error: 'ratelimited' } });
    await outbox.send([toChannel('Digest')]);
    const started = clock.now().getTime();
    const first = dispatcher(outbox);
    await first.drain();
    await first.stop();
    const waiting = await prisma().outboxMessage.findFirstOrThrow();
    expect(waiting).toMatchObject({ status: 'pending', lastError: 'ratelimited', attempts: 0 });
    expect(waiting.notBefore.getTime() - started).toBeGreaterThanOrEqual(60_000);

    // Not before the time Slack asked for (with a margin for the time the test itself takes).
    clock.set(new Date(waiting.notBefore.getTime() - 10_000));
    await dispatcher(outbox).drain();
    expect(await prisma().outboxMessage.findFirstOrThrow()).toMatchObject({ status: 'pending', attempts: 0 });
    expect(slackApi.requests.filter(posts)).toHaveLength(1);
    clock.advance(10_000);
    await dispatcher(outbox).drain();
    expect(await prisma().outboxMessage.findFirstOrThrow()).toMatchObject({ status: 'sent', message: null });
    expect(slackApi.requests.filter(posts)).toHaveLength(2);
  });

  it('after a 429 leaves the workspace alone until the time asked, then sends the rest by itself', async () => {
    const outbox = new PrismaOutbox(prisma(), clock);
    slackAnswers.push({ status: 429, headers: { 'retry-after': '1' }, body: { ok: false, error: 'ratelimited' } });
    await outbox.send(Array.from({ length: 12 }, (_, i) => toChannel(`Digest ${i}`)));
    const send = dispatcher(outbox);
    await send.drain();
    // Four go at once (the dispatcher's concurrency); once the 429 is in, the rest wait without calling Slack.
    const calls = slackApi.requests.filter(posts).length;
    expect(calls).toBeLessThanOrEqual(4);
    const waiting = await prisma().outboxMessage.findMany({ where: { status: 'pending' } });
    expect(waiting).toHaveLength(12 - (calls - 1));
    expect(waiting.every((row) => row.attempts === 0 && row.lastError === 'ratelimited')).toBe(true);
    // The dispatcher wakes itself when the hold ends.
    await expect.poll(() => prisma().outboxMessage.count({ where: { status: 'sent' } }), { timeout: 5_000 }).toBe(12);
    expect(slackApi.requests.filter(posts)).toHaveLength(13);
    await send.stop();
  });

  it('retries other failures with growing delays, then gives up and records why', async () => {
    const outbox = new PrismaOutbox(prisma(), clock);
    for (let i = 0; i < 3; i++) slackAnswers.push({ status: 200, body: { ok: false, error: 'internal_error' } });
    await outbox.send([toChannel('Flaky')]);
    // Delays long enough that the few milliseconds the test itself takes do not count.
    const send = dispatcher(outbox, undefined, { baseDelayMs: 60_000 });
    for (let attempt = 1; attempt <= 3; attempt++) {
      await send.drain();
      expect(slackApi.requests.filter(posts)).toHaveLength(attempt);
      if (attempt === 3) break;
      // Each retry waits twice as long as the one before: a minute, then two.
      const delay = 60_000 * 2 ** (attempt - 1);
      clock.advance(delay - 10_000);
      await send.drain();
      expect(slackApi.requests.filter(posts)).toHaveLength(attempt);
      clock.advance(10_000);
    }
    await send.drain();
    expect(await prisma().outboxMessage.findFirstOrThrow()).toMatchObject({
      status: 'failed',
      attempts: 3,
      lastError: 'internal_error',
      message: null,
    });
    expect(slackApi.requests.filter(posts)).toHaveLength(3);
  });

  it('stops posting to a channel Slack says is gone, and marks the bot as out of it', async () => {
    const outbox = new PrismaOutbox(prisma(), clock);
    slackAnswers.push({ body: { ok: false, error: 'channel_not_found' } });
    await outbox.send([toChannel('Anyone there?')]);
    await dispatcher(outbox).drain();
    expect(await prisma().outboxMessage.findFirstOrThrow()).toMatchObject({
      status: 'failed',
      attempts: 1,
      lastError: 'channel_not_found',
    });
    expect((await prisma().conversation.findUniqueOrThrow({ where: { id: channelId } })).removedAt).not.toBeNull();
    expect(await prisma().auditEntry.count({ where: { action: 'conversation.unreachable', subject: channelId } })).toBe(1);
  });
});

describe('several processes', () => {
  it('shares the work between two dispatchers without sending anything twice', async () => {
    const queue = new PrismaOutbox(prisma(), clock);
    await queue.send(Array.from({ length: 60 }, (_, i) => toChannel(`Message ${i}`)));
    // On the PostgreSQL server a second connection pool, as a second bot process would have; an in-memory
    // PGlite has one owner, so there the two share its pool of connections.
    const other = target.kind === 'postgres' ? await openDatabase(target.url) : undefined;
    try {
      await Promise.all([dispatcher(queue).drain(), dispatcher(new PrismaOutbox(other?.prisma ?? prisma(), clock)).drain()]);
    } finally {
      await other?.close();
    }
    const texts = slackApi.requests.filter(posts).map((request) => (request.json as { text: string }).text);
    expect(texts).toHaveLength(60);
    expect(new Set(texts).size).toBe(60);
    expect(await prisma().outboxMessage.count({ where: { status: 'sent' } })).toBe(60);
  });
});

describe('in-place updates', () => {
  it('posts to Teams as a new activity and updates it there', async () => {
    const outbox = new PrismaOutbox(prisma(), clock);
    await outbox.send([
      { recipient: { kind: 'conversation', conversationId: teamsChannelId }, message: textMessage('Going: 0'), postKey: 'demo:teams' },
    ]);
    let going = 0;
    const send = dispatcher(outbox, () => Promise.resolve(textMessage(`Going: ${going}`)));
    await send.drain();
    // Proactive: posted to the conversation (the SDK does not encode its id in the path), not as a reply.
    const created = connector.requests.filter((request) => request.method === 'POST');
    expect(created.map((request) => request.path)).toEqual(['/v3/conversations/19:outbox@thread.tacv2/activities']);
    expect(JSON.stringify(created[0]?.json)).toContain('Going: 0');
    expect(created[0]?.json).not.toHaveProperty('replyToId');
    const post = await prisma().postedMessage.findFirstOrThrow({ where: { postKey: 'demo:teams' } });

    going = 1;
    await outbox.refresh('demo:teams');
    await send.drain();
    const update = connector.requests.find((request) => request.method === 'PUT');
    expect(update?.path).toBe(`/v3/conversations/19:outbox@thread.tacv2/activities/${post.messageId}`);
    expect(JSON.stringify(update?.json)).toContain('Going: 1');
  });

  it('coalesces a burst of refreshes, spaces the updates of a post, and always ends on the final state', async () => {
    const outbox = new PrismaOutbox(prisma(), clock);
    await outbox.send([{ ...toChannel('Going: 0'), postKey: 'demo:burst' }]);
    let going = 0;
    /** When (on the test clock) each update was rendered. */
    const renderedAt: number[] = [];
    const send = dispatcher(outbox, () => {
      renderedAt.push(clock.now().getTime());
      return Promise.resolve(textMessage(`Going: ${going}`));
    });
    await send.drain();
    const isUpdate = (request: { path: string }) => request.path === '/chat.update';
    const before = slackApi.requests.filter(isUpdate).length;
    // Fifty changes over a second, 20 ms apart, each followed by a round of the dispatcher.
    for (let i = 0; i < 50; i++) {
      going++;
      await outbox.refresh('demo:burst');
      await send.runDue();
      clock.advance(20);
    }
    await send.drain();
    const updates = slackApi.requests.filter(isUpdate).slice(before);
    expect(updates.length).toBeGreaterThan(1);
    expect(updates.length).toBeLessThan(10);
    expect(renderedAt).toHaveLength(updates.length);
    // Never closer together than the interval allows.
    for (let i = 1; i < renderedAt.length; i++) expect(renderedAt[i]! - renderedAt[i - 1]!).toBeGreaterThanOrEqual(REFRESH_INTERVAL_MS);
    expect((updates.at(-1)?.json as { text: string }).text).toBe('Going: 50');
    const post = await prisma().postedMessage.findFirstOrThrow({ where: { postKey: 'demo:burst' } });
    expect(post.dirtyAt).toBeNull();
    expect(post.lockedUntil!.getTime()).toBeLessThanOrEqual(clock.now().getTime() + REFRESH_INTERVAL_MS);
    await send.stop();
  });
});

describe('leases', () => {
  /** A Slack sender whose posts wait at a gate the test opens: a send that takes as long as the test likes. */
  function gatedSender() {
    let open: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (open = resolve));
    let reached = 0;
    const sender: MessageSender = {
      post: async (target, message) => {
        reached++;
        await gate;
        return senders.slack.post(target, message);
      },
      update: (target, messageId, message) => senders.slack.update(target, messageId, message),
    };
    return { sender, open, reached: () => reached };
  }
  const LEASE_MS = 300;
  const leased = (outbox: PrismaOutbox, sender: MessageSender, log: DispatcherLogger = quiet) =>
    track(
      new OutboxDispatcher(outbox, { ...senders, slack: sender }, () => Promise.resolve(undefined), log, {
        clock,
        leaseMs: LEASE_MS,
        renewEveryMs: 100,
      }),
    );
  const row = () => prisma().outboxMessage.findFirstOrThrow();

  it('renews the lease of a row while it is being sent, so that no other process takes it over', async () => {
    const outbox = new PrismaOutbox(prisma(), clock);
    await outbox.send([toChannel('A slow send')]);
    const slow = gatedSender();
    const first = leased(outbox, slow.sender);
    const sending = first.runDue();
    await expect.poll(slow.reached, { timeout: 5_000 }).toBe(1);
    const claimed = (await row()).lockedUntil!.getTime();
    // The lease as first claimed has run out, and was renewed while the send went on.
    await expect
      .poll(async () => clock.now().getTime() > claimed + 50 && (await row()).lockedUntil!.getTime() > clock.now().getTime(), {
        timeout: 5_000,
      })
      .toBe(true);
    const other = leased(new PrismaOutbox(prisma(), clock), senders.slack);
    expect(await other.runDue()).toBe(0);
    slow.open();
    expect(await sending).toBe(1);
    expect(await row()).toMatchObject({ status: 'sent', lockedUntil: null });
    expect(slackApi.requests.filter(posts)).toHaveLength(1);
    // Done: the lease is not renewed any more.
    await first.stop();
    await other.stop();
  });

  it('never extends a lease that another process has taken since', async () => {
    const outbox = new PrismaOutbox(prisma(), clock);
    await outbox.send([toChannel('Stalled')]);
    const slow = gatedSender();
    const warnings: string[] = [];
    const first = leased(outbox, slow.sender, {
      warn: (_details, message) => void warnings.push(message),
      error: () => undefined,
    });
    const sending = first.runDue();
    await expect.poll(slow.reached, { timeout: 5_000 }).toBe(1);
    // As if this process had stalled past its lease and another had claimed the row.
    const theirs = new Date(clock.now().getTime() + 3_600_000);
    await prisma().outboxMessage.updateMany({ data: { lockedUntil: theirs } });
    await expect
      .poll(() => warnings, { timeout: 5_000 })
      .toContain('lost the lease on a row still being worked on: another process may take it over');
    expect((await row()).lockedUntil).toEqual(theirs);
    slow.open();
    await sending;
    await first.stop();
  });

  it('takes over the messages and posts of a process that died as soon as their lease runs out', async () => {
    const outbox = new PrismaOutbox(prisma(), clock);
    await outbox.send([{ ...toChannel('Going: 0'), postKey: 'demo:takeover' }]);
    await dispatcher(outbox).drain();
    await outbox.send([toChannel('Left behind')]);
    await outbox.refresh('demo:takeover');
    // A process claims both, then dies before sending either.
    const died = new PrismaOutbox(prisma(), clock);
    const claimedAt = clock.now().getTime();
    expect(await died.claimDue(50, LEASE_MS)).toHaveLength(1);
    expect(await died.claimDirtyPosts(50, LEASE_MS)).toHaveLength(1);

    const survivor = track(
      new OutboxDispatcher(outbox, senders, () => Promise.resolve(textMessage('Going: 1')), quiet, { clock, leaseMs: LEASE_MS }),
    );
    // Held: nothing to take yet. Woken once (as a click or the poll would), it wakes itself when the leases end.
    expect(await survivor.runDue()).toBe(0);
    survivor.wake();
    await expect.poll(() => prisma().outboxMessage.count({ where: { status: 'sent' } }), { timeout: 5_000 }).toBe(2);
    await expect.poll(() => slackApi.requests.filter((request) => request.path === '/chat.update').length, { timeout: 5_000 }).toBe(1);
    const taken = (await prisma().outboxMessage.findFirstOrThrow({ where: { status: 'sent', messageKey: null, postKey: null } })).sentAt!;
    expect(taken.getTime() - claimedAt).toBeGreaterThanOrEqual(LEASE_MS);
    expect(taken.getTime() - claimedAt).toBeLessThan(LEASE_MS + 2_000);
    await survivor.stop();
  });
});
