// The events feature's rules, each written once, as pure functions: what counts as a place taken, who
// may answer, what an answer records, who moves up the waitlist, who is due a reminder and which
// meetings are announced. They take the time as `now` and the data as arguments; the event service
// (event-service.ts) reads the data under the event's lock, applies them and writes what they decide.
import type { MemberRecord } from '../members/member.js';
import { isActive } from '../members/active-member.js';
import type { Answer, RsvpStatus, WaitlistMode } from './event.js';

/** How far ahead meetings are announced: a series' later meetings are announced as they come near. */
export const ANNOUNCE_AHEAD_DAYS = 14;

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

/** One member's answer to an event, as stored. */
export interface AnswerState {
  readonly memberId: string;
  readonly status: RsvpStatus;
  /** Order in the queue while waitlisted (lower first); null otherwise. */
  readonly waitlistOrder: number | null;
  /** While waitlisted: the end of the place offered to them, if one is. */
  readonly offerExpiresAt: Date | null;
}

/** What a place count needs: those going, and the places offered from the waitlist and not yet passed on. */
export interface PlaceCounts {
  readonly going: number;
  readonly offered: number;
}

/**
 * What an answer is decided from, besides the member's own answer: the counts of the event's answers
 * (read as one aggregate under the event's lock), not every answer.
 */
export interface AnswerCounts extends PlaceCounts {
  /** Those on the waitlist, offered a place or not. */
  readonly waitlisted: number;
  /** The highest waitlist order given so far (0 when none): the back of the queue. */
  readonly lastWaitlistOrder: number;
  /** Offers whose time has run out, passed on before an answer is decided. */
  readonly lapsed: number;
}

/** What the rules need to know of the event itself. */
export interface EventState {
  readonly status: 'scheduled' | 'cancelled';
  readonly startsAt: Date;
  readonly capacity: number | null;
  readonly waitlistMode: WaitlistMode;
  readonly offerMinutes: number;
}

/** An offer is held from when it is made until it is claimed or passed on (a lapsed offer is passed on at the next sweep or answer). */
export function isOffered(answer: Pick<AnswerState, 'status' | 'offerExpiresAt'>): boolean {
  return answer.status === 'waitlisted' && answer.offerExpiresAt !== null;
}

/** An offer whose time has run out: the place goes to the next in the queue. */
export function hasLapsed(answer: Pick<AnswerState, 'status' | 'offerExpiresAt'>, now: Date): boolean {
  return isOffered(answer) && (answer.offerExpiresAt as Date) <= now;
}

/** The counts a place count needs, from the answers. */
export function placeCounts(answers: readonly Pick<AnswerState, 'status' | 'offerExpiresAt'>[]): PlaceCounts {
  return { going: answers.filter((answer) => answer.status === 'going').length, offered: answers.filter(isOffered).length };
}

/** Places taken: those going, and places offered from the waitlist that are held. */
export function placesTaken(counts: PlaceCounts): number {
  return counts.going + counts.offered;
}

/** Places left for a Going click (never below 0); undefined for an event without a limit. */
export function placesLeft(capacity: number | null, counts: PlaceCounts): number | undefined {
  return capacity === null ? undefined : Math.max(0, capacity - placesTaken(counts));
}

/** Events that have not started and are not cancelled: their answers and waitlists may change. */
export function isOpen(event: Pick<EventState, 'status' | 'startsAt'>, now: Date): boolean {
  return event.status === 'scheduled' && event.startsAt > now;
}

export type AnswerRefusal = 'unknown' | 'cancelled' | 'past' | 'not-member';

/** Why an answer (or a claim) is refused: no such event, cancelled, started, or not an active member; undefined when it may be taken. */
export function answerRefusal(
  event: Pick<EventState, 'status' | 'startsAt'> | undefined,
  member: Pick<MemberRecord, 'status'> | undefined,
  now: Date,
): AnswerRefusal | undefined {
  if (!event) return 'unknown';
  if (event.status === 'cancelled') return 'cancelled';
  if (event.startsAt <= now) return 'past';
  if (!isActive(member)) return 'not-member';
  return undefined;
}

