// The events feature's changes, each one unit of work (services.transaction): the event's row is locked
// first, what the change needs read, the rules (rules.ts) decide, the store writes what they say, and the messages
// that follow (places passed on, changes, reminders, the announcement's refresh) are queued in the same
// transaction, so they are sent exactly when it commits. Answers to one event are taken one at a time,
// so the capacity and the waitlist order hold however many people click at once.
import type { CoreServices } from '../services.js';
import type { UnitOfWork } from '../transaction.js';
import type { Answer, EventChanges, EventRecord, NewEvent } from './event.js';
import { eventPostKey, LocalizedEventNotices } from './event-notices.js';
import type { AnswerContext, ClaimOutcome, EventHeading, LockedEvent, RespondOutcome } from './event-store.js';
import {
  announcedAtCreation,
  announceWindow,
  answerRefusal,
  claimRefusal,
  decideAnswer,
  dueReminder,
  fillPlaces,
  hasLapsed,
  isAnnounceDue,
  isOffered,
  isOpen,
  isUnchanged,
  positionAfter,
  reminderWindow,
  type AnswerRefusal,
  type EventState,
  type WaitlistPlan,
} from './rules.js';

export type EventServices = Pick<CoreServices, 'eventSettings' | 'transaction'>;

/** The messages of the events feature, each built in its recipient's language when queued (see outbox.ts). */
function noticesOf(services: EventServices): LocalizedEventNotices {
  return new LocalizedEventNotices(services.eventSettings);
}

function headingOf(event: LockedEvent): EventHeading {
  return { title: event.title, startsAt: event.startsAt, endsAt: event.endsAt };
}

/** Moves the waitlist up as the rules say (the event locked by the caller); returns what moved. */
async function movePlaces(unit: UnitOfWork, eventId: string, event: EventState, now: Date): Promise<WaitlistPlan> {
  const plan = fillPlaces(event, await unit.events.answers(eventId), now);
  for (const change of plan.changes) await unit.events.saveAnswer(eventId, change);
  return plan;
}

/** Queues the messages telling members they moved up the waitlist. */
async function tellMoves(unit: UnitOfWork, notices: LocalizedEventNotices, eventId: string, plan: WaitlistPlan, now: Date): Promise<void> {
  if (plan.promoted.length === 0 && plan.offered.length === 0) return;
  const event = (await unit.events.record(eventId)) as EventRecord;
  await unit.outbox.queue([
    ...plan.promoted.map((memberId) => notices.promoted(event, memberId, now)),
    ...plan.offered.map((offer) => notices.offered(event, offer.memberId, offer.expiresAt)),
  ]);
}

/** Passes on the places freed or lapsed (the event locked by the caller); true when anything moved. */
async function passOnPlaces(unit: UnitOfWork, notices: LocalizedEventNotices, event: LockedEvent, now: Date): Promise<boolean> {
  const plan = await movePlaces(unit, event.id, event, now);
  await tellMoves(unit, notices, event.id, plan, now);
  return plan.changes.length > 0;
}

/** Why an answer is refused, from what was read of the event and the member; undefined when it may be taken. */
function refusalOf(context: AnswerContext | undefined, now: Date): AnswerRefusal | undefined {
  return answerRefusal(context?.event, context && { status: context.memberStatus ?? 'erased' }, now);
}

/**
 * Records a member's answer: a Going past capacity joins the waitlist; an answer that gives up a place
 * (or a place in the queue) passes it on. Offers that lapsed are passed on first, so the places counted
 * are those the announcement shows.
 *
 * The event's row is locked only for an answer that may change something: a first read, without a
 * transaction, answers a refusal, and an answer that changes nothing (the same again) when no offer has
 * lapsed. Under the lock, one aggregate read gives what the rules decide from (the member's answer and
 * the counts, not every answer); the answer is one upsert, and the announcement is marked for
 * re-rendering only when something changed.
 */
