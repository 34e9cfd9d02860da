// What the conversations feature needs from storage; implemented over Prisma in src/db/repositories.
import type { ConversationAddress, ConversationDetails, Platform } from '../context.js';
import type { LanguageChoice } from '../i18n/language-choice.js';
import type { Nation } from '../i18n/language-resolution.js';

/** What decides the language of the bot's posts in a conversation (see i18n/language-resolution.ts). */
export interface ConversationLanguage {
  /** Set with `channel language`; null until then. */
  readonly setting: LanguageChoice | null;
  /** The nation of the region whose community channel it is, if it is one. */
  readonly regionNation: Nation | undefined;
}

/** Channel or team name, and the Teams conversation reference, when the platform gives them. */
export type InstallDetails = ConversationDetails;

export interface RegionLinkChange {
  /** The region whose community channel the conversation becomes; null to unlink it. */
  readonly regionCode: string | null;
  /** The member who made the change, or undefined for an admin named in COP_ADMINS who has not joined. */
  readonly byMemberId: string | undefined;
}

export interface ConversationStore {
  /** Records that the bot is in the conversation (again); writes an audit entry in the same transaction. */
  recordInstalled(address: ConversationAddress, details: InstallDetails): Promise<void>;
  /**
   * Records a conversation the bot opened itself (a Teams personal chat created to answer privately):
   * stored with an audit entry the first time, its reference kept current afterwards.
   */
  recordOpened(address: ConversationAddress, details: InstallDetails): Promise<void>;
  /** Records that the bot left or was removed; writes an audit entry in the same transaction. */
  recordRemoved(address: ConversationAddress): Promise<void>;
  /** The app was uninstalled from a whole workspace: every conversation there is marked removed. */
  recordWorkspaceRemoved(platform: Platform, workspaceId: string): Promise<void>;
  /** Keeps a stored Teams reference's service URL current (it can change between activities). */
  refreshServiceUrl(address: ConversationAddress, serviceUrl: string): Promise<void>;
  /** The code of the region the conversation is a community channel of, if any. */
  linkedRegion(address: ConversationAddress): Promise<string | undefined>;
  /**
   * Makes the conversation a region's community channel, or no longer one. A conversation the bot has
   * no record of yet (added before the bot was running) is recorded as installed. The change and its
   * audit entries (`conversation.installed`, `conversation.linked`, `conversation.unlinked`: internal
   * ids and region codes only) share one transaction.
   */
  linkRegion(address: ConversationAddress, change: RegionLinkChange, details: InstallDetails): Promise<void>;
  /** The conversation's language setting and its region's nation; undefined for one the bot has no record of (or left). */
  language(address: ConversationAddress): Promise<ConversationLanguage | undefined>;
  /**
   * Sets the language of the bot's posts in the conversation, recording it first if the bot has no
   * record of it yet; audited (`conversation.language`: internal ids and the choice only) in one transaction.
   */
  setLanguage(
    address: ConversationAddress,
    language: LanguageChoice,
    byMemberId: string | undefined,
    details: InstallDetails,
  ): Promise<void>;
}
