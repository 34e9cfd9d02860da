// Files served by the bot's HTTP server under unguessable links: an event's calendar file, and the
// short-lived CSV downloads (attendee lists for hosts and facilitators, a member's CPD record). Only a
// SHA-256 of each download token is stored; the file is made from current data on every download.
import { createHash, randomBytes } from 'node:crypto';
import { linkButton } from '../actions.js';
import type { Translate } from '../i18n/translator.js';
import type { Block } from '../reply/reply.js';
import type { CoreServices } from '../services.js';
import { calendarFile } from './calendar.js';
import { toCsv } from '../files/csv.js';
import type { EventRecord } from './event.js';
import { ukDate, ukTime } from './london-time.js';

export const DOWNLOAD_MINUTES = 15;

export interface Download {
  readonly filename: string;
  readonly contentType: string;
  readonly body: string;
}

const hash = (token: string) => createHash('sha256').update(token).digest('hex');
const TOKEN = /^[A-Za-z0-9_-]{20,64}$/;

/** A new download link for the attendee list or a member's record, valid for DOWNLOAD_MINUTES. */
export async function downloadLink(what: { kind: 'attendees'; eventId: string } | { kind: 'record'; memberId: string }, services: CoreServices): Promise<string> {
  const token = randomBytes(24).toString('base64url');
  await services.events.createExport(what, hash(token), new Date(Date.now() + DOWNLOAD_MINUTES * 60_000));
  return `${services.eventSettings.publicUrl}exports/${token}.csv`;
}

/** A new download link as a "Download CSV" button, under `text`: what the file holds and how long the link works. */
export async function downloadBlocks(t: Translate, text: string, what: Parameters<typeof downloadLink>[0], services: CoreServices): Promise<Block[]> {
  const url = await downloadLink(what, services);
  return [{ kind: 'text', text }, { kind: 'buttons', buttons: [linkButton('download', t('events.button.csv'), url)] }];
}

export async function calendarDownload(token: string, services: CoreServices, t: Translate): Promise<Download | undefined> {
  if (!TOKEN.test(token)) return undefined;
  const event = await services.events.findByCalendarToken(token);
  if (!event) return undefined;
  const meetings = event.series ? await services.events.seriesMeetings(event.series.id) : [];
  return {
    filename: `event-${event.number}.ics`,
    contentType: 'text/calendar; charset=utf-8',
    body: calendarFile(t, event, meetings, (meeting) => t('events.calendar.findIt', { number: meeting.number })),
  };
}

export function hoursOf(event: Pick<EventRecord, 'startsAt' | 'endsAt'>): number {
  return Math.round(((event.endsAt.getTime() - event.startsAt.getTime()) / 3_600_000) * 100) / 100;
}

export async function csvDownload(token: string, services: CoreServices, t: Translate): Promise<Download | undefined> {
  if (!TOKEN.test(token)) return undefined;
  const subject = await services.events.exportOf(hash(token), new Date());
  if (!subject) return undefined;
  if (subject.kind === 'attendees') {
    const [event, attendees] = await Promise.all([services.events.find(subject.eventId), services.events.attendees(subject.eventId)]);
    if (!event) return undefined;
    const body = toCsv(
      [t('events.csv.name'), t('events.csv.organisation'), t('events.csv.answer'), t('events.csv.position'), t('events.csv.attended'), t('events.csv.rating')],
      attendees.map((a) => [
        a.name,
        a.organisation ?? '',
        t(`events.status.${a.status}`),
        a.position ?? '',
        a.attended === null ? '' : a.attended ? t('events.csv.yes') : t('events.csv.no'),
        a.rating ?? '',
      ]),
    );
    return { filename: `event-${event.number}-attendees.csv`, contentType: 'text/csv; charset=utf-8', body };
  }
  const attended = await services.events.attendedBy(subject.memberId);
  const body = toCsv(
    [t('events.csv.date'), t('events.csv.start'), t('events.csv.end'), t('events.csv.hours'), t('events.csv.type'), t('events.csv.title'), t('events.csv.host')],
    attended.map((event) => [
      ukDate(event.startsAt),
      ukTime(event.startsAt),
      ukTime(event.endsAt),
      hoursOf(event),
      t(`events.type.${event.type}`),
      event.title,
      event.host?.name ?? '',
    ]),
  );
  return { filename: 'cpd-record.csv', contentType: 'text/csv; charset=utf-8', body };
}
