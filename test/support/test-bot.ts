// Starts the real bot (the same startBot as `npm start`) on a free port with a fresh database, and local
// servers standing in for Slack's Web API and response URLs and for the Bot Connector.
import { startBot, type RunningBot } from '../../src/app/bot.js';
import { loadConfig } from '../../src/config.js';
import { startRecordingServer, type RecordedRequest, type RecordingServer } from '../../src/dev/recording-server.js';
import { createLogger } from '../../src/logger.js';
import { dropTestSchema, testDatabase } from './test-database.js';
import { activityProblems } from './teams-cards.js';
import { TestClock } from './test-clock.js';
import {
  httpTransport,
  socketTransport,
  startSocketStandIn,
  type SlackTransport,
  type SlackTransportName,
  type SocketStandIn,
} from './slack-transport.js';

export const SIGNING_SECRET = 'test-signing-secret';
export const BOT_USER_ID = 'U0BOT';

export interface TestBot {
  readonly url: string;
  readonly bot: RunningBot;
  /** Stands in for Slack: the Web API (via SLACK_API_URL) and response URLs (`/respond/...`). */
  readonly slack: RecordingServer;
  /** Stands in for the Bot Connector: Teams activities' serviceUrl points here. */
  readonly connector: RecordingServer;
  /** How the test's Slack requests reach the bot: signed HTTP requests, or envelopes over Socket Mode. */
  readonly slackTransport: SlackTransport;
  /** Over Socket Mode: the server playing Slack's side of the socket. */
  readonly slackSocket?: SocketStandIn;
  /**
   * What was wrong with the activities the bot sent to the connector stand-in (a card the official
   * `adaptivecards` library objects to, or an activity over the byte budget). `stop()` fails if any.
   */
  readonly teamsProblems: string[];
  /** The time the bot reads: the wall clock until the test moves it on. */
  readonly clock: TestClock;
  /** Sends every queued proactive message that is due now, then resolves. */
  drainOutbox(): Promise<void>;
  /**
   * Resolves once the bot has finished what the requests so far started (Slack listeners' work after
   * their acknowledgement, Teams file imports) and the outbox has nothing due left: then what did not
   * happen will not happen (until the clock moves on).
   */
  idle(): Promise<void>;
  /**
   * Puts a file where Slack and Teams would keep a shared file: Slack's stand-in serves it (to the bot
   * token only, as Slack does) at `slackUrl`, also named by files.info for `id`; the connector's stand-in
   * serves it at `teamsUrl`, as SharePoint serves a pre-authorised download link.
   */
  shareFile(name: string, content: string | Buffer): SharedTestFile;
  stop(): Promise<void>;
}

export interface SharedTestFile {
  readonly id: string;
  readonly name: string;
  readonly size: number;
  readonly slackUrl: string;
  readonly teamsUrl: string;
}

/** Files shared in a test, by the path they are served at. */
type FileStore = Map<string, Buffer>;

/** Serves a shared file's bytes, or undefined when the request is not for one. */
function servedFile(
  request: RecordedRequest,
  files: FileStore,
  token?: string,
): { status: number; raw: Buffer | string; headers: Record<string, string> } | undefined {
  if (request.method !== 'GET') return undefined;
  const bytes = files.get(request.path);
  if (bytes === undefined) return undefined;
  // Slack answers a request without the bot token with its sign-in page (a 200), not an error.
  if (token !== undefined && request.headers.authorization !== `Bearer ${token}`)
    return { status: 200, raw: '<html>Sign in</html>', headers: { 'content-type': 'text/html' } };
  return { status: 200, raw: bytes, headers: { 'content-type': 'text/csv', 'content-length': String(bytes.length) } };
}