/** The highest waitlist order given so far (0 when none). */
export function lastWaitlistOrder(answers: readonly Pick<AnswerState, 'waitlistOrder'>[]): number {
  return answers.reduce((last, answer) => Math.max(last, answer.waitlistOrder ?? 0), 0);
}

/** The next place at the back of the queue, after the highest order given so far. */
export function nextWaitlistOrder(lastOrder: number): number {
  return lastOrder + 1;
}

export type AnswerDecision =
  /** Nothing to record: the same answer again, or Going from someone going or in the queue. */
  | { readonly kind: 'unchanged'; readonly status: RsvpStatus; readonly waitlistOrder: number | null }
  /** Record this; `freesPlace` when it gives up a place or a place in the queue (the waitlist moves up). */
  | { readonly kind: 'recorded'; readonly status: RsvpStatus; readonly waitlistOrder: number | null; readonly freesPlace: boolean };

/** Whether an answer changes nothing: the same answer again, or Going from someone going or in the queue (no counts needed). */
export function isUnchanged(answer: Answer, current: Pick<AnswerState, 'status'> | undefined): boolean {
  if (answer === 'going') return current?.status === 'going' || current?.status === 'waitlisted';
  return current?.status === answer;
}

/** What an answer records, from the member's current answer and the event's counts (a Going past capacity waits). */
export function decideAnswer(
  answer: Answer,
  current: Pick<AnswerState, 'status' | 'waitlistOrder'> | undefined,
  capacity: number | null,
  counts: AnswerCounts,
): AnswerDecision {
  if (current && isUnchanged(answer, current))
    return { kind: 'unchanged', status: current.status, waitlistOrder: current.status === 'waitlisted' ? current.waitlistOrder : null };
  if (answer === 'going') {
    return placesLeft(capacity, counts) === 0
      ? { kind: 'recorded', status: 'waitlisted', waitlistOrder: nextWaitlistOrder(counts.lastWaitlistOrder), freesPlace: false }
      : { kind: 'recorded', status: 'going', waitlistOrder: null, freesPlace: false };
  }
  const holdsPlace = current?.status === 'going' || current?.status === 'waitlisted';
  return { kind: 'recorded', status: answer, waitlistOrder: null, freesPlace: holdsPlace };
}

/**
 * Place on the waitlist (1 for the first) after an answer: the member's place as it was (`position`,
 * as read) when nothing changed, the back of the queue when they join it, none when not waiting.
 */
export function positionAfter(
  decision: AnswerDecision,
  counts: Pick<AnswerCounts, 'waitlisted'>,
  position: number | undefined,
): number | undefined {
  if (decision.status !== 'waitlisted') return undefined;
  return decision.kind === 'unchanged' ? position : counts.waitlisted + 1;
}

export type ClaimRefusal = 'already-going' | 'no-offer' | 'expired';

/** Why a claim of an offered place takes nothing; undefined when it takes the place. */
export function claimRefusal(current: AnswerState | undefined, now: Date): ClaimRefusal | undefined {
  if (current?.status === 'going') return 'already-going';
  if (!current || !isOffered(current)) return 'no-offer';
  if (hasLapsed(current, now)) return 'expired';
  return undefined;
}

/** A change to one member's answer made by moving the waitlist. */
export interface AnswerChange {
  readonly memberId: string;
  readonly status: RsvpStatus;
  readonly waitlistOrder: number | null;
  readonly offerExpiresAt: Date | null;
}

/** What moving the waitlist changes, and whom it tells. */
export interface WaitlistPlan {
  /** In the order they are to be written. */
  readonly changes: readonly AnswerChange[];
  /** Now going (automatic promotion, or no limit any more). */
  readonly promoted: readonly string[];
  /** Offered a place until the time given (offer mode). */
  readonly offered: readonly { readonly memberId: string; readonly expiresAt: Date }[];
}

const byOrder = (a: AnswerState, b: AnswerState) => (a.waitlistOrder ?? 0) - (b.waitlistOrder ?? 0);

/**
 * Who moves up the waitlist, first come first served: at once (automatic), or as offers held for the
 * event's `offerMinutes` (offer mode). An offer that lapsed sends its member to the back of the queue
 * first. With no limit, everyone waiting goes. Nothing moves once the event is cancelled or started.
 */
