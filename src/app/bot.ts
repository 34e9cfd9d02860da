// Puts the bot together: database, core, Slack and Teams adapters, one HTTP server. `main.ts` runs it
// for real; the integration tests start the very same thing on a free port.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Config } from '../config.js';
import { BotCore } from '../core/bot-core.js';
import { openDatabase, type Database } from '../db/database.js';
import { PrismaConversationStore } from '../db/repositories/conversation-repository.js';
import { PrismaDirectoryStore } from '../db/repositories/directory-repository.js';
import { PrismaDownloadStore } from '../db/repositories/download-repository.js';
import { PrismaLinkStore } from '../db/repositories/link-repository.js';
import { PrismaEmailLinkStore } from '../db/repositories/email-link-repository.js';
import { PrismaMemberStore } from '../db/repositories/member-repository.js';
import { PrismaOrganisationStore } from '../db/repositories/organisation-repository.js';
import { PrismaOutbox } from '../db/repositories/outbox-repository.js';
import { PrismaReferenceData } from '../db/repositories/reference-data-repository.js';
import { PrismaRegionDirectory } from '../db/repositories/region-repository.js';
import { PrismaRoleStore } from '../db/repositories/role-repository.js';
import { PrismaCaseStore } from '../db/repositories/case-repository.js';
import { PrismaEventStore } from '../db/repositories/event-repository.js';
import { EventNotices } from '../core/events/event-notices.js';
import { runEventJobs } from '../core/events/event-jobs.js';
import { translator } from '../core/i18n/translator.js';
import { mountEventFiles } from '../server/downloads.js';
import { PrismaMetricStore } from '../db/repositories/metric-repository.js';
import { PrismaSubscriptionStore } from '../db/repositories/subscription-repository.js';
import { runDigestJobs, type DigestJobResult } from '../core/subscriptions/digest-jobs.js';
import { loadDemoDataIfEmpty } from '../core/metrics/demo-data.js';
import { monthOfDate } from '../core/metrics/period.js';
import { mountCharts, StoredChartPublisher } from '../digest/chart-publisher.js';
import { seedReferenceData } from '../db/seed.js';
import { seedCaseStudies } from '../db/seed-case-studies.js';
import type { Logger } from '../logger.js';
import { createHttpApp, listen, mountDownloads, mountFallback, mountHealth } from '../server/http-server.js';
import { OutboxDispatcher, type MessageSender } from '../core/outbox/dispatcher.js';
import { Scheduler } from '../scheduler/scheduler.js';
import { createSlackAdapter, type SlackAdapter } from '../slack/slack-app.js';
import { createSlackSender } from '../slack/slack-sender.js';
import { createTeamsAdapter, type TeamsAdapter } from '../teams/teams-app.js';

/** How often queued messages are looked for (retries, reminders coming due, other processes' work). */
const OUTBOX_POLL = '*/5 * * * * *';
/** Expired download files and links are deleted every minute: a file holds personal data. */
const DOWNLOAD_SWEEP = '15 * * * * *';
/** Event announcements coming near, reminders and lapsed waitlist offers: checked every 30 seconds. */
const EVENT_JOBS = '*/30 * * * * *';
/** Subscribed digests coming due, unreachable channels and failed posts: checked every 30 seconds. */
const DIGEST_JOBS = '15,45 * * * * *';

export interface RunningBot {
  readonly port: number;
  readonly database: Database;
  /** Resolves when migrations and reference data are in place (readyz answers 200 from then on). */
  readonly ready: Promise<void>;
  /** The demo metrics rows written at start (0 when not needed); resolved by the time `ready` is. */
  demoData(): Promise<number>;
  /** Sends every queued message that is due now; resolves when none is left (tests and tools). */
  drainOutbox(): Promise<void>;
  /** Runs the events feature's scheduled work once, as the scheduler does (tests and tools). */
  runEventJobs(now?: Date): Promise<void>;
  /** Runs the digest subscriptions' scheduled work once, as the scheduler does (tests pass a simulated time). */
  runDigestJobs(now?: Date): Promise<DigestJobResult>;
  stop(): Promise<void>;
}

