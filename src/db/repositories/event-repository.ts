// Events and RSVPs through Prisma: reads, and writes inside a unit of work (PrismaEventWrites, bound to
// one transaction by src/db/transactions.ts). Nothing here decides: the event service
// (src/core/events/event-service.ts) locks the event's row (SELECT … FOR UPDATE), reads, applies the
// rules (src/core/events/rules.ts) and writes through here, so answers to one event are taken one at a
// time, on PGlite and on a server.
import type { PrismaClient } from '../database.js';
import type { Prisma } from '../../generated/prisma/client.js';
import type { Choice } from '../../core/members/member.js';
import type {
  Attendee,
  EventChanges,
  EventDetails,
  EventLinks,
  EventRecord,
  EventType,
  MyAnswer,
  NewEvent,
  RsvpCounts,
  RsvpStatus,
} from '../../core/events/event.js';
import type { AnswerChange, AnswerState } from '../../core/events/rules.js';
import { calendarToken, calendarTokenEvent, LEGACY_CALENDAR_TOKEN } from '../../core/links/calendar-links.js';
import { legacyLinkTokenHash } from '../../core/links/file-links.js';
import type { AnswerContext, EventPage, EventWrites, EventStore, LockedEvent } from '../../core/events/event-store.js';

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
  followUpUrl: true,
  attendanceAt: true,
} satisfies Prisma.EventSelect;

type EventRow = Prisma.EventGetPayload<{ select: typeof eventSelect }>;

const NO_COUNTS: RsvpCounts = { going: 0, maybe: 0, notGoing: 0, offered: 0, waitlisted: 0 };

async function countsOf(db: PrismaClient | Tx, eventIds: readonly string[]): Promise<Map<string, RsvpCounts>> {
  const where = { eventId: { in: [...eventIds] } };
  // In sequence: inside a transaction both would queue on its one connection, which node-postgres deprecates.
  const groups = await db.rsvp.groupBy({ by: ['eventId', 'status'], where, _count: { _all: true } });
  const offers = await db.rsvp.groupBy({
    by: ['eventId'],
    where: { ...where, status: 'waitlisted', offerExpiresAt: { not: null } },
    _count: { _all: true },
  });
  const counts = new Map<string, RsvpCounts>();
  for (const group of groups) {
    const current = counts.get(group.eventId) ?? NO_COUNTS;
    const key = group.status === 'not_going' ? 'notGoing' : group.status;
    counts.set(group.eventId, { ...current, [key]: group._count._all });
  }
  for (const group of offers) counts.set(group.eventId, { ...(counts.get(group.eventId) ?? NO_COUNTS), offered: group._count._all });
  return counts;
}

function toRecord(row: EventRow, counts: RsvpCounts | undefined, secret: string): EventRecord {
  return {
    ...row,
    calendarToken: calendarToken(secret, row.id),
    host: row.host ? { id: row.host.id, name: row.host.displayName } : null,
    counts: counts ?? NO_COUNTS,
  };
}

async function records(db: PrismaClient | Tx, rows: readonly EventRow[], secret: string): Promise<EventRecord[]> {
  if (rows.length === 0) return [];
  const counts = await countsOf(
    db,
    rows.map((row) => row.id),
  );
  return rows.map((row) => toRecord(row, counts.get(row.id), secret));
}

async function recordOf(db: PrismaClient | Tx, id: string, secret: string): Promise<EventRecord | undefined> {
  const row = await db.event.findUnique({ where: { id }, select: eventSelect });
  return row ? (await records(db, [row], secret))[0] : undefined;
}

async function positionOf(db: PrismaClient | Tx, eventId: string, order: number | null): Promise<number | undefined> {
  if (order === null) return undefined;
  return db.rsvp.count({ where: { eventId, status: 'waitlisted', waitlistOrder: { lte: order } } });
}

interface AnswerContextRow extends LockedEvent {
  memberStatus: AnswerContext['memberStatus'] | null;
  answerStatus: RsvpStatus | null;
  waitlistOrder: number | null;
  offerExpiresAt: Date | null;
  position: number;
  going: number;
  offered: number;
  waitlisted: number;
  lastWaitlistOrder: number;
  lapsed: number;
}

