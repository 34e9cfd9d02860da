// When a subscribed digest is due. A schedule is `weekly`, `monthly` or a five-field cron expression,
// read in an IANA time zone (cron-parser does the zone arithmetic, so 09:00 stays 09:00 across the
// clock changes):
//   weekly   every Monday at 09:00 (the start of the working week);
//   monthly  09:00 on the first working day of each month: the first Monday to Friday that is not an
//            England and Wales bank holiday falling early in a month (New Year's Day or its substitute,
//            Good Friday, Easter Monday, the early May bank holiday), so it follows the month-end
//            publication of NHS Workforce Statistics without landing on a holiday.
// A digest goes at most once a day: a cron expression must name one minute and one hour (so `*/10`
// in either is refused). More often would bury a channel in figures that change monthly.
import { CronExpressionParser, type CronExpression } from 'cron-parser';
import { DateTime } from 'luxon';
import type { Language } from '../i18n/catalogue.js';
import { FORMAT_LOCALES } from '../i18n/format.js';

export const DEFAULT_TIME_ZONE = 'Europe/London';

/** A period claimed this long after it was due was missed (the bot was not running): it is posted marked late. */
export const LATE_AFTER_MS = 5 * 60_000;

export type ScheduleProblem =
  /** Not five fields (minute hour day-of-month month day-of-week). */
  | 'fields'
  /** The library could not read it (a value out of range, an unknown character, a date that never comes). */
  | 'invalid'
  /** More than once a day. */
  | 'tooOften'
  /** `H` (a value picked at random) cannot be used: every bot process must agree on the time. */
  | 'hashed';

export interface Schedule {
  /** As stored and shown: `weekly`, `monthly` or the cron expression. */
  readonly given: string;
  readonly kind: 'weekly' | 'monthly' | 'cron';
  readonly timeZone: string;
  /** The latest due instant at or before `at`, if any. */
  previous(at: Date): Date | undefined;
  /** The first due instant after `at`, if any. */
  next(at: Date): Date | undefined;
}

export type ScheduleChoice =
  { readonly ok: true; readonly schedule: Schedule } | { readonly ok: false; readonly problem: ScheduleProblem; readonly detail?: string };

const WEEKLY_CRON = '0 9 * * 1';
/** Candidates for `monthly`: 09:00 on each of the first seven days; the first working one is kept. */
const MONTHLY_CANDIDATES = '0 9 1-7 * *';
/** Enough candidates to pass a month's worth of non-working first days. */
const MAX_STEPS = 400;

/** IANA zone names as the runtime spells them, by lower case. */
let knownZones: ReadonlyMap<string, string> | undefined;

/**
 * The IANA name of a time zone typed in any case (`europe/london` → `Europe/London`), or undefined when
 * it is not one. Only Area/Location names and UTC: offsets such as `+01:00` and abbreviations such as
 * `EST` are refused, since they ignore summer time or name something unexpected.
 */
export function timeZoneNamed(typed: string): string | undefined {
  if (typed.toUpperCase() === 'UTC') return 'UTC';
  if (!/^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)+$/.test(typed)) return undefined;
  knownZones ??= new Map(Intl.supportedValuesOf('timeZone').map((zone) => [zone.toLowerCase(), zone]));
  const known = knownZones.get(typed.toLowerCase());
  if (known) return known;
  // Names the list leaves out (it has Asia/Calcutta, not Asia/Kolkata): kept as typed, or in title case
  // when typed in lower case.
  const titled =
    typed !== typed.toLowerCase()
      ? typed
      : typed.replace(/[A-Za-z]+/g, (word) =>
          word.length <= 2 ? word.toUpperCase() : word[0]!.toUpperCase() + word.slice(1).toLowerCase(),
        );
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone: titled });
    return titled;
  } catch {
    return undefined;
  }
}

function parse(expression: string, timeZone: string, at: Date): CronExpression {
  return CronExpressionParser.parse(expression, { currentDate: at, tz: timeZone });
}

/** Gregorian Easter Sunday (the anonymous algorithm), as month and day. */
function easter(year: number): { month: number; day: number } {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  return { month: Math.floor((h + l - 7 * m + 114) / 31), day: ((h + l - 7 * m + 114) % 31) + 1 };
}

