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
import type { SlackAdapter } from '../slack/slack-app.js';
import type { TeamsAdapter } from '../teams/teams-app.js';
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

interface Adapters {
  readonly slack: SlackAdapter | undefined;
  readonly teams: TeamsAdapter | undefined;
  readonly senders: Partial<Record<'slack' | 'teams', MessageSender>>;
}

/**
 * The platform modules of the configured platforms only: each SDK (Bolt, the Teams SDK) takes a few hundred
 * milliseconds and tens of megabytes to load, so a bot serving one platform does not load the other's, and
 * the loading overlaps with the database's start (PGlite compiles its WebAssembly meanwhile).
 */
function loadPlatformModules(config: Config) {
  return Promise.all([
    config.slack ? Promise.all([import('../slack/slack-app.js'), import('../slack/slack-sender.js')]) : undefined,
    config.teams ? import('../teams/teams-app.js') : undefined,
  ]);
}

/** The Slack and Teams adapters that are configured, mounted on the HTTP server, and the outbox's senders for them. */
async function mountAdapters(
  config: Config,
  modules: Awaited<ReturnType<typeof loadPlatformModules>>,
  core: BotCore,
  http: Express,
  logger: Logger,
  clock: Clock,
): Promise<Adapters> {
  const [slackModules, teamsModule] = modules;
  const slackApp = config.slack && slackModules ? slackModules[0].createSlackAdapter(config.slack, core, http, logger) : undefined;
  // Files shared in Teams come from SharePoint over https; plain http only for local stand-ins.
  const teams =
    config.teams && teamsModule
      ? await teamsModule.createTeamsAdapter(config.teams, core, http, logger, {
          httpsDownloadsOnly: config.environment === 'production',
          clock,
        })
      : undefined;
  const senders: Adapters['senders'] = {};
  if (config.slack && slackModules) senders.slack = slackModules[1].createSlackSender(config.slack, { clock, log: logger });
  if (teams) senders.teams = teams.sender;
  return { slack: slackApp, teams, senders };
}

/** Reference data and starter case studies: only what differs is written. */
async function seed(database: Database, logger: Logger): Promise<void> {
  logger.debug(await seedReferenceData(database.prisma), 'reference data in place');
  logger.debug(await seedCaseStudies(database.prisma), 'starter case studies in place');
}

/**
 * Migrations, then reference data and starter case studies; demo metrics on a database that has none.
 * Returns the demo rows written, and the seeding still to do once the bot is ready: on a database that
 * needed no migration and has its reference data (every start but the first and those after an upgrade
 * that changes the schema), seeding only confirms what is there, so it runs after readiness instead of
 * before (about half a second of start-up). A new database, or one just migrated, is seeded before.
 */
async function prepareDatabase(
  database: Database,
  core: BotCore,
  config: Config,
  logger: Logger,
  clock: Clock,
): Promise<{ rows: number; seedLater: boolean }> {
  const applied = await database.migrate();
  if (applied.length > 0) logger.info({ migrations: applied }, 'applied migrations');
  const seedLater = applied.length === 0 && (await database.prisma.region.count()) > 0;
  if (!seedLater) await seed(database, logger);
  if (!config.demoData) return { rows: 0, seedLater };
  // Before readiness, in one transaction: on the embedded database it holds the one connection, so
  // serving commands meanwhile would only make them wait. Only a database without metrics pays this.
  try {
    const rows = await loadDemoDataIfEmpty(core.services.metrics, monthOfDate(clock.now()));
    if (rows > 0) logger.info({ rows }, 'loaded synthetic demo metrics (COP_DEMO_DATA=false starts without them)');
    return { rows, seedLater };
  } catch (error) {
    logger.error({ err: error }, 'loading the demo metrics failed');
    return { rows: 0, seedLater };
  }
}

export async function startBot(config: Config, logger: Logger, options: BotOptions = {}): Promise<RunningBot> {
  const clock = options.clock ?? systemClock;
  const platformModules = loadPlatformModules(config);
  // Settled here so that a failed database start does not leave the modules' promise unhandled.
  platformModules.catch(() => undefined);
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
  const { slack, teams, senders } = await mountAdapters(config, await platformModules, core, http, logger, clock);
  // Readiness depends on the bot's own parts (server, database); Slack's socket and the Teams token are shown, not waited for.
  mountHealth(http, {
    problem: async () => startupProblem ?? (await database.readinessProblem()),
    platforms: () => {
      const teamsSignIn = teams?.connection();
      return { ...(slack ? { slack: slack.connection() } : {}), ...(teamsSignIn ? { teams: teamsSignIn } : {}) };
    },
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

  const prepared = prepareDatabase(database, core, config, logger, clock);
  // A failed preparation is start-up's failure (logged by `ready`); the demo rows are then 0.
  const demoData = prepared.then(
    ({ rows }) => rows,
    () => 0,
  );
  let seeding: Promise<void> = Promise.resolve();
  const ready = (async () => {
    const { seedLater } = await prepared;
    // Socket Mode connects in the background; readiness does not wait for Slack.
    await slack?.start();
    // Likewise the Teams token: asked of Microsoft Entra in the background, shown by /readyz.
    teams?.start();
    // Messages queued before a restart (or by another process that stopped) go out from here on.
    outbox.onWake(() => dispatcher.wake());
    scheduler.every('outbox', OUTBOX_POLL, () => dispatcher.drain());
    for (const job of JOBS) scheduler.every(job.name, job.schedule, () => job.run(core.services, clock.now()));
    scheduler.every('links', LINK_SWEEP, async () => {
      await ports.fileLinks.deleteExpired(clock.now());
    });
    dispatcher.wake();
    startupProblem = undefined;
    if (seedLater)
      seeding = seed(database, logger).catch((error: unknown) => {
        // The reference data that is there serves on; the next start checks again.
        logger.error({ err: error }, 'checking the reference data after start-up failed');
      });
  })();
  ready.catch((error: unknown) => {
    startupProblem = `start-up failed: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`;
    logger.error({ err: error }, 'start-up failed');
  });

  return {
    port,
    database,
    ready,
    demoData: () => demoData,
    drainOutbox: () => dispatcher.drain(),
    runDue: () => dispatcher.runDue(),
    async idle() {
      await Promise.all([slack?.idle(), teams?.idle(), seeding]);
      while ((await dispatcher.runDue()) > 0) {
        // Another round: sending may have made more due (a full batch left rows behind).
      }
    },
    runEventJobs: (now = clock.now()) => runEventJobs(core.services, now),
    runDigestJobs: (now = clock.now()) => runDigestJobs(core.services, now),
    async stop() {
      await demoData;
      await seeding;
      await scheduler.stop();
      outbox.onWake(() => undefined);
      await dispatcher.stop();
      await teams?.idle();
      teams?.stop();
      await slack?.stop();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await database.close();
    },
  };
}
