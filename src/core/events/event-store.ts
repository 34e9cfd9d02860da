// What the events feature needs from storage; implemented over Prisma in src/db/repositories. The
// store reads and writes; the rules (rules.ts) and the event service (event-service.ts) decide. Every
// change to answers is made through `EventWrites`, inside a transaction, under a lock on the event row,
// so capacity holds however many click at once.
import type { Choice, MemberRecord } from '../members/member.js';
import type { Attendee, EventChanges, EventLinks, EventRecord, EventType, MyAnswer, NewEvent, RsvpStatus } from './event.js';
import type { AnswerChange, AnswerCounts, AnswerState, EventState } from './rules.js';

/** What a reply to an answer names: the event's title and times. */
export type EventHeading = Pick<EventRecord, 'title' | 'startsAt' | 'endsAt'>;

export type RespondOutcome =
  | {
      readonly kind: 'recorded' | 'unchanged';
      readonly status: RsvpStatus;
      /** Place on the waitlist, 1 for the first. */
      readonly position: number | undefined;
      readonly event: EventHeading;
    }
  | { readonly kind: 'unknown' | 'cancelled' | 'past' | 'not-member' };

export type ClaimOutcome =
  | { readonly kind: 'claimed' | 'already-going'; readonly event: EventRecord }
  | { readonly kind: 'unknown' | 'cancelled' | 'past' | 'not-member' | 'no-offer' | 'expired' };

export interface EventPage {
  readonly entries: readonly EventRecord[];
  readonly total: number;
}

export interface EventStore {
  find(id: string): Promise<EventRecord | undefined>;
  findByNumber(number: number): Promise<EventRecord | undefined>;
  /** The event a calendar link's token opens: a derived token whose MAC is right, or an old event's token by its hash. */
  findByCalendarToken(token: string): Promise<EventRecord | undefined>;
  /** Just what the link buttons need, for replies to a click (no counts: one row read). */
  linksOf(id: string): Promise<EventLinks | undefined>;
  /** The meetings of a series, in order. */
  seriesMeetings(seriesId: string): Promise<readonly EventRecord[]>;
  /** Scheduled events starting after `from`, soonest first: one region's and national ones, or all. */
  upcoming(query: {
    readonly regionCode: string | undefined;
    readonly from: Date;
    readonly page: number;
    readonly pageSize: number;
  }): Promise<EventPage>;
  /**
   * Scheduled events starting from `from` (inclusive) to `to` (exclusive), soonest first, at most `limit`:
   * national ones and those of `regionCode` (national ones only when it is null). For digests.
   */
  startingBetween(query: {
    readonly regionCode: string | null;
    readonly from: Date;
    readonly to: Date;
    readonly limit: number;
  }): Promise<EventPage>;
  /** How many scheduled regional events start from `from` to `to`, per region code (regions with none left out). */
  regionalCounts(from: Date, to: Date): Promise<ReadonlyMap<string, number>>;
  /**
   * The next scheduled event of the type starting after `from`, national or of `regionCode` (national only
   * when null), whose title or description holds one of the phrases (in any case). For digests.
   */
  nextMatching(query: {
    readonly type: EventType;
    readonly regionCode: string | null;
    readonly from: Date;
    readonly phrases: readonly string[];
  }): Promise<EventRecord | undefined>;
  /** Events the member answered going, maybe or waitlisted, starting after `from`. */
  ofMember(memberId: string, from: Date, limit: number): Promise<readonly { readonly event: EventRecord; readonly answer: MyAnswer }[]>;
  answerOf(eventId: string, memberId: string): Promise<MyAnswer | undefined>;
  /** Everyone who answered, waitlist in order. */
  attendees(eventId: string): Promise<readonly Attendee[]>;
  /** Member ids with these answers, for messages that follow a change. */
  audience(eventId: string, statuses: readonly RsvpStatus[]): Promise<readonly string[]>;
  /**
   * Marks who attended (everyone else who answered did not), audited; with a follow-up link, records it
   * and queues it, with the rating buttons, to those who attended, in the same transaction.
   */
  /** A member who attended rates the event, 1 to 5; false if they did not attend. */
  rate(eventId: string, memberId: string, rating: number): Promise<boolean>;
  /** Active members whose name contains `query`, as host choices ("name, organisation"), at most `limit`. */
  hosts(query: string, limit: number): Promise<readonly Choice[]>;
  /** One active member as a host choice. */
  host(memberId: string): Promise<Choice | undefined>;
  /** Events the member attended, most recent first, for their CPD record. */
  attendedBy(memberId: string): Promise<readonly EventRecord[]>;
  /** Scheduled meetings not yet announced starting after `after` up to `until`, soonest first, at most `limit`. */
  unannounced(window: { readonly after: Date; readonly until: Date }, limit: number): Promise<readonly string[]>;
  /** Scheduled events starting after `after` up to `until`, with the reminder last queued for each. */
  startingWithin(window: {
    readonly after: Date;
    readonly until: Date;
  }): Promise<readonly { readonly id: string; readonly startsAt: Date; readonly remindedAt: number | null }[]>;
  /** What a member's answer to the event is decided from, read without a lock (an answer that changes nothing needs no more). */
  answerContext(eventId: string, memberId: string, now: Date): Promise<AnswerContext | undefined>;
  /** Places offered from waitlists and not yet passed on, with their event's state (for the offer sweep). */
  openOffers(): Promise<
    readonly {
      readonly eventId: string;
      readonly status: 'scheduled' | 'cancelled';
      readonly startsAt: Date;
      readonly offerExpiresAt: Date;
    }[]
  >;
}

