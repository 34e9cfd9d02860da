// UK time: events are entered and shown in Europe/London and stored as instants (UTC). Luxon does the
// zone arithmetic, so British Summer Time starts and ends where the tz database says, whatever the
// server's own time zone. A wall-clock time that does not exist (clocks go forward) or happens twice
// (clocks go back) is refused rather than guessed.
import { DateTime } from 'luxon';
import type { Language } from '../i18n/catalogue.js';
import { FORMAT_LOCALES, RANGE_WORD } from '../i18n/format.js';

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

// Day and month names in the reader's language come from Node's ICU (Welsh included).
const uk = (instant: Date, language: Language = 'en') =>
  DateTime.fromJSDate(instant, { zone: UK_ZONE }).setLocale(FORMAT_LOCALES[language]);

/** `Tuesday 5 January 2027`; in Welsh `Dydd Mawrth 5 Ionawr 2027`. */
export const ukDate = (instant: Date, language: Language = 'en') => uk(instant, language).toFormat('cccc d LLLL yyyy');
/** `10:00` (24-hour in both languages, as tables and fields show it). */
export const ukTime = (instant: Date) => uk(instant).toFormat('HH:mm');
/** `Tuesday 5 January 2027, 10:00` */
export const ukDateAndTime = (instant: Date) => `${ukDate(instant)}, ${ukTime(instant)}`;
/** For form fields: `2027-01-05` and `10:00`. */
export const ukDateField = (instant: Date) => uk(instant).toFormat('yyyy-MM-dd');
/** `10:00 to 11:30`; in Welsh `10:00 i 11:30`. */
export const ukTimes = (start: Date, end: Date, language: Language = 'en') => `${ukTime(start)} ${RANGE_WORD[language]} ${ukTime(end)}`;
/** `Tue 5 Jan 2027, 10:00 to 11:30`; in Welsh `Maw 5 Ion 2027, 10:00 i 11:30`. */
export function ukRange(start: Date, end: Date, language: Language = 'en'): string {
  const sameDay = ukDateField(start) === ukDateField(end);
  const from = uk(start, language).toFormat('ccc d LLL yyyy, HH:mm');
  const to = RANGE_WORD[language];
  return sameDay ? `${from} ${to} ${ukTime(end)}` : `${from} ${to} ${uk(end, language).toFormat('ccc d LLL yyyy, HH:mm')}`;
}

/** The part of the day a Welsh on-the-hour time names: `y bore`, `y prynhawn`, `yr hwyr`. */
const welshPartOfDay = (hour: number) => (hour < 12 ? 'y bore' : hour < 18 ? 'y prynhawn' : 'yr hwyr');

/**
 * A UK time for a sentence: `15:00` in English; in Welsh an on-the-hour time is said with the clock,
 * `3 o'r gloch y prynhawn` (midday `canol dydd`, midnight `canol nos`), any other `15:30`.
 */
export function ukClock(instant: Date, language: Language = 'en'): string {
  const local = uk(instant);
  if (language !== 'cy' || local.minute !== 0) return ukTime(instant);
  if (local.hour === 12) return 'canol dydd';
  if (local.hour === 0) return 'canol nos';
  return `${local.hour % 12} o'r gloch ${welshPartOfDay(local.hour)}`;
}
/** The UK wall clock as Luxon's zoned date-time, for calendar files. */
export const ukDateTime = (instant: Date) => DateTime.fromJSDate(instant, { zone: UK_ZONE });
