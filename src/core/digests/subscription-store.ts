// What digest subscriptions need from storage; implemented over Prisma in src/db/repositories. Every
// change is audited (member ids only) in its own transaction, and everything a change sends is queued
// through the outbox in that same transaction.
import type { ConversationAddress, Platform } from '../context.js';
import type { LanguageChoice } from '../i18n/language-choice.js';
import type { Scope } from '../metrics/metric-store.js';
import type { OutgoingMessage } from '../outbox/outbox.js';
import type { Message } from '../reply/reply.js';

export type PauseReason = 'paused' | 'unreachable';

/** A conversation the bot is in (and has not been removed from). */
export interface KnownConversation {
  readonly id: string;
  readonly platform: Platform;
  readonly externalId: string;
  readonly name: string | undefined;
  /** The region it is a community channel of, if any. */
  readonly regionCode: string | undefined;
  /** The language of the bot's posts there: its setting, else its region's default (see i18n/language-resolution.ts). */
  readonly language: LanguageChoice;
}

export interface Subscription {
  readonly id: string;
  /** What people type: `digest pause 3`. */
  readonly number: number;
  readonly conversation: KnownConversation;
  readonly scope: Scope;
  /** The staff group's code; ALL_STAFF for all staff. */
  readonly staffGroup: string;
  /** `weekly`, `monthly` or a cron expression, as given. */
  readonly schedule: string;
  readonly timeZone: string;
  readonly pausedAt: Date | undefined;
  readonly pauseReason: PauseReason | undefined;
  /** Periods due before this (creation or the last resume) are never posted. */
  readonly activeSince: Date;
  readonly subscribedBy: string | undefined;
}

/** An active subscription with what the scheduler needs to know about its posts. */
export interface ScheduledSubscription extends Subscription {
  /** The latest scheduled period claimed, if any. */
  readonly lastDueAt: Date | undefined;
  /** When the latest digest (scheduled or `digest now`) was claimed: "since the last digest". */
  readonly lastPostedAt: Date | undefined;
}

export interface FailedPost {
  readonly postId: string;
  readonly subscription: Subscription;
  readonly dueAt: Date;
  readonly kind: 'scheduled' | 'now';
  readonly requestedBy: string | undefined;
  /** The platform's error code recorded by the outbox. */
  readonly error: string;
  /** The conversation is gone (the outbox marked it): the pause notice tells the facilitator instead. */
  readonly conversationGone: boolean;
}

export interface NewSubscription {
  readonly conversationId: string;
  readonly scope: Scope;
  /** The staff group's code; ALL_STAFF for all staff. */
  readonly staffGroup: string;
  readonly schedule: string;
  readonly timeZone: string;
  readonly byMemberId: string | undefined;
}

export interface PeriodClaim {
  readonly subscriptionId: string;
  readonly dueAt: Date;
  readonly late: boolean;
  readonly message: Message;
}

export interface SubscriptionStore {
  /** The conversation at this address, if the bot knows it and is still in it. */
  knownConversation(address: ConversationAddress): Promise<KnownConversation | undefined>;
  /** Creates the subscription (audited `digest.subscribed`); `exists` when the channel already has one for the scope and staff group. */
  subscribe(
    request: NewSubscription,
  ): Promise<{ readonly kind: 'created' | 'exists'; readonly subscription: Subscription } | { readonly kind: 'full' }>;
  /** The conversation's subscriptions, by number. */
  inConversation(conversationId: string): Promise<readonly Subscription[]>;
  /** Pauses or resumes (audited); false when it already was. Resuming starts the schedule afresh from `now`. */
  setPaused(subscriptionId: string, paused: boolean, byMemberId: string | undefined, now: Date): Promise<boolean>;
  /**
   * Changes the schedule and time zone in place (audited `digest.rescheduled`, with the old and new
   * schedule); the new schedule starts afresh from `now`, so no period of it is posted late. False when
   * the subscription is gone.
   */
  reschedule(subscriptionId: string, schedule: string, timeZone: string, byMemberId: string | undefined, now: Date): Promise<boolean>;
  /** Deletes the subscription and its post records (audited); false when it was already gone. */
  unsubscribe(subscriptionId: string, byMemberId: string | undefined): Promise<boolean>;
  /** When the latest all-staff digest of the region was delivered to one of its channels, if one has been. */
  lastRegionDigestAt(regionCode: string): Promise<Date | undefined>;
  /** When the subscription's latest digest (scheduled or `digest now`) was claimed, if any. */
  lastPostedAt(subscriptionId: string): Promise<Date | undefined>;
  /** Queues a digest to the subscription's channel now (audited `digest.posted_now`); false when the channel is gone. */
  postNow(subscriptionId: string, message: Message, byMemberId: string | undefined, now: Date): Promise<boolean>;

  /** Active subscriptions in conversations the bot is still in. */
  scheduled(): Promise<readonly ScheduledSubscription[]>;
  /**
   * Claims the period (a unique row) and queues the digest through the outbox in the same transaction,
   * with key `digest:<subscription>:<due instant>`. False when another process claimed it first or the
   * subscription was paused or removed meanwhile.
   */
  claimPeriod(claim: PeriodClaim): Promise<boolean>;
  /** Active subscriptions whose conversation the bot has been removed from. */
  unreachable(): Promise<readonly Subscription[]>;
  /** Pauses it as unreachable (audited) and queues the notices, once; false when already done. */
  pauseUnreachable(subscriptionId: string, notices: readonly OutgoingMessage[]): Promise<boolean>;
  /** Digest posts the outbox gave up on that nobody has been told about. */
  failedPosts(): Promise<readonly FailedPost[]>;
  /** Records that the failure was reported (audited `digest.post_failed`) and queues the notices, once. */
  reportFailure(postId: string, notices: readonly OutgoingMessage[]): Promise<boolean>;
  /**
   * Who to tell about a subscription: `preferred` (the subscriber, or who asked) while an active member;
   * otherwise the facilitators of the channel's region (or the digest's region), else national admins.
   */
  noticeRecipients(subscription: Subscription, preferred: string | undefined): Promise<readonly string[]>;
}