/** England and Wales bank holidays that can fall in the first week of a month. */
function earlyBankHoliday(day: DateTime): boolean {
  const { year, month, day: date, weekday } = day;
  if (month === 1) {
    // New Year's Day, or the Monday (Tuesday) after it when it falls at the weekend.
    const newYear = DateTime.fromObject({ year, month: 1, day: 1 }, { zone: day.zone }).weekday;
    const substitute = newYear === 6 ? 3 : newYear === 7 ? 2 : 1;
    return date === substitute;
  }
  if (month === 5) return weekday === 1 && date <= 7;
  const sunday = DateTime.fromObject({ year, ...easter(year) }, { zone: day.zone });
  const same = (other: DateTime) => other.month === month && other.day === date;
  return same(sunday.minus({ days: 2 })) || same(sunday.plus({ days: 1 }));
}

/** The first Monday to Friday of its month that is not a bank holiday. */
export function isFirstWorkingDay(instant: Date, timeZone: string): boolean {
  const local = DateTime.fromJSDate(instant, { zone: timeZone });
  const working = (day: DateTime) => day.weekday <= 5 && !earlyBankHoliday(day);
  if (!working(local)) return false;
  for (let day = local.startOf('month'); day.day < local.day; day = day.plus({ days: 1 })) if (working(day)) return false;
  return true;
}

function cronSchedule(
  given: string,
  kind: Schedule['kind'],
  expression: string,
  timeZone: string,
  keep: (instant: Date) => boolean,
): Schedule {
  const step = (at: Date, direction: 'prev' | 'next'): Date | undefined => {
    // cron-parser steps from just after `at` (previous) or from `at` (next), excluding the start itself.
    const iterator = parse(expression, timeZone, direction === 'prev' ? new Date(at.getTime() + 1000) : at);
    for (let i = 0; i < MAX_STEPS; i += 1) {
      let candidate: Date;
      try {
        candidate = (direction === 'prev' ? iterator.prev() : iterator.next()).toDate();
      } catch {
        return undefined;
      }
      if (direction === 'prev' && candidate.getTime() > at.getTime()) continue;
      if (keep(candidate)) return candidate;
    }
    return undefined;
  };
  return { given, kind, timeZone, previous: (at) => step(at, 'prev'), next: (at) => step(at, 'next') };
}

const VALIDATION_START = new Date('2025-01-01T00:00:00Z');

/** Reads a schedule as typed (`weekly`, `monthly` or a cron expression) in a valid IANA time zone. */
export function parseSchedule(typed: string, timeZone: string): ScheduleChoice {
  const words = typed.trim().split(/\s+/);
  const single = words.length === 1 ? words[0]!.toLowerCase() : '';
  if (single === 'weekly') return { ok: true, schedule: cronSchedule('weekly', 'weekly', WEEKLY_CRON, timeZone, () => true) };
  if (single === 'monthly') {
    return {
      ok: true,
      schedule: cronSchedule('monthly', 'monthly', MONTHLY_CANDIDATES, timeZone, (instant) => isFirstWorkingDay(instant, timeZone)),
    };
  }
  if (words.length !== 5) return { ok: false, problem: 'fields' };
  const expression = words.join(' ');
  // `H` is the only cron character with an h, once Thursday's name (THU) is set aside.
  if (/h/i.test(expression.replace(/thu/gi, ''))) return { ok: false, problem: 'hashed' };
  let parsed: CronExpression;
  try {
    // Only whether the expression has a next time is asked: any starting instant will do.
    parsed = parse(expression, timeZone, VALIDATION_START);
    parsed.next();
  } catch (error) {
    return { ok: false, problem: 'invalid', detail: error instanceof Error ? error.message : undefined };
  }
  if (parsed.fields.minute.values.length !== 1 || parsed.fields.hour.values.length !== 1) return { ok: false, problem: 'tooOften' };
  return { ok: true, schedule: cronSchedule(expression, 'cron', expression, timeZone, () => true) };
}

/** The period due now: the latest due instant at or before `now` that came after `activeSince`. */
export function duePeriod(schedule: Schedule, now: Date, activeSince: Date): Date | undefined {
  const due = schedule.previous(now);
  return due && due.getTime() > activeSince.getTime() ? due : undefined;
}

/** `Monday 7 December 2026, 09:00 GMT` in the schedule's zone; in Welsh `Dydd Llun 7 Rhagfyr 2026, 09:00 GMT`. */
export function zonedText(instant: Date, timeZone: string, language: Language = 'en'): string {
  return DateTime.fromJSDate(instant, { zone: timeZone }).setLocale(FORMAT_LOCALES[language]).toFormat('cccc d LLLL yyyy, HH:mm ZZZZ');
}
