// The "Add to calendar" file (.ics): the event in Europe/London time with its VTIMEZONE, a stable UID,
// a SEQUENCE raised on every change, and METHOD:CANCEL / STATUS:CANCELLED once cancelled. For a series,
// one VEVENT with the recurrence rule, cancelled meetings as EXDATEs and changed meetings as their
// own VEVENTs (RECURRENCE-ID). ical-generator is given Luxon date-times in the UK zone, so the times
// written under the London label are UK wall-clock times whatever the server's zone.
import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import {
  ICalCalendar,
  ICalCalendarMethod,
  ICalEventRepeatingFreq,
  ICalEventStatus,
  ICalWeekday,
  type ICalRepeatingOptions,
} from 'ical-generator';
import type { Translate } from '../i18n/translator.js';
import type { EventRecord } from './event.js';
import type { CalendarOrganizer } from './event-settings.js';
import { typedTitle } from './event-title.js';
import { UK_ZONE, ukDateTime } from './london-time.js';

const PRODUCT = { company: 'NHS retention communities of practice', product: 'CoP Bot', language: 'EN' };
const UID_DOMAIN = 'cop-bot';

export const eventUid = (event: Pick<EventRecord, 'id' | 'series'>) =>
  event.series ? `series-${event.series.id}@${UID_DOMAIN}` : `event-${event.id}@${UID_DOMAIN}`;

/** RFC 5545 ends every content line with CRLF, the last one too; ical-generator leaves the last bare. */
function withFinalLineBreak(ics: string): string {
  return ics.endsWith('\r\n') ? ics : `${ics}\r\n`;
}

/** The RRULE line's parts, as ical-generator takes them ("1TU" becomes BYDAY=TU;BYSETPOS=1). */
function repeating(rule: string, exclude: Date[]): ICalRepeatingOptions {
  const line = rule.split('\n').find((part) => part.startsWith('RRULE:')) ?? '';
  const parts = new Map(
    line
      .slice('RRULE:'.length)
      .split(';')
      .map((part) => part.split('=') as [string, string]),
  );
  const byDay = /^(-?\d)?([A-Z]{2})$/.exec(parts.get('BYDAY') ?? '');
  const weekday = Object.values(ICalWeekday).find((day) => day === byDay?.[2]);
  return {
    freq: parts.get('FREQ') === 'MONTHLY' ? ICalEventRepeatingFreq.MONTHLY : ICalEventRepeatingFreq.WEEKLY,
    ...(parts.has('COUNT') ? { count: Number(parts.get('COUNT')) } : {}),
    ...(parts.has('INTERVAL') ? { interval: Number(parts.get('INTERVAL')) } : {}),
    ...(weekday ? { byDay: [weekday], ...(byDay?.[1] ? { bySetPos: [Number(byDay[1])] } : {}) } : {}),
    ...(exclude.length > 0 ? { exclude: exclude.map((instant) => ukDateTime(instant)) } : {}),
  };
}

function details(t: Translate, event: EventRecord, organizer: CalendarOrganizer, eventLink: string) {
  return {
    // RFC 5546 (iTIP): a calendar with a METHOD must name the organiser of each event.
    organizer: { name: organizer.name, email: organizer.email },
    summary: typedTitle(t, event),
    description: `${event.description}\n\n${eventLink}`,
    ...(event.venue || event.onlineUrl ? { location: [event.venue, event.onlineUrl].filter(Boolean).join(', ') } : {}),
    ...(event.onlineUrl ? { url: event.onlineUrl } : {}),
    timezone: UK_ZONE,
  };
}

/**
 * The calendar file of an event, or of the series it belongs to (`meetings` then holds every meeting
 * of the series, in order). `eventLink` tells people how to find it in the bot.
 */
export function calendarFile(
  t: Translate,
  event: EventRecord,
  meetings: readonly EventRecord[],
  organizer: CalendarOrganizer,
  eventLink: (event: EventRecord) => string,
): string {
  // The zone is set on each event, not on the calendar: with a calendar zone ical-generator writes
  // DTSTAMP as London wall-clock time without its Z, and DTSTAMP must be UTC (RFC 5545 3.8.7.2).
  const calendar = new ICalCalendar({ prodId: PRODUCT, name: event.title, timezone: { name: null, generator: getVtimezoneComponent } });
  if (!event.series || meetings.length === 0) {
    const cancelled = event.status === 'cancelled';
    calendar.method(cancelled ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.PUBLISH);
    calendar.createEvent({
      id: eventUid(event),
      sequence: event.sequence,
      start: ukDateTime(event.startsAt),
      end: ukDateTime(event.endsAt),
      status: cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
      ...details(t, event, organizer, eventLink(event)),
    });
    return withFinalLineBreak(calendar.toString());
  }
  const first = meetings[0] as EventRecord;
  const allCancelled = meetings.every((meeting) => meeting.status === 'cancelled');
  calendar.method(allCancelled ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.PUBLISH);
  const originalStart = (meeting: EventRecord) => meeting.seriesStart ?? meeting.startsAt;
  const length = first.endsAt.getTime() - first.startsAt.getTime();
  const master = calendar.createEvent({
    id: eventUid(event),
    sequence: event.series.sequence,
    start: ukDateTime(originalStart(first)),
    end: ukDateTime(new Date(originalStart(first).getTime() + length)),
    status: allCancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    ...details(t, first, organizer, eventLink(first)),
  });
  master.repeating(
    repeating(event.series.rule, allCancelled ? [] : meetings.filter((meeting) => meeting.status === 'cancelled').map(originalStart)),
  );
  // A meeting changed since the series was made is given as itself, replacing its place in the rule.
  for (const meeting of meetings) {
    if (meeting.status === 'cancelled' || meeting.sequence === 0) continue;
    calendar.createEvent({
      id: eventUid(event),
      sequence: event.series.sequence,
      recurrenceId: ukDateTime(originalStart(meeting)),
      start: ukDateTime(meeting.startsAt),
      end: ukDateTime(meeting.endsAt),
      status: ICalEventStatus.CONFIRMED,
      ...details(t, meeting, organizer, eventLink(meeting)),
    });
  }
  return withFinalLineBreak(calendar.toString());
}
