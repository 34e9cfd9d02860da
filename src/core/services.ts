// The ports the core's features use. `src/app/bot.ts` wires them to the Prisma repositories.
import type { DirectoryStore } from './directory/directory-store.js';
import type { FileLinkStore } from './links/file-links.js';
import type { ConversationStore } from './conversations/conversation-store.js';
import type { EmailLinkStore, LinkStore } from './linking/link-store.js';
import type { MemberStore, ReferenceData } from './members/member-store.js';
import type { PersonalDataStore } from './members/personal-data.js';
import type { OrganisationStore } from './organisations/organisation-store.js';
import type { Outbox } from './outbox/outbox.js';
import type { RegionDirectory } from './regions/region-directory.js';
import type { RoleStore } from './roles/role-store.js';
import type { CaseStore } from './cases/case-store.js';
import type { EventStore } from './events/event-store.js';
import type { EventSettings } from './events/event-settings.js';
import type { MetricStore } from './metrics/metric-store.js';
import type { ChartPublisher } from './digests/trend.js';
import type { SubscriptionStore } from './digests/subscription-store.js';
import type { DigestSection } from './digests/digest-section.js';
import type { Clock } from './clock.js';
import type { Transaction } from './transaction.js';
import type { Language } from './i18n/catalogue.js';
import type { Reply } from './reply/reply.js';

export interface CoreServices {
  readonly regions: RegionDirectory;
  readonly conversations: ConversationStore;
  readonly members: MemberStore;
  /** Everything held about one member, for `my data` and its JSON file. */
  readonly personalData: PersonalDataStore;
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
  /** The files behind the bot's links: Teams exports, CSV downloads and digest charts. */
  readonly fileLinks: FileLinkStore;
  /** Platform user ids named in the COP_ADMINS setting: national admins from the start. */
  readonly configuredAdmins: readonly string[];
  /** Linking accounts by the email their platforms have verified (kept only as a keyed hash). */
  readonly emailLinks: EmailLinkStore;
  /** The case-study library. */
  readonly cases: CaseStore;
  /** Masterclasses and meetings. */
  readonly events: EventStore;
  readonly eventSettings: EventSettings;
  /** What other features add to a digest after its figures, in order (BotCore collects them from the features). */
  readonly digestSections: readonly DigestSection[];
  /**
   * The reply with the commands it shows in `language` (Welsh readers see the Welsh words): for messages
   * a feature builds in a language of its own choosing, such as a channel's (BotCore gives it the grammar).
   */
  readonly commandsIn: <R extends Reply>(reply: R, language: Language) => R;
  /** The current time: features read it here, never from Date, so tests can move it on. */
  readonly clock: Clock;
  /** Runs a unit of work in one database transaction (events, members and the outbox together). */
  readonly transaction: Transaction;
}
