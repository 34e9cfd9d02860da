// Sends what the outbox holds: claims due messages in the database (several bot processes can run this
// at once: each row is leased to one of them), posts them through the platform's sender, and records
// the outcome. Rate limits wait as long as the platform asks; other failures are retried with growing
// delays, then given up and recorded. Posts marked for refresh are re-rendered and updated in place.
import pLimit from 'p-limit';
import { systemClock, type Clock } from '../clock.js';
import type { Platform } from '../context.js';
import type { LanguageChoice } from '../i18n/language-choice.js';
import type { Message } from '../reply/reply.js';
import { parsePostKey } from './post-key.js';

/** Where one message goes: a Slack channel or user id, or a Teams conversation reference. */
export interface DeliveryTarget {
  readonly platform: Platform;
  readonly workspaceId: string;
  /** Slack channel (or user, for a direct message) id; for an update, the channel the message is in. */
  readonly address?: string | undefined;
  /** Teams: the Bot Framework conversation reference stored for the conversation. */
  readonly reference?: Readonly<Record<string, unknown>> | undefined;
}

export interface Delivery {
  readonly id: string;
  readonly target: DeliveryTarget;
  readonly message: Message;
  readonly postKey: string | undefined;
  /** Tries so far, this one included. */
  readonly attempts: number;
  /** The lease as claimed: the row's `lockedUntil`, which also tells this claim from a later one. */
  readonly leaseUntil: Date;
}

export interface ClaimedPost {
  readonly id: string;
  readonly postKey: string;
  readonly target: DeliveryTarget;
  readonly messageId: string;
  /** The language of the conversation the post is in: it is re-rendered in it. */
  readonly language: LanguageChoice;
  /** The refresh count when claimed: the post stays marked if it moved on while rendering. */
  readonly refreshes: number;
  /** The lease as claimed (see Delivery.leaseUntil). */
  readonly leaseUntil: Date;
}

/** Which of the outbox's tables a lease is on: queued messages or posts to refresh. */
export type LeaseKind = 'message' | 'post';

export interface Posted {
  /** Slack message ts or Teams activity id. */
  readonly messageId: string;
  /** Slack: the channel the message landed in (a direct message's D… channel). */
  readonly address?: string | undefined;
}

/** What the dispatcher needs from the database. */
export interface OutboxQueue {
  claimDue(limit: number, leaseMs: number): Promise<Delivery[]>;
  markSent(delivery: Delivery, posted: Posted): Promise<void>;
  /**
   * Tries again at `at`; `refund` gives back the try this claim counted (a wait the platform asked for is
   * no failure); `revised` replaces the message kept for the retry (what this try already did, such as an
   * uploaded picture, is not done again).
   */
  retryLater(delivery: Delivery, at: Date, error: string, refund?: boolean, revised?: Message): Promise<void>;
  /** Gives up on a message; `gone` also records that the bot is no longer in the conversation. */
  markFailed(delivery: Delivery, error: string, gone: boolean): Promise<void>;
  claimDirtyPosts(limit: number, leaseMs: number): Promise<ClaimedPost[]>;
  /** Done with a post: it may be updated again after `holdMs` (it stays marked if it changed meanwhile). */
  markRendered(post: ClaimedPost, holdMs: number): Promise<void>;
  retryPostLater(post: ClaimedPost, at: Date): Promise<void>;
  /** When the soonest post marked for refresh may be updated, if one is waiting. */
  nextRefreshAt(): Promise<Date | undefined>;
  /**
   * Extends to `now + leaseMs` the leases on the rows `ids` that still hold the lease `heldUntil` (this
   * process's claim, or its last renewal): a row finished, or claimed since by another process, is left
   * alone. Returns the ids renewed and their new `lockedUntil`.
   */
  renewLeases(kind: LeaseKind, ids: readonly string[], heldUntil: Date, leaseMs: number): Promise<{ renewed: string[]; until: Date }>;
  /**
   * When the soonest row that could not be claimed at `since` may be (a message's retry time, a lease of
   * another process running out, a post's refresh interval), if any; a time before now when it became
   * claimable after `since`.
   */
  nextClaimableAt(since: Date): Promise<Date | undefined>;
}

/** Posts and updates messages on one platform. Throws DeliveryError to say how a failure should be handled. */
export interface MessageSender {
  post(target: DeliveryTarget, message: Message): Promise<Posted>;
  update(target: DeliveryTarget, messageId: string, message: Message): Promise<void>;
}

