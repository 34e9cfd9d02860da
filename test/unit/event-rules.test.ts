// The events feature's rules (src/core/events/rules.ts), pure: places taken and left, who may answer,
// what an answer records, who moves up the waitlist, reminders due and the announce window.
import { describe, expect, it } from 'vitest';
import {
  announcedAtCreation,
  answerRefusal,
  claimRefusal,
  decideAnswer,
  dueReminder,
  fillPlaces,
  isAnnounceDue,
  isUnchanged,
  lastWaitlistOrder,
  nextWaitlistOrder,
  placeCounts,
  placesLeft,
  placesTaken,
  positionAfter,
  type AnswerCounts,
  type AnswerState,
  type EventState,
} from '../../src/core/events/rules.js';

const now = new Date('2027-03-01T10:00:00Z');
const minutes = (n: number) => new Date(now.getTime() + n * 60_000);
const days = (n: number) => minutes(n * 1440);

const going = (memberId: string): AnswerState => ({ memberId, status: 'going', waitlistOrder: null, offerExpiresAt: null });
const waiting = (memberId: string, order: number, offerExpiresAt: Date | null = null): AnswerState => ({
  memberId,
  status: 'waitlisted',
  waitlistOrder: order,
  offerExpiresAt,
});
const maybe = (memberId: string): AnswerState => ({ memberId, status: 'maybe', waitlistOrder: null, offerExpiresAt: null });

const counts = (changes: Partial<AnswerCounts> = {}): AnswerCounts => ({
  going: 0,
  offered: 0,
  waitlisted: 0,
  lastWaitlistOrder: 0,
  lapsed: 0,
  ...changes,
});

const event = (changes: Partial<EventState> = {}): EventState => ({
  status: 'scheduled',
  startsAt: days(7),
  capacity: 2,
  waitlistMode: 'automatic',
  offerMinutes: 120,
  ...changes,
});

describe('places', () => {
  it('counts those going and the places offered from the waitlist as taken', () => {
    const answers = [going('a'), waiting('b', 1, minutes(60)), waiting('c', 2), maybe('d')];
    expect(placeCounts(answers)).toEqual({ going: 1, offered: 1 });
    expect(placesTaken(placeCounts(answers))).toBe(2);
  });

  it('leaves capacity minus places taken, never below nothing, and no count without a limit', () => {
    expect(placesLeft(20, { going: 18, offered: 1 })).toBe(1);
    expect(placesLeft(20, { going: 19, offered: 1 })).toBe(0);
    expect(placesLeft(2, { going: 3, offered: 0 })).toBe(0);
    expect(placesLeft(null, { going: 300, offered: 0 })).toBeUndefined();
  });
});

describe('who may answer', () => {
  const member = { status: 'active' as const };
  it('refuses an unknown, cancelled or started event, and anyone not an active member', () => {
    expect(answerRefusal(undefined, member, now)).toBe('unknown');
    expect(answerRefusal({ status: 'cancelled', startsAt: days(1) }, member, now)).toBe('cancelled');
    expect(answerRefusal({ status: 'scheduled', startsAt: now }, member, now)).toBe('past');
    expect(answerRefusal({ status: 'scheduled', startsAt: days(1) }, { status: 'left' }, now)).toBe('not-member');
    expect(answerRefusal({ status: 'scheduled', startsAt: days(1) }, undefined, now)).toBe('not-member');
    expect(answerRefusal({ status: 'scheduled', startsAt: days(1) }, member, now)).toBeUndefined();
  });
});

