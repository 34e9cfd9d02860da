// How a test delivers what Slack sends to the bot, over either of Slack's transports:
// - `http`: signed requests to the bot's /slack/events endpoint (Bolt's HTTP receiver);
// - `socket`: envelopes over a WebSocket, from a local server playing Slack's side of Socket Mode, to which
//   the bot connects at the address the Web API stand-in's apps.connections.open gives it.
// Either way the test gets back Slack's view of the answer: the acknowledgement and its payload (form
// errors, a select's options), if any.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect } from 'vitest';
import { WebSocketServer, type WebSocket } from 'ws';
import { interactiveBody, postToSlackEndpoint } from '../../src/dev/slack-requests.js';

export type SlackTransportName = 'http' | 'socket';
export const SLACK_TRANSPORTS: readonly SlackTransportName[] = ['http', 'socket'];

/** Something Slack sends the bot: a slash command, an interactive payload, or an Events API callback. */
export type SlackDelivery =
  | { readonly type: 'slash_commands'; readonly payload: Record<string, string> }
  | { readonly type: 'interactive'; readonly payload: Record<string, unknown> }
  | { readonly type: 'events_api'; readonly payload: Record<string, unknown> };

/** The bot's acknowledgement: its payload (undefined when empty) and how long it took. */
export interface SlackAck {
  readonly payload: Record<string, unknown> | undefined;
  readonly ms: number;
}

/** Slack has 3 seconds for an acknowledgement; tests allow the same (a protocol deadline, not a benchmark). */
export const SLACK_ACK_DEADLINE_MS = 3000;
const ACK_WAIT_MS = 30_000;

export interface SlackTransport {
  readonly name: SlackTransportName;
  /** Every acknowledgement so far, in order: tests hold them to Slack's deadline. */
  readonly acks: readonly SlackAck[];
  /** Delivers to the bot and resolves with its acknowledgement; `retryAttempt` > 0 marks a redelivery. */
  deliver(delivery: SlackDelivery, options?: { readonly retryAttempt?: number }): Promise<SlackAck>;
}

export function httpTransport(botUrl: string, signingSecret: string): SlackTransport {
  const acks: SlackAck[] = [];
  return {
    name: 'http',
    acks,
    async deliver(delivery, options = {}) {
      const started = performance.now();
      const json = delivery.type === 'events_api';
      const body =
        delivery.type === 'slash_commands'
          ? new URLSearchParams(delivery.payload).toString()
          : json
            ? JSON.stringify(delivery.payload)
            : interactiveBody(delivery.payload);
      // Slack marks a redelivered event with these headers.
      const retry: Record<string, string> = options.retryAttempt
        ? { 'x-slack-retry-num': String(options.retryAttempt), 'x-slack-retry-reason': 'timeout' }
        : {};
      const response = await postToSlackEndpoint(botUrl, body, signingSecret, { json, headers: retry });
      const text = await response.text();
      const ms = performance.now() - started;
      expect(response.status, text).toBe(200);
      const ack = { payload: text === '' ? undefined : (JSON.parse(text) as Record<string, unknown>), ms };
      acks.push(ack);
      return ack;
    },
  };
}

/** Slack's side of the socket: says hello to each connection and records what the bot sends back. */
export interface SocketStandIn {
  readonly url: string;
  /** Every message the bot sent over any connection (acknowledgements). */
  readonly received: Record<string, unknown>[];
  /** How many connections the bot has opened so far. */
  readonly connections: number;
  /** The connection opened last (undefined before the first). */
  current(): WebSocket | undefined;
  /** Resolves with the next connection the bot opens (already greeted with hello). */
  nextConnection(timeoutMs?: number): Promise<WebSocket>;
  /** Resolves with the first message from the bot that matches, or rejects after the timeout. */
  waitFor(match: (message: Record<string, unknown>) => boolean, timeoutMs?: number): Promise<Record<string, unknown>>;
  close(): Promise<void>;
}

export async function startSocketStandIn(): Promise<SocketStandIn> {
  const http: Server = createServer();
  const wss = new WebSocketServer({ server: http });
  const received: Record<string, unknown>[] = [];
  const waiters: { match: (message: Record<string, unknown>) => boolean; resolve: (message: Record<string, unknown>) => void }[] = [];
  const opened: WebSocket[] = [];
  let latest: WebSocket | undefined;
  let count = 0;
  const connectionWaiters: ((socket: WebSocket) => void)[] = [];
  wss.on('connection', (socket) => {
    count += 1;
    latest = socket;
    socket.on('message', (data: Buffer) => {
      const message = JSON.parse(data.toString('utf8')) as Record<string, unknown>;
      received.push(message);
      for (const waiter of waiters.filter((w) => w.match(message))) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(message);
      }
    });
    socket.send(JSON.stringify({ type: 'hello', num_connections: 1, connection_info: { app_id: 'A0LOCAL' } }));
    const waiter = connectionWaiters.shift();
    if (waiter) waiter(socket);
    else opened.push(socket);
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', () => resolve()));
  const { port } = http.address() as AddressInfo;
  return {
    url: `ws://127.0.0.1:${port}/`,
    received,
    get connections() {
      return count;
    },
    current: () => latest,
    nextConnection(timeoutMs = 5000) {
      const ready = opened.shift();
      if (ready) return Promise.resolve(ready);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('the bot did not open the socket')), timeoutMs);
        connectionWaiters.push((socket) => {
          clearTimeout(timer);
          resolve(socket);
        });
      });
    },
    waitFor(match, timeoutMs = SLACK_ACK_DEADLINE_MS) {
      const found = received.find(match);
      if (found) return Promise.resolve(found);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('no matching message from the bot')), timeoutMs);
        waiters.push({
          match,
          resolve: (message) => {
            clearTimeout(timer);
            resolve(message);
          },
        });
      });
    },
    async close() {
      for (const client of wss.clients) client.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      await new Promise<void>((resolve) => http.close(() => resolve()));
    },
  };
}

let envelopes = 0;

/** Sends an envelope over the socket stand-in's latest connection and waits (up to Slack's deadline) for its acknowledgement. */
export async function sendEnvelope(
  socket: SocketStandIn,
  delivery: SlackDelivery,
  options: { readonly retryAttempt?: number } = {},
): Promise<SlackAck> {
  const connection = socket.current();
  if (!connection) throw new Error('the bot has not connected to the socket stand-in');
  const envelopeId = `envelope-${++envelopes}`;
  const started = performance.now();
  connection.send(
    JSON.stringify({
      envelope_id: envelopeId,
      type: delivery.type,
      // Slack lets slash commands and interactive payloads carry a response in the acknowledgement.
      accepts_response_payload: delivery.type !== 'events_api',
      retry_attempt: options.retryAttempt ?? 0,
      retry_reason: options.retryAttempt ? 'timeout' : '',
      payload: delivery.payload,
    }),
  );
  // Waits past the deadline so that a late acknowledgement shows as its time (tests assert it), not as a missing one.
  const ack = await socket.waitFor((message) => message['envelope_id'] === envelopeId, ACK_WAIT_MS);
  const ms = performance.now() - started;
  const payload = ack['payload'] as Record<string, unknown> | undefined;
  return { payload: payload && Object.keys(payload).length > 0 ? payload : undefined, ms };
}

export function socketTransport(socket: SocketStandIn): SlackTransport {
  const acks: SlackAck[] = [];
  return {
    name: 'socket',
    acks,
    async deliver(delivery, options) {
      const ack = await sendEnvelope(socket, delivery, options);
      acks.push(ack);
      return ack;
    },
  };
}
