import { describe, expect, it } from 'vitest';
import { en, type MessageKey } from '../../src/core/i18n/en.js';
import { plural, pluralForm } from '../../src/core/i18n/plural.js';
import { translator } from '../../src/core/i18n/translator.js';
import { startsWithType, typedTitle } from '../../src/core/events/event-title.js';
import { repeatsText } from '../../src/core/events/event-views.js';
import { ukInstant } from '../../src/core/events/london-time.js';
import { rescheduleWords } from '../../src/core/digests/subscription-commands.js';

const t = translator('en-GB');

describe('plural forms', () => {
  it('chooses the form by the language’s plural rules', () => {
    expect(plural(1, { one: 'member', other: 'members' })).toBe('1 member');
    expect(plural(0, { one: 'member', other: 'members' })).toBe('0 members');
    expect(plural(2, { one: 'member', other: 'members' })).toBe('2 members');
    expect(plural(1.5, { one: 'hour', other: 'hours' })).toBe('1.5 hours');
    // Welsh has more forms than English: two takes its own.
    expect(pluralForm(2, { one: 'un', two: 'dau', other: 'llawer' }, 'cy')).toBe('dau');
    expect(pluralForm(2, { one: 'un', other: 'llawer' }, 'cy')).toBe('llawer');
  });

  it('counts one of a thing in the singular in every message with a count', () => {
    expect(t('directory.summary', { region: 'London', total: 1 })).toBe('1 member in London');
    expect(t('directory.summary', { region: 'London', total: 3 })).toBe('3 members in London');
    expect(t('directory.exportSummaryLine', { region: 'London', count: 1 })).toMatch(/^1 member of London\./);
    expect(t('events.recordTotal', { count: 1, hours: 1 })).toBe('1 event, 1 hour in all.');
    expect(t('events.recordTotal', { count: 2, hours: 3.5 })).toBe('2 events, 3.5 hours in all.');
    expect(t('events.cancelConfirm', { title: 'Webinar: Pensions', people: 1 })).toContain('The 1 person going');
    expect(t('regions.summary', { count: 1 })).toBe('1 region and their community channels');
    expect(t('cases.themesSummary', { count: 1 })).toBe('Case studies in 1 theme');
    expect(t('cases.pendingCount', { count: 1 })).toBe('1 case study waiting for review');
    expect(t('organisations.pendingCount', { count: 1 })).toBe('1 organisation waiting for confirmation');
    expect(t('digest.newCases.headingDays', { days: 1 })).toBe('New case studies in the last 1 day');
    expect(t('subscriptions.listSummaryLine', { count: 1 })).toBe('1 digest subscription in this channel');
  });

  it('leaves no message saying "1 <plural>"', () => {
    const call = t as unknown as (key: MessageKey, params: Record<string, unknown>) => string;
    const ones = new Proxy({}, { get: (_target, name) => (name === 'capped' ? undefined : typeof name === 'string' ? 1 : undefined) });
    const pluralNouns =
      /(?<!than )\b1 (members|events|regions|themes|organisations|case studies|hours|minutes|days|people|rows|subscriptions)\b/;
    const slips: string[] = [];
    for (const key of Object.keys(en) as MessageKey[]) {
      const entry = en[key] as unknown;
      if (typeof entry !== 'function') continue;
      let text: string;
      try {
        text = call(key, ones);
      } catch {
        continue; // a message whose parameters are not all numbers
      }
      if (pluralNouns.test(text)) slips.push(`${key}: ${text}`);
    }
    expect(slips).toEqual([]);
  });
});

describe('event titles and their type', () => {
  it('puts the type in front of a title that does not start with it', () => {
    expect(typedTitle(t, { type: 'masterclass', title: 'Legacy mentoring' })).toBe('Masterclass: Legacy mentoring');
    expect(typedTitle(t, { type: 'community_meeting', title: 'North West catch-up' })).toBe('Community meeting: North West catch-up');
  });

  it('does not repeat the type when the title already starts with it', () => {
    expect(typedTitle(t, { type: 'masterclass', title: 'Masterclass: Legacy mentoring' })).toBe('Masterclass: Legacy mentoring');
    expect(typedTitle(t, { type: 'masterclass', title: 'masterclass on flexible retirement' })).toBe('masterclass on flexible retirement');
    expect(typedTitle(t, { type: 'webinar', title: '  Webinar - pensions' })).toBe('  Webinar - pensions');
    expect(typedTitle(t, { type: 'community_meeting', title: 'Community meeting' })).toBe('Community meeting');
  });

  it('prefixes a title that only begins with the same letters', () => {
    expect(startsWithType('Masterclasses of 2027', 'Masterclass')).toBe(false);
    expect(startsWithType('Webinars', 'Webinar')).toBe(false);
    expect(typedTitle(t, { type: 'launch_event', title: 'Launch of the cohort' })).toBe('Launch event: Launch of the cohort');
  });
});

describe('how a series repeats', () => {
  const at = (date: string) => {
    const instant = ukInstant(date, '10:00');
    if (!instant.ok) throw new Error(date);
    return { startsAt: instant.instant };
  };
  it('names the weekday of the month of a monthly series', () => {
    expect(repeatsText(t, at('2027-01-05'), 'monthly')).toBe('Monthly, on the first Tuesday of the month');
    expect(repeatsText(t, at('2027-01-21'), 'monthly')).toBe('Monthly, on the third Thursday of the month');
    expect(repeatsText(t, at('2027-01-29'), 'monthly')).toBe('Monthly, on the last Friday of the month');
    expect(repeatsText(t, at('2027-01-05'), 'weekly')).toBe('Weekly');
  });
});

describe('form labels', () => {
  it('never say "(optional)" themselves: the platforms mark optional fields', () => {
    const labels = Object.entries(en).filter(([, entry]) => typeof entry === 'string' && entry.includes('(optional)'));
    expect(labels).toEqual([]);
  });
});

describe('digest schedule words', () => {
  it('tells a subscription number from the first field of a cron expression', () => {
    expect(rescheduleWords(['2', 'monthly'])).toEqual({ number: 2, words: ['monthly'] });
    expect(rescheduleWords(['#2', 'weekly', 'Europe/Dublin'])).toEqual({ number: 2, words: ['weekly', 'Europe/Dublin'] });
    expect(rescheduleWords(['weekly'])).toEqual({ number: undefined, words: ['weekly'] });
    expect(rescheduleWords('0 8 * * 1-5'.split(' '))).toEqual({ number: undefined, words: '0 8 * * 1-5'.split(' ') });
    expect(rescheduleWords('0 8 * * 1-5 UTC'.split(' '))).toEqual({ number: undefined, words: '0 8 * * 1-5 UTC'.split(' ') });
    expect(rescheduleWords('3 0 8 * * 1-5 Europe/London'.split(' '))).toEqual({ number: 3, words: '0 8 * * 1-5 Europe/London'.split(' ') });
    expect(rescheduleWords(['3', 'fortnightly'])).toEqual({ number: 3, words: ['fortnightly'] });
  });
});
