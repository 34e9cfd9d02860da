// UK time: events are entered and shown in Europe/London and stored as instants (UTC). Luxon does the
// zone arithmetic, so British Summer Time starts and ends where the tz database says, whatever the
// server's own time zone. A wall-clock time that does not exist (clocks go forward) or happens twice
// (clocks go back) is refused rather than guessed.
import { DateTime } from 'luxon';

export const UK_ZONE = 'Europe/London';

export type LocalTimeProblem = 'invalid' | 'skipped' | 'repeated';
export type LocalTime = { readonly ok: true; readonly instant: Date } | { readonly ok: false; readonly problem: LocalTimeProblem };

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^\d{2}:\d{2}$/;

/** The instant of a UK wall-clock date (YYYY-MM-DD) and time (HH:mm), if it names exactly one. */
export function ukInstant(date: string, time: string): LocalTime {
  if (!DATE.test(date) || !TIME.test(time)) return { ok: false, problem: 'invalid' };
  const local = DateTime.fromISO(`${date}T${time}`, { zone: UK_ZONE });
  if (!local.isValid) return { ok: false, problem: 'invalid' };
  // Luxon moves a time inside the spring gap forward; the wall clock then differs from what was typed.
  if (local.toFormat('yyyy-MM-dd') !== date || local.toFormat('HH:mm') !== time) return { ok: false, problem: 'skipped' };
  // A repeated time is the same wall clock under both of the day's offsets.
  const offsets = new Set([local.minus({ hours: 3 }).offset, local.plus({ hours: 3 }).offset]);
  const readings = [...offsets].filter((offset) => {
    const candidate = DateTime.fromISO(`${date}T${time}`, { zone: `UTC${offset >= 0 ? '+' : '-'}${Math.abs(offset / 60)}` }).setZone(
      UK_ZONE,
    );
    return candidate.toFormat('yyyy-MM-dd HH:mm') === `${date} ${time}`;
  });
  if (readings.length > 1) return { ok: false, problem: 'repeated' };
  return { ok: true, instant: local.toJSDate() };
}

const uk = (instant: Date) => DateTime.fromJSDate(instant, { zone: UK_ZONE }).setLocale('en-GB');

/** `Tuesday 5 January 2027` */
export const ukDate = (instant: Date) => uk(instant).toFormat('cccc d LLLL yyyy');
/** `10:00` */
export const ukTime = (instant: Date) => uk(instant).toFormat('HH:mm');
/** `Tuesday 5 January 2027, 10:00` */
export const ukDateAndTime = (instant: Date) => `${ukDate(instant)}, ${ukTime(instant)}`;
/** For form fields: `2027-01-05` and `10:00`. */
export const ukDateField = (instant: Date) => uk(instant).toFormat('yyyy-MM-dd');
/** `Tue 5 Jan 2027, 10:00 to 11:30` */
export function ukRange(start: Date, end: Date): string {
  const sameDay = ukDateField(start) === ukDateField(end);
  const from = uk(start).toFormat('ccc d LLL yyyy, HH:mm');
  return sameDay ? `${from} to ${ukTime(end)}` : `${from} to ${uk(end).toFormat('ccc d LLL yyyy, HH:mm')}`;
}
/** The UK wall clock as Luxon's zoned date-time, for calendar files. */
export const ukDateTime = (instant: Date) => DateTime.fromJSDate(instant, { zone: UK_ZONE });