/** The event's row as locked for a change to its answers. */
export interface LockedEvent extends EventState {
  readonly id: string;
  readonly title: string;
  readonly endsAt: Date;
  readonly announcedAt: Date | null;
  /** The reminder last queued, in minutes before the start. */
  readonly remindedAt: number | null;
}

/**
 * What a member's answer to an event is decided from, in one read: the event, the member's status,
 * their own answer (with their place on the waitlist) and the counts of everyone's answers.
 */
export interface AnswerContext {
  readonly event: LockedEvent;
  readonly memberStatus: MemberRecord['status'] | undefined;
  /** The member's answer as stored, with their place on the waitlist (1 for the first) while waiting. */
  readonly current: (AnswerState & { readonly position: number | undefined }) | undefined;
  readonly counts: AnswerCounts;
}

/**
 * Reads and writes inside a unit of work (src/core/transaction.ts). Nothing here decides: the event
 * service locks the event, reads, applies the rules and writes what they say.
 */
export interface EventWrites {
  /** Locks the event's row until the transaction ends: every change to its answers goes through here. */
  lockEvent(eventId: string): Promise<LockedEvent | undefined>;
  record(eventId: string): Promise<EventRecord | undefined>;
  /** What a member's answer is decided from; read after `lockEvent`, it sees every answer committed before the lock was taken. */
  answerContext(eventId: string, memberId: string, now: Date): Promise<AnswerContext | undefined>;
  /** Every answer to the event. */
  answers(eventId: string): Promise<readonly AnswerState[]>;
  /** Writes one member's answer (created if new); `respondedAt` when the member answered, kept otherwise. */
  saveAnswer(eventId: string, answer: AnswerChange, respondedAt?: Date): Promise<void>;
  deleteAnswer(eventId: string, memberId: string): Promise<void>;
  /** Every answer of the member, to any event. */
  deleteAnswersOf(memberId: string): Promise<void>;
  /** The events the member answered, by event id. */
  answeredBy(memberId: string): Promise<readonly { readonly eventId: string; readonly startsAt: Date }[]>;
  /** Member ids with these answers, earliest answer first. */
  audience(eventId: string, statuses: readonly RsvpStatus[]): Promise<readonly string[]>;
  /** Creates every meeting (with its series for a recurring event); returns their ids in order. */
  createMeetings(event: NewEvent): Promise<{ readonly ids: readonly string[]; readonly seriesId: string | null }>;
  /** Writes one meeting's new details (its SEQUENCE and its series' raised). */
  saveDetails(eventId: string, changes: EventChanges): Promise<void>;
  /** Marks the meeting cancelled at `now` (its SEQUENCE and its series' raised). */
  markCancelled(eventId: string, now: Date): Promise<void>;
  markAnnounced(eventId: string, now: Date): Promise<void>;
  /** Records the reminder queued, in minutes before the start. */
  markReminded(eventId: string, minutes: number): Promise<void>;
  /** Community channels (Conversation ids) of a region, or of every region for a national event (null). */
  announcementChannels(regionCode: string | null): Promise<readonly string[]>;
  /** An audit entry (ids only). */
  audit(action: string, subject: string | null, details: Record<string, unknown>): Promise<void>;
  /** On erasure: the member's download links go, and events they hosted are left without a host. */
  forgetMember(memberId: string): Promise<void>;
  /** Records who attended (everyone else who answered did not) and the follow-up address; returns those marked attended. */
  saveAttendance(
    eventId: string,
    attendedMemberIds: readonly string[],
    followUpUrl: string | undefined,
    now: Date,
  ): Promise<readonly string[]>;
}
