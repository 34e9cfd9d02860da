// The bot's outbound Teams token, asked of a local stand-in for Microsoft Entra (MICROSOFT_LOGIN_URL)
// that refuses the credentials (401 invalid_client), then is down (503), then grants a token. The bot
// stays up and ready; /readyz shows where signing in stands with what to fix; a message to Teams waits
// in the outbox, without using up its tries, and goes out with the token once Entra gives one.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { OutboxDispatcher } from '../../src/core/outbox/dispatcher.js';
import { textMessage } from '../../src/core/reply/reply.js';
import { openDatabase, type Database } from '../../src/db/database.js';
import { PrismaOutbox } from '../../src/db/repositories/outbox-repository.js';
import { startRecordingServer, type RecordingServer } from '../../src/dev/recording-server.js';
import { createLogger } from '../../src/logger.js';
import { createStandaloneTeamsSender } from '../../src/teams/teams-app.js';
import { startEntraStandIn, type EntraStandIn } from '../support/entra.js';
import { startTestBot, type TestBot } from '../support/test-bot.js';
import { TestClock } from '../support/test-clock.js';
import { dropTestSchema, testDatabase, type TestDatabase } from '../support/test-database.js';

const APP_ID = '00000000-0000-0000-0000-0000000000b0';
const TENANT = '11111111-2222-3333-4444-555555555555';
const REFUSED =
  "Microsoft Entra refused the bot's credentials (invalid_client, AADSTS7000215): check MICROSOFT_APP_ID / MICROSOFT_APP_PASSWORD / MICROSOFT_APP_TENANT_ID";
const credentials = (entra: EntraStandIn) => ({
  MICROSOFT_APP_ID: APP_ID,
  MICROSOFT_APP_PASSWORD: 'wrong-or-right-password',
  MICROSOFT_APP_TENANT_ID: TENANT,
  MICROSOFT_LOGIN_URL: entra.url,
});

describe('the running bot when Entra refuses, is down, then grants', () => {
  let entra: EntraStandIn;
  let harness: TestBot | undefined;
  beforeAll(async () => {
    entra = await startEntraStandIn();
    entra.answer = 'refuse';
  });
  afterAll(async () => {
    await harness?.stop();
    await entra?.close();
  });

  it('is ready, shows Teams as refused with what to fix, then unreachable, then ready once it has a token', async () => {
    const unhandled: unknown[] = [];
    const record = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', record);
    try {
      harness = await startTestBot(credentials(entra));
      const readiness = async () => {
        const response = await fetch(`${harness!.url}/readyz`);
        return { httpStatus: response.status, ...((await response.json()) as { status: string; platforms: Record<string, unknown> }) };
      };
      await expect.poll(readiness, { timeout: 20_000 }).toEqual({
        httpStatus: 200,
        status: 'ready',
        platforms: { slack: { state: 'http' }, teams: { state: 'refused', reason: REFUSED } },
      });
      // The client credentials grant, for the Bot Connector's scope, in the app's own tenant.
      expect(entra.tokenRequests()[0]).toEqual({
        tenant: TENANT,
        form: {
          grant_type: 'client_credentials',
          client_id: APP_ID,
          client_secret: 'wrong-or-right-password',
          scope: 'https://api.botframework.com/.default',
        },
      });

      entra.answer = 'down';
      await expect
        .poll(async () => (await readiness()).platforms['teams'], { timeout: 20_000, interval: 200 })
        .toEqual({
          state: 'unreachable',
          reason: "Microsoft Entra's token endpoint answered HTTP 503",
        });
      entra.answer = 'grant';
      await expect.poll(async () => (await readiness()).platforms['teams'], { timeout: 30_000, interval: 200 }).toEqual({ state: 'ready' });
      expect((await readiness()).httpStatus).toBe(200);
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', record);
    }
  }, 90_000);
});

describe('a message to Teams while there is no token', () => {
  let entra: EntraStandIn;
  let connector: RecordingServer;
  let target: TestDatabase;
  let database: Database;
  beforeAll(async () => {
    entra = await startEntraStandIn();
    connector = await startRecordingServer(() => ({ status: 201, body: { id: 'activity-1' } }));
    target = testDatabase();
    database = await openDatabase(target.url);
    await database.migrate();
  });
  afterAll(async () => {
    await database?.close();
    if (target) await dropTestSchema(target);
    await Promise.all([entra?.close(), connector?.close()]);
  });

  it('waits in the outbox without using up its tries, and goes out with the token once Entra gives one', async () => {
    const clock = new TestClock();
    const config = loadConfig({ NODE_ENV: 'test', ...credentials(entra) }).teams!;
    const sender = createStandaloneTeamsSender(config, createLogger('silent'), clock);
    const outbox = new PrismaOutbox(database.prisma, clock);
    const dispatcher = new OutboxDispatcher(
      outbox,
      { teams: sender },
      () => Promise.resolve(undefined),
      { warn: () => undefined, error: () => undefined },
      {
        clock,
        maxAttempts: 2,
        baseDelayMs: 20,
      },
    );
    const reference = {
      channelId: 'msteams',
      serviceUrl: connector.url,
      conversation: { id: '19:token@thread.tacv2' },
      bot: { id: `28:${APP_ID}` },
    };
    const conversation = await database.prisma.conversation.create({
      data: { platform: 'teams', workspaceId: TENANT, externalId: '19:token@thread.tacv2', kind: 'channel', reference },
    });
    await outbox.send([
      { recipient: { kind: 'conversation', conversationId: conversation.id }, message: textMessage('Starts in one hour') },
    ]);
    const row = () =>
      database.prisma.outboxMessage.findFirstOrThrow({ select: { status: true, attempts: true, lastError: true, notBefore: true } });
    const posts = () => connector.requests.filter((request) => request.method === 'POST');
    try {
      // Refused: the message waits, its try given back, until the wait the sender named is over.
      entra.answer = 'refuse';
      await dispatcher.runDue();
      expect(await row()).toMatchObject({ status: 'pending', attempts: 0, lastError: 'entra_refused' });
      expect(posts()).toHaveLength(0);
      // Meanwhile a send fails at once, without asking Entra for every message.
      const asked = entra.tokenRequests().length;
      await expect(sender.post({ platform: 'teams', workspaceId: TENANT, reference }, textMessage('x'))).rejects.toMatchObject({
        code: 'entra_refused',
        kind: 'rate-limited',
      });
      expect(entra.tokenRequests()).toHaveLength(asked);
      // Down, more times than the message has tries: asked again each time the wait is over, with backoff.
      entra.answer = 'down';
      let wait = 0;
      for (let i = 0; i < 3; i++) {
        clock.set((await row()).notBefore);
        await dispatcher.runDue();
        const waiting = await row();
        expect(waiting).toMatchObject({ status: 'pending', attempts: 0, lastError: 'entra_unreachable' });
        const next = waiting.notBefore.getTime() - clock.now().getTime();
        expect(next).toBeGreaterThan(wait);
        wait = next;
      }
      expect(posts()).toHaveLength(0);
      entra.answer = 'grant';
      clock.set((await row()).notBefore);
      await dispatcher.runDue();
      await expect.poll(async () => (await row()).status).toBe('sent');
      expect(posts()).toHaveLength(1);
      expect(posts()[0]?.headers.authorization).toBe(`Bearer ${entra.granted[0]}`);
    } finally {
      await dispatcher.stop();
    }
  }, 60_000);
});
