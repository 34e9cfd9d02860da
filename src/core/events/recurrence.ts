// Recurring events: weekly, fortnightly, or monthly on a weekday ("first Tuesday", "last Friday"). The
// dates come from rrule-temporal (RFC 5545 rules evaluated in Europe/London, correct across clock
// changes); each meeting keeps the typed wall-clock time, checked like the first one.
import { RRuleTemporal } from 'rrule-temporal';
import { Temporal } from 'temporal-polyfill';
import { UK_ZONE, ukInstant, type LocalTimeProblem } from './london-time.js';

export const RECURRENCES = ['none', 'weekly', 'fortnightly', 'monthly'] as const;
export type Recurrence = (typeof RECURRENCES)[number];

export const MIN_MEETINGS = 2;
export const MAX_MEETINGS = 26;
export const DEFAULT_MEETINGS = 6;

const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;

/** Which weekday of its month a date is: 1 to 4, or -1 for a fifth (the last). */
export function weekdayOfMonth(date: string): { readonly ordinal: 1 | 2 | 3 | 4 | -1; readonly weekday: number } {
  const day = Temporal.PlainDate.from(date);
  const nth = Math.ceil(day.day / 7);
  return { ordinal: nth >= 5 ? -1 : (nth as 1 | 2 | 3 | 4), weekday: day.dayOfWeek };
}

export interface SeriesRule {
  /** `DTSTART;TZID=Europe/London:…` and `RRULE:…` lines, as calendar files carry them. */
  readonly text: string;
  /** The meetings' dates (YYYY-MM-DD, UK). */
  readonly dates: readonly string[];
}

/** The rule and the dates of `count` meetings starting on `date` at `time` (UK). */
export function seriesRule(recurrence: Exclude<Recurrence, 'none'>, date: string, time: string, count: number): SeriesRule {
  const { ordinal, weekday } = weekdayOfMonth(date);
  const options =
    recurrence === 'monthly'
      ? { freq: 'MONTHLY' as const, byDay: [`${ordinal}${WEEKDAYS[weekday - 1]}`] }
      : { freq: 'WEEKLY' as const, interval: recurrence === 'fortnightly' ? 2 : 1 };
  const at = (clock: string) =>
    new RRuleTemporal({
      ...options,
      count,
      tzid: UK_ZONE,
      dtstart: Temporal.PlainDateTime.from(`${date}T${clock}`).toZonedDateTime(UK_ZONE),
    });
  // The dates are taken at noon, which no clock change touches: a rule evaluated at the typed time
  // silently drops a meeting whose time falls in the spring gap, and that meeting must be reported.
  const dates = at('12:00')
    .all()
    .map((occurrence) => occurrence.toPlainDate().toString());
  return { text: at(time).toString(), dates };
}

export type Meetings =
  | { readonly ok: true; readonly starts: readonly Date[]; readonly rule: string | undefined }
  | { readonly ok: false; readonly problem: LocalTimeProblem; readonly date: string };

/** Every meeting's start instant, or the first meeting whose time does not exist or repeats in UK time. */
export function meetingStarts(recurrence: Recurrence, date: string, time: string, count: number): Meetings {
  const series = recurrence === 'none' ? undefined : seriesRule(recurrence, date, time, count);
  const starts: Date[] = [];
  for (const day of series?.dates ?? [date]) {
    const instant = ukInstant(day, time);
    if (!instant.ok) return { ok: false, problem: instant.problem, date: day };
    starts.push(instant.instant);
  }
  return { ok: true, starts, rule: series?.text };
}
