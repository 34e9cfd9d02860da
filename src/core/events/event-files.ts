// The events feature's files: an event's calendar file (`calendar/<token>.ics`, linked from its posts;
// its token's rules are in src/core/links/calendar-links.ts), and the CSV files behind download links
// (src/core/links): an event's attendee list for its host and facilitators, and a member's CPD record.
// The CSV files are made from current data when fetched.
import { linkButton } from '../actions.js';
import type { Language } from '../i18n/catalogue.js';
import type { Translate } from '../i18n/translator.js';
import type { Block } from '../reply/reply.js';
import type { CoreServices } from '../services.js';
import { calendarFile } from './calendar.js';
import { toCsv } from '../files/csv.js';
import type { EventRecord } from './event.js';
import { ukDate, ukTime } from './london-time.js';
import { createFileLink, DOWNLOAD_LINK_MINUTES, type FileLinkSubject, type ServedFile } from '../links/file-links.js';

/** The services this module's handlers use. */
export type EventFilesServices = Pick<CoreServices, 'eventSettings' | 'events' | 'fileLinks'>;

export const DOWNLOAD_MINUTES = DOWNLOAD_LINK_MINUTES;

const CSV = 'text/csv; charset=utf-8';

export type EventFileSubject = { kind: 'attendees'; eventId: string; eventNumber: number } | { kind: 'record'; memberId: string };

function subjectOf(what: EventFileSubject, language: Language): FileLinkSubject {
  return what.kind === 'attendees'
    ? { kind: 'attendees', eventId: what.eventId, filename: `event-${what.eventNumber}-attendees.csv`, mediaType: CSV, language }
    : { kind: 'record', memberId: what.memberId, filename: 'cpd-record.csv', mediaType: CSV, language };
}

/** A new download link for the attendee list or a member's record in `language`, valid for DOWNLOAD_MINUTES from `now`. */
export async function downloadLink(what: EventFileSubject, services: EventFilesServices, now: Date, language: Language): Promise<string> {
  return createFileLink(services.fileLinks, services.eventSettings.publicUrl, subjectOf(what, language), now);
}

/** A new download link as a "Download CSV" button, under `text`: what the file holds and how long the link works. */
export async function downloadBlocks(
  t: Translate,
  text: string,
  what: EventFileSubject,
  services: EventFilesServices,
  now: Date,
): Promise<Block[]> {
  const url = await downloadLink(what, services, now, t.language);
  return [
    { kind: 'text', text },
    { kind: 'buttons', buttons: [linkButton('download', t('events.button.csv'), url)] },
  ];
}

export async function calendarDownload(token: string, services: EventFilesServices, t: Translate): Promise<ServedFile | undefined> {
  const event = await services.events.findByCalendarToken(token);
  if (!event) return undefined;
  const meetings = event.series ? await services.events.seriesMeetings(event.series.id) : [];
  return {
    filename: `event-${event.number}.ics`,
    contentType: 'text/calendar; charset=utf-8',
    body: calendarFile(t, event, meetings, services.eventSettings.organizer, (meeting) =>
      t('events.calendar.findIt', { number: meeting.number }),
    ),
    inline: false,
  };
}

export function hoursOf(event: Pick<EventRecord, 'startsAt' | 'endsAt'>): number {
  return Math.round(((event.endsAt.getTime() - event.startsAt.getTime()) / 3_600_000) * 100) / 100;
}

/** The CSV file behind an attendee-list or CPD-record link, made from current data. */
export async function eventCsv(
  subject: Extract<FileLinkSubject, { kind: 'attendees' | 'record' }>,
  services: EventFilesServices,
  t: Translate,
): Promise<ServedFile | undefined> {
  if (subject.kind === 'attendees') {
    const [event, attendees] = await Promise.all([services.events.find(subject.eventId), services.events.attendees(subject.eventId)]);
    if (!event) return undefined;
    const body = toCsv(
      [
        t('events.csv.name'),
        t('events.csv.organisation'),
        t('events.csv.answer'),
        t('events.csv.position'),
        t('events.csv.attended'),
        t('events.csv.rating'),
      ],
      attendees.map((a) => [
        a.name,
        a.organisation ?? '',
        t(`events.status.${a.status}`),
        a.position ?? '',
        a.attended === null ? '' : a.attended ? t('events.csv.yes') : t('events.csv.no'),
        a.rating ?? '',
      ]),
    );
    return { filename: subject.filename, contentType: subject.mediaType, body, inline: false };
  }
  const attended = await services.events.attendedBy(subject.memberId);
  const body = toCsv(
    [
      t('events.csv.date'),
      t('events.csv.start'),
      t('events.csv.end'),
      t('events.csv.hours'),
      t('events.csv.type'),
      t('events.csv.title'),
      t('events.csv.host'),
    ],
    attended.map((event) => [
      ukDate(event.startsAt, t.language),
      ukTime(event.startsAt),
      ukTime(event.endsAt),
      hoursOf(event),
      t(`events.type.${event.type}`),
      event.title,
      event.host?.name ?? '',
    ]),
  );
  return { filename: subject.filename, contentType: subject.mediaType, body, inline: false };
}