export async function startBot(config: Config, logger: Logger): Promise<RunningBot> {
  const database = await openDatabase(config.databaseUrl);
  const outbox = new PrismaOutbox(database.prisma);
  let port = config.port;
  // Links the bot hands out need its public address; without PUBLIC_URL, the port it listens on.
  const publicUrl = () => config.publicUrl ?? `http://localhost:${port}/`;
  const downloads = new PrismaDownloadStore(database.prisma, publicUrl);
  const eventSettings = {
    get publicUrl() {
      return publicUrl();
    },
    reminderMinutes: config.eventReminderMinutes,
  };
  // Members have no language of their own yet: proactive messages are in the default language.
  const events = new PrismaEventStore(database.prisma, new EventNotices(translator(undefined), eventSettings));
  const core = new BotCore(
    {
      regions: new PrismaRegionDirectory(database.prisma),
      conversations: new PrismaConversationStore(database.prisma),
      members: new PrismaMemberStore(database.prisma, events),
      links: new PrismaLinkStore(database.prisma, config.secret),
      reference: new PrismaReferenceData(database.prisma),
      roles: new PrismaRoleStore(database.prisma),
      directory: new PrismaDirectoryStore(database.prisma),
      organisations: new PrismaOrganisationStore(database.prisma),
      metrics: new PrismaMetricStore(database.prisma),
      subscriptions: new PrismaSubscriptionStore(database.prisma),
      charts: new StoredChartPublisher(database.prisma, config.publicUrl, (error) => logger.error({ err: error }, 'drawing a digest chart failed')),
      outbox,
      downloads,
      configuredAdmins: config.admins,
      emailLinks: new PrismaEmailLinkStore(database.prisma, config.secret),
      cases: new PrismaCaseStore(database.prisma),
      events,
      eventSettings,
    },
    logger,
  );

  let startupProblem: string | undefined = 'starting: applying migrations';
  let demoData: Promise<number> = Promise.resolve(0);
  const http = createHttpApp();
  mountHealth(http, { problem: async () => startupProblem ?? (await database.readinessProblem()) });
  let slack: SlackAdapter | undefined;
  if (config.slack) slack = createSlackAdapter(config.slack, core, http, logger);
  const senders: Partial<Record<'slack' | 'teams', MessageSender>> = {};
  if (config.slack) senders.slack = createSlackSender(config.slack);
  let teams: TeamsAdapter | undefined;
  if (config.teams) {
    // Files shared in Teams come from SharePoint over https; plain http only for local stand-ins.
    teams = await createTeamsAdapter(config.teams, core, http, logger, { httpsDownloadsOnly: config.environment === 'production' });
    senders.teams = teams.sender;
  }
  mountDownloads(http, downloads, logger);
  mountEventFiles(http, core, logger);
  mountCharts(http, database.prisma);
  mountFallback(http, logger);

  const dispatcher = new OutboxDispatcher(outbox, senders, (postKey) => core.renderPost(postKey), logger.child({ component: 'outbox' }));
  const scheduler = new Scheduler(logger);

  // Listen first, so that liveness answers while migrations run; readiness says when they are done.
  const server: Server = await listen(http, config.port);
  port = (server.address() as AddressInfo).port;

  const ready = (async () => {
    const applied = await database.migrate();
    if (applied.length > 0) logger.info({ migrations: applied }, 'applied migrations');
    const seeded = await seedReferenceData(database.prisma);
    logger.debug(seeded, 'reference data in place');
    logger.debug(await seedCaseStudies(database.prisma), 'starter case studies in place');
    if (config.demoData) {
      // Before readiness, in one transaction: on the embedded database it holds the one connection, so
      // serving commands meanwhile would only make them wait. Only a database without metrics pays this.
      demoData = loadDemoDataIfEmpty(core.services.metrics, monthOfDate(new Date())).then(
        (rows) => {
          if (rows > 0) logger.info({ rows }, 'loaded synthetic demo metrics (COP_DEMO_DATA=false starts without them)');
          return rows;
        },
        (error: unknown) => {
          logger.error({ err: error }, 'loading the demo metrics failed');
          return 0;
        },
      );
      await demoData;
    }
    await slack?.start();
    // Messages queued before a restart (or by another process that stopped) go out from here on.
    outbox.onWake(() => dispatcher.wake());
    scheduler.every('outbox', OUTBOX_POLL, () => dispatcher.drain());
    scheduler.every('events', EVENT_JOBS, () => runEventJobs(core.services, new Date()));
    scheduler.every('digests', DIGEST_JOBS, async () => {
      await runDigestJobs(core.services, new Date());
    });
    scheduler.every('downloads', DOWNLOAD_SWEEP, async () => {
      await downloads.deleteExpired(new Date());
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
    demoData: () => demoData,
    drainOutbox: () => dispatcher.drain(),
    runEventJobs: (now = new Date()) => runEventJobs(core.services, now),
    runDigestJobs: (now = new Date()) => runDigestJobs(core.services, now),
    async stop() {
      await demoData;
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