describe('an answer', () => {
  it('goes while places are left and waits at the back of the queue after', () => {
    expect(decideAnswer('going', undefined, 2, counts({ going: 1 }))).toEqual({
      kind: 'recorded',
      status: 'going',
      waitlistOrder: null,
      freesPlace: false,
    });
    expect(decideAnswer('going', undefined, 2, counts({ going: 2, waitlisted: 1, lastWaitlistOrder: 4 }))).toEqual({
      kind: 'recorded',
      status: 'waitlisted',
      waitlistOrder: 5,
      freesPlace: false,
    });
    expect(decideAnswer('going', undefined, null, counts({ going: 2 }))).toMatchObject({ status: 'going' });
  });

  it('waits when the last place is offered to someone on the waitlist (as the announcement shows: no places left)', () => {
    const answers = [going('a'), waiting('b', 1, minutes(30))];
    expect(placesLeft(2, placeCounts(answers))).toBe(0);
    expect(decideAnswer('going', undefined, 2, counts({ ...placeCounts(answers), waitlisted: 1, lastWaitlistOrder: 1 }))).toEqual({
      kind: 'recorded',
      status: 'waitlisted',
      waitlistOrder: 2,
      freesPlace: false,
    });
  });

  it('changes nothing for Going from someone going or waiting, or the same answer again', () => {
    expect(decideAnswer('going', going('a'), 1, counts({ going: 1 }))).toEqual({ kind: 'unchanged', status: 'going', waitlistOrder: null });
    expect(decideAnswer('going', waiting('b', 3), 1, counts({ going: 1, waitlisted: 1, lastWaitlistOrder: 3 }))).toEqual({
      kind: 'unchanged',
      status: 'waitlisted',
      waitlistOrder: 3,
    });
    expect(decideAnswer('maybe', maybe('c'), 1, counts())).toEqual({ kind: 'unchanged', status: 'maybe', waitlistOrder: null });
  });

  it("tells an answer that changes nothing from the member's own answer alone", () => {
    expect(isUnchanged('going', going('a'))).toBe(true);
    expect(isUnchanged('going', waiting('a', 1))).toBe(true);
    expect(isUnchanged('maybe', maybe('a'))).toBe(true);
    expect(isUnchanged('going', maybe('a'))).toBe(false);
    expect(isUnchanged('not_going', waiting('a', 1))).toBe(false);
    expect(isUnchanged('maybe', undefined)).toBe(false);
    expect(isUnchanged('going', undefined)).toBe(false);
  });

  it('frees a place when someone going or waiting answers otherwise', () => {
    expect(decideAnswer('not_going', going('a'), 1, counts({ going: 1 }))).toEqual({
      kind: 'recorded',
      status: 'not_going',
      waitlistOrder: null,
      freesPlace: true,
    });
    expect(decideAnswer('maybe', waiting('b', 1), 1, counts({ waitlisted: 1, lastWaitlistOrder: 1 }))).toMatchObject({ freesPlace: true });
    expect(decideAnswer('maybe', undefined, 1, counts())).toMatchObject({ status: 'maybe', freesPlace: false });
  });

  it('gives the place in the queue: kept when nothing changes, the back of the queue on joining it, none otherwise', () => {
    const waitingCounts = counts({ going: 1, waitlisted: 3, lastWaitlistOrder: 7 });
    expect(positionAfter(decideAnswer('going', waiting('b', 5), 1, waitingCounts), waitingCounts, 2)).toBe(2);
    expect(positionAfter(decideAnswer('going', undefined, 1, waitingCounts), waitingCounts, undefined)).toBe(4);
    expect(positionAfter(decideAnswer('maybe', waiting('b', 5), 1, waitingCounts), waitingCounts, 2)).toBeUndefined();
    expect(positionAfter(decideAnswer('going', undefined, 2, waitingCounts), waitingCounts, undefined)).toBeUndefined();
  });

  it('puts the next in the queue after the highest order given', () => {
    expect(lastWaitlistOrder([waiting('a', 2), going('b'), waiting('c', 7)])).toBe(7);
    expect(nextWaitlistOrder(lastWaitlistOrder([]))).toBe(1);
  });
});

