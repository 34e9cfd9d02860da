// The core's ports, implemented over one database: every store, the outbox, the transaction port, and
// the settings the core reads. `startBot` hands them to BotCore.
import type { Config } from '../config.js';
import type { BotCore } from '../core/bot-core.js';
import type { Clock } from '../core/clock.js';
import type { EventSettings } from '../core/events/event-settings.js';
import { LinkedChartPublisher } from '../charts/chart-publisher.js';
import type { Database } from '../db/database.js';
import { PrismaCaseStore } from '../db/repositories/case-repository.js';
import { PrismaConversationStore } from '../db/repositories/conversation-repository.js';
import { PrismaDirectoryStore } from '../db/repositories/directory-repository.js';
import { PrismaEmailLinkStore } from '../db/repositories/email-link-repository.js';
import { PrismaEventStore } from '../db/repositories/event-repository.js';
import { PrismaFileLinkStore } from '../db/repositories/file-link-repository.js';
import { PrismaLinkStore } from '../db/repositories/link-repository.js';
import { PrismaMemberStore } from '../db/repositories/member-repository.js';
import { PrismaPersonalDataStore } from '../db/repositories/personal-data-repository.js';
import { PrismaMetricStore } from '../db/repositories/metric-repository.js';
import { PrismaOrganisationStore } from '../db/repositories/organisation-repository.js';
import { PrismaOutbox } from '../db/repositories/outbox-repository.js';
import { PrismaReferenceData } from '../db/repositories/reference-data-repository.js';
import { PrismaRegionDirectory } from '../db/repositories/region-repository.js';
import { PrismaRoleStore } from '../db/repositories/role-repository.js';
import { PrismaSubscriptionStore } from '../db/repositories/subscription-repository.js';
import { prismaTransaction } from '../db/transactions.js';
import type { Logger } from '../logger.js';

export type Ports = ConstructorParameters<typeof BotCore>[0];

export interface PortOptions {
  readonly config: Config;
  readonly logger: Logger;
  readonly clock: Clock;
  /** The address links point at: PUBLIC_URL, or the port the bot listens on (known only once it listens). */
  readonly publicUrl: () => string;
}

export function createPorts(
  database: Database,
  { config, logger, clock, publicUrl }: PortOptions,
): Ports & { readonly outbox: PrismaOutbox; readonly fileLinks: PrismaFileLinkStore } {
  const { prisma } = database;
  const fileLinks = new PrismaFileLinkStore(prisma, config.secret);
  const eventSettings: EventSettings = {
    get publicUrl() {
      return publicUrl();
    },
    reminderMinutes: config.eventReminderMinutes,
    get organizer() {
      return {
        name: config.calendarOrganizer.name,
        email: config.calendarOrganizer.email ?? `noreply@${new URL(publicUrl()).hostname}`,
      };
    },
  };
  return {
    regions: new PrismaRegionDirectory(prisma),
    conversations: new PrismaConversationStore(prisma, clock),
    members: new PrismaMemberStore(prisma, clock),
    personalData: new PrismaPersonalDataStore(prisma, config.secret),
    links: new PrismaLinkStore(prisma, config.secret, clock),
    reference: new PrismaReferenceData(prisma),
    roles: new PrismaRoleStore(prisma),
    directory: new PrismaDirectoryStore(prisma),
    organisations: new PrismaOrganisationStore(prisma),
    metrics: new PrismaMetricStore(prisma, database),
    subscriptions: new PrismaSubscriptionStore(prisma, clock),
    charts: new LinkedChartPublisher(fileLinks, publicUrl, (error) => logger.error({ err: error }, 'drawing a digest chart failed')),
    outbox: new PrismaOutbox(prisma, clock),
    fileLinks,
    configuredAdmins: config.admins,
    emailLinks: new PrismaEmailLinkStore(prisma, config.secret),
    cases: new PrismaCaseStore(prisma, clock),
    events: new PrismaEventStore(prisma, config.secret),
    eventSettings,
    clock,
    transaction: prismaTransaction(prisma, config.secret),
  };
}
