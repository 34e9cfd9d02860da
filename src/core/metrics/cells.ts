// How one cell of a published statistics file is read: the markers NHS and ONS tables put in place of
// a number, numbers as spreadsheets and pandas write them, and months in the forms NHS files use. Pure.
import { addMonths, isMonth, monthOf, type Month } from './period.js';

/**
 * Markers for a value withheld to protect small numbers (NHS `*`; ONS `c`, "confidential"), and for a
 * value not given (blank; ONS `..` and `x`, "not available"; `z`, "not applicable"; `-`, nil or not
 * applicable). ONS also writes its markers in square brackets. Either way the value is stored as
 * unknown, never as zero: a suppressed count may be 1 to 4 people.
 */
const SUPPRESSED = new Set(['*', 'c', '[c]']);
const NOT_GIVEN = new Set(['', '-', '..', 'x', '[x]', 'z', '[z]']);

export type Marker = 'suppressed' | 'notGiven';

/** The marker a cell holds, or undefined when it holds a value. */
export function markerOf(cell: string): Marker | undefined {
  const text = cell.trim().toLowerCase();
  if (SUPPRESSED.has(text)) return 'suppressed';
  if (NOT_GIVEN.has(text)) return 'notGiven';
  return undefined;
}

/** Digits with thousands separators as spreadsheets write them: 1,234 or 12,345,678.5. */
const GROUPED = /^[+-]?\d{1,3}(,\d{3})+(\.\d*)?$/;
const PLAIN = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;
const NOT_FINITE = /^[+-]?(nan|inf|infinity)$/i;

export type NumberReading = { readonly kind: 'number'; readonly value: number } | { readonly kind: 'bad'; readonly reason: string };

/**
 * A cell of plain digits (no sign, spaces or separators; up to 15, so exact) as its whole number, else
 * undefined. Most cells of real files are such; this reads them without the general rules' regular
 * expressions and allocations (it runs for every figure of every row).
 */
export function plainInteger(cell: string): number | undefined {
  const length = cell.length;
  if (length === 0 || length > 15) return undefined;
  let value = 0;
  for (let i = 0; i < length; i += 1) {
    const digit = cell.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return undefined;
    value = value * 10 + digit;
  }
  return value;
}

/** A number as written in a file: surrounding spaces and thousands separators allowed; NaN and infinities refused. */
export function readNumber(column: string, cell: string): NumberReading {
  const plain = plainInteger(cell);
  if (plain !== undefined) return { kind: 'number', value: plain };
  const text = cell.trim();
  if (NOT_FINITE.test(text)) return { kind: 'bad', reason: `${column} is "${text}", which is not a figure` };
  const digits = GROUPED.test(text) ? text.replaceAll(',', '') : text;
  if (!PLAIN.test(digits)) return { kind: 'bad', reason: `${column} must be a number, not "${text}"` };
  const value = Number(digits);
  if (value < 0) return { kind: 'bad', reason: `${column} must not be negative` };
  return { kind: 'number', value: Object.is(value, -0) ? 0 : value };
}

/** A count of people: a whole number, which files written by pandas or Excel may give as 91.0. */
export function readCount(column: string, cell: string): NumberReading {
  const reading = readNumber(column, cell);
  if (reading.kind === 'number' && !Number.isInteger(reading.value)) {
    return { kind: 'bad', reason: `${column} must be a whole number of people, not ${cell.trim()}` };
  }
  return reading;
}

const MONTH_ABBREVIATIONS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

function checked(year: number, month: number): Month | undefined {
  return month >= 1 && month <= 12 ? monthOf(year, month) : undefined;
}

/** One month written as YYYYMM, YYYY-MM, a date in the month (2025-03-31, 31/03/2025) or MAR2025. */
function singleMonth(text: string): Month | undefined {
  let match = /^(\d{4})(\d{2})$/.exec(text);
  if (match) return checked(Number(match[1]), Number(match[2]));
  match = /^(\d{4})-(\d{1,2})(-\d{1,2}([ T].*)?)?$/.exec(text);
  if (match) return checked(Number(match[1]), Number(match[2]));
  match = /^\d{1,2}\/(\d{1,2})\/(\d{4})$/.exec(text);
  if (match) return checked(Number(match[2]), Number(match[1]));
  match = /^([A-Za-z]{3})[a-z]*[- ]?(\d{4})$/.exec(text);
  if (match) {
    const index = MONTH_ABBREVIATIONS.indexOf(match[1]!.toLowerCase());
    return index >= 0 ? checked(Number(match[2]), index + 1) : undefined;
  }
  return undefined;
}

export type MonthReading = { readonly kind: 'month'; readonly month: Month } | { readonly kind: 'bad'; readonly reason: string };

/**
 * The month a row is for. Besides one month, NHS turnover extracts write a period as `202402 to 202403`:
 * from the end of one month to the end of the next, which is the month that ends it. A longer period
 * (a 12-month turnover figure) is not a month's figures, so it is refused rather than read as one.
 */
export function readMonth(column: string, cell: string): MonthReading {
  // The commonest form, YYYY-MM as the project's template writes it, read as it is (one test).
  if (cell.length === 7 && isMonth(cell)) return { kind: 'month', month: cell };
  const text = cell.trim();
  const range = /^(.+?)\s+to\s+(.+)$/i.exec(text);
  if (range) {
    const from = singleMonth(range[1]!);
    const to = singleMonth(range[2]!);
    if (!from || !to) return { kind: 'bad', reason: unreadable(column, text) };
    if (to !== from && to !== addMonths(from, 1)) {
      return {
        kind: 'bad',
        reason: `${column} "${text}" covers more than a month; I read monthly figures, so please export one row per month`,
      };
    }
    return { kind: 'month', month: to };
  }
  const month = singleMonth(text);
  return month && isMonth(month) ? { kind: 'month', month } : { kind: 'bad', reason: unreadable(column, text) };
}

function unreadable(column: string, text: string): string {
  return text === ''
    ? `${column} is empty`
    : `${column} "${text}" is not a month I can read: write it as YYYYMM, YYYY-MM, "YYYYMM to YYYYMM" or a date in the month`;
}
