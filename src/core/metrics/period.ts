// Calendar months as `YYYY-MM` strings: what every metric is reported by. Plain arithmetic on the
// year and month, so no time zone can move a month.
import type { Language } from '../i18n/catalogue.js';
import { FORMAT_LOCALES } from '../i18n/format.js';

export type Month = string;

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function isMonth(value: string): value is Month {
  return MONTH.test(value);
}

function parts(month: Month): [number, number] {
  const match = MONTH.exec(month);
  if (!match) throw new Error(`not a month: ${month}`);
  return [Number(match[1]), Number(match[2])];
}

export function monthOf(year: number, month: number): Month {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
}

export function addMonths(month: Month, count: number): Month {
  const [year, m] = parts(month);
  const index = year * 12 + (m - 1) + count;
  return monthOf(Math.floor(index / 12), (index % 12) + 1);
}

/** The months from `first` to `last`, both included (empty when first is after last). */
export function monthsBetween(first: Month, last: Month): Month[] {
  const months: Month[] = [];
  for (let month = first; month <= last; month = addMonths(month, 1)) months.push(month);
  return months;
}

/** The month a UTC date falls in. */
export function monthOfDate(date: Date): Month {
  return monthOf(date.getUTCFullYear(), date.getUTCMonth() + 1);
}

/** The first day of the month, at midnight UTC (how months are stored). */
export function monthStart(month: Month): Date {
  const [year, m] = parts(month);
  return new Date(Date.UTC(year, m - 1, 1));
}

const welshMonths = new Intl.DateTimeFormat(FORMAT_LOCALES.cy, { month: 'long', timeZone: 'UTC' });

const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** `2023-09` -> `September 2023`. */
export function monthName(month: Month, language: Language = 'en'): string {
  const [year, m] = parts(month);
  // Welsh month names from Intl (`Ionawr 2027`); English from the table above.
  if (language === 'cy') return `${welshMonths.format(new Date(Date.UTC(year, m - 1, 15)))} ${year}`;
  return `${MONTH_NAMES[m - 1]} ${year}`;
}

/** `2023-09` -> `Sep 2023`: for chart axes and tight tables. */
export function shortMonthName(month: Month): string {
  const [year, m] = parts(month);
  return `${MONTH_NAMES[m - 1]!.slice(0, 3)} ${year}`;
}
