// Events and RSVPs through Prisma. Every change to an event's answers first locks the event's row
// (SELECT … FOR UPDATE): answers to one event are taken one at a time, so the capacity check and the
// waitlist order hold however many people click at once, on PGlite and on a server. An answer is one
// call to the database function cop_record_answer (its migration says how), so the lock is held for
// one statement; changes that move the waitlist run in a transaction here, as they queue messages.
import { randomBytes, randomUUID } from 'node:crypto';
import type { PrismaClient } from '../database.js';
import type { Prisma } from '../../generated/prisma/client.js';
import type { Choice } from '../../core/members/member.js';
import type { Answer, Attendee, EventChanges, EventDetails, EventLinks, EventRecord, EventType, MyAnswer, NewEvent, RsvpCounts, RsvpStatus } from '../../core/events/event.js';
import { ANNOUNCE_AHEAD_DAYS, eventPostKey, type EventNotices } from '../../core/events/event-notices.js';
import type { OutgoingMessage } from '../../core/outbox/outbox.js';
import { markForRefresh, queueMessages } from './outbox-repository.js';
import type { ClaimOutcome, EventHeading, EventPage, ExportSubject, EventStore, RespondOutcome, WaitlistMoves } from '../../core/events/event-store.js';

type Tx = Prisma.TransactionClient;

const eventSelect = {
  id: true,
  number: true,
  type: true,
  title: true,
  description: true,
  region: { select: { code: true, name: true } },
  startsAt: true,
  endsAt: true,
  onlineUrl: true,
  venue: true,
  capacity: true,
  waitlistMode: true,
  offerMinutes: true,
  host: { select: { id: true, displayName: true } },
  series: { select: { id: true, recurrence: true, rule: true, sequence: true } },
  seriesStart: true,
  status: true,
  sequence: true,
  calendarToken: true,
  followUpUrl: true,
  attendanceAt: true,
} satisfies Prisma.EventSelect;

type EventRow = Prisma.EventGetPayload<{ select: typeof eventSelect }>;

const NO_COUNTS: RsvpCounts = { going: 0, maybe: 0, notGoing: 0, waitlisted: 0 };

async function countsOf(db: PrismaClient | Tx, eventIds: readonly string[]): Promise<Map<string, RsvpCounts>> {
  const groups = await db.rsvp.groupBy({ by: ['eventId', 'status'], where: { eventId: { in: [...eventIds] } }, _count: { _all: true } });
  const counts = new Map<string, RsvpCounts>();
  for (const group of groups) {
    const current = counts.get(group.eventId) ?? NO_COUNTS;
    const key = group.status === 'not_going' ? 'notGoing' : group.status;
    counts.set(group.eventId, { ...current, [key]: group._count._all });
  }
  return counts;
}

function toRecord(row: EventRow, counts: RsvpCounts | undefined): EventRecord {
  return {
    ...row,
    host: row.host ? { id: row.host.id, name: row.host.displayName } : null,
    counts: counts ?? NO_COUNTS,
  };
}

async function records(db: PrismaClient | Tx, rows: readonly EventRow[]): Promise<EventRecord[]> {
  if (rows.length === 0) return [];
  const counts = await countsOf(
    db,
    rows.map((row) => row.id),
  );
  return rows.map((row) => toRecord(row, counts.get(row.id)));
}

async function recordOf(db: PrismaClient | Tx, id: string): Promise<EventRecord | undefined> {
  const row = await db.event.findUnique({ where: { id }, select: eventSelect });
  return row ? (await records(db, [row]))[0] : undefined;
}

interface LockedEvent {
  readonly status: 'scheduled' | 'cancelled';
  readonly title: string;
  readonly startsAt: Date;
  readonly endsAt: Date;
  readonly capacity: number | null;
  readonly waitlistMode: 'automatic' | 'offer';
  readonly offerMinutes: number;
}

/** Locks the event's row until the transaction ends: every change to its answers goes through here. */
async function lockEvent(tx: Tx, eventId: string): Promise<LockedEvent | undefined> {
  const rows = await tx.$queryRaw<LockedEvent[]>`
    SELECT status::text AS status, title, "startsAt", "endsAt", capacity, "waitlistMode"::text AS "waitlistMode", "offerMinutes"
    FROM "Event" WHERE id = ${eventId} FOR UPDATE`;
  return rows[0];
}

