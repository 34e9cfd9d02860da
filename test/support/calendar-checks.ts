// Independent checks of the calendar files the bot serves: ical.js (npm) parses them as a calendar app
// would, and libical (Debian's gir1.2-ical-3.0 with python3-gi) applies RFC 5546's iTIP rules for the
// file's METHOD. libical is not an npm package: where it is missing the check says so and is skipped,
// unless COP_REQUIRE_LIBICAL=1 (set by .ci/run, which installs it), when its absence fails the test.
import { execFileSync, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import ICAL from 'ical.js';
import { expect } from 'vitest';

const SYSTEM_PYTHON = '/usr/bin/python3';
const CHECKER = fileURLToPath(new URL('./libical-check.py', import.meta.url));

let libical: boolean | undefined;

/** Whether libical can be reached through python3-gi on this machine. */
export function libicalAvailable(): boolean {
  libical ??=
    spawnSync(SYSTEM_PYTHON, ['-c', "import gi; gi.require_version('ICalGLib', '3.0'); from gi.repository import ICalGLib"]).status === 0;
  if (!libical && process.env['COP_REQUIRE_LIBICAL'] === '1')
    throw new Error('libical is required (COP_REQUIRE_LIBICAL=1) but python3-gi with gir1.2-ical-3.0 is not installed');
  return libical;
}

/** What libical finds wrong with the file under the iTIP rules of its METHOD: an empty list when nothing. */
export function libicalProblems(ics: string): string[] {
  const output = execFileSync(SYSTEM_PYTHON, [CHECKER], { input: ics, encoding: 'utf8' });
  return output.split('\n').filter((line) => line !== '');
}

/**
 * Checks a calendar file as calendar apps and the standards read it: CRLF line endings throughout
 * (RFC 5545 3.1), parsed by ical.js with every event carrying UID, DTSTAMP and an ORGANIZER, and no
 * iTIP problem found by libical where it is installed.
 */
export function expectValidCalendar(ics: string): void {
  expect(ics.replaceAll('\r\n', ''), 'a line ends without CR').not.toContain('\n');
  expect(ics.endsWith('END:VCALENDAR\r\n'), 'the file ends with CRLF').toBe(true);
  const calendar = new ICAL.Component(ICAL.parse(ics) as unknown[]);
  expect(calendar.getFirstPropertyValue('method')).toMatch(/^(PUBLISH|CANCEL)$/);
  const events = calendar.getAllSubcomponents('vevent');
  expect(events.length).toBeGreaterThan(0);
  for (const event of events) {
    expect(event.getFirstPropertyValue('uid')).toBeTruthy();
    expect(event.getFirstPropertyValue('dtstamp')).toBeTruthy();
    const organizer = event.getFirstProperty('organizer');
    expect(organizer?.getFirstValue()).toMatch(/^mailto:[^@\s]+@[^@\s]+$/);
    expect(organizer?.getParameter('cn')).toBeTruthy();
  }
  if (libicalAvailable()) expect(libicalProblems(ics)).toEqual([]);
}
