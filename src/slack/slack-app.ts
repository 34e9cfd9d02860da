// The Slack adapter: a Bolt app over HTTP (ExpressReceiver mounted on our server at /slack/events, with
// Slack's request signatures checked) or over Socket Mode when an app-level token is configured.
import { App, ExpressReceiver, SocketModeReceiver, webApi, type AuthorizeResult } from '@slack/bolt';
import type { Express } from 'express';
import type { SlackConfig } from '../config.js';
import type { BotCore } from '../core/bot-core.js';
import type { Logger } from '../logger.js';
import { registerActions } from './listeners/actions.js';
import { registerCommands } from './listeners/commands.js';
import { registerEvents } from './listeners/events.js';
import { registerFileUploads, SLACK_FILE_ORIGIN } from './listeners/file-uploads.js';
import { registerViews } from './listeners/views.js';
import { deliveryKey, Redeliveries } from './redeliveries.js';
import { registerDirectMessages } from './listeners/direct-messages.js';
import { boltLogger, quietBoltLogger } from './slack-logger.js';

export const SLACK_EVENTS_PATH = '/slack/events';
/** The bot's identity when running locally without Slack credentials. */
export const LOCAL_BOT_ID = 'B0LOCALBOT';
export const LOCAL_BOT_USER_ID = 'U0LOCALBOT';

/** Where Slack's connection stands: over HTTP there is none (Slack calls us); over Socket Mode, the socket's state. */
export type SlackConnection =
  | { readonly state: 'http' }
  | { readonly state: 'connecting' | 'connected' | 'reconnecting' | 'stopped' }
  | { readonly state: 'refused'; readonly reason: string };

/** The wait before trying Socket Mode again after Slack refused or could not be reached: doubles each time, up to the maximum. */
export const SOCKET_RETRY_FIRST_MS = 1000;
export const SOCKET_RETRY_MAX_MS = 60_000;

/** Why a connection attempt failed, in a few words, never with a token in them. */
function refusalReason(error: unknown): string {
  const code = (error as { data?: { error?: unknown } }).data?.error;
  const text = typeof code === 'string' ? code : error instanceof Error ? (error.message.split('\n')[0] ?? error.name) : String(error);
  return text.replace(/\bx(?:ox[a-z]|app)-[\w-]+/gi, '[token]');
}

/** Slack's answers to a bot token it will not take: the operator has to fix the token, not wait. */
const TOKEN_REFUSALS = new Set(['invalid_auth', 'not_authed', 'token_revoked', 'token_expired', 'account_inactive', 'no_permission']);

/** What to tell the operator when Slack did not say who the bot is (one line, no token, no stack trace). */
function identityProblem(error: unknown): { readonly reason: string; readonly tokenRefused: boolean } {
  const reason = refusalReason(error);
  return TOKEN_REFUSALS.has(reason)
    ? { reason: `Slack rejected SLACK_BOT_TOKEN (${reason}): check the token in OAuth & Permissions`, tokenRefused: true }
    : { reason, tokenRefused: false };
}

export interface SlackAdapter {
  readonly mode: 'http' | 'socket';
  /** Over Socket Mode, starts connecting in the background (with retries) and resolves at once. */
  start(): Promise<void>;
  /** The connection's state, for /readyz. */
  connection(): SlackConnection;
  stop(): Promise<void>;
  /** Resolves when the listeners' work on the requests received so far has finished (it goes on after the acknowledgement). */
  idle(): Promise<void>;
}

