// The ports the core's features use. `src/app/bot.ts` wires them to the Prisma repositories.
import type { Grammar } from './commands/grammar.js';
import type { DirectoryStore } from './directory/directory-store.js';
import type { DownloadStore } from './downloads/download-store.js';
import type { ConversationStore } from './conversations/conversation-store.js';
import type { EmailLinkStore, LinkStore } from './linking/link-store.js';
import type { MemberStore, ReferenceData } from './members/member-store.js';
import type { OrganisationStore } from './organisations/organisation-store.js';
import type { Outbox } from './outbox/outbox.js';
import type { RegionDirectory } from './regions/region-directory.js';
import type { RoleStore } from './roles/role-store.js';
import type { CaseStore } from './cases/case-store.js';
import type { EventStore } from './events/event-store.js';
import type { EventSettings } from './events/event-settings.js';
import type { MetricStore } from './metrics/metric-store.js';
import type { ChartPublisher } from './digest/trend.js';
import type { SubscriptionStore } from './subscriptions/subscription-store.js';

export interface CoreServices {
  readonly grammar: Grammar;
  readonly regions: RegionDirectory;
  readonly conversations: ConversationStore;
  readonly members: MemberStore;
  readonly links: LinkStore;
  readonly reference: ReferenceData;
  readonly roles: RoleStore;
  readonly directory: DirectoryStore;
  readonly organisations: OrganisationStore;
  /** Retention metrics: imported observations and what digests read. */
  readonly metrics: MetricStore;
  /** Stores digest chart images and gives their links. */
  readonly charts: ChartPublisher;
  /** Channels' scheduled digests and the periods they posted. */
  readonly subscriptions: SubscriptionStore;
  /** Proactive messages: sent after the change that caused them, with retries. */
  readonly outbox: Outbox;
  /** Files offered through short-lived links (Teams exports). */
  readonly downloads: DownloadStore;
  /** Platform user ids named in the COP_ADMINS setting: national admins from the start. */
  readonly configuredAdmins: readonly string[];
  /** Linking accounts by the email their platforms have verified (kept only as a keyed hash). */
  readonly emailLinks: EmailLinkStore;
  /** The case-study library. */
  readonly cases: CaseStore;
  /** Masterclasses and meetings. */
  readonly events: EventStore;
  readonly eventSettings: EventSettings;
}
