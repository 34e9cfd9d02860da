// A small local HTTP server that records the requests it receives and answers each with a handler's
// reply. It stands in for Slack (response_url, Web API) and the Bot Connector in tests and local tools.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  readonly method: string;
  readonly path: string;
  readonly headers: IncomingMessage['headers'];
  readonly body: string;
  /** The body's bytes as received (a file's, which `body` as UTF-8 text would spoil). */
  readonly bytes: Buffer;
  /** The body parsed as JSON, or as a form when it is form-encoded; undefined otherwise. */
  readonly json: unknown;
}

/** A reply: `body` is sent as JSON; `raw` is sent as it is (a file's bytes), with the headers given. */
export type Responder = (request: RecordedRequest) => {
  status?: number;
  body?: unknown;
  raw?: string | Buffer;
  headers?: Record<string, string>;
};

export interface RecordingServer {
  readonly url: string;
  readonly requests: RecordedRequest[];
  /** Resolves with the first recorded request (past or future) that matches, or rejects after the timeout. */
  waitFor(match: (request: RecordedRequest) => boolean, timeoutMs?: number): Promise<RecordedRequest>;
  /**
   * Records the requests that match at once but answers them only once the returned function is called
   * (a slow Slack, say): whoever sent them waits meanwhile.
   */
  hold(match: (request: RecordedRequest) => boolean): () => void;
  close(): Promise<void>;
}

function parseBody(body: string, contentType: string | undefined): unknown {
  if (body === '') return undefined;
  if (contentType?.includes('application/x-www-form-urlencoded')) {
    const form: Record<string, unknown> = Object.fromEntries(new URLSearchParams(body));
    for (const [key, value] of Object.entries(form)) {
      if (typeof value === 'string' && /^[[{]/.test(value)) {
        try {
          form[key] = JSON.parse(value) as unknown;
        } catch {
          // Not JSON after all: keep the text.
        }
      }
    }
    return form;
  }
  try {
    return JSON.parse(body) as unknown;
  } catch {
    return undefined;
  }
}

export async function startRecordingServer(respond: Responder = () => ({ status: 200, body: { ok: true } })): Promise<RecordingServer> {
  const requests: RecordedRequest[] = [];
  const waiters: { match: (request: RecordedRequest) => boolean; resolve: (request: RecordedRequest) => void }[] = [];
  const holds: { match: (request: RecordedRequest) => boolean; released: Promise<void> }[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const bytes = Buffer.concat(chunks);
      const body = bytes.toString('utf8');
      const recorded: RecordedRequest = {
        method: req.method ?? 'GET',
        path: req.url ?? '/',
        headers: req.headers,
        body,
        bytes,
        json: parseBody(body, req.headers['content-type']),
      };
      requests.push(recorded);
      for (const waiter of [...waiters]) {
        if (waiter.match(recorded)) {
          waiters.splice(waiters.indexOf(waiter), 1);
          waiter.resolve(recorded);
        }
      }
      const answer = () => {
        const reply = respond(recorded);
        if (reply.raw !== undefined) {
          res.writeHead(reply.status ?? 200, { 'content-type': 'application/octet-stream', ...reply.headers });
          res.end(reply.raw);
          return;
        }
        res.writeHead(reply.status ?? 200, { 'content-type': 'application/json', ...reply.headers });
        res.end(reply.body === undefined ? '' : JSON.stringify(reply.body));
      };
      const held = holds.filter((hold) => hold.match(recorded));
      if (held.length === 0) answer();
      else void Promise.all(held.map((hold) => hold.released)).then(answer);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    waitFor(match, timeoutMs = 10_000) {
      const found = requests.find(match);
      if (found) return Promise.resolve(found);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no matching request within ${timeoutMs} ms`)), timeoutMs);
        waiters.push({
          match,
          resolve: (request) => {
            clearTimeout(timer);
            resolve(request);
          },
        });
      });
    },
    hold(match) {
      let release = () => undefined as void;
      const released = new Promise<void>((resolve) => (release = resolve));
      const hold = { match, released };
      holds.push(hold);
      return () => {
        holds.splice(holds.indexOf(hold), 1);
        release();
      };
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