export type FailureKind =
  /**
   * Try again after `retryAfterMs` without using up a try (Slack 429 with Retry-After, connector 429, or
   * no Teams token yet: Microsoft Entra refused the bot's credentials or could not be reached).
   */
  | 'rate-limited'
  /** The conversation or person cannot be reached any more (channel archived, bot removed): do not retry. */
  | 'gone'
  /** The platform refused this message as it is (too long, invalid blocks): do not retry. */
  | 'rejected'
  /** Anything else (network, 5xx): retry with backoff. */
  | 'transient';

export class DeliveryError extends Error {
  constructor(
    /** The platform's error code, recorded on the row (never personal data). */
    readonly code: string,
    readonly kind: FailureKind,
    readonly retryAfterMs?: number,
    /** The message as a retry should send it (e.g. with a picture this try uploaded): kept in the outbox. */
    readonly revised?: Message,
  ) {
    super(`delivery failed: ${code}`);
  }
}

export interface DispatcherLogger {
  warn(details: object, message: string): void;
  error(details: object, message: string): void;
}

export interface DispatcherOptions {
  /** Rows claimed per round. */
  readonly batchSize?: number;
  /** Messages sent at once within a round. */
  readonly concurrency?: number;
  /**
   * How long a claimed row is held before another process may take it over. Short, so that the work of
   * a process that died is taken over within seconds; renewed while the work runs.
   */
  readonly leaseMs?: number;
  /** How often the leases of rows still being worked on are renewed (a few times a lease). */
  readonly renewEveryMs?: number;
  /** Tries before a message is given up. */
  readonly maxAttempts?: number;
  /** First retry delay; doubled each try, capped at ten minutes. */
  readonly baseDelayMs?: number;
  /**
   * Least time between two updates of one posted message: a burst of changes (hundreds of answers to
   * one event) is shown in a few updates, each with all the changes so far, within Slack's rate limits.
   */
  readonly refreshIntervalMs?: number;
  /** Where the time comes from (tests move it on instead of waiting). */
  readonly clock?: Clock;
}

const MAX_DELAY_MS = 10 * 60_000;
/** A claimed row is the claimer's for 6 seconds at a time, renewed every 2 while it is worked on. */
export const LEASE_MS = 6_000;
/**
 * Wakes at the time the soonest held row may be claimed only when that is this near; later ones are left
 * to the outbox poll. Never sooner than the least wait, so a row held by a transaction still open (which
 * FOR UPDATE SKIP LOCKED passes over) does not make the dispatcher spin.
 */
const CLAIMABLE_WAKE_HORIZON_MS = 60_000;
const CLAIMABLE_WAKE_LEAST_MS = 200;

/** Rate limits apply per platform workspace (a Slack team, a Teams tenant). */
const holdKey = (target: DeliveryTarget) => `${target.platform}:${target.workspaceId}`;

function asDeliveryError(error: unknown): DeliveryError {
  return error instanceof DeliveryError ? error : new DeliveryError(error instanceof Error ? error.name : 'unknown', 'transient');
}

/** Runs `work` over `items` with at most `limit` running at once. */
async function inPool<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  await pLimit(limit).map(items, work);
}

export class OutboxDispatcher {
  private readonly batchSize: number;
  private readonly concurrency: number;
  private readonly leaseMs: number;
  private readonly maxAttempts: number;
  private readonly baseDelayMs: number;
  private readonly refreshIntervalMs: number;
  private readonly clock: Clock;
  private running: Promise<void> | undefined;
  private wakeAgain = false;
  /**
   * After a rate-limit answer, the platform and workspace (Slack team, Teams tenant) are left alone
   * until the time it asked for: the rest of the round is put back without calling it, so a burst of
   * due messages (a thousand digests at 09:00) does not meet a 429 each.
   */
  private readonly heldUntil = new Map<string, number>();
  private resumeTimer: NodeJS.Timeout | undefined;
  private refreshTimer: ReturnType<typeof setTimeout> | undefined;
  private claimableTimer: { at: number; timer: ReturnType<typeof setTimeout> } | undefined;
  private readonly leases: LeaseKeeper;
  private stopped = false;

