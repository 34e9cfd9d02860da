// What linking a member's accounts needs from storage; implemented over Prisma in src/db/repositories.
import type { Actor, Platform } from '../context.js';

/** Why a code was not accepted; nothing is changed in any of these cases. */
export type LinkRefusal =
  /** No such code, or it expired, was used already, or belongs to an erased member. */
  | 'invalid'
  /** The code was made on the platform it is typed on. */
  | 'samePlatform'
  /** The person typing it is already this member on this platform. */
  | 'alreadyLinked'
  /** The person typing it is a member already, with a record of their own. */
  | 'alreadyMember'
  /** The code's member already has an account on this platform (one account per platform). */
  | 'platformTaken'
  /** This account typed too many codes that did not work lately: it must wait before trying again. */
  | 'tooManyAttempts';

export type RedeemOutcome =
  { readonly kind: 'linked'; readonly memberId: string } | { readonly kind: 'refused'; readonly reason: LinkRefusal };

export interface LinkStore {
  /**
   * Keeps a new code (only a keyed hash of it) for the member, made on `platform`, valid until
   * `expiresAt`; the member's earlier unused codes are deleted. Audited as `member.link_code_created`,
   * without the code.
   */
  createCode(memberId: string, platform: Platform, code: string, expiresAt: Date): Promise<void>;
  /**
   * In one transaction: checks the code (unused, unexpired, made on another platform) and the person
   * typing it (no member yet on this platform), marks the code used, adds the person's identity to the
   * code's member, and audits `member.linked`. Refusals change nothing, except that a code that does not
   * match counts against the account: after `maxFailures` within `windowMinutes`, every code is refused
   * until the window has passed.
   */
  redeem(code: string, actor: Actor, limit: { readonly maxFailures: number; readonly windowMinutes: number }): Promise<RedeemOutcome>;
}

/** Linking by verified email: kept apart from codes, in src/db/repositories/email-link-repository.ts. */
export type EmailLinkOutcome =
  | { readonly kind: 'linked'; readonly memberId: string }
  /** No active member has an account on the other platform with this email and none on this platform yet (or more than one has). */
  | { readonly kind: 'noMatch' }
  /** The person is a member on this platform already (joined or linked at the same moment). */
  | { readonly kind: 'alreadyMember' };

export interface EmailLinkStore {
  /**
   * Keeps a keyed hash of the verified email on the person's account (trimmed, lower-cased; never the
   * address). Nothing happens for someone who is not a member on this platform.
   */
  recordEmail(actor: Actor, email: string): Promise<void>;
  /**
   * In one transaction: finds the one active member with an account on the other platform whose email
   * hash matches and who has no account on this platform, adds the person's account to that member (with
   * the hash), and audits `member.linked` with `{ platform, by: 'email' }`. Anything else changes nothing.
   */
  linkByEmail(actor: Actor, email: string): Promise<EmailLinkOutcome>;
}