export async function respond(
  services: EventServices & Pick<CoreServices, 'events'>,
  eventId: string,
  memberId: string,
  answer: Answer,
  now: Date,
): Promise<RespondOutcome> {
  const seen = await services.events.answerContext(eventId, memberId, now);
  const refused = refusalOf(seen, now);
  if (refused || !seen) return { kind: refused ?? 'unknown' };
  if (seen.counts.lapsed === 0 && seen.current && isUnchanged(answer, seen.current)) {
    return { kind: 'unchanged', status: seen.current.status, position: seen.current.position, event: headingOf(seen.event) };
  }
  return services.transaction(async (unit) => {
    await unit.events.lockEvent(eventId);
    const locked = await unit.events.answerContext(eventId, memberId, now);
    const refusal = refusalOf(locked, now);
    if (refusal || !locked) return { kind: refusal ?? 'unknown' };
    const notices = noticesOf(services);
    const { event } = locked;
    const moved = locked.counts.lapsed > 0 && (await passOnPlaces(unit, notices, event, now));
    const context = moved ? ((await unit.events.answerContext(eventId, memberId, now)) as AnswerContext) : locked;
    const decision = decideAnswer(answer, context.current, event.capacity, context.counts);
    const position = positionAfter(decision, context.counts, context.current?.position);
    if (decision.kind === 'unchanged') {
      if (moved) await unit.outbox.refresh(eventPostKey(eventId));
      return { kind: 'unchanged', status: decision.status, position, event: headingOf(event) };
    }
    const saved = { memberId, status: decision.status, waitlistOrder: decision.waitlistOrder, offerExpiresAt: null };
    if (decision.freesPlace) {
      await unit.events.saveAnswer(eventId, saved, now);
      await passOnPlaces(unit, notices, event, now);
      await unit.outbox.refresh(eventPostKey(eventId));
    } else {
      // One after the other: a transaction is one connection, and node-postgres deprecates queueing a
      // second query on a connection that is still busy (it goes in pg 9).
      await unit.events.saveAnswer(eventId, saved, now);
      await unit.outbox.refresh(eventPostKey(eventId));
    }
    return { kind: 'recorded', status: decision.status, position, event: headingOf(event) };
  });
}

/** Takes a place offered from the waitlist, while the offer holds. */
export async function claim(services: EventServices, eventId: string, memberId: string, now: Date): Promise<ClaimOutcome> {
  return services.transaction(async (unit) => {
    await unit.events.lockEvent(eventId);
    const context = await unit.events.answerContext(eventId, memberId, now);
    const refusal = refusalOf(context, now);
    if (refusal || !context) return { kind: refusal ?? 'unknown' };
    const refused = claimRefusal(context.current, now);
    if (refused === 'already-going') return { kind: refused, event: (await unit.events.record(eventId)) as EventRecord };
    if (refused) return { kind: refused };
    await unit.events.saveAnswer(eventId, { memberId, status: 'going', waitlistOrder: null, offerExpiresAt: null });
    await unit.outbox.refresh(eventPostKey(eventId));
    return { kind: 'claimed', event: (await unit.events.record(eventId)) as EventRecord };
  });
}

/** Announces a meeting in its channels, once (the keys), and records that it was. */
async function announce(unit: UnitOfWork, notices: LocalizedEventNotices, eventId: string, now: Date): Promise<void> {
  const event = (await unit.events.record(eventId)) as EventRecord;
  const channels = await unit.events.announcementChannels(event.region?.code ?? null);
  await unit.outbox.queue(channels.map((conversationId) => notices.announce(event, conversationId)));
  await unit.events.markAnnounced(eventId, now);
}

/** Creates every meeting (with its series), audited; the first is announced at once, a series' later ones as they come near. */
export async function createEvent(
  services: EventServices,
  event: NewEvent,
  byMemberId: string,
  now: Date,
): Promise<readonly EventRecord[]> {
  return services.transaction(async (unit) => {
    const notices = noticesOf(services);
    const { ids, seriesId } = await unit.events.createMeetings(event);
    const announced = announcedAtCreation(
      event.meetings.map((meeting) => meeting.startsAt),
      now,
    );
    for (const [i, id] of ids.entries()) {
      if (announced[i]) await announce(unit, notices, id, now);
    }
    await unit.events.audit('event.created', ids[0] ?? null, {
      by: byMemberId,
      meetings: ids.length,
      series: seriesId,
      region: event.regionCode,
    });
    const records: EventRecord[] = [];
    for (const id of ids) records.push((await unit.events.record(id)) as EventRecord);
    // The host hears of it, unless they named themselves.
    if (event.hostId && event.hostId !== byMemberId && ids[0]) {
      const told = notices.hosting(records, event.hostId, `event-host:${ids[0]}:${event.hostId}`);
      if (told) await unit.outbox.queue([told]);
    }
    return records;
  });
}

