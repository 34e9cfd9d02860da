// The Slack adapter: a Bolt app over HTTP (ExpressReceiver mounted on our server at /slack/events, with
// Slack's request signatures checked) or over Socket Mode when an app-level token is configured.
import { App, ExpressReceiver, SocketModeReceiver } from '@slack/bolt';
import type { Express } from 'express';
import type { SlackConfig } from '../config.js';
import type { BotCore } from '../core/bot-core.js';
import type { Logger } from '../logger.js';
import { registerActions } from './listeners/actions.js';
import { registerCommands } from './listeners/commands.js';
import { registerEvents } from './listeners/events.js';
import { registerFileUploads, SLACK_FILE_ORIGIN } from './listeners/file-uploads.js';
import { registerViews } from './listeners/views.js';
import { boltLogger } from './slack-logger.js';

export const SLACK_EVENTS_PATH = '/slack/events';
/** The bot's identity when running locally without Slack credentials. */
export const LOCAL_BOT_ID = 'B0LOCALBOT';
export const LOCAL_BOT_USER_ID = 'U0LOCALBOT';

export interface SlackAdapter {
  readonly mode: 'http' | 'socket';
  start(): Promise<void>;
  stop(): Promise<void>;
}

export function createSlackAdapter(config: SlackConfig, core: BotCore, server: Express, logger: Logger): SlackAdapter {
  const log = boltLogger(logger);
  const receiver = config.appToken
    ? new SocketModeReceiver({ appToken: config.appToken, logger: log })
    : new ExpressReceiver({ signingSecret: config.signingSecret, endpoints: SLACK_EVENTS_PATH, app: server, logger: log });
  const app = new App({
    receiver,
    // With real credentials Bolt asks Slack (auth.test) who the bot is; with the local stand-in
    // credentials there is no Slack to ask, so the bot's identity is fixed.
    ...(config.configured
      ? { token: config.botToken }
      : { authorize: () => Promise.resolve({ botToken: config.botToken, botId: LOCAL_BOT_ID, botUserId: LOCAL_BOT_USER_ID }) }),
    logger: log,
    // Interactive paths must answer fast: a retried post after a timeout could post twice.
    clientOptions: { ...(config.apiUrl ? { slackApiUrl: config.apiUrl } : {}), retryConfig: { retries: 2 } },
  });

  registerCommands(app, core, logger);
  registerActions(app, core, logger);
  registerEvents(app, core, logger);
  registerViews(app, core, logger);
  // Files come from Slack's file host; a local Web API stand-in (SLACK_API_URL) may serve them too.
  registerFileUploads(app, core, [SLACK_FILE_ORIGIN, ...(config.apiUrl ? [new URL(config.apiUrl).origin] : [])], logger);
  app.error((error) => {
    logger.error({ err: error, component: 'slack' }, 'unhandled error in a Slack listener');
    return Promise.resolve();
  });

  return {
    mode: config.appToken ? 'socket' : 'http',
    async start() {
      // Over HTTP the receiver is already mounted on our server; only Socket Mode has a connection to open.
      if (config.appToken) await app.start();
    },
    async stop() {
      if (config.appToken) await app.stop();
    },
  };
}