/**
 * What a member's answer is decided from, as one statement: the event's row, the member's status, their
 * answer and its place in the queue, and the counts of the event's answers (aggregated in the database,
 * not every answer read). Offers are counted as rules.isOffered and rules.hasLapsed define them.
 */
async function answerContextOf(db: PrismaClient | Tx, eventId: string, memberId: string, now: Date): Promise<AnswerContext | undefined> {
  const [row] = await db.$queryRaw<AnswerContextRow[]>`
    SELECT e.id, e.status::text AS status, e.title, e."startsAt", e."endsAt", e.capacity, e."waitlistMode"::text AS "waitlistMode", e."offerMinutes", e."announcedAt", e."remindedAt",
      (SELECT m.status::text FROM "Member" m WHERE m.id = ${memberId}) AS "memberStatus",
      mine.status::text AS "answerStatus", mine."waitlistOrder", mine."offerExpiresAt",
      counts.*
    FROM "Event" e
    LEFT JOIN "Rsvp" mine ON mine."eventId" = e.id AND mine."memberId" = ${memberId}
    CROSS JOIN LATERAL (
      SELECT
        count(*) FILTER (WHERE r.status = 'going')::int AS going,
        count(*) FILTER (WHERE r.status = 'waitlisted' AND r."offerExpiresAt" IS NOT NULL)::int AS offered,
        count(*) FILTER (WHERE r.status = 'waitlisted')::int AS waitlisted,
        coalesce(max(r."waitlistOrder"), 0)::int AS "lastWaitlistOrder",
        count(*) FILTER (WHERE r.status = 'waitlisted' AND r."offerExpiresAt" <= ${now}::timestamptz)::int AS lapsed,
        count(*) FILTER (WHERE r.status = 'waitlisted' AND r."waitlistOrder" <= mine."waitlistOrder")::int AS position
      FROM "Rsvp" r WHERE r."eventId" = e.id
    ) counts
    WHERE e.id = ${eventId}`;
  if (!row) return undefined;
  const {
    memberStatus,
    answerStatus,
    waitlistOrder,
    offerExpiresAt,
    position,
    going,
    offered,
    waitlisted,
    lastWaitlistOrder,
    lapsed,
    ...event
  } = row;
  return {
    event,
    memberStatus: memberStatus ?? undefined,
    current:
      answerStatus === null
        ? undefined
        : { memberId, status: answerStatus, waitlistOrder, offerExpiresAt, position: answerStatus === 'waitlisted' ? position : undefined },
    counts: { going, offered, waitlisted, lastWaitlistOrder, lapsed },
  };
}

