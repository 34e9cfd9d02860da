// The one CSV writer: every CSV file the bot writes (attendee lists, CPD records, the member directory,
// the case-study library) comes from `toCsv`. People open them in spreadsheets, so a cell that begins
// with =, +, -, @, a tab or a carriage return, which could run as a formula there, is prefixed with an
// apostrophe (shown as text, not run); a byte-order mark makes Excel read the text as UTF-8; lines end
// in CRLF, the last one too (RFC 4180).
import Papa from 'papaparse';

/**
 * A cell beginning with one of these is run by Excel or Sheets as a formula (or begins one after a tab
 * or carriage return). Tested against the whole cell, newlines included, which papaparse's own
 * `escapeFormulae: true` pattern misses.
 */
export const FORMULA_START = /^[=+\-@\t\r]/;

export function neutraliseCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** Excel reads a CSV file as UTF-8 only when it begins with this. */
export const BYTE_ORDER_MARK = '\uFEFF';

/** A CSV file: a byte-order mark, then the header and the rows, every cell quoted and neutralised, each line ending in CRLF. */
export function toCsv(header: readonly string[], rows: readonly (readonly (string | number)[])[]): string {
  const cells = (row: readonly (string | number)[]) => row.map((cell) => (typeof cell === 'number' ? String(cell) : neutraliseCell(cell)));
  return `${BYTE_ORDER_MARK}${Papa.unparse({ fields: cells(header), data: rows.map(cells) }, { newline: '\r\n', quotes: true })}\r\n`;
}