/** Changes one meeting, audited: a larger capacity passes places on; those who may come hear of a new time or place. */
export async function updateEvent(
  services: EventServices,
  eventId: string,
  changes: EventChanges,
  byMemberId: string,
  now: Date,
): Promise<EventRecord> {
  return services.transaction(async (unit) => {
    const locked = await unit.events.lockEvent(eventId);
    if (!locked) throw new Error('event not found');
    const notices = noticesOf(services);
    const before = (await unit.events.record(eventId)) as EventRecord;
    await unit.events.saveDetails(eventId, changes);
    await unit.events.audit('event.changed', eventId, { by: byMemberId });
    const changed: EventState = {
      status: locked.status,
      startsAt: changes.startsAt,
      capacity: changes.capacity ?? null,
      waitlistMode: changes.waitlistMode,
      offerMinutes: changes.offerMinutes,
    };
    const plan = await movePlaces(unit, eventId, changed, now);
    const after = (await unit.events.record(eventId)) as EventRecord;
    const moved = before.startsAt.getTime() !== after.startsAt.getTime() || before.endsAt.getTime() !== after.endsAt.getTime();
    if (moved || before.onlineUrl !== after.onlineUrl || before.venue !== after.venue) {
      await unit.outbox.queue(notices.changed(before, after, await unit.events.audience(eventId, ['going', 'maybe', 'waitlisted'])));
    }
    await tellMoves(unit, notices, eventId, plan, now);
    // A newly named host hears of it (once: only when the host changes, and not when they named themselves).
    const host = after.host?.id;
    if (host && host !== before.host?.id && host !== byMemberId) {
      const told = notices.hosting([after], host, `event-host:${eventId}:${host}:${now.getTime()}`);
      if (told) await unit.outbox.queue([told]);
    }
    await unit.outbox.refresh(eventPostKey(eventId));
    return after;
  });
}

/** Cancels one meeting in the caller's unit of work, audited; offers die with it, and everyone who answered is told. */
async function cancelLocked(
  unit: UnitOfWork,
  notices: LocalizedEventNotices,
  eventId: string,
  byMemberId: string,
  now: Date,
): Promise<EventRecord | undefined> {
  const locked = await unit.events.lockEvent(eventId);
  if (locked?.status !== 'scheduled') return undefined;
  await unit.events.markCancelled(eventId, now);
  for (const offer of (await unit.events.answers(eventId)).filter(isOffered))
    await unit.events.saveAnswer(eventId, { ...offer, offerExpiresAt: null });
  await unit.events.audit('event.cancelled', eventId, { by: byMemberId });
  const audience = await unit.events.audience(eventId, ['going', 'maybe', 'waitlisted']);
  const cancelled = (await unit.events.record(eventId)) as EventRecord;
  await unit.outbox.queue(notices.cancelled(cancelled, audience));
  await unit.outbox.refresh(eventPostKey(eventId));
  return cancelled;
}

/** Cancels one meeting, audited; offers die with it, and everyone who answered is told. False when it was not scheduled. */
export async function cancelEvent(services: EventServices, eventId: string, byMemberId: string, now: Date): Promise<boolean> {
  return services.transaction(async (unit) => (await cancelLocked(unit, noticesOf(services), eventId, byMemberId, now)) !== undefined);
}

/**
 * Cancels several meetings (a series' meetings to come) in one unit of work, locked in the order given
 * (by start, so that two cancellations never wait for each other); those not scheduled are left. Returns
 * the meetings cancelled.
 */
export async function cancelMeetings(
  services: EventServices,
  eventIds: readonly string[],
  byMemberId: string,
  now: Date,
): Promise<readonly EventRecord[]> {
  return services.transaction(async (unit) => {
    const notices = noticesOf(services);
    const cancelled: EventRecord[] = [];
    for (const id of eventIds) {
      const done = await cancelLocked(unit, notices, id, byMemberId, now);
      if (done) cancelled.push(done);
    }
    return cancelled;
  });
}

