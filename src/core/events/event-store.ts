// What the events feature needs from storage; implemented over Prisma in src/db/repositories. Answers
// are recorded under a lock on the event row, so capacity holds however many click at once.
import type { Choice } from '../members/member.js';
import type { Answer, Attendee, EventChanges, EventLinks, EventRecord, EventType, MyAnswer, NewEvent, RsvpStatus } from './event.js';

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

/** Members moved up the waitlist by a change, for the messages that tell them. */
export interface WaitlistMoves {
  /** Now going (automatic promotion). */
  readonly promoted: readonly string[];
  /** Offered a place until the time given (offer mode). */
  readonly offered: readonly { readonly memberId: string; readonly expiresAt: Date }[];
}

export type ExportSubject = { readonly kind: 'attendees'; readonly eventId: string } | { readonly kind: 'record'; readonly memberId: string };

export interface EventPage {
  readonly entries: readonly EventRecord[];
  readonly total: number;
}

export interface EventStore {
  /** Creates every meeting (with its series for a recurring event), audited in one transaction. */
  create(event: NewEvent, byMemberId: string): Promise<readonly EventRecord[]>;
  find(id: string): Promise<EventRecord | undefined>;
  findByNumber(number: number): Promise<EventRecord | undefined>;
  findByCalendarToken(token: string): Promise<EventRecord | undefined>;
  /** Just what the link buttons need, for replies to a click (no counts: one row read). */
  linksOf(id: string): Promise<EventLinks | undefined>;
  /** The meetings of a series, in order. */
  seriesMeetings(seriesId: string): Promise<readonly EventRecord[]>;
  /** Scheduled events starting after `from`, soonest first: one region's and national ones, or all. */
  upcoming(query: { readonly regionCode: string | undefined; readonly from: Date; readonly page: number; readonly pageSize: number }): Promise<EventPage>;
  /**
   * Scheduled events starting from `from` (inclusive) to `to` (exclusive), soonest first, at most `limit`:
   * national ones and those of `regionCode` (national ones only when it is null). For digests.
   */
  startingBetween(query: { readonly regionCode: string | null; readonly from: Date; readonly to: Date; readonly limit: number }): Promise<EventPage>;
  /** How many scheduled regional events start from `from` to `to`, per region code (regions with none left out). */
  regionalCounts(from: Date, to: Date): Promise<ReadonlyMap<string, number>>;
  /**
   * The next scheduled event of the type starting after `from`, national or of `regionCode` (national only
   * when null), whose title or description holds one of the phrases (in any case). For digests.
   */
  nextMatching(query: { readonly type: EventType; readonly regionCode: string | null; readonly from: Date; readonly phrases: readonly string[] }): Promise<EventRecord | undefined>;
  /** Events the member answered going, maybe or waitlisted, starting after `from`. */
  ofMember(memberId: string, from: Date, limit: number): Promise<readonly { readonly event: EventRecord; readonly answer: MyAnswer }[]>;
  answerOf(eventId: string, memberId: string): Promise<MyAnswer | undefined>;
  /** Records an answer under a lock on the event; a freed place goes to the waitlist. */
  respond(eventId: string, memberId: string, answer: Answer, now: Date): Promise<RespondOutcome>;
  /** Takes a place offered from the waitlist, while the offer holds. */
  claim(eventId: string, memberId: string, now: Date): Promise<ClaimOutcome>;
  /** Changes one meeting (SEQUENCE raised); a larger capacity goes to the waitlist. Audited. */
  update(eventId: string, changes: EventChanges, byMemberId: string, now: Date): Promise<{ readonly event: EventRecord; readonly moves: WaitlistMoves }>;
  /** Cancels one meeting (SEQUENCE raised). Audited. False when it was already cancelled. */
  cancel(eventId: string, byMemberId: string): Promise<boolean>;
  /** Everyone who answered, waitlist in order. */
  attendees(eventId: string): Promise<readonly Attendee[]>;
  /** Member ids with these answers, for messages that follow a change. */
  audience(eventId: string, statuses: readonly RsvpStatus[]): Promise<readonly string[]>;
  /** Keeps a hash of a download token (an event's attendees, or a member's record), valid until `expiresAt`. */
  createExport(what: ExportSubject, tokenHash: string, expiresAt: Date): Promise<void>;
  /** What an unexpired download token's hash gives. */
  exportOf(tokenHash: string, now: Date): Promise<ExportSubject | undefined>;
  /**
   * Marks who attended (everyone else who answered did not), audited; with a follow-up link, records it
   * and queues it, with the rating buttons, to those who attended, in the same transaction.
   */
  markAttendance(eventId: string, attendedMemberIds: readonly string[], followUpUrl: string | undefined, now: Date): Promise<void>;
  /** A member who attended rates the event, 1 to 5; false if they did not attend. */
  rate(eventId: string, memberId: string, rating: number): Promise<boolean>;
  /** Active members whose name contains `query`, as host choices ("name, organisation"), at most `limit`. */
  hosts(query: string, limit: number): Promise<readonly Choice[]>;
  /** One active member as a host choice. */
  host(memberId: string): Promise<Choice | undefined>;
  /**
   * Announces meetings starting within `aheadDays` that are not announced yet, in their region's
   * community channels (every region's for a national event); returns how many were announced.
   */
  announceDue(now: Date, aheadDays: number): Promise<number>;
  /** Queues the reminders now due (each member, event and reminder once); returns how many events. */
  queueReminders(now: Date, reminderMinutes: readonly number[]): Promise<number>;
  /** Lapsed waitlist offers go to the next in the queue; returns how many events changed. */
  sweepOffers(now: Date): Promise<number>;
  /** Events the member attended, most recent first, for their CPD record. */
  attendedBy(memberId: string): Promise<readonly EventRecord[]>;
}
