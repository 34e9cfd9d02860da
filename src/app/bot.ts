// Puts the bot together: database, core, Slack and Teams adapters, one HTTP server, the outbox
// dispatcher and the scheduler. `main.ts` runs it for real; the integration tests start the very same
// thing on a free port.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Express } from 'express';
import type { Config } from '../config.js';
import { BotCore, JOBS } from '../core/bot-core.js';
import { systemClock, type Clock } from '../core/clock.js';
import { runDigestJobs, type DigestJobResult } from '../core/digests/digest-jobs.js';
import { runEventJobs } from '../core/events/event-jobs.js';
import { loadDemoDataIfEmpty } from '../core/metrics/demo-data.js';
import { monthOfDate } from '../core/metrics/period.js';
import { OutboxDispatcher, type MessageSender } from '../core/outbox/dispatcher.js';
import { openDatabase, type Database } from '../db/database.js';
import { seedCaseStudies } from '../db/seed-case-studies.js';
import { seedReferenceData } from '../db/seed.js';
import type { Logger } from '../logger.js';
import { Scheduler } from '../scheduler/scheduler.js';
import { createHttpApp, listen, mountFallback, mountHealth } from '../server/http-server.js';
import { mountLinks } from '../server/links.js';
import { createSlackAdapter, type SlackAdapter } from '../slack/slack-app.js';
import { createSlackSender } from '../slack/slack-sender.js';
import { createTeamsAdapter, type TeamsAdapter } from '../teams/teams-app.js';
import { createPorts } from './ports.js';

/** How often queued messages are looked for (retries, reminders coming due, other processes' work). */
const OUTBOX_POLL = '*/5 * * * * *';
/** Expired link files are deleted every minute: a file holds personal data. */
const LINK_SWEEP = '15 * * * * *';

export interface RunningBot {
  readonly port: number;
  readonly database: Database;
  /** Resolves when migrations and reference data are in place (readyz answers 200 from then on). */
  readonly ready: Promise<void>;
  /** The demo metrics rows written at start (0 when not needed); resolved by the time `ready` is. */
  demoData(): Promise<number>;
  /** Sends every queued message that is due now; resolves when none is left (tests and tools). */
  drainOutbox(): Promise<void>;
  /** One round of the outbox's due work; resolves to how many messages and posts it handled (0: none was due). */
  runDue(): Promise<number>;
  /**
   * Resolves once the work started by requests so far (Slack listeners after their acknowledgement,
   * Teams file imports) has finished and the outbox has nothing due left (tests and tools).
   */
  idle(): Promise<void>;
  /** Runs the events feature's scheduled work once, as the scheduler does (tests and tools). */
  runEventJobs(now?: Date): Promise<void>;
  /** Runs the digest subscriptions' scheduled work once, as the scheduler does (tests pass a simulated time). */
  runDigestJobs(now?: Date): Promise<DigestJobResult>;
  stop(): Promise<void>;
}

export interface BotOptions {
  /** Where the time comes from: the wall clock unless a test drives it. */
  readonly clock?: Clock;
}

export interface BotOptions {
  /** Where the time comes from: the wall clock unless a test drives it. */
  readonly clock?: Clock;
}

interface Adapters {
  readonly slack: SlackAdapter | undefined;
  readonly teams: TeamsAdapter | undefined;
  readonly senders: Partial<Record<'slack' | 'teams', MessageSender>>;
}

/** The Slack and Teams adapters that are configured, mounted on the HTTP server, and the outbox's senders for them. */
async function mountAdapters(config: Config, core: BotCore, http: Express, logger: Logger, clock: Clock): Promise<Adapters> {
  const slack = config.slack ? createSlackAdapter(config.slack, core, http, logger) : undefined;
  // Files shared in Teams come from SharePoint over https; plain http only for local stand-ins.
  const teams = config.teams
    ? await createTeamsAdapter(config.teams, core, http, logger, { httpsDownloadsOnly: config.environment === 'production' })
    : undefined;
  const senders: Adapters['senders'] = {};
  if (config.slack) senders.slack = createSlackSender(config.slack, { clock, log: logger });
  if (teams) senders.teams = teams.sender;
  return { slack, teams, senders };
}