function hostChoice(row: { id: string; displayName: string | null; organisation: { name: string } | null }): Choice {
  return { value: row.id, label: [row.displayName ?? '', row.organisation?.name].filter(Boolean).join(', ') };
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
    /** COP_SECRET: keys the calendar links' tokens (src/core/links/calendar-links.ts). */
    private readonly secret: string,
  ) {}

  find(id: string): Promise<EventRecord | undefined> {
    return recordOf(this.prisma, id, this.secret);
  }

  async findByNumber(number: number): Promise<EventRecord | undefined> {
    const row = await this.prisma.event.findUnique({ where: { number }, select: eventSelect });
    return row ? (await records(this.prisma, [row], this.secret))[0] : undefined;
  }

  async findByCalendarToken(token: string): Promise<EventRecord | undefined> {
    const id = calendarTokenEvent(this.secret, token);
    if (id !== undefined) return this.find(id);
    // Events made before the tokens were derived: by the hash of their old token.
    if (!LEGACY_CALENDAR_TOKEN.test(token)) return undefined;
    const row = await this.prisma.event.findUnique({ where: { legacyCalendarTokenHash: legacyLinkTokenHash(token) }, select: eventSelect });
    return row ? (await records(this.prisma, [row], this.secret))[0] : undefined;
  }

  async linksOf(id: string): Promise<EventLinks | undefined> {
    const row = await this.prisma.event.findUnique({ where: { id }, select: { onlineUrl: true, status: true } });
    return row ? { ...row, calendarToken: calendarToken(this.secret, id) } : undefined;
  }

  async seriesMeetings(seriesId: string): Promise<readonly EventRecord[]> {
    return records(
      this.prisma,
      await this.prisma.event.findMany({ where: { seriesId }, select: eventSelect, orderBy: { seriesStart: 'asc' } }),
      this.secret,
    );
  }

  async upcoming(query: { regionCode: string | undefined; from: Date; page: number; pageSize: number }): Promise<EventPage> {
    const where: Prisma.EventWhereInput = {
      status: 'scheduled',
      endsAt: { gt: query.from },
      ...(query.regionCode === undefined ? {} : { OR: [{ regionCode: query.regionCode }, { regionCode: null }] }),
    };
    const [rows, total] = await Promise.all([
      this.prisma.event.findMany({
        where,
        select: eventSelect,
        orderBy: [{ startsAt: 'asc' }, { number: 'asc' }],
        skip: query.page * query.pageSize,
        take: query.pageSize,
      }),
      this.prisma.event.count({ where }),
    ]);
    return { entries: await records(this.prisma, rows, this.secret), total };
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
    return { entries: await records(this.prisma, rows, this.secret), total };
  }

  async regionalCounts(from: Date, to: Date): Promise<ReadonlyMap<string, number>> {
    const groups = await this.prisma.event.groupBy({
      by: ['regionCode'],
      where: { status: 'scheduled', startsAt: { gte: from, lt: to }, regionCode: { not: null } },
      _count: { _all: true },
    });
    return new Map(groups.flatMap((group) => (group.regionCode === null ? [] : [[group.regionCode, group._count._all] as const])));
  }

  async nextMatching(query: {
    type: EventType;
    regionCode: string | null;
    from: Date;
    phrases: readonly string[];
  }): Promise<EventRecord | undefined> {
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
    return row ? (await records(this.prisma, [row], this.secret))[0] : undefined;
  }

  async ofMember(memberId: string, from: Date, limit: number): Promise<readonly { event: EventRecord; answer: MyAnswer }[]> {
    const rsvps = await this.prisma.rsvp.findMany({
      where: { memberId, status: { in: ['going', 'maybe', 'waitlisted'] }, event: { endsAt: { gt: from } } },
      select: {
        eventId: true,
        status: true,
        waitlistOrder: true,
        offerExpiresAt: true,
        attended: true,
        rating: true,
        event: { select: eventSelect },
      },
      orderBy: { event: { startsAt: 'asc' } },
      take: limit,
    });
    const events = await records(
      this.prisma,
      rsvps.map((rsvp) => rsvp.event),
      this.secret,
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
    const rows = await this.prisma.rsvp.findMany({
      where: { eventId, status: { in: [...statuses] } },
      select: { memberId: true },
      orderBy: { respondedAt: 'asc' },
    });
    return rows.map((row) => row.memberId);
  }

  async rate(eventId: string, memberId: string, rating: number): Promise<boolean> {
    const { count } = await this.prisma.rsvp.updateMany({ where: { eventId, memberId, attended: true }, data: { rating } });
    return count > 0;
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
    return records(this.prisma, rows, this.secret);
  }

  async unannounced(window: { after: Date; until: Date }, limit: number): Promise<readonly string[]> {
    const due = await this.prisma.event.findMany({
      where: { status: 'scheduled', announcedAt: null, startsAt: { gt: window.after, lte: window.until } },
      select: { id: true },
      orderBy: { startsAt: 'asc' },
      take: limit,
    });
    return due.map((row) => row.id);
  }

  startingWithin(window: { after: Date; until: Date }): Promise<readonly { id: string; startsAt: Date; remindedAt: number | null }[]> {
    return this.prisma.event.findMany({
      where: { status: 'scheduled', startsAt: { gt: window.after, lte: window.until } },
      select: { id: true, startsAt: true, remindedAt: true },
    });
  }

  answerContext(eventId: string, memberId: string, now: Date): Promise<AnswerContext | undefined> {
    return answerContextOf(this.prisma, eventId, memberId, now);
  }

  async openOffers(): Promise<readonly { eventId: string; status: 'scheduled' | 'cancelled'; startsAt: Date; offerExpiresAt: Date }[]> {
    const rows = await this.prisma.rsvp.findMany({
      where: { status: 'waitlisted', offerExpiresAt: { not: null }, event: { status: 'scheduled' } },
      select: { eventId: true, offerExpiresAt: true, event: { select: { status: true, startsAt: true } } },
    });
    return rows.map((row) => ({
      eventId: row.eventId,
      status: row.event.status,
      startsAt: row.event.startsAt,
      offerExpiresAt: row.offerExpiresAt as Date,
    }));
  }
}