  constructor(
    private readonly queue: OutboxQueue,
    private readonly senders: Partial<Record<Platform, MessageSender>>,
    private readonly renderPost: (postKey: string, language: LanguageChoice) => Promise<Message | undefined>,
    private readonly log: DispatcherLogger,
    options: DispatcherOptions = {},
  ) {
    this.batchSize = options.batchSize ?? 50;
    this.concurrency = options.concurrency ?? 4;
    this.leaseMs = options.leaseMs ?? LEASE_MS;
    this.maxAttempts = options.maxAttempts ?? 6;
    this.baseDelayMs = options.baseDelayMs ?? 5_000;
    this.refreshIntervalMs = options.refreshIntervalMs ?? 2_000;
    this.clock = options.clock ?? systemClock;
    this.leases = new LeaseKeeper(queue, this.leaseMs, options.renewEveryMs ?? Math.floor(this.leaseMs / 3), log);
  }

  private nowMs(): number {
    return this.clock.now().getTime();
  }

  /** Starts sending in the background (or runs once more after the current run). Never throws. */
  wake(): void {
    if (this.stopped) return;
    if (this.running) {
      this.wakeAgain = true;
      return;
    }
    this.running = this.runUntilIdle()
      .catch((error: unknown) => this.log.error({ err: error, component: 'outbox' }, 'sending queued messages failed'))
      .finally(() => {
        this.running = undefined;
        if (this.wakeAgain) {
          this.wakeAgain = false;
          this.wake();
        }
      });
  }

  /**
   * Sends everything due now, waiting for a background run first, and the updates of posts held by the
   * refresh interval; resolves when nothing due is left.
   */
  async drain(): Promise<void> {
    for (;;) {
      while ((await this.runDue()) > 0) {
        // Another round: more may have become due, or a full batch may have left rows behind.
      }
      if (this.stopped) return;
      const next = await this.queue.nextRefreshAt();
      const wait = next ? next.getTime() - this.nowMs() : Infinity;
      // Posts held longer than the interval are waiting for a retry, not for this drain.
      if (wait > this.refreshIntervalMs) return;
      if (wait > 0) await this.clock.sleep(wait);
    }
  }

  /**
   * One round of the work due now (a batch of messages and a batch of posts to refresh), after a
   * background run has finished; returns how many were handled (0: nothing was due). Never two rounds at
   * once in one process: a round in flight holds its posts under a lease, which would look like a post
   * held for a retry.
   */
  async runDue(): Promise<number> {
    while (this.running) await this.running;
    if (this.stopped) return 0;
    const round = this.runOnce().catch((error: unknown) => {
      this.log.error({ err: error, component: 'outbox' }, 'sending queued messages failed');
      return 0;
    });
    this.running = round
      .then(() => undefined)
      .finally(() => {
        this.running = undefined;
        if (this.wakeAgain) {
          this.wakeAgain = false;
          this.wake();
        }
      });
    return round;
  }

  /** Stops waking (before the database closes): timers cancelled, then waits for a background run to finish. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.resumeTimer);
    clearTimeout(this.refreshTimer);
    clearTimeout(this.claimableTimer?.timer);
    while (this.running) await this.running;
    await this.leases.stop();
  }

  /** Wakes again once posts updated now may be updated again (changes may have come meanwhile). */
  private wakeAfterRefreshInterval(): void {
    if (this.refreshTimer || this.stopped) return;
    this.refreshTimer = setTimeout(() => {
      this.refreshTimer = undefined;
      this.wake();
    }, this.refreshIntervalMs);
    this.refreshTimer.unref();
  }

  private async runUntilIdle(): Promise<void> {
    let lastRound: Date;
    do {
      // Another round: more may have become due, or a full batch may have left rows behind.
      lastRound = new Date(this.nowMs());
    } while ((await this.runOnce()) > 0);
    await this.wakeWhenClaimable(lastRound);
  }