export interface TestBotOptions {
  /** Answers some Slack Web API calls differently (e.g. an error); undefined leaves the usual `{ ok: true }`. */
  readonly slackApi?: (request: RecordedRequest) => { status?: number; body?: unknown } | undefined;
  /** Answers some Bot Connector calls differently (e.g. 403 for a conversation the bot was removed from). */
  readonly connectorApi?: (request: RecordedRequest) => { status?: number; body?: unknown } | undefined;
  /**
   * Verified email addresses by platform user id (Slack U…, Teams 29:…): Slack's users.info gives them as
   * `profile.email`, the Bot Connector's conversation member API as `email`. A Slack user not listed has
   * no email in their profile (as when the email scope is missing); a Teams user not listed is not found (404).
   */
  readonly emails?: Readonly<Record<string, string>>;
  /** The clock the bot reads (a fresh test clock by default). */
  readonly clock?: TestClock;
  /**
   * How Slack reaches the bot: `http` (the default) posts signed requests to /slack/events; `socket` runs the
   * bot in Socket Mode (SLACK_APP_TOKEN), connected to a local socket stand-in before the harness is returned.
   */
  readonly slackTransport?: SlackTransportName;
  /** Every log line the bot writes (JSON, one per entry) is pushed here instead of going to standard output. */
  readonly logLines?: string[];
}

/** The app-level token the test bot is given in Socket Mode. */
export const SLACK_APP_TOKEN = 'xapp-1-test-app-token';

let messageCount = 0;

/** Slack's Web API as far as the bot uses it: who the bot is, and where a posted message landed. */
function slackWebApi(request: RecordedRequest, emails: Readonly<Record<string, string>>, files: FileStore): { body: unknown } {
  switch (request.path) {
    case '/files.info': {
      const { file } = request.json as { file?: string };
      const path = [...files.keys()].find((key) => key.startsWith(`/files-pri/T0TEST-${file}/`));
      const name = path === undefined ? undefined : decodeURIComponent(path.split('/').at(-1)!);
      return {
        body: path
          ? {
              ok: true,
              file: { id: file, name, size: files.get(path)!.length, url_private_download: `http://${request.headers.host}${path}` },
            }
          : { ok: false, error: 'file_not_found' },
      };
    }
    case '/users.info': {
      const { user } = request.json as { user?: string };
      const email = user === undefined ? undefined : emails[user];
      return {
        body: { ok: true, user: { id: user, is_bot: false, is_email_confirmed: true, profile: email === undefined ? {} : { email } } },
      };
    }
    case '/auth.test':
      return {
        body: {
          ok: true,
          url: 'https://local.slack.test/',
          team: 'Local',
          user: 'cop',
          team_id: 'T0TEST',
          user_id: BOT_USER_ID,
          bot_id: 'B0BOT',
        },
      };
    case '/chat.postMessage':
    case '/chat.update': {
      const { channel, ts } = request.json as { channel?: string; ts?: string };
      // A message to a user id lands in the direct message channel with them.
      const landed = channel?.startsWith('U') ? `D${channel.slice(1)}` : channel;
      return { body: { ok: true, channel: landed, ts: ts ?? `1700000000.${String(++messageCount).padStart(6, '0')}` } };
    }
    case '/conversations.open': {
      const { users } = request.json as { users?: string };
      return { body: { ok: true, channel: { id: `D${(users ?? '').slice(1)}` } } };
    }
    case '/files.getUploadURLExternal':
      // Slack hands out an upload address of its own; here it is this stand-in, which records the bytes.
      return { body: { ok: true, upload_url: `http://${request.headers.host}/upload/F${++messageCount}`, file_id: `F${messageCount}` } };
    case '/files.completeUploadExternal': {
      // The files named, as Slack gives them back (their ids come from getUploadURLExternal above).
      const { files: completed } = request.json as { files?: string | { id?: string; title?: string }[] };
      const list = typeof completed === 'string' ? (JSON.parse(completed) as { id?: string; title?: string }[]) : (completed ?? []);
      return { body: { ok: true, files: list.map((file) => ({ id: file.id, title: file.title ?? 'file' })) } };
    }
    default:
      return { body: { ok: true } };
  }
}

let activityCount = 0;

/** The personal chat the connector stand-in opens between the bot and a person. */
export function personalChatId(userId: string): string {
  return `a:personal-chat-${userId.replace(/[^\w-]/g, '_')}`;
}