/** What `cop_record_answer` returns (see its migration). */
interface RecordedAnswer {
  readonly outcome: 'unknown' | 'cancelled' | 'past' | 'not-member' | 'unchanged' | 'recorded' | 'frees-place';
  readonly status: RsvpStatus | null;
  readonly position: number | null;
  readonly title: string;
  readonly startsAt: Date;
  readonly endsAt: Date;
}

function headingOf(event: { title: string; startsAt: Date; endsAt: Date }): EventHeading {
  return { title: event.title, startsAt: event.startsAt, endsAt: event.endsAt };
}

/** Places taken: those going, and places offered from the waitlist that are still held. */
async function placesTaken(tx: Tx, eventId: string, now: Date): Promise<number> {
  return tx.rsvp.count({
    where: { eventId, OR: [{ status: 'going' }, { status: 'waitlisted', offerExpiresAt: { gt: now } }] },
  });
}

async function nextWaitlistOrder(tx: Tx, eventId: string): Promise<number> {
  const last = await tx.rsvp.aggregate({ where: { eventId }, _max: { waitlistOrder: true } });
  return (last._max.waitlistOrder ?? 0) + 1;
}

async function positionOf(db: PrismaClient | Tx, eventId: string, order: number | null): Promise<number | undefined> {
  if (order === null) return undefined;
  return db.rsvp.count({ where: { eventId, status: 'waitlisted', waitlistOrder: { lte: order } } });
}

/**
 * Gives free places to the waitlist, first come first served: at once (automatic), or as offers held
 * for `offerMinutes`. An offer that lapsed sends its member to the back of the queue first.
 */
export async function fillPlaces(tx: Tx, eventId: string, event: Omit<LockedEvent, 'title' | 'endsAt'>, now: Date): Promise<WaitlistMoves> {
  const promoted: string[] = [];
  const offered: { memberId: string; expiresAt: Date }[] = [];
  if (event.status !== 'scheduled' || event.startsAt <= now) return { promoted, offered };
  const lapsed = await tx.rsvp.findMany({
    where: { eventId, status: 'waitlisted', offerExpiresAt: { lte: now } },
    orderBy: { waitlistOrder: 'asc' },
    select: { id: true },
  });
  for (const rsvp of lapsed) {
    await tx.rsvp.update({ where: { id: rsvp.id }, data: { offerExpiresAt: null, waitlistOrder: await nextWaitlistOrder(tx, eventId) } });
  }
  if (event.capacity === null) {
    // No limit (any more): everyone waiting goes.
    const waiting = await tx.rsvp.findMany({ where: { eventId, status: 'waitlisted' }, select: { memberId: true } });
    await tx.rsvp.updateMany({ where: { eventId, status: 'waitlisted' }, data: { status: 'going', waitlistOrder: null, offerExpiresAt: null } });
    return { promoted: waiting.map((rsvp) => rsvp.memberId), offered };
  }
  let free = event.capacity - (await placesTaken(tx, eventId, now));
  if (free <= 0) return { promoted, offered };
  const next = await tx.rsvp.findMany({
    where: { eventId, status: 'waitlisted', offerExpiresAt: null },
    orderBy: { waitlistOrder: 'asc' },
    take: free,
    select: { id: true, memberId: true },
  });
  for (const rsvp of next) {
    if (event.waitlistMode === 'automatic') {
      await tx.rsvp.update({ where: { id: rsvp.id }, data: { status: 'going', waitlistOrder: null } });
      promoted.push(rsvp.memberId);
    } else {
      const expiresAt = new Date(now.getTime() + event.offerMinutes * 60_000);
      await tx.rsvp.update({ where: { id: rsvp.id }, data: { offerExpiresAt: expiresAt } });
      offered.push({ memberId: rsvp.memberId, expiresAt });
    }
    free -= 1;
  }
  return { promoted, offered };
}

function hostChoice(row: { id: string; displayName: string | null; organisation: { name: string } | null }): Choice {
  return { value: row.id, label: [row.displayName ?? '', row.organisation?.name].filter(Boolean).join(', ') };
}