  /**
   * Once idle, wakes again when the soonest row held now may be claimed: above all a row leased by a
   * process that died, which is then taken over as soon as its lease runs out rather than at a later poll.
   */
  private async wakeWhenClaimable(lastRound: Date): Promise<void> {
    if (this.stopped) return;
    // Asked from the start of the last round: a lease that ran out while that round worked is woken for
    // at once, not left to the next poll.
    const next = await this.queue.nextClaimableAt(lastRound);
    if (!next || this.stopped) return;
    const wait = Math.max(next.getTime() - this.nowMs(), CLAIMABLE_WAKE_LEAST_MS);
    if (wait > CLAIMABLE_WAKE_HORIZON_MS) return;
    const at = this.nowMs() + wait;
    // One timer, for the soonest time asked.
    if (this.claimableTimer && this.claimableTimer.at <= at) return;
    clearTimeout(this.claimableTimer?.timer);
    const timer = setTimeout(() => {
      this.claimableTimer = undefined;
      this.wake();
    }, wait);
    timer.unref();
    this.claimableTimer = { at, timer };
  }

  /** One round: a batch of due messages and a batch of posts to refresh. Returns how many were handled. */
  async runOnce(): Promise<number> {
    const deliveries = await this.queue.claimDue(this.batchSize, this.leaseMs);
    this.leases.hold('message', deliveries);
    await inPool(deliveries, this.concurrency, (delivery) => this.deliver(delivery));
    const posts = await this.queue.claimDirtyPosts(this.batchSize, this.leaseMs);
    this.leases.hold('post', posts);
    await this.refreshPosts(posts);
    if (posts.length > 0) this.wakeAfterRefreshInterval();
    return deliveries.length + posts.length;
  }

  private async deliver(delivery: Delivery): Promise<void> {
    try {
      await this.deliverHeld(delivery);
    } finally {
      this.leases.release('message', delivery.id);
    }
  }

  private async deliverHeld(delivery: Delivery): Promise<void> {
    const sender = this.senders[delivery.target.platform];
    if (!sender) {
      await this.queue.markFailed(delivery, 'platform_not_configured', false);
      return;
    }
    const held = this.heldUntil.get(holdKey(delivery.target)) ?? 0;
    if (held > this.nowMs()) {
      await this.queue.retryLater(delivery, new Date(held), 'ratelimited', true);
      return;
    }
    try {
      const posted = await sender.post(delivery.target, delivery.message);
      await this.queue.markSent(delivery, posted);
    } catch (error) {
      await this.handleFailure(delivery, asDeliveryError(error));
    }
  }

  private async handleFailure(delivery: Delivery, failure: DeliveryError): Promise<void> {
    const details = { component: 'outbox', platform: delivery.target.platform, code: failure.code, attempts: delivery.attempts };
    if (failure.kind === 'rate-limited') {
      // Waiting as asked is not the message's fault: it does not use up a try.
      const until = this.nowMs() + (failure.retryAfterMs ?? this.baseDelayMs);
      this.hold(holdKey(delivery.target), until);
      await this.queue.retryLater(delivery, new Date(until), failure.code, true, failure.revised);
      return;
    }
    if (failure.kind === 'gone' || failure.kind === 'rejected' || delivery.attempts >= this.maxAttempts) {
      this.log.warn(details, 'gave up sending a message');
      await this.queue.markFailed(delivery, failure.code, failure.kind === 'gone');
      return;
    }
    const delay = Math.min(this.baseDelayMs * 2 ** (delivery.attempts - 1), MAX_DELAY_MS);
    await this.queue.retryLater(delivery, new Date(this.nowMs() + delay), failure.code, false, failure.revised);
  }

  /** Holds a workspace until `until`, and wakes up then to send what was put back. */
  private hold(key: string, until: number): void {
    this.heldUntil.set(key, Math.max(until, this.heldUntil.get(key) ?? 0));
    if (this.stopped) return;
    clearTimeout(this.resumeTimer);
    const next = Math.min(...this.heldUntil.values());
    this.resumeTimer = setTimeout(
      () => {
        for (const [held, at] of this.heldUntil) if (at <= this.nowMs()) this.heldUntil.delete(held);
        this.wake();
      },
      Math.max(0, next - this.nowMs()) + 10,
    );
    this.resumeTimer.unref();
  }

  /** Renders each post key once per language, then updates every message showing it in that language. */
  private async refreshPosts(posts: readonly ClaimedPost[]): Promise<void> {
    const byKey = new Map<string, ClaimedPost[]>();
    for (const post of posts) {
      const groupKey = `${post.language} ${post.postKey}`;
      byKey.set(groupKey, [...(byKey.get(groupKey) ?? []), post]);
    }
    for (const group of byKey.values()) {
      const { postKey, language } = group[0]!;
      let message: Message | undefined;
      try {
        message = await this.renderPost(postKey, language);
      } catch (error) {
        this.log.error(
          { err: error, component: 'outbox', postKind: parsePostKey(postKey)?.kind },
          'could not render a post for its update',
        );
        await Promise.all(
          group.map(async (post) => {
            await this.queue.retryPostLater(post, new Date(this.nowMs() + this.baseDelayMs));
            this.leases.release('post', post.id);
          }),
        );
        continue;
      }
      await inPool(group, this.concurrency, (post) => this.updatePost(post, message));
    }
  }

