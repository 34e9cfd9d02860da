// When subscribed digests are due, against dates worked out by hand from the calendar: `weekly` on
// Mondays at 09:00 and `monthly` on the first working day at 09:00 across the clock changes and the
// England and Wales bank holidays that fall early in a month; cron expressions in other zones; the
// once-a-day rule; the period due after downtime; time zone names; and how the command's words split.
import { describe, expect, it } from 'vitest';
import { duePeriod, isFirstWorkingDay, parseSchedule, timeZoneNamed, type Schedule } from '../../src/core/digests/schedule.js';
import { splitSubscribeWords } from '../../src/core/digests/subscription-commands.js';

function schedule(typed: string, zone = 'Europe/London'): Schedule {
  const choice = parseSchedule(typed, zone);
  if (!choice.ok) throw new Error(`${typed}: ${choice.problem}`);
  return choice.schedule;
}

/** The due instants after `from`, `count` of them. */
function upcoming(one: Schedule, from: string, count: number): string[] {
  const out: string[] = [];
  let at = new Date(from);
  for (let i = 0; i < count; i += 1) {
    at = one.next(at)!;
    out.push(at.toISOString());
  }
  return out;
}

describe('weekly', () => {
  it('is Mondays at 09:00 London time, in GMT and in BST', () => {
    // The clocks go forward on Sunday 28 March 2027.
    expect(upcoming(schedule('weekly'), '2027-03-17T12:00:00Z', 3)).toEqual([
      '2027-03-22T09:00:00.000Z',
      '2027-03-29T08:00:00.000Z',
      '2027-04-05T08:00:00.000Z',
    ]);
  });
});

describe('monthly', () => {
  it('is 09:00 on the first working day, after New Year, Easter and early May bank holidays', () => {
    // 2027: 1 Jan is a Friday (bank holiday); Easter Sunday 28 March; 3 May a Monday (bank holiday).
    expect(upcoming(schedule('monthly'), '2026-12-15T00:00:00Z', 6)).toEqual([
      '2027-01-04T09:00:00.000Z',
      '2027-02-01T09:00:00.000Z',
      '2027-03-01T09:00:00.000Z',
      '2027-04-01T08:00:00.000Z',
      '2027-05-04T08:00:00.000Z',
      '2027-06-01T08:00:00.000Z',
    ]);
  });

  it('knows the substitute New Year holiday and Easter Monday on the first days of April', () => {
    const first = (date: string) => isFirstWorkingDay(new Date(`${date}T09:00:00Z`), 'Europe/London');
    // 1 Jan 2022 a Saturday: Monday 3rd is the substitute holiday, so Tuesday 4th.
    expect(['2022-01-03', '2022-01-04'].map(first)).toEqual([false, true]);
    // Easter Monday 1 April 2024; Good Friday 30 March 2018 and Easter Monday 2 April 2018.
    expect(['2024-04-01', '2024-04-02'].map(first)).toEqual([false, true]);
    expect(['2018-04-02', '2018-04-03'].map(first)).toEqual([false, true]);
    // Good Friday 2 April 2021 comes after Thursday 1st, which is the first working day.
    expect(['2021-04-01', '2021-04-02'].map(first)).toEqual([true, false]);
    // 1 May 2026 is a Friday, before the early May bank holiday on Monday 4th.
    expect(first('2026-05-01')).toBe(true);
    expect(first('2026-08-03')).toBe(true);
  });

  it('finds the latest first working day before a time', () => {
    expect(schedule('monthly').previous(new Date('2027-04-06T12:00:00Z'))?.toISOString()).toBe('2027-04-01T08:00:00.000Z');
  });
});