export function createSlackAdapter(config: SlackConfig, core: BotCore, server: Express, logger: Logger): SlackAdapter {
  const log = boltLogger(logger);
  // Every Slack call, the socket's address included, goes to the same Web API (SLACK_API_URL) with the same retries.
  // Interactive paths must answer fast: a retried post after a timeout could post twice.
  const clientOptions = { ...(config.apiUrl ? { slackApiUrl: config.apiUrl } : {}), retryConfig: { retries: 2 } };
  // The library's own reconnection is off: it waits 5 s more after each failure and, when asking for a
  // new address fails for good, leaves a rejected promise nobody handles. The adapter reconnects instead.
  const socketReceiver = config.appToken
    ? new SocketModeReceiver({
        appToken: config.appToken,
        logger: quietBoltLogger(logger),
        autoReconnectEnabled: false,
        installerOptions: { clientOptions },
      })
    : undefined;
  const receiver =
    socketReceiver ?? new ExpressReceiver({ signingSecret: config.signingSecret, endpoints: SLACK_EVENTS_PATH, app: server, logger: log });
  // Who the bot is: with real credentials, asked of Slack (auth.test) once it answers; with the local
  // stand-in credentials there is no Slack to ask, so the bot's identity is fixed. Bolt's own check with a
  // token asks once, when the app is built, and keeps the answer even when it is a failure: a Slack
  // unreachable at start-up would then leave a rejected promise nobody handles, and every request
  // refused until a restart. Here a failure is forgotten: the next request, or the background retry (checkIdentity), asks again.
  const identityClient = new webApi.WebClient(config.botToken, { ...clientOptions, logger: quietBoltLogger(logger) });
  let identity: Promise<AuthorizeResult> | undefined;
  const authorize = (): Promise<AuthorizeResult> => {
    if (!config.configured) return Promise.resolve({ botToken: config.botToken, botId: LOCAL_BOT_ID, botUserId: LOCAL_BOT_USER_ID });
    if (identity === undefined) {
      const asked = identityClient.auth
        .test()
        .then((result) => ({ botToken: config.botToken, botId: result.bot_id, botUserId: result.user_id }));
      identity = asked;
      asked.then(
        // Over HTTP a refused token is the connection's state until Slack takes one.
        () => {
          if (!socketReceiver && connection.state === 'refused') connection = { state: 'http' };
        },
        () => {
          if (identity === asked) identity = undefined;
        },
      );
    }
    return identity;
  };
  const app = new App({ receiver, authorize, logger: log, clientOptions });

  // A redelivery (HTTP's X-Slack-Retry-Num, Socket Mode's retry_attempt) of something handled already is
  // acknowledged and goes no further. Events are acknowledged by Bolt before this.
  const redeliveries = new Redeliveries();
  const slackLog = logger.child({ component: 'slack' });
  app.use(async (args) => {
    const key = deliveryKey(args.body);
    if (key !== undefined && redeliveries.alreadyHandled(key, args.context.retryNum)) {
      slackLog.info(
        { retryNum: args.context.retryNum, retryReason: args.context.retryReason },
        'Slack redelivered a request already handled',
      );
      if ('ack' in args && typeof args.ack === 'function') await args.ack();
      return;
    }
    await args.next();
  });

  // Listeners go on working after acknowledging a request: the work in flight is kept, for idle().
  const running = new Set<Promise<void>>();
  app.use(async ({ next }) => {
    const work = next();
    running.add(work);
    try {
      await work;
    } finally {
      running.delete(work);
    }
  });

  registerCommands(app, core, logger);
  registerActions(app, core, logger);
  registerEvents(app, core, logger);
  registerDirectMessages(app, core, logger);
  registerViews(app, core, logger);
  // Files come from Slack's file host; a local Web API stand-in (SLACK_API_URL) may serve them too.
  registerFileUploads(app, core, [SLACK_FILE_ORIGIN, ...(config.apiUrl ? [new URL(config.apiUrl).origin] : [])], logger);
  app.error((error) => {
    logger.error({ err: error, component: 'slack' }, 'unhandled error in a Slack listener');
    return Promise.resolve();
  });

  // Socket Mode's connection: one log line per change of state, whatever the number of tries.
  const socketLog = logger.child({ component: 'slack', transport: 'socket' });
  let connection: SlackConnection = { state: socketReceiver ? 'connecting' : 'http' };
  let stopping = false;
  let retryTimer: NodeJS.Timeout | undefined;
  let failures = 0;
  const moveTo = (next: SlackConnection) => {
    if (stopping && next.state !== 'stopped') return;
    const reason = next.state === 'refused' ? next.reason : undefined;
    if (next.state === connection.state && reason === (connection.state === 'refused' ? connection.reason : undefined)) return;
    connection = next;
    if (next.state === 'refused') socketLog.warn({ state: next.state, reason }, 'Slack socket refused; trying again in the background');
    else socketLog.info({ state: next.state }, `Slack socket ${next.state}`);
  };
  const socket = socketReceiver?.client;
  // A refusal stands until the socket connects: each new try is not a change of state.
  socket?.on('connecting', () => {
    if (connection.state !== 'refused') moveTo({ state: connection.state === 'connecting' ? 'connecting' : 'reconnecting' });
  });
  socket?.on('connected', () => {
    failures = 0;
    moveTo({ state: 'connected' });
  });
  // The socket closed: Slack asked for a new connection (`disconnect`), the connection dropped, or pings
  // went unanswered. After a connection that worked, the first try is at once; then with backoff.
  socket?.on('disconnected', () => {
    if (stopping) return;
    if (connection.state !== 'refused') moveTo({ state: connection.state === 'connecting' ? 'connecting' : 'reconnecting' });
    retryLater();
  });
  let connecting = false;
  const retryLater = () => {
    if (stopping || connecting || retryTimer !== undefined) return;
    const wait = failures === 0 ? 0 : Math.min(SOCKET_RETRY_FIRST_MS * 2 ** (failures - 1), SOCKET_RETRY_MAX_MS);
    failures += 1;
    retryTimer = setTimeout(() => {
      retryTimer = undefined;
      void connect();
    }, wait);
    retryTimer.unref();
  };
  const connect = async (): Promise<void> => {
    connecting = true;
    try {
      await app.start();
    } catch (error) {
      if (stopping) return;
      // Slack's Web API answered no (e.g. invalid_auth) or could not be reached. A socket that closed before
      // Slack's hello rejects with nothing: the 'disconnected' listener has seen to it.
      if (error !== undefined) moveTo({ state: 'refused', reason: refusalReason(error) });
    } finally {
      connecting = false;
    }
    if (connection.state !== 'connected') retryLater();
  };

  // Who the bot is, asked at start and (over HTTP) again in the background until Slack answers: one log
  // line when the problem starts or changes, one when it is over.
  let identityRetry: NodeJS.Timeout | undefined;
  let identityFailures = 0;
  let identityShown: string | undefined;
  const checkIdentity = (): void => {
    identityRetry = undefined;
    authorize().then(
      () => {
        identityFailures = 0;
        if (identityShown === undefined) return;
        identityShown = undefined;
        slackLog.info('Slack said who the bot is: serving Slack again');
      },
      (error: unknown) => {
        const problem = identityProblem(error);
        if (!socketReceiver && problem.tokenRefused) connection = { state: 'refused', reason: problem.reason };
        if (problem.reason !== identityShown) {
          identityShown = problem.reason;
          slackLog.warn(
            { reason: problem.reason },
            socketReceiver ? 'Slack did not say who the bot is' : 'Slack did not say who the bot is; asking again in the background',
          );
        }
        if (stopping || socketReceiver) return;
        const wait = Math.min(SOCKET_RETRY_FIRST_MS * 2 ** identityFailures, SOCKET_RETRY_MAX_MS);
        identityFailures += 1;
        identityRetry = setTimeout(checkIdentity, wait);
        identityRetry.unref();
      },
    );
  };

  return {
    mode: socketReceiver ? 'socket' : 'http',
    start() {
      // Over HTTP the receiver is already mounted on our server; only Socket Mode has a connection to open,
      // and the bot does not wait for it: Slack being unreachable must not hold up the rest.
      // Ask who the bot is now, so that the first request need not wait. Over HTTP a failure is asked
      // again in the background, with backoff, until Slack answers (Socket Mode's connection loop asks itself).
      checkIdentity();
      if (socketReceiver) {
        failures = 1;
        void connect();
      }
      return Promise.resolve();
    },
    connection: () => connection,
    async stop() {
      stopping = true;
      clearTimeout(identityRetry);
      if (!socketReceiver) return;
      clearTimeout(retryTimer);
      retryTimer = undefined;
      try {
        await app.stop();
      } catch (error) {
        socketLog.debug({ reason: refusalReason(error) }, 'stopping the Slack socket failed');
      }
      moveTo({ state: 'stopped' });
    },
    async idle() {
      while (running.size > 0) await Promise.allSettled([...running]);
    },
  };
}