/** The event store inside a unit of work: reads and writes on the transaction, under the locks the event service takes. */
export class PrismaEventWrites implements EventWrites {
  constructor(
    private readonly tx: Tx,
    private readonly secret: string,
  ) {}

  async lockEvent(eventId: string): Promise<LockedEvent | undefined> {
    const rows = await this.tx.$queryRaw<LockedEvent[]>`
      SELECT id, status::text AS status, title, "startsAt", "endsAt", capacity, "waitlistMode"::text AS "waitlistMode", "offerMinutes", "announcedAt", "remindedAt"
      FROM "Event" WHERE id = ${eventId} FOR UPDATE`;
    return rows[0];
  }

  record(eventId: string): Promise<EventRecord | undefined> {
    return recordOf(this.tx, eventId, this.secret);
  }

  answerContext(eventId: string, memberId: string, now: Date): Promise<AnswerContext | undefined> {
    return answerContextOf(this.tx, eventId, memberId, now);
  }

  answers(eventId: string): Promise<readonly AnswerState[]> {
    return this.tx.rsvp.findMany({
      where: { eventId },
      select: { memberId: true, status: true, waitlistOrder: true, offerExpiresAt: true },
    });
  }

  async saveAnswer(eventId: string, answer: AnswerChange, respondedAt?: Date): Promise<void> {
    // One statement (INSERT … ON CONFLICT), as it is made under the event's lock.
    await this.tx.$executeRaw`
      INSERT INTO "Rsvp" (id, "eventId", "memberId", status, "waitlistOrder", "offerExpiresAt", "respondedAt", "updatedAt")
      VALUES (gen_random_uuid()::text, ${eventId}, ${answer.memberId}, ${answer.status}::"RsvpStatus", ${answer.waitlistOrder}::int, ${answer.offerExpiresAt}::timestamptz,
        coalesce(${respondedAt ?? null}::timestamptz, now()), now())
      ON CONFLICT ("eventId", "memberId") DO UPDATE SET
        status = excluded.status, "waitlistOrder" = excluded."waitlistOrder", "offerExpiresAt" = excluded."offerExpiresAt",
        "respondedAt" = coalesce(${respondedAt ?? null}::timestamptz, "Rsvp"."respondedAt"), "updatedAt" = now()`;
  }

  async deleteAnswer(eventId: string, memberId: string): Promise<void> {
    await this.tx.rsvp.deleteMany({ where: { eventId, memberId } });
  }

  async deleteAnswersOf(memberId: string): Promise<void> {
    await this.tx.rsvp.deleteMany({ where: { memberId } });
  }

  answeredBy(memberId: string): Promise<readonly { eventId: string; startsAt: Date }[]> {
    return this.tx.rsvp
      .findMany({ where: { memberId }, select: { eventId: true, event: { select: { startsAt: true } } }, orderBy: { eventId: 'asc' } })
      .then((rows) => rows.map((row) => ({ eventId: row.eventId, startsAt: row.event.startsAt })));
  }