describe('cron expressions', () => {
  it('are read in their own time zone', () => {
    // Weekdays at 07:30 in New York: EST (UTC-5) until the clocks change there on 14 March 2027.
    expect(upcoming(schedule('30 7 * * 1-5', 'America/New_York'), '2027-03-12T00:00:00Z', 2)).toEqual([
      '2027-03-12T12:30:00.000Z',
      '2027-03-15T11:30:00.000Z',
    ]);
    expect(upcoming(schedule('0 8 * * MON', 'UTC'), '2027-01-01T00:00:00Z', 1)).toEqual(['2027-01-04T08:00:00.000Z']);
  });

  it('go at most once a day, and only with five fields', () => {
    const problem = (typed: string) => {
      const choice = parseSchedule(typed, 'Europe/London');
      return choice.ok ? 'ok' : choice.problem;
    };
    expect(['*/10 * * * *', '0 * * * *', '0 9,17 * * *', '0-5 9 * * *', '0 9-10 * * 1'].map(problem)).toEqual(Array(5).fill('tooOften'));
    expect(['0 9 * *', '0 0 9 * * 1', '@weekly', ''].map(problem)).toEqual(Array(4).fill('fields'));
    expect(['61 9 * * *', '0 9 30 2 *', '0 9 * * funday'].map(problem)).toEqual(Array(3).fill('invalid'));
    expect(problem('0 H * * 1')).toBe('hashed');
    expect(problem('0 9 * * THU')).toBe('ok');
  });
});

describe('the period due', () => {
  const weekly = schedule('weekly');
  const created = new Date('2027-01-06T10:00:00Z');

  it('is the latest due instant, and only one after days of downtime', () => {
    expect(duePeriod(weekly, new Date('2027-01-11T08:59:59Z'), created)).toBeUndefined();
    expect(duePeriod(weekly, new Date('2027-01-11T09:00:00Z'), created)?.toISOString()).toBe('2027-01-11T09:00:00.000Z');
    // Three Mondays missed: the last one only.
    expect(duePeriod(weekly, new Date('2027-01-27T15:00:00Z'), created)?.toISOString()).toBe('2027-01-25T09:00:00.000Z');
  });

  it('never comes from before the subscription was made or resumed', () => {
    expect(duePeriod(weekly, new Date('2027-01-08T12:00:00Z'), created)).toBeUndefined();
    expect(duePeriod(weekly, new Date('2027-01-11T09:30:00Z'), new Date('2027-01-11T09:10:00Z'))).toBeUndefined();
  });
});

describe('time zones', () => {
  it('takes IANA names in any case and refuses offsets, abbreviations and unknown names', () => {
    expect(['europe/london', 'America/New_York', 'utc', 'asia/kolkata'].map(timeZoneNamed)).toEqual([
      'Europe/London',
      'America/New_York',
      'UTC',
      'Asia/Kolkata',
    ]);
    expect(['+01:00', 'GMT+1', 'EST', 'BST', 'Mars/Olympus_Mons', 'Europe/Londres', ''].map(timeZoneNamed)).toEqual(
      Array(7).fill(undefined),
    );
  });
});

describe('the words of digest subscribe', () => {
  it('splits the scope, the schedule and the time zone', () => {
    expect(splitSubscribeWords(['north', 'east', 'and', 'yorkshire', 'weekly'])).toEqual({
      scope: 'north east and yorkshire',
      schedule: 'weekly',
      timeZone: undefined,
    });
    expect(splitSubscribeWords(['RJ1', 'Monthly', 'Europe/London'])).toEqual({
      scope: 'RJ1',
      schedule: 'monthly',
      timeZone: 'Europe/London',
    });
    expect(splitSubscribeWords(['7A1', '0', '9', '*', '*', '1-5', 'UTC'])).toEqual({
      scope: '7A1',
      schedule: '0 9 * * 1-5',
      timeZone: 'UTC',
    });
    expect(splitSubscribeWords(['national', '*/10', '*', '*', '*', '*'])).toEqual({
      scope: 'national',
      schedule: '*/10 * * * *',
      timeZone: undefined,
    });
    expect(splitSubscribeWords(['london'])).toEqual({ missing: 'schedule', scope: 'london' });
    expect(splitSubscribeWords([])).toEqual({ missing: 'scope', scope: '' });
  });
});
