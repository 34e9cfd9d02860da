// CSV files people open in spreadsheets. A cell that begins with =, +, -, @, a tab or a carriage return
// could run as a formula there, so it is prefixed with an apostrophe (shown as text, not run). Every
// export uses this one rule.
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

export function toCsv(header: readonly string[], rows: readonly (readonly (string | number)[])[]): string {
  const cells = (row: readonly (string | number)[]) => row.map((cell) => (typeof cell === 'number' ? String(cell) : neutraliseCell(cell)));
  return Papa.unparse({ fields: cells(header), data: rows.map(cells) }, { newline: '\r\n', quotes: true });
}