  async audience(eventId: string, statuses: readonly RsvpStatus[]): Promise<readonly string[]> {
    const rows = await this.tx.rsvp.findMany({
      where: { eventId, status: { in: [...statuses] } },
      select: { memberId: true },
      orderBy: { respondedAt: 'asc' },
    });
    return rows.map((row) => row.memberId);
  }

  async createMeetings(event: NewEvent): Promise<{ ids: readonly string[]; seriesId: string | null }> {
    const series =
      event.recurrence === 'none' || !event.rule
        ? undefined
        : await this.tx.eventSeries.create({ data: { recurrence: event.recurrence, rule: event.rule }, select: { id: true } });
    const ids: string[] = [];
    for (const meeting of event.meetings) {
      const created = await this.tx.event.create({
        data: {
          ...detailColumns(event),
          startsAt: meeting.startsAt,
          endsAt: meeting.endsAt,
          seriesId: series?.id ?? null,
          seriesStart: series ? meeting.startsAt : null,
        },
        select: { id: true },
      });
      ids.push(created.id);
    }
    return { ids, seriesId: series?.id ?? null };
  }

  async saveDetails(eventId: string, changes: EventChanges): Promise<void> {
    const updated = await this.tx.event.update({
      where: { id: eventId },
      data: { ...detailColumns(changes), startsAt: changes.startsAt, endsAt: changes.endsAt, sequence: { increment: 1 } },
      select: { seriesId: true },
    });
    if (updated.seriesId) await this.tx.eventSeries.update({ where: { id: updated.seriesId }, data: { sequence: { increment: 1 } } });
  }

  async markCancelled(eventId: string, now: Date): Promise<void> {
    const updated = await this.tx.event.update({
      where: { id: eventId },
      data: { status: 'cancelled', cancelledAt: now, sequence: { increment: 1 } },
      select: { seriesId: true },
    });
    if (updated.seriesId) await this.tx.eventSeries.update({ where: { id: updated.seriesId }, data: { sequence: { increment: 1 } } });
  }

  async markAnnounced(eventId: string, now: Date): Promise<void> {
    await this.tx.event.update({ where: { id: eventId }, data: { announcedAt: now } });
  }

  async markReminded(eventId: string, minutes: number): Promise<void> {
    await this.tx.event.update({ where: { id: eventId }, data: { remindedAt: minutes } });
  }

  async announcementChannels(regionCode: string | null): Promise<readonly string[]> {
    const rows = await this.tx.conversation.findMany({
      where: { removedAt: null, kind: { not: 'personal' }, ...(regionCode === null ? { regionCode: { not: null } } : { regionCode }) },
      select: { id: true },
      orderBy: { installedAt: 'asc' },
    });
    return rows.map((row) => row.id);
  }

  async audit(action: string, subject: string | null, details: Record<string, unknown>): Promise<void> {
    await this.tx.auditEntry.create({ data: { action, subject, details: details as Prisma.InputJsonValue } });
  }

  async saveAttendance(
    eventId: string,
    attendedMemberIds: readonly string[],
    followUpUrl: string | undefined,
    now: Date,
  ): Promise<readonly string[]> {
    await this.tx.rsvp.updateMany({ where: { eventId }, data: { attended: false } });
    const { count } = await this.tx.rsvp.updateMany({
      where: { eventId, memberId: { in: [...attendedMemberIds] } },
      data: { attended: true },
    });
    await this.tx.event.update({ where: { id: eventId }, data: { attendanceAt: now, ...(followUpUrl ? { followUpUrl } : {}) } });
    await this.tx.auditEntry.create({ data: { action: 'event.attendance_marked', subject: eventId, details: { attended: count } } });
    const attended = await this.tx.rsvp.findMany({ where: { eventId, attended: true }, select: { memberId: true } });
    return attended.map((row) => row.memberId);
  }

  async forgetMember(memberId: string): Promise<void> {
    await this.tx.fileLink.deleteMany({ where: { memberId } });
    await this.tx.event.updateMany({ where: { hostId: memberId }, data: { hostId: null } });
  }
}
