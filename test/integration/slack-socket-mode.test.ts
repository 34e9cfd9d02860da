// Slack over Socket Mode, against local stand-ins: Slack's Web API (SLACK_API_URL, which also answers
// apps.connections.open) and a WebSocket server playing Slack's side of the socket.
import { afterEach, describe, expect, it } from 'vitest';
import { LOCAL_SLACK_IDENTITY, slashCommandPayload } from '../../src/dev/slack-requests.js';
import { slackCommandText } from '../support/chat.js';
import { SLACK_ACK_DEADLINE_MS, startSocketStandIn, type SocketStandIn } from '../support/slack-transport.js';
import { SLACK_APP_TOKEN, startTestBot, type TestBot } from '../support/test-bot.js';

const APP_TOKEN = SLACK_APP_TOKEN;

async function readyz(
  harness: TestBot,
): Promise<{ status: number; body: { status: string; platforms?: { slack?: { state: string; reason?: string } } } }> {
  const response = await fetch(`${harness.url}/readyz`);
  return { status: response.status, body: (await response.json()) as never };
}

async function eventually<T>(read: () => Promise<T>, ok: (value: T) => boolean, timeoutMs = 5000): Promise<T> {
  const until = performance.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (ok(value) || performance.now() > until) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('Slack over Socket Mode', () => {
  let harness: TestBot | undefined;
  let socket: SocketStandIn | undefined;

  afterEach(async () => {
    await harness?.stop();
    await socket?.close();
    harness = undefined;
    socket = undefined;
  });

  it('asks the Web API stand-in for the socket, acknowledges a slash command with its envelope_id and replies to response_url', async () => {
    socket = await startSocketStandIn();
    const socketUrl = socket.url;
    harness = await startTestBot(
      { SLACK_APP_TOKEN: APP_TOKEN },
      { slackApi: (request) => (request.path === '/apps.connections.open' ? { body: { ok: true, url: socketUrl } } : undefined) },
    );
    const connection = await socket.nextConnection();
    const opened = harness.slack.requests.find((request) => request.path === '/apps.connections.open');
    expect(opened?.headers.authorization).toBe(`Bearer ${APP_TOKEN}`);
    const connected = await eventually(
      () => readyz(harness!),
      (answer) => answer.body.platforms?.slack?.state === 'connected',
    );
    expect(connected).toEqual({ status: 200, body: { status: 'ready', platforms: { slack: { state: 'connected' } } } });

    const who = LOCAL_SLACK_IDENTITY;
    const envelopeId = 'envelope-slash-help-1';
    const sent = performance.now();
    connection.send(
      JSON.stringify({
        envelope_id: envelopeId,
        type: 'slash_commands',
        accepts_response_payload: true,
        retry_attempt: 0,
        retry_reason: '',
        payload: slashCommandPayload('help', `${harness.slack.url}/respond/socket-help`, who),
      }),
    );
    const ack = await socket.waitFor((message) => message['envelope_id'] === envelopeId, SLACK_ACK_DEADLINE_MS);
    expect(performance.now() - sent).toBeLessThan(SLACK_ACK_DEADLINE_MS);
    expect(ack['envelope_id']).toBe(envelopeId);

    const reply = await harness.slack.waitFor((request) => request.path === '/respond/socket-help');
    const { text, response_type } = reply.json as { text?: string; response_type?: string };
    expect(response_type).toBe('ephemeral');
    expect(text).toContain('Getting started');
  });

  it('is ready while Slack refuses the socket, and shows Slack as refused with the reason', async () => {
    harness = await startTestBot(
      { SLACK_APP_TOKEN: APP_TOKEN },
      {
        slackApi: (request) => (request.path === '/apps.connections.open' ? { body: { ok: false, error: 'invalid_auth' } } : undefined),
      },
    );
    const answer = await eventually(
      () => readyz(harness!),
      (value) => value.body.platforms?.slack?.state === 'refused',
    );
    expect(answer).toEqual({ status: 200, body: { status: 'ready', platforms: { slack: { state: 'refused', reason: 'invalid_auth' } } } });
    expect(JSON.stringify(answer.body)).not.toContain(APP_TOKEN);
  });

  it('is ready while the socket stand-in is down, and shows Slack as not connected', async () => {
    harness = await startTestBot(
      { SLACK_APP_TOKEN: APP_TOKEN },
      { slackApi: (request) => (request.path === '/apps.connections.open' ? { body: { ok: true, url: 'ws://127.0.0.1:9/' } } : undefined) },
    );
    const answer = await readyz(harness);
    expect(answer.status).toBe(200);
    expect(answer.body.status).toBe('ready');
    expect(answer.body.platforms?.slack?.state).not.toBe('connected');
  });

  describe('after a disconnect', () => {
    const who = { teamId: 'T0TEST', userId: 'U0SOCKET', channelId: 'C0SOCKET' };
    const opens = () => Promise.resolve(harness!.slack.requests.filter((request) => request.path === '/apps.connections.open').length);
    const state = async () => (await readyz(harness!)).body.platforms?.slack;

    it('asks for a new socket when Slack sends disconnect (refresh_requested), and goes on answering there', async () => {
      harness = await startTestBot({}, { slackTransport: 'socket' });
      const stand = harness.slackSocket!;
      expect(await slackCommandText(harness, who, 'help')).toContain('Getting started');
      const first = stand.current()!;
      const closed = new Promise<void>((resolve) => first.once('close', () => resolve()));
      const next = stand.nextConnection(10_000);
      first.send(JSON.stringify({ type: 'disconnect', reason: 'refresh_requested', debug_info: { host: 'applink-local' } }));
      await closed;
      await next;
      expect(await opens()).toBe(2);
      expect(stand.connections).toBe(2);
      expect((await eventually(state, (value) => value?.state === 'connected'))?.state).toBe('connected');
      expect(await slackCommandText(harness, who, 'regions')).toContain('North East and Yorkshire');
    });

    it('reconnects after the connection drops, and goes on answering', async () => {
      harness = await startTestBot({}, { slackTransport: 'socket' });
      const stand = harness.slackSocket!;
      const next = stand.nextConnection(10_000);
      // No close frame: the connection is cut, as by a network failure.
      stand.current()!.terminate();
      await next;
      expect(await opens()).toBe(2);
      expect(await slackCommandText(harness, who, 'regions')).toContain('North East and Yorkshire');
    });

    it('shows Slack as refused, with no unhandled rejection, while Slack refuses a new socket; connects once it agrees again', async () => {
      const unhandled: unknown[] = [];
      const record = (reason: unknown) => unhandled.push(reason);
      process.on('unhandledRejection', record);
      try {
        let refuse = false;
        harness = await startTestBot(
          {},
          {
            slackTransport: 'socket',
            slackApi: (request) =>
              refuse && request.path === '/apps.connections.open' ? { body: { ok: false, error: 'invalid_auth' } } : undefined,
          },
        );
        const stand = harness.slackSocket!;
        refuse = true;
        stand.current()!.terminate();
        const refused = await eventually(state, (value) => value?.state === 'refused', 10_000);
        expect(refused).toEqual({ state: 'refused', reason: 'invalid_auth' });
        expect((await readyz(harness)).status).toBe(200);
        // The adapter tries again with backoff (1 s, then 2 s): the refusal stands, one state, however many tries.
        await eventually(opens, (count) => count >= 3, 10_000);
        expect(await state()).toEqual({ state: 'refused', reason: 'invalid_auth' });

        refuse = false;
        const next = stand.nextConnection(15_000);
        await next;
        expect((await eventually(state, (value) => value?.state === 'connected'))?.state).toBe('connected');
        expect(await slackCommandText(harness, who, 'regions')).toContain('North East and Yorkshire');
        expect(unhandled).toEqual([]);
      } finally {
        process.off('unhandledRejection', record);
      }
    }, 30_000);
  });
});