/** Transactions that queue behind one event's lock wait their turn rather than fail. */
const QUEUED = { maxWait: 20_000, timeout: 20_000 } as const;

/** Community channels an event is announced in: its region's, or every region's for a national event. */
async function announcementChannels(tx: Tx, regionCode: string | null): Promise<string[]> {
  const rows = await tx.conversation.findMany({
    where: { removedAt: null, kind: { not: 'personal' }, ...(regionCode === null ? { regionCode: { not: null } } : { regionCode }) },
    select: { id: true },
    orderBy: { installedAt: 'asc' },
  });
  return rows.map((row) => row.id);
}

/** The columns an event's form details fill, on creation and on every change. */
function detailColumns(details: EventDetails) {
  return {
    type: details.type,
    title: details.title,
    description: details.description,
    regionCode: details.regionCode,
    onlineUrl: details.onlineUrl ?? null,
    venue: details.venue ?? null,
    capacity: details.capacity ?? null,
    waitlistMode: details.waitlistMode,
    offerMinutes: details.offerMinutes,
    hostId: details.hostId,
  };
}

export class PrismaEventStore implements EventStore {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly notices: EventNotices,
  ) {}

  /** Queues the messages telling members they moved up the waitlist (the event is locked by the caller). */
  private async queueMoves(tx: Tx, eventId: string, moves: WaitlistMoves, now: Date): Promise<void> {
    if (moves.promoted.length === 0 && moves.offered.length === 0) return;
    const event = (await recordOf(tx, eventId)) as EventRecord;
    const messages: OutgoingMessage[] = [
      ...moves.promoted.map((memberId) => this.notices.promoted(event, memberId, now)),
      ...moves.offered.map((offer) => this.notices.offered(event, offer.memberId, offer.expiresAt)),
    ];
    await queueMessages(tx, messages);
  }

  /** Announces a meeting in its channels, once (the keys), and records that it was. */
  private async announce(tx: Tx, eventId: string, now: Date): Promise<void> {
    const event = (await recordOf(tx, eventId)) as EventRecord;
    const channels = await announcementChannels(tx, event.region?.code ?? null);
    await queueMessages(
      tx,
      channels.map((conversationId) => this.notices.announce(event, conversationId)),
    );
    await tx.event.update({ where: { id: eventId }, data: { announcedAt: now } });
  }

  /**
   * Withdraws a member's answers to events that have not started (leaving, erasure), each event locked,
   * its freed places given to the waitlist (those promoted are told) and its announcement refreshed.
   * With `everything`, answers to past events go too. Runs inside the caller's transaction.
   */
  async withdrawInTransaction(tx: Tx, memberId: string, now: Date, everything: boolean): Promise<void> {
    const answers = await tx.rsvp.findMany({ where: { memberId, event: { startsAt: { gt: now } } }, select: { eventId: true }, orderBy: { eventId: 'asc' } });
    for (const { eventId } of answers) {
      const event = await lockEvent(tx, eventId);
      await tx.rsvp.deleteMany({ where: { eventId, memberId } });
      if (!event) continue;
      await this.queueMoves(tx, eventId, await fillPlaces(tx, eventId, event, now), now);
      await markForRefresh(tx, eventPostKey(eventId));
    }
    if (everything) await tx.rsvp.deleteMany({ where: { memberId } });
  }

  async create(event: NewEvent, byMemberId: string): Promise<readonly EventRecord[]> {
    return this.prisma.$transaction(async (tx) => {
      const series =
        event.recurrence === 'none' || !event.rule
          ? undefined
          : await tx.eventSeries.create({ data: { recurrence: event.recurrence, rule: event.rule }, select: { id: true } });
      const ids: string[] = [];
      for (const meeting of event.meetings) {
        const created = await tx.event.create({
          data: {
            ...detailColumns(event),
            startsAt: meeting.startsAt,
            endsAt: meeting.endsAt,
            seriesId: series?.id ?? null,
            seriesStart: series ? meeting.startsAt : null,
            calendarToken: randomBytes(24).toString('base64url'),
          },
          select: { id: true },
        });
        ids.push(created.id);
      }
      // The first meeting is announced at once; a series' later ones as they come near (announceDue).
      const soon = new Date(Date.now() + ANNOUNCE_AHEAD_DAYS * 86_400_000);
      for (const [i, meeting] of event.meetings.entries()) {
        if (i === 0 || meeting.startsAt <= soon) await this.announce(tx, ids[i] as string, new Date());
      }
      await tx.auditEntry.create({
        data: { action: 'event.created', subject: ids[0] ?? null, details: { by: byMemberId, meetings: ids.length, series: series?.id ?? null, region: event.regionCode } },
      });
      const rows = await tx.event.findMany({ where: { id: { in: ids } }, select: eventSelect, orderBy: { startsAt: 'asc' } });
      return records(tx, rows);
    });
  }

  find(id: string): Promise<EventRecord | undefined> {
    return recordOf(this.prisma, id);
  }

  async findByNumber(number: number): Promise<EventRecord | undefined> {
    const row = await this.prisma.event.findUnique({ where: { number }, select: eventSelect });
    return row ? (await records(this.prisma, [row]))[0] : undefined;
  }

  async findByCalendarToken(token: string): Promise<EventRecord | undefined> {
    const row = await this.prisma.event.findUnique({ where: { calendarToken: token }, select: eventSelect });
    return row ? (await records(this.prisma, [row]))[0] : undefined;
  }

  async linksOf(id: string): Promise<EventLinks | undefined> {
    return (await this.prisma.event.findUnique({ where: { id }, select: { calendarToken: true, onlineUrl: true, status: true } })) ?? undefined;
  }

  async seriesMeetings(seriesId: string): Promise<readonly EventRecord[]> {
    return records(this.prisma, await this.prisma.event.findMany({ where: { seriesId }, select: eventSelect, orderBy: { seriesStart: 'asc' } }));
  }

  async upcoming(query: { regionCode: string | undefined; from: Date; page: number; pageSize: number }): Promise<EventPage> {
    const where: Prisma.EventWhereInput = {
      status: 'scheduled',
      endsAt: { gt: query.from },
      ...(query.regionCode === undefined ? {} : { OR: [{ regionCode: query.regionCode }, { regionCode: null }] }),
    };
    const [rows, total] = await Promise.all([
      this.prisma.event.findMany({ where, select: eventSelect, orderBy: [{ startsAt: 'asc' }, { number: 'asc' }], skip: query.page * query.pageSize, take: query.pageSize }),
      this.prisma.event.count({ where }),
    ]);
    return { entries: await records(this.prisma, rows), total };
  }

  async startingBetween(query: { regionCode: string | null; from: Date; to: Date; limit: number }): Promise<EventPage> {
    const where: Prisma.EventWhereInput = {
      status: 'scheduled',
      startsAt: { gte: query.from, lt: query.to },
      OR: query.regionCode === null ? [{ regionCode: null }] : [{ regionCode: query.regionCode }, { regionCode: null }],
    };
    const [rows, total] = await Promise.all([
      this.prisma.event.findMany({ where, select: eventSelect, orderBy: [{ startsAt: 'asc' }, { number: 'asc' }], take: query.limit }),
      this.prisma.event.count({ where }),
    ]);
    return { entries: await records(this.prisma, rows), total };
  }

  async regionalCounts(from: Date, to: Date): Promise<ReadonlyMap<string, number>> {
    const groups = await this.prisma.event.groupBy({
      by: ['regionCode'],
      where: { status: 'scheduled', startsAt: { gte: from, lt: to }, regionCode: { not: null } },
      _count: { _all: true },
    });
    return new Map(groups.flatMap((group) => (group.regionCode === null ? [] : [[group.regionCode, group._count._all] as const])));
  }

  async nextMatching(query: { type: EventType; regionCode: string | null; from: Date; phrases: readonly string[] }): Promise<EventRecord | undefined> {
    if (query.phrases.length === 0) return undefined;
    const row = await this.prisma.event.findFirst({
      where: {
        status: 'scheduled',
        type: query.type,
        startsAt: { gt: query.from },
        AND: [
          { OR: query.regionCode === null ? [{ regionCode: null }] : [{ regionCode: query.regionCode }, { regionCode: null }] },
          {
            OR: query.phrases.flatMap((phrase) => [
              { title: { contains: phrase, mode: 'insensitive' as const } },
              { description: { contains: phrase, mode: 'insensitive' as const } },
            ]),
          },
        ],
      },
      select: eventSelect,
      orderBy: [{ startsAt: 'asc' }, { number: 'asc' }],
    });
    return row ? (await records(this.prisma, [row]))[0] : undefined;
  }

  async ofMember(memberId: string, from: Date, limit: number): Promise<readonly { event: EventRecord; answer: MyAnswer }[]> {
    const rsvps = await this.prisma.rsvp.findMany({
      where: { memberId, status: { in: ['going', 'maybe', 'waitlisted'] }, event: { endsAt: { gt: from } } },
      select: { eventId: true, status: true, waitlistOrder: true, offerExpiresAt: true, attended: true, rating: true, event: { select: eventSelect } },
      orderBy: { event: { startsAt: 'asc' } },
      take: limit,
    });
    const events = await records(
      this.prisma,
      rsvps.map((rsvp) => rsvp.event),
    );
    return Promise.all(
      rsvps.map(async (rsvp, i) => ({
        event: events[i] as EventRecord,
        answer: { ...rsvp, position: await positionOf(this.prisma, rsvp.eventId, rsvp.waitlistOrder) },
      })),
    );
  }

  async answerOf(eventId: string, memberId: string): Promise<MyAnswer | undefined> {
    const rsvp = await this.prisma.rsvp.findUnique({
      where: { eventId_memberId: { eventId, memberId } },
      select: { status: true, waitlistOrder: true, offerExpiresAt: true, attended: true, rating: true },
    });
    return rsvp ? { ...rsvp, position: await positionOf(this.prisma, eventId, rsvp.waitlistOrder) } : undefined;
  }

  /**
   * One round trip: `cop_record_answer` (a function in the database) locks the event's row, checks the
   * event and the member, counts the places and records the answer with its place in the queue, and
   * marks the announcement for re-rendering, so the lock is held only while it runs in the server. An
   * answer that gives up a place goes to `giveUpPlace`, which promotes the next and tells them.
   */
  async respond(eventId: string, memberId: string, answer: Answer, now: Date): Promise<RespondOutcome> {
    const [row] = await this.prisma.$queryRaw<RecordedAnswer[]>`
      SELECT answer_outcome AS outcome, answer_status AS status, answer_position AS position,
             event_title AS title, event_starts AS "startsAt", event_ends AS "endsAt"
      FROM "cop_record_answer"(${randomUUID()}, ${eventId}, ${memberId}, ${answer}, ${now}, ${eventPostKey(eventId)})`;
    if (!row) throw new Error('cop_record_answer returned no row');
    switch (row.outcome) {
      case 'recorded':
      case 'unchanged':
        return { kind: row.outcome, status: row.status as RsvpStatus, position: row.position ?? undefined, event: headingOf(row) };
      case 'frees-place':
        return this.giveUpPlace(eventId, memberId, answer as Exclude<Answer, 'going'>, now);
      default:
        return { kind: row.outcome };
    }
  }

  /** Maybe or can't go from someone going or waiting: their place goes to the next in the queue. */
  private async giveUpPlace(eventId: string, memberId: string, answer: Exclude<Answer, 'going'>, now: Date): Promise<RespondOutcome> {
    return this.prisma.$transaction(async (tx) => {
      const event = await lockEvent(tx, eventId);
      if (!event) return { kind: 'unknown' as const };
      if (event.status === 'cancelled') return { kind: 'cancelled' as const };
      if (event.startsAt <= now) return { kind: 'past' as const };
      const member = await tx.member.findUnique({ where: { id: memberId }, select: { status: true } });
      if (member?.status !== 'active') return { kind: 'not-member' as const };
      const current = await tx.rsvp.findUnique({ where: { eventId_memberId: { eventId, memberId } }, select: { status: true } });
      if (current?.status === answer) return { kind: 'unchanged' as const, status: answer, position: undefined, event: headingOf(event) };
      await tx.rsvp.upsert({
        where: { eventId_memberId: { eventId, memberId } },
        create: { eventId, memberId, status: answer, respondedAt: now },
        update: { status: answer, waitlistOrder: null, offerExpiresAt: null, respondedAt: now },
      });
      if (current?.status === 'going' || current?.status === 'waitlisted') await this.queueMoves(tx, eventId, await fillPlaces(tx, eventId, event, now), now);
      await markForRefresh(tx, eventPostKey(eventId));
      return { kind: 'recorded' as const, status: answer, position: undefined, event: headingOf(event) };
    }, QUEUED);
  }

  async claim(eventId: string, memberId: string, now: Date): Promise<ClaimOutcome> {
    return this.prisma.$transaction(async (tx) => {
      const event = await lockEvent(tx, eventId);
      if (!event) return { kind: 'unknown' as const };
      if (event.status === 'cancelled') return { kind: 'cancelled' as const };
      if (event.startsAt <= now) return { kind: 'past' as const };
      const member = await tx.member.findUnique({ where: { id: memberId }, select: { status: true } });
      if (member?.status !== 'active') return { kind: 'not-member' as const };
      const rsvp = await tx.rsvp.findUnique({ where: { eventId_memberId: { eventId, memberId } }, select: { status: true, offerExpiresAt: true } });
      if (rsvp?.status === 'going') return { kind: 'already-going' as const, event: (await recordOf(tx, eventId)) as EventRecord };
      if (rsvp?.status !== 'waitlisted' || rsvp.offerExpiresAt === null) return { kind: 'no-offer' as const };
      if (rsvp.offerExpiresAt <= now) return { kind: 'expired' as const };
      await tx.rsvp.update({ where: { eventId_memberId: { eventId, memberId } }, data: { status: 'going', waitlistOrder: null, offerExpiresAt: null } });
      await markForRefresh(tx, eventPostKey(eventId));
      return { kind: 'claimed' as const, event: (await recordOf(tx, eventId)) as EventRecord };
    }, QUEUED);
  }

  async update(eventId: string, changes: EventChanges, byMemberId: string, now: Date): Promise<{ event: EventRecord; moves: WaitlistMoves }> {
    return this.prisma.$transaction(async (tx) => {
      const locked = await lockEvent(tx, eventId);
      if (!locked) throw new Error('event not found');
      const before = (await recordOf(tx, eventId)) as EventRecord;
      const updated = await tx.event.update({
        where: { id: eventId },
        data: {
          ...detailColumns(changes),
          startsAt: changes.startsAt,
          endsAt: changes.endsAt,
          sequence: { increment: 1 },
        },
        select: { seriesId: true, status: true, startsAt: true, capacity: true, waitlistMode: true, offerMinutes: true },
      });
      if (updated.seriesId) await tx.eventSeries.update({ where: { id: updated.seriesId }, data: { sequence: { increment: 1 } } });
      await tx.auditEntry.create({ data: { action: 'event.changed', subject: eventId, details: { by: byMemberId } } });
      const moves = await fillPlaces(tx, eventId, updated, now);
      const after = (await recordOf(tx, eventId)) as EventRecord;
      // Those who may come hear of a new time or place; the announcement shows it.
      const moved = before.startsAt.getTime() !== after.startsAt.getTime() || before.endsAt.getTime() !== after.endsAt.getTime();
      if (moved || before.onlineUrl !== after.onlineUrl || before.venue !== after.venue) {
        const audience = await tx.rsvp.findMany({ where: { eventId, status: { in: ['going', 'maybe', 'waitlisted'] } }, select: { memberId: true } });
        await queueMessages(tx, this.notices.changed(before, after, audience.map((row) => row.memberId)));
      }
      await this.queueMoves(tx, eventId, moves, now);
      await markForRefresh(tx, eventPostKey(eventId));
      return { event: after, moves };
    }, QUEUED);
  }

  async cancel(eventId: string, byMemberId: string): Promise<boolean> {
    return this.prisma.$transaction(async (tx) => {
      const locked = await lockEvent(tx, eventId);
      if (locked?.status !== 'scheduled') return false;
      const updated = await tx.event.update({
        where: { id: eventId },
        data: { status: 'cancelled', cancelledAt: new Date(), sequence: { increment: 1 } },
        select: { seriesId: true },
      });
      if (updated.seriesId) await tx.eventSeries.update({ where: { id: updated.seriesId }, data: { sequence: { increment: 1 } } });
      // Offers die with the event.
      await tx.rsvp.updateMany({ where: { eventId, offerExpiresAt: { not: null } }, data: { offerExpiresAt: null } });
      await tx.auditEntry.create({ data: { action: 'event.cancelled', subject: eventId, details: { by: byMemberId } } });
      const audience = await tx.rsvp.findMany({ where: { eventId, status: { in: ['going', 'maybe', 'waitlisted'] } }, select: { memberId: true } });
      await queueMessages(tx, this.notices.cancelled((await recordOf(tx, eventId)) as EventRecord, audience.map((row) => row.memberId)));
      await markForRefresh(tx, eventPostKey(eventId));
      return true;
    }, QUEUED);
  }

  async attendees(eventId: string): Promise<readonly Attendee[]> {
    const rows = await this.prisma.rsvp.findMany({
      where: { eventId },
      select: {
        memberId: true,
        status: true,
        waitlistOrder: true,
        attended: true,
        rating: true,
        respondedAt: true,
        member: { select: { displayName: true, organisation: { select: { name: true } } } },
      },
      orderBy: [{ status: 'asc' }, { waitlistOrder: 'asc' }, { respondedAt: 'asc' }],
    });
    let position = 0;
    return rows.map((row) => ({
      memberId: row.memberId,
      name: row.member.displayName ?? '',
      organisation: row.member.organisation?.name ?? null,
      status: row.status,
      position: row.status === 'waitlisted' ? ++position : undefined,
      attended: row.attended,
      rating: row.rating,
      respondedAt: row.respondedAt,
    }));
  }

  async audience(eventId: string, statuses: readonly RsvpStatus[]): Promise<readonly string[]> {
    const rows = await this.prisma.rsvp.findMany({ where: { eventId, status: { in: [...statuses] } }, select: { memberId: true }, orderBy: { respondedAt: 'asc' } });
    return rows.map((row) => row.memberId);
  }

  async createExport(what: ExportSubject, tokenHash: string, expiresAt: Date): Promise<void> {
    await this.prisma.eventExport.create({
      data: { kind: what.kind, tokenHash, expiresAt, ...(what.kind === 'attendees' ? { eventId: what.eventId } : { memberId: what.memberId }) },
    });
  }

  async exportOf(tokenHash: string, now: Date): Promise<ExportSubject | undefined> {
    const found = await this.prisma.eventExport.findUnique({ where: { tokenHash }, select: { kind: true, eventId: true, memberId: true, expiresAt: true } });
    if (!found || found.expiresAt <= now) return undefined;
    if (found.kind === 'attendees' && found.eventId) return { kind: 'attendees', eventId: found.eventId };
    if (found.kind === 'record' && found.memberId) return { kind: 'record', memberId: found.memberId };
    return undefined;
  }

  async markAttendance(eventId: string, attendedMemberIds: readonly string[], followUpUrl: string | undefined, now: Date): Promise<void> {
    await this.prisma.$transaction(async (tx) => {
      await tx.rsvp.updateMany({ where: { eventId }, data: { attended: false } });
      const { count } = await tx.rsvp.updateMany({ where: { eventId, memberId: { in: [...attendedMemberIds] } }, data: { attended: true } });
      await tx.event.update({ where: { id: eventId }, data: { attendanceAt: now, ...(followUpUrl ? { followUpUrl } : {}) } });
      await tx.auditEntry.create({ data: { action: 'event.attendance_marked', subject: eventId, details: { attended: count } } });
      if (followUpUrl) {
        const event = (await recordOf(tx, eventId)) as EventRecord;
        const attended = await tx.rsvp.findMany({ where: { eventId, attended: true }, select: { memberId: true } });
        await queueMessages(tx, attended.map((row) => this.notices.followUp(event, row.memberId, followUpUrl)));
      }
    });
  }

  async rate(eventId: string, memberId: string, rating: number): Promise<boolean> {
    const { count } = await this.prisma.rsvp.updateMany({ where: { eventId, memberId, attended: true }, data: { rating } });
    return count > 0;
  }

  async announceDue(now: Date, aheadDays: number): Promise<number> {
    const due = await this.prisma.event.findMany({
      where: { status: 'scheduled', announcedAt: null, startsAt: { gt: now, lte: new Date(now.getTime() + aheadDays * 86_400_000) } },
      select: { id: true },
      orderBy: { startsAt: 'asc' },
      take: 50,
    });
    let announced = 0;
    for (const { id } of due) {
      // Claimed under the event's lock: of several processes, one announces (the keys make sure anyway).
      const done = await this.prisma.$transaction(async (tx) => {
        await lockEvent(tx, id);
        const still = await tx.event.findFirst({ where: { id, announcedAt: null, status: 'scheduled' }, select: { id: true } });
        if (!still) return false;
        await this.announce(tx, id, now);
        return true;
      });
      if (done) announced += 1;
    }
    return announced;
  }

  async queueReminders(now: Date, reminderMinutes: readonly number[]): Promise<number> {
    if (reminderMinutes.length === 0) return 0;
    const longest = Math.max(...reminderMinutes);
    const soon = await this.prisma.event.findMany({
      where: { status: 'scheduled', startsAt: { gt: now, lte: new Date(now.getTime() + longest * 60_000) } },
      select: { id: true, startsAt: true, remindedAt: true },
    });
    let reminded = 0;
    for (const event of soon) {
      // The shortest reminder now due: a reminder overtaken by a later one (an event created an hour
      // before it starts) is not sent late.
      const left = (event.startsAt.getTime() - now.getTime()) / 60_000;
      const due = reminderMinutes.filter((minutes) => left <= minutes);
      if (due.length === 0) continue;
      const minutes = Math.min(...due);
      if (event.remindedAt !== null && event.remindedAt <= minutes) continue;
      const queued = await this.prisma.$transaction(async (tx) => {
        // Claimed with a conditional update: of several processes, one queues (the keys make sure anyway).
        const claimed = await tx.event.updateMany({
          where: { id: event.id, status: 'scheduled', OR: [{ remindedAt: null }, { remindedAt: { gt: minutes } }] },
          data: { remindedAt: minutes },
        });
        if (claimed.count === 0) return false;
        const record = (await recordOf(tx, event.id)) as EventRecord;
        const going = await tx.rsvp.findMany({ where: { eventId: event.id, status: 'going' }, select: { memberId: true } });
        await queueMessages(
          tx,
          going.map((row) => this.notices.reminder(record, row.memberId, minutes)),
        );
        return true;
      });
      if (queued) reminded += 1;
    }
    return reminded;
  }

  async sweepOffers(now: Date): Promise<number> {
    const lapsed = await this.prisma.rsvp.findMany({
      where: { status: 'waitlisted', offerExpiresAt: { lte: now }, event: { status: 'scheduled', startsAt: { gt: now } } },
      select: { eventId: true },
      distinct: ['eventId'],
    });
    for (const { eventId } of lapsed) {
      await this.prisma.$transaction(async (tx) => {
        const event = await lockEvent(tx, eventId);
        if (!event) return;
        await this.queueMoves(tx, eventId, await fillPlaces(tx, eventId, event, now), now);
        await markForRefresh(tx, eventPostKey(eventId));
      }, QUEUED);
    }
    return lapsed.length;
  }

  async hosts(query: string, limit: number): Promise<readonly Choice[]> {
    // % and _ typed are literal, as in the organisation search.
    const typed = query.trim().replace(/[\\%_]/g, (character) => `\\${character}`);
    const rows = await this.prisma.member.findMany({
      where: { status: 'active', ...(typed === '' ? {} : { displayName: { contains: typed, mode: 'insensitive' } }) },
      select: { id: true, displayName: true, organisation: { select: { name: true } } },
      orderBy: { displayName: 'asc' },
      take: limit,
    });
    return rows.map(hostChoice);
  }

  async host(memberId: string): Promise<Choice | undefined> {
    const row = await this.prisma.member.findFirst({
      where: { id: memberId, status: 'active' },
      select: { id: true, displayName: true, organisation: { select: { name: true } } },
    });
    return row ? hostChoice(row) : undefined;
  }

  async attendedBy(memberId: string): Promise<readonly EventRecord[]> {
    const rows = await this.prisma.event.findMany({
      where: { rsvps: { some: { memberId, attended: true } } },
      select: eventSelect,
      orderBy: { startsAt: 'desc' },
    });
    return records(this.prisma, rows);
  }
}