/** Migrations, reference data and starter case studies; demo metrics on a database that has none. Returns the demo rows written. */
async function prepareDatabase(database: Database, core: BotCore, config: Config, logger: Logger, clock: Clock): Promise<number> {
  const applied = await database.migrate();
  if (applied.length > 0) logger.info({ migrations: applied }, 'applied migrations');
  logger.debug(await seedReferenceData(database.prisma), 'reference data in place');
  logger.debug(await seedCaseStudies(database.prisma), 'starter case studies in place');
  if (!config.demoData) return 0;
  // Before readiness, in one transaction: on the embedded database it holds the one connection, so
  // serving commands meanwhile would only make them wait. Only a database without metrics pays this.
  try {
    const rows = await loadDemoDataIfEmpty(core.services.metrics, monthOfDate(clock.now()));
    if (rows > 0) logger.info({ rows }, 'loaded synthetic demo metrics (COP_DEMO_DATA=false starts without them)');
    return rows;
  } catch (error) {
    logger.error({ err: error }, 'loading the demo metrics failed');
    return 0;
  }
}

export async function startBot(config: Config, logger: Logger, options: BotOptions = {}): Promise<RunningBot> {
  const clock = options.clock ?? systemClock;
  const database = await openDatabase(config.databaseUrl, {
    role: 'bot',
    whenInUse: 'refuse',
    onLockLost: () => {
      // Another process has taken the PGlite folder: writing on would overwrite its work (or lose ours).
      logger.fatal('the lock on the embedded database folder was lost (removed, or taken over); stopping at once');
      process.exit(1);
    },
  });
  let port = config.port;
  // Links the bot hands out need its public address; without PUBLIC_URL, the port it listens on.
  const ports = createPorts(database, { config, logger, clock, publicUrl: () => config.publicUrl ?? `http://localhost:${port}/` });
  const core = new BotCore(ports, logger);

  let startupProblem: string | undefined = 'starting: applying migrations';
  const http = createHttpApp();
  const { slack, teams, senders } = await mountAdapters(config, core, http, logger, clock);
  // Readiness depends on the bot's own parts (server, database, Teams); Slack's socket is shown, not waited for.
  mountHealth(http, {
    problem: async () => startupProblem ?? (await database.readinessProblem()),
    platforms: () => (slack ? { slack: slack.connection() } : {}),
  });
  mountLinks(http, core, logger);
  mountFallback(http, logger);

  const { outbox } = ports;
  const dispatcher = new OutboxDispatcher(
    outbox,
    senders,
    (postKey, language) => core.renderPost(postKey, language),
    logger.child({ component: 'outbox' }),
    {
      clock,
    },
  );
  const scheduler = new Scheduler(logger);

  // Listen first, so that liveness answers while migrations run; readiness says when they are done.
  const server: Server = await listen(http, config.port);
  port = (server.address() as AddressInfo).port;

  const demoData = prepareDatabase(database, core, config, logger, clock);
  const ready = (async () => {
    await demoData;
    // Socket Mode connects in the background; readiness does not wait for Slack.
    await slack?.start();
    // Messages queued before a restart (or by another process that stopped) go out from here on.
    outbox.onWake(() => dispatcher.wake());
    scheduler.every('outbox', OUTBOX_POLL, () => dispatcher.drain());
    for (const job of JOBS) scheduler.every(job.name, job.schedule, () => job.run(core.services, clock.now()));
    scheduler.every('links', LINK_SWEEP, async () => {
      await ports.fileLinks.deleteExpired(clock.now());
    });
    dispatcher.wake();
    startupProblem = undefined;
  })();
  ready.catch((error: unknown) => {
    startupProblem = `start-up failed: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`;
    logger.error({ err: error }, 'start-up failed');
  });

  return {
    port,
    database,
    ready,
    demoData: () => demoData.catch(() => 0),
    drainOutbox: () => dispatcher.drain(),
    runDue: () => dispatcher.runDue(),
    async idle() {
      await Promise.all([slack?.idle(), teams?.idle()]);
      while ((await dispatcher.runDue()) > 0) {
        // Another round: sending may have made more due (a full batch left rows behind).
      }
    },
    runEventJobs: (now = clock.now()) => runEventJobs(core.services, now),
    runDigestJobs: (now = clock.now()) => runDigestJobs(core.services, now),
    async stop() {
      await demoData.catch(() => 0);
      await scheduler.stop();
      outbox.onWake(() => undefined);
      await dispatcher.stop();
      await teams?.idle();
      await slack?.stop();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await database.close();
    },
  };
}
