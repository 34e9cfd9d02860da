// UK time for events: instants from wall-clock times across the clock changes (whatever the process's
// own time zone), recurrence dates, and CSV cells that spreadsheets could run as formulas.
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { neutraliseCell, toCsv } from '../../src/core/files/csv.js';
import { ukInstant, ukRange } from '../../src/core/events/london-time.js';
import { meetingStarts, weekdayOfMonth } from '../../src/core/events/recurrence.js';
import { isWebLink } from '../../src/core/events/event-form.js';

describe('UK wall-clock times', () => {
  it('gives GMT in winter and BST in summer', () => {
    expect(ukInstant('2027-01-12', '10:00')).toEqual({ ok: true, instant: new Date('2027-01-12T10:00:00Z') });
    expect(ukInstant('2027-07-12', '10:00')).toEqual({ ok: true, instant: new Date('2027-07-12T09:00:00Z') });
  });

  it('refuses a time skipped when the clocks go forward and one repeated when they go back', () => {
    expect(ukInstant('2027-03-28', '01:30')).toEqual({ ok: false, problem: 'skipped' });
    expect(ukInstant('2027-03-28', '02:00')).toMatchObject({ ok: true });
    expect(ukInstant('2027-10-31', '01:30')).toEqual({ ok: false, problem: 'repeated' });
    expect(ukInstant('2027-10-31', '01:00')).toEqual({ ok: false, problem: 'repeated' });
    expect(ukInstant('2027-10-31', '02:00')).toEqual({ ok: true, instant: new Date('2027-10-31T02:00:00Z') });
  });

  it('refuses dates and times that do not exist at all', () => {
    expect(ukInstant('2027-02-30', '10:00')).toEqual({ ok: false, problem: 'invalid' });
    expect(ukInstant('2027-01-12', '25:00')).toEqual({ ok: false, problem: 'invalid' });
    expect(ukInstant('12/01/2027', '10:00')).toEqual({ ok: false, problem: 'invalid' });
  });

  it('shows instants in UK time', () => {
    expect(ukRange(new Date('2027-07-12T09:00:00Z'), new Date('2027-07-12T10:30:00Z'))).toBe('Mon 12 Jul 2027, 10:00 to 11:30');
  });
});

describe('recurrence', () => {
  it('repeats monthly on the same weekday, keeping 10:00 UK time across the change to BST', () => {
    expect(weekdayOfMonth('2027-01-05')).toEqual({ ordinal: 1, weekday: 2 });
    expect(weekdayOfMonth('2027-01-29')).toEqual({ ordinal: -1, weekday: 5 });
    const series = meetingStarts('monthly', '2027-02-02', '10:00', 3);
    expect(series).toEqual({
      ok: true,
      starts: [new Date('2027-02-02T10:00:00Z'), new Date('2027-03-02T10:00:00Z'), new Date('2027-04-06T09:00:00Z')],
      rule: 'DTSTART;TZID=Europe/London:20270202T100000\nRRULE:FREQ=MONTHLY;COUNT=3;BYDAY=1TU',
    });
  });

  it('repeats fortnightly, and reports a meeting that falls in the spring gap', () => {
    expect(meetingStarts('fortnightly', '2027-03-01', '09:00', 3)).toMatchObject({
      ok: true,
      starts: [new Date('2027-03-01T09:00:00Z'), new Date('2027-03-15T09:00:00Z'), new Date('2027-03-29T08:00:00Z')],
    });
    expect(meetingStarts('weekly', '2027-03-14', '01:30', 3)).toEqual({ ok: false, problem: 'skipped', date: '2027-03-28' });
  });
});

describe('links and CSV', () => {
  it('accepts only web links people can open', () => {
    expect(isWebLink('https://teams.microsoft.com/l/meetup-join/abc')).toBe(true);
    expect(isWebLink('javascript:alert(1)')).toBe(false);
    expect(isWebLink('https://nowhere')).toBe(false);
    expect(isWebLink('teams link')).toBe(false);
    expect(isWebLink('ftp://files.example.org/x')).toBe(false);
  });

  it('neutralises cells a spreadsheet would run', () => {
    for (const risky of ['=1+1', '+44 20', '-2', '@SUM(A1)', '\tx', '\rx']) expect(neutraliseCell(risky)).toBe(`'${risky}`);
    expect(neutraliseCell('Sam = Taylor')).toBe('Sam = Taylor');
    expect(toCsv(['Name'], [['=cmd|"/c calc"!A1'], [3]])).toBe('\uFEFF"Name"\r\n"\'=cmd|""/c calc""!A1"\r\n"3"\r\n');
  });

  it('writes CSV that a separate parser reads back cell for cell: a byte-order mark, CRLF line ends, formulas as text', () => {
    const rows = [
      ['Sam "the host" Taylor', 'Leeds, North', 'two\nlines', '=SUM(A1:A2)'],
      ['Zoë Ó Briain', '', '-5', 3.5],
    ] as const;
    const csv = toCsv(['Name', 'Place', 'Note', 'Figure'], rows);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.replace(/\r\n/g, '').includes('\r')).toBe(false);
    const parsed = Papa.parse<string[]>(csv.slice(1), { skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.meta.linebreak).toBe('\r\n');
    expect(parsed.data).toEqual([
      ['Name', 'Place', 'Note', 'Figure'],
      ['Sam "the host" Taylor', 'Leeds, North', 'two\nlines', "'=SUM(A1:A2)"],
      ['Zoë Ó Briain', '', "'-5", '3.5'],
    ]);
  });
});
