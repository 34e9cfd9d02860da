// Events as people use them in Slack, over the harness's Slack transport: the event form submitted as a modal
// (commands and clicks go through test/support/chat.ts).
import { expectValidCalendar } from './calendar-checks.js';
import { expect } from 'vitest';
import { DateTime } from 'luxon';
import { slackInput, type SlackIdentity } from '../../src/dev/slack-requests.js';
import { slackSubmit } from './chat.js';
import type { TestBot } from './test-bot.js';
import { LOCAL_SECRET } from '../../src/config.js';
import { calendarToken } from '../../src/core/links/calendar-links.js';

type Values = Record<string, Record<string, unknown>>;

export const datePicked = (value: string) => ({ type: 'datepicker', selected_date: value });
export const timePicked = (value: string) => ({ type: 'timepicker', selected_time: value });

/** A date some weeks ahead (YYYY-MM-DD, UK), on a weekday away from the clock changes. */
export function futureDate(weeks = 6): string {
  const day = DateTime.now().setZone('Europe/London').plus({ weeks });
  const month = day.month;
  // Late March and late October hold the clock changes: move to the middle of the month after.
  return (month === 3 || month === 10 ? day.plus({ months: 1 }).set({ day: 15 }) : day).toFormat('yyyy-MM-dd');
}

/** The last Sunday of a month next year: the UK's clock change in March and October. */
export function clockChangeDay(month: 3 | 10): string {
  const last = DateTime.fromObject({ year: DateTime.now().year + 1, month, day: 31 }, { zone: 'Europe/London' });
  return last.minus({ days: last.weekday % 7 }).toFormat('yyyy-MM-dd');
}

export function eventValues(hostId: string, overrides: Values = {}): Values {
  return {
    type: slackInput.select('masterclass'),
    title: slackInput.text('Flexible retirement: keeping experience'),
    description: slackInput.text('How three trusts kept staff on through flexible retirement.\nBring questions.'),
    region: slackInput.select('Y56'),
    date: datePicked(futureDate()),
    start: timePicked('10:00'),
    end: timePicked('11:30'),
    onlineUrl: slackInput.text('https://teams.example.nhs.uk/meet/123'),
    venue: { type: 'plain_text_input', value: null },
    capacity: { type: 'plain_text_input', value: null },
    host: slackInput.search(hostId),
    recurrence: slackInput.select('none'),
    meetings: { type: 'plain_text_input', value: null },
    waitlist: slackInput.select('automatic'),
    offerHours: { type: 'plain_text_input', value: null },
    ...overrides,
  };
}

/** Submits the event modal; returns Slack's answer: '' when it closed, else the errors beside fields. */
export async function submitEventForm(
  harness: TestBot,
  who: SlackIdentity,
  values: Values,
  state = '',
): Promise<Record<string, string> | undefined> {
  return slackSubmit(harness, who, 'event.form', values, state);
}

/** The bot's public address in these tests (PUBLIC_URL): its calendar files and downloads are linked there. */
export const PUBLIC_URL = 'https://cop.example.nhs.uk';

/** The token of an event's calendar link, as the test bot (keyed with the local COP_SECRET) derives it. */
export function calendarTokenOf(event: { readonly id: string }): string {
  return calendarToken(LOCAL_SECRET, event.id);
}

/** Follows a link the bot gave to one of its own files, at the test bot standing in for its public address. */
export function fetchBotLink(harness: TestBot, url: string): Promise<Response> {
  expect(url.startsWith(`${PUBLIC_URL}/`), url).toBe(true);
  return fetch(`${harness.url}${url.slice(PUBLIC_URL.length)}`);
}

/** Downloads a calendar link and checks it is an iCalendar file with one event or series; returns its text. */
export async function calendarAt(harness: TestBot, url: string): Promise<string> {
  const response = await fetchBotLink(harness, url);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toContain('text/calendar');
  const ics = await response.text();
  expect(ics).toMatch(/^BEGIN:VCALENDAR\r\n/);
  expect(ics).toMatch(/\r\nEND:VCALENDAR(\r\n)?$/);
  expect(ics).toContain('BEGIN:VEVENT');
  expect(ics).toMatch(/^UID:(event|series)-[0-9a-f-]{36}@cop-bot\r?$/m);
  expectValidCalendar(ics);
  return ics;
}
