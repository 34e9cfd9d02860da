// What the members feature needs from storage; implemented over Prisma in src/db/repositories.
import type { Actor } from '../context.js';
import type { LanguageChoice } from '../i18n/language-choice.js';
import type { Choice, MemberRecord, OrganisationChoice, Profile } from './member.js';

export interface MemberStore {
  /** The member behind a platform identity, whatever their status; undefined for someone unknown. */
  findByIdentity(actor: Actor): Promise<MemberRecord | undefined>;
  /**
   * Creates the member (with the identity) or updates their profile, in one transaction with its audit
   * entry; a member who had left becomes active again. Consent is recorded with the time. A new
   * organisation in the profile is created unverified in the same transaction (audited by id).
   */
  saveProfile(actor: Actor, profile: Profile): Promise<{ readonly created: boolean }>;
  /** Sets the member's language choice, audited (`member.language`) in the same transaction. */
  setLanguage(memberId: string, language: LanguageChoice): Promise<void>;
}

/** Members inside a unit of work (src/core/transaction.ts); membership.ts composes them with events. */
export interface MemberWrites {
  /** The member's status, undefined for no such member. */
  statusOf(memberId: string): Promise<MemberRecord['status'] | undefined>;
  /** The language of direct messages to each member (their choice, else their region's default). */
  languagesOf(memberIds: readonly string[]): Promise<ReadonlyMap<string, LanguageChoice>>;
  /** The language of posts in each conversation (Conversation row ids): its setting, else its region's default. */
  conversationLanguages(conversationIds: readonly string[]): Promise<ReadonlyMap<string, LanguageChoice>>;
  /** Ends the membership at `now`; the profile is kept so the member can come back. Audited. */
  markLeft(memberId: string, now: Date): Promise<void>;
  /**
   * Erases the member: identities and the Teams personal conversations that hold their ids deleted,
   * messages to them and their unpublished case studies gone, personal fields emptied, roles removed,
   * published case studies and channels' digests no longer tied to them;
   * an audit entry without personal data records it.
   */
  erase(memberId: string, now: Date): Promise<void>;
}

export interface ReferenceData {
  regions(): Promise<readonly Choice[]>;
  staffGroups(): Promise<readonly Choice[]>;
  promiseElements(): Promise<readonly Choice[]>;
  /** Organisations whose name contains `query` (any case), verified first, at most `limit`. */
  searchOrganisations(query: string, limit: number): Promise<readonly OrganisationChoice[]>;
  organisation(id: string): Promise<OrganisationChoice | undefined>;
}
