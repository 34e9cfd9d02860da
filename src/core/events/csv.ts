// CSV files people open in spreadsheets. A cell that begins with =, +, -, @, a tab or a carriage return
// could run as a formula there, so it is prefixed with an apostrophe (shown as text, not run).
import Papa from 'papaparse';

export function neutraliseCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

export function toCsv(header: readonly string[], rows: readonly (readonly (string | number)[])[]): string {
  const cells = (row: readonly (string | number)[]) => row.map((cell) => (typeof cell === 'number' ? String(cell) : neutraliseCell(cell)));
  return Papa.unparse({ fields: cells(header), data: rows.map(cells) }, { newline: '\r\n', quotes: true });
}