/** The Bot Connector as far as the bot uses it: a conversation member's details, and sent activities. */
function connectorApi(request: RecordedRequest, emails: Readonly<Record<string, string>>): { status: number; body: unknown } {
  const member = request.method === 'GET' ? /^\/v3\/conversations\/[^/]+\/members\/([^/?]+)$/.exec(request.path) : null;
  if (member?.[1] !== undefined) {
    const userId = decodeURIComponent(member[1]);
    const email = emails[userId];
    if (email === undefined)
      return { status: 404, body: { error: { code: 'MemberNotFoundInConversation', message: 'The member was not found.' } } };
    return { status: 200, body: { id: userId, name: 'Member', email, userPrincipalName: email, userRole: 'user' } };
  }
  // Opening a personal chat: Teams gives the same conversation for the same person every time.
  if (request.method === 'POST' && request.path === '/v3/conversations') {
    const { members } = request.json as { members?: { id?: string }[] };
    return { status: 201, body: { id: personalChatId(members?.[0]?.id ?? '') } };
  }
  return { status: 201, body: { id: `activity-${++activityCount}` } };
}

const SLACK_BOT_TOKEN = 'xoxb-test-token';
let fileCount = 0;

export async function startTestBot(env: Record<string, string> = {}, options: TestBotOptions = {}): Promise<TestBot> {
  const slackFiles: FileStore = new Map();
  const teamsFiles: FileStore = new Map();
  const socket = options.slackTransport === 'socket' ? await startSocketStandIn() : undefined;
  const slack = await startRecordingServer(
    (request) =>
      servedFile(request, slackFiles, SLACK_BOT_TOKEN) ??
      options.slackApi?.(request) ??
      (socket && request.path === '/apps.connections.open' ? { body: { ok: true, url: socket.url } } : undefined) ??
      slackWebApi(request, options.emails ?? {}, slackFiles),
  );
  const teamsProblems: string[] = [];
  const connector = await startRecordingServer((request) => {
    // Every activity the bot sends to Teams is checked by validators nobody here wrote.
    if ((request.method === 'POST' || request.method === 'PUT') && /\/activities(\/[^/]+)?$/.test(request.path)) {
      for (const problem of activityProblems(request.json, Buffer.byteLength(request.body)))
        teamsProblems.push(`${request.method} ${request.path}: ${problem}`);
    }
    return servedFile(request, teamsFiles) ?? options.connectorApi?.(request) ?? connectorApi(request, options.emails ?? {});
  });
  const database = testDatabase();
  const config = loadConfig({
    PORT: '0',
    NODE_ENV: 'test',
    LOG_LEVEL: process.env['TEST_LOG_LEVEL'] ?? 'silent',
    DATABASE_URL: database.url,
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_BOT_TOKEN,
    SLACK_API_URL: `${slack.url}/`,
    COP_DEMO_DATA: 'false',
    ...(socket ? { SLACK_APP_TOKEN } : {}),
    ...env,
  });
  const clock = options.clock ?? new TestClock();
  const lines = options.logLines;
  const destination = lines ? { write: (line: string) => void lines.push(line) } : undefined;
  const bot = await startBot(config, createLogger(config.logLevel, false, destination), { clock });
  await bot.ready;
  // Readiness does not wait for Slack's socket: the harness does, so that the test's first envelope has a connection.
  if (socket) await socket.nextConnection(30_000);
  const url = `http://127.0.0.1:${bot.port}`;
  return {
    url,
    bot,
    slack,
    connector,
    slackTransport: socket ? socketTransport(socket) : httpTransport(url, SIGNING_SECRET),
    ...(socket ? { slackSocket: socket } : {}),
    teamsProblems,
    clock,
    drainOutbox: () => bot.drainOutbox(),
    idle: () => bot.idle(),
    shareFile(name, content) {
      const id = `F${String(++fileCount).padStart(6, '0')}`;
      const bytes = Buffer.isBuffer(content) ? content : Buffer.from(content, 'utf8');
      const slackPath = `/files-pri/T0TEST-${id}/download/${encodeURIComponent(name)}`;
      const teamsPath = `/sites/shared/${id}/${encodeURIComponent(name)}`;
      slackFiles.set(slackPath, bytes);
      teamsFiles.set(teamsPath, bytes);
      return { id, name, size: bytes.length, slackUrl: `${slack.url}${slackPath}`, teamsUrl: `${connector.url}${teamsPath}` };
    },
    async stop() {
      await bot.stop();
      await dropTestSchema(database);
      await Promise.all([slack.close(), connector.close(), socket?.close()]);
      if (teamsProblems.length > 0)
        throw new Error(`The bot sent Teams activities that fail the card checks:\n${teamsProblems.join('\n')}`);
    },
  };
}
