// Numbers and dates in the reader's language, through Intl (Node's full ICU has Welsh: month and day
// names such as Ionawr and Dydd Llun). Rates are not formatted here: they keep one decimal with a point
// in both languages (`12.3%`), as NHS publications write them.
import type { Language } from './catalogue.js';

/** The locale each catalogue language formats in. */
export const FORMAT_LOCALES: Readonly<Record<Language, string>> = { en: 'en-GB', cy: 'cy' };

/** The word between the two ends of a range: `10:00 to 11:30`, `10:00 i 11:30`. */
export const RANGE_WORD: Readonly<Record<Language, string>> = { en: 'to', cy: 'i' };

const wholeNumbers = new Map<Language, Intl.NumberFormat>();
const longDates = new Map<Language, Intl.DateTimeFormat>();

/** A whole number with thousands separated: `12,345` (the same in Welsh). */
export function wholeNumber(value: number, language: Language = 'en'): string {
  let format = wholeNumbers.get(language);
  if (!format) {
    format = new Intl.NumberFormat(FORMAT_LOCALES[language], { maximumFractionDigits: 0 });
    wholeNumbers.set(language, format);
  }
  return format.format(Math.round(value));
}

/** A UK calendar date: `5 January 2027`; in Welsh `5 Ionawr 2027`. */
export function longDate(date: Date, language: Language = 'en'): string {
  let format = longDates.get(language);
  if (!format) {
    format = new Intl.DateTimeFormat(FORMAT_LOCALES[language], {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      timeZone: 'Europe/London',
    });
    longDates.set(language, format);
  }
  return format.format(date);
}