describe('a claim', () => {
  it('takes an offered place while the offer holds, and nothing otherwise', () => {
    expect(claimRefusal(waiting('a', 1, minutes(1)), now)).toBeUndefined();
    expect(claimRefusal(waiting('a', 1, now), now)).toBe('expired');
    expect(claimRefusal(waiting('a', 1), now)).toBe('no-offer');
    expect(claimRefusal(undefined, now)).toBe('no-offer');
    expect(claimRefusal(going('a'), now)).toBe('already-going');
  });
});

describe('the waitlist moving up', () => {
  it('promotes the first waiting to the places left (automatic)', () => {
    const plan = fillPlaces(event(), [going('a'), waiting('c', 2), waiting('b', 1)], now);
    expect(plan.promoted).toEqual(['b']);
    expect(plan.changes).toEqual([{ memberId: 'b', status: 'going', waitlistOrder: null, offerExpiresAt: null }]);
  });

  it('offers places for offerMinutes instead (offer mode), counting offers still held', () => {
    const plan = fillPlaces(
      event({ capacity: 3, waitlistMode: 'offer' }),
      [going('a'), waiting('b', 1, minutes(10)), waiting('c', 2), waiting('d', 3)],
      now,
    );
    expect(plan.promoted).toEqual([]);
    expect(plan.offered).toEqual([{ memberId: 'c', expiresAt: minutes(120) }]);
  });

  it('sends a lapsed offer to the back of the queue first, then offers the place to the next', () => {
    const plan = fillPlaces(event({ capacity: 1, waitlistMode: 'offer' }), [waiting('b', 1, now), waiting('c', 2)], now);
    expect(plan.changes[0]).toEqual({ memberId: 'b', status: 'waitlisted', waitlistOrder: 3, offerExpiresAt: null });
    expect(plan.offered).toEqual([{ memberId: 'c', expiresAt: minutes(120) }]);
  });

  it('lets everyone waiting go when there is no limit any more', () => {
    expect(fillPlaces(event({ capacity: null }), [waiting('b', 1), waiting('c', 2, minutes(5))], now).promoted).toEqual(['b', 'c']);
  });

  it('moves nobody once the event is cancelled or has started', () => {
    expect(fillPlaces(event({ status: 'cancelled' }), [waiting('b', 1)], now).changes).toEqual([]);
    expect(fillPlaces(event({ startsAt: now }), [waiting('b', 1)], now).changes).toEqual([]);
  });
});

describe('reminders', () => {
  const reminders = [1440, 60];
  it('is the shortest reminder now due, once, and none overtaken or after the start', () => {
    expect(dueReminder({ startsAt: minutes(1000), remindedAt: null }, now, reminders)).toBe(1440);
    expect(dueReminder({ startsAt: minutes(1000), remindedAt: 1440 }, now, reminders)).toBeUndefined();
    expect(dueReminder({ startsAt: minutes(30), remindedAt: null }, now, reminders)).toBe(60);
    expect(dueReminder({ startsAt: minutes(30), remindedAt: 1440 }, now, reminders)).toBe(60);
    expect(dueReminder({ startsAt: minutes(2000), remindedAt: null }, now, reminders)).toBeUndefined();
    expect(dueReminder({ startsAt: now, remindedAt: null }, now, reminders)).toBeUndefined();
  });
});

describe('announcing', () => {
  it('announces scheduled meetings not yet announced within 14 days', () => {
    expect(isAnnounceDue({ status: 'scheduled', startsAt: days(14), announcedAt: null }, now)).toBe(true);
    expect(isAnnounceDue({ status: 'scheduled', startsAt: days(15), announcedAt: null }, now)).toBe(false);
    expect(isAnnounceDue({ status: 'scheduled', startsAt: days(3), announcedAt: now }, now)).toBe(false);
    expect(isAnnounceDue({ status: 'cancelled', startsAt: days(3), announcedAt: null }, now)).toBe(false);
  });

  it('announces a new event at once, and a series’ later meetings as they come near', () => {
    expect(announcedAtCreation([days(30), days(37), days(10)], now)).toEqual([true, false, true]);
  });
});