export function fillPlaces(event: EventState, answers: readonly AnswerState[], now: Date): WaitlistPlan {
  if (!isOpen(event, now)) return { changes: [], promoted: [], offered: [] };
  const changes: AnswerChange[] = [];
  const current = new Map(answers.map((answer) => [answer.memberId, answer]));
  let order = nextWaitlistOrder(lastWaitlistOrder(answers));
  for (const lapsed of answers.filter((answer) => hasLapsed(answer, now)).sort(byOrder)) {
    const requeued = { ...lapsed, waitlistOrder: order++, offerExpiresAt: null };
    current.set(lapsed.memberId, requeued);
    changes.push(requeued);
  }
  const after = [...current.values()];
  const waiting = after.filter((answer) => answer.status === 'waitlisted' && answer.offerExpiresAt === null).sort(byOrder);
  if (event.capacity === null) {
    const everyone = after.filter((answer) => answer.status === 'waitlisted').sort(byOrder);
    changes.push(
      ...everyone.map((answer) => ({ memberId: answer.memberId, status: 'going' as const, waitlistOrder: null, offerExpiresAt: null })),
    );
    return { changes, promoted: everyone.map((answer) => answer.memberId), offered: [] };
  }
  const next = waiting.slice(0, placesLeft(event.capacity, placeCounts(after)));
  if (event.waitlistMode === 'automatic') {
    changes.push(
      ...next.map((answer) => ({ memberId: answer.memberId, status: 'going' as const, waitlistOrder: null, offerExpiresAt: null })),
    );
    return { changes, promoted: next.map((answer) => answer.memberId), offered: [] };
  }
  const expiresAt = new Date(now.getTime() + event.offerMinutes * MINUTE_MS);
  changes.push(...next.map((answer) => ({ ...answer, offerExpiresAt: expiresAt })));
  return { changes, promoted: [], offered: next.map((answer) => ({ memberId: answer.memberId, expiresAt })) };
}

/** The reminder now due for an event (minutes before its start), if any: the shortest one due, and never one already sent or overtaken. */
export function dueReminder(
  event: { readonly startsAt: Date; readonly remindedAt: number | null },
  now: Date,
  reminderMinutes: readonly number[],
): number | undefined {
  const left = (event.startsAt.getTime() - now.getTime()) / MINUTE_MS;
  if (left <= 0) return undefined;
  const due = reminderMinutes.filter((minutes) => left <= minutes);
  if (due.length === 0) return undefined;
  const minutes = Math.min(...due);
  return event.remindedAt !== null && event.remindedAt <= minutes ? undefined : minutes;
}

/** The starts an event may have for a reminder to be due now: after now, up to the longest reminder. */
export function reminderWindow(now: Date, reminderMinutes: readonly number[]): { readonly after: Date; readonly until: Date } | undefined {
  if (reminderMinutes.length === 0) return undefined;
  return { after: now, until: new Date(now.getTime() + Math.max(...reminderMinutes) * MINUTE_MS) };
}

/** The starts of meetings announced by now: after now, up to ANNOUNCE_AHEAD_DAYS ahead. */
export function announceWindow(now: Date): { readonly after: Date; readonly until: Date } {
  return { after: now, until: new Date(now.getTime() + ANNOUNCE_AHEAD_DAYS * DAY_MS) };
}

/** A meeting not yet announced that is now: scheduled and starting within the window. */
export function isAnnounceDue(
  event: { readonly status: 'scheduled' | 'cancelled'; readonly startsAt: Date; readonly announcedAt: Date | null },
  now: Date,
): boolean {
  const window = announceWindow(now);
  return event.status === 'scheduled' && event.announcedAt === null && event.startsAt > window.after && event.startsAt <= window.until;
}

/** Which new meetings are announced at once: the first always, a series' later ones as they come near. */
export function announcedAtCreation(starts: readonly Date[], now: Date): boolean[] {
  const { until } = announceWindow(now);
  return starts.map((startsAt, i) => i === 0 || startsAt <= until);
}