/**
 * Withdraws a member's answers to events that have not started (leaving, erasure), each event locked,
 * its freed places passed on (those moved up are told) and its announcement refreshed. With
 * `everything`, answers to past events go too. Runs in the caller's unit of work.
 */
export async function withdrawAnswers(
  unit: UnitOfWork,
  services: EventServices,
  memberId: string,
  now: Date,
  everything: boolean,
): Promise<void> {
  const notices = noticesOf(services);
  for (const { eventId, startsAt } of await unit.events.answeredBy(memberId)) {
    if (startsAt <= now) continue;
    const event = await unit.events.lockEvent(eventId);
    await unit.events.deleteAnswer(eventId, memberId);
    if (!event) continue;
    await passOnPlaces(unit, notices, event, now);
    await unit.outbox.refresh(eventPostKey(eventId));
  }
  if (everything) await unit.events.deleteAnswersOf(memberId);
}

/** Announces meetings now in the announce window and not yet announced; returns how many were. */
export async function announceDue(services: EventServices & Pick<CoreServices, 'events'>, now: Date): Promise<number> {
  let announced = 0;
  for (const id of await services.events.unannounced(announceWindow(now), 50)) {
    // Decided under the event's lock: of several processes, one announces (the keys make sure anyway).
    const done = await services.transaction(async (unit) => {
      const event = await unit.events.lockEvent(id);
      if (!event || !isAnnounceDue(event, now)) return false;
      await announce(unit, noticesOf(services), id, now);
      return true;
    });
    if (done) announced += 1;
  }
  return announced;
}

/** Queues the reminders now due (each member, event and reminder once) to those going; returns how many events. */
export async function queueReminders(services: EventServices & Pick<CoreServices, 'events'>, now: Date): Promise<number> {
  const reminderMinutes = services.eventSettings.reminderMinutes;
  const window = reminderWindow(now, reminderMinutes);
  if (!window) return 0;
  let reminded = 0;
  for (const candidate of await services.events.startingWithin(window)) {
    if (dueReminder(candidate, now, reminderMinutes) === undefined) continue;
    // Decided again under the event's lock: of several processes, one queues (the keys make sure anyway).
    const queued = await services.transaction(async (unit) => {
      const event = await unit.events.lockEvent(candidate.id);
      const minutes = event && isOpen(event, now) ? dueReminder(event, now, reminderMinutes) : undefined;
      if (!event || minutes === undefined) return false;
      await unit.events.markReminded(event.id, minutes);
      const record = (await unit.events.record(event.id)) as EventRecord;
      const going = await unit.events.audience(event.id, ['going']);
      await unit.outbox.queue(going.map((memberId) => noticesOf(services).reminder(record, memberId, minutes)));
      return true;
    });
    if (queued) reminded += 1;
  }
  return reminded;
}

/** Offers that lapsed pass their places on to the next in the queue; returns how many events changed. */
export async function sweepOffers(services: EventServices & Pick<CoreServices, 'events'>, now: Date): Promise<number> {
  const lapsed = new Set(
    (await services.events.openOffers())
      .filter((offer) => isOpen(offer, now) && hasLapsed({ status: 'waitlisted', offerExpiresAt: offer.offerExpiresAt }, now))
      .map((offer) => offer.eventId),
  );
  for (const eventId of lapsed) {
    await services.transaction(async (unit) => {
      const event = await unit.events.lockEvent(eventId);
      if (!event) return;
      await passOnPlaces(unit, noticesOf(services), event, now);
      await unit.outbox.refresh(eventPostKey(eventId));
    });
  }
  return lapsed.size;
}

/** Records who attended; with a follow-up address (recording, slides), each attendee is sent it with the rating buttons. */
export async function recordAttendance(
  services: EventServices,
  eventId: string,
  attendedMemberIds: readonly string[],
  followUpUrl: string | undefined,
  now: Date,
): Promise<void> {
  const notices = noticesOf(services);
  await services.transaction(async (unit) => {
    const attended = await unit.events.saveAttendance(eventId, attendedMemberIds, followUpUrl, now);
    if (!followUpUrl) return;
    const event = (await unit.events.record(eventId)) as EventRecord;
    await unit.outbox.queue(attended.map((memberId) => notices.followUp(event, memberId, followUpUrl)));
  });
}