  private async updatePost(post: ClaimedPost, message: Message | undefined): Promise<void> {
    try {
      await this.updateHeldPost(post, message);
    } finally {
      this.leases.release('post', post.id);
    }
  }

  private async updateHeldPost(post: ClaimedPost, message: Message | undefined): Promise<void> {
    const sender = this.senders[post.target.platform];
    try {
      if (message && sender) await sender.update(post.target, post.messageId, message);
      await this.queue.markRendered(post, this.refreshIntervalMs);
    } catch (error) {
      const failure = asDeliveryError(error);
      if (failure.kind === 'rate-limited' || failure.kind === 'transient') {
        await this.queue.retryPostLater(post, new Date(this.nowMs() + (failure.retryAfterMs ?? this.baseDelayMs)));
      } else {
        // The message was deleted or the bot left: nothing left to update.
        this.log.warn({ component: 'outbox', platform: post.target.platform, code: failure.code }, 'could not update a posted message');
        await this.queue.markRendered(post, 0);
      }
    }
  }
}

/**
 * Renews the leases of the rows this process is working on, every `renewEveryMs` while it holds any, so
 * that a lease can be short (another process takes over a dead one's work within seconds) while a slow
 * send (a rate limit, a long batch) keeps its rows. A row is renewed only while it still holds the lease
 * this process last set: one finished, or claimed by another process after this one stalled past its
 * lease, is dropped and never extended.
 */
class LeaseKeeper {
  /** Row id to the lease this process holds on it (the `lockedUntil` it last set), by table. */
  private readonly held: Record<LeaseKind, Map<string, number>> = { message: new Map(), post: new Map() };
  private timer: ReturnType<typeof setInterval> | undefined;
  private renewing: Promise<void> | undefined;

  constructor(
    private readonly queue: OutboxQueue,
    private readonly leaseMs: number,
    private readonly renewEveryMs: number,
    private readonly log: DispatcherLogger,
  ) {}

  hold(kind: LeaseKind, rows: readonly { id: string; leaseUntil: Date }[]): void {
    for (const row of rows) this.held[kind].set(row.id, row.leaseUntil.getTime());
    if (rows.length > 0 && !this.timer) {
      this.timer = setInterval(() => {
        this.renewing ??= this.renew().finally(() => (this.renewing = undefined));
      }, this.renewEveryMs);
      this.timer.unref();
    }
  }

  /** Done with a row (its outcome recorded, or about to be): its lease is no longer renewed. */
  release(kind: LeaseKind, id: string): void {
    this.held[kind].delete(id);
    if (this.held.message.size === 0 && this.held.post.size === 0) {
      clearInterval(this.timer);
      this.timer = undefined;
    }
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.renewing;
  }

  private async renew(): Promise<void> {
    for (const kind of ['message', 'post'] as const) {
      const held = this.held[kind];
      // Rows claimed together share one lease; renewed together they share the next.
      const byLease = new Map<number, string[]>();
      for (const [id, until] of held) byLease.set(until, [...(byLease.get(until) ?? []), id]);
      for (const [until, ids] of byLease) {
        try {
          const { renewed, until: next } = await this.queue.renewLeases(kind, ids, new Date(until), this.leaseMs);
          const kept = new Set(renewed);
          for (const id of ids) {
            // Released while this renewal ran: nothing more to do for it.
            if (!held.has(id)) continue;
            if (kept.has(id)) held.set(id, next.getTime());
            else {
              held.delete(id);
              this.log.warn(
                { component: 'outbox', lease: kind },
                'lost the lease on a row still being worked on: another process may take it over',
              );
            }
          }
        } catch (error) {
          // The next renewal tries again; the lease lasts a few renewals.
          this.log.error({ err: error, component: 'outbox', lease: kind }, 'could not renew leases');
        }
      }
    }
  }
}
