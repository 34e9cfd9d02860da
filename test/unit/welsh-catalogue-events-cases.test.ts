import { describe, expect, it } from 'vitest';
import { ORGANISATION_TYPES, organisationTypeLabel } from '../../src/core/cases/case-form.js';
import { casesCy } from '../../src/core/cases/messages.cy.js';
import { casesEn } from '../../src/core/cases/messages.en.js';
import { eventsCy } from '../../src/core/events/messages.cy.js';
import { eventsEn } from '../../src/core/events/messages.en.js';
import type { MessageKey } from '../../src/core/i18n/en.js';
import { translator } from '../../src/core/i18n/translator.js';
import { ukDate, ukRange, ukTimes } from '../../src/core/events/london-time.js';

// Parameters for every message of the two features, as in test/unit/translator.test.ts.
const sampleParams: Record<string, string | number> = {
  number: 12,
  title: 'Legacy mentoring',
  max: 500,
  min: 2,
  period: 'April 2023 to March 2024',
  reason: 'Please add the period.',
  status: 'Published.',
  themes: 'menopause, pensions',
  types: 'Acute, Community',
  count: 8,
  total: 42,
  ranked: 100,
  from: 1,
  to: 20,
  name: 'Sam',
  region: 'London',
  typed: 'lundon',
  minutes: 15,
  answer: 'Going',
  date: '2027-03-28',
  first: 12,
  last: 17,
  people: 30,
  going: 40,
  maybe: 5,
  notGoing: 3,
  waitlisted: 7,
  places: '10 of 50 places left',
  left: 10,
  capacity: 50,
  position: 3,
  shown: 100,
  site: 'nhsemployers.org',
  when: 'Tue 5 Jan 2027, 10:00 to 11:00',
  until: 'Mon 4 Jan 2027 22:00',
  where: 'Leeds',
  before: '24 hours',
  rating: 4,
  average: '4.2',
  spread: '1: 0, 2: 0, 3: 1, 4: 2, 5: 2',
  hours: 1.5,
  ordinal: 'first',
  weekday: 'Tuesday',
};

/** Welsh the same as the English on purpose: layouts of values only, and names kept in English. */
const SAME_AS_ENGLISH = new Set<string>([
  'cases.cardTitle', // "#12 Legacy mentoring"
  'events.attendeesGroup', // "Going: 8"
  'cases.fact.promise', // "People Promise", NHS England's name for it
  'cases.field.tags.placeholder', // example themes, matched against the library's English themes
]);

type Entry = string | ((params: Record<string, string | number>) => string);

/** The message with the sample parameters, and the names of the parameters it read. */
function render(entry: Entry, params: Record<string, string | number> = sampleParams): { text: string; read: Set<string> } {
  const read = new Set<string>();
  if (typeof entry === 'string') return { text: entry, read };
  const watched = new Proxy(params, {
    get(target, name) {
      if (typeof name === 'string') read.add(name);
      return Reflect.get(target, name) as unknown;
    },
  });
  return { text: entry(watched), read };
}

const features = [
  { name: 'events', en: eventsEn as unknown as Record<string, Entry>, cy: eventsCy as unknown as Record<string, Entry> },
  { name: 'cases', en: casesEn as unknown as Record<string, Entry>, cy: casesCy as unknown as Record<string, Entry> },
];

describe.each(features)('Welsh catalogue: $name', ({ en, cy }) => {
  const keys = Object.keys(cy);

  it('has exactly the keys of the English', () => {
    expect([...keys].sort()).toEqual(Object.keys(en).sort());
  });

  it.each(keys)('%s reads well with sample parameters', (key) => {
    const welsh = render(cy[key] as Entry);
    const english = render(en[key] as Entry);
    expect(welsh.text.trim()).not.toBe('');
    expect(welsh.text).not.toContain('undefined');
    expect(welsh.text).not.toContain('NaN');
    expect(welsh.text).not.toContain('[object');
    // The same parameters as the English, each shown.
    expect([...welsh.read].sort()).toEqual([...english.read].sort());
    for (const name of welsh.read) {
      const value = sampleParams[name];
      if (value !== undefined) expect(welsh.text).toContain(String(value));
    }
    if (SAME_AS_ENGLISH.has(key)) expect(welsh.text).toBe(english.text);
    else expect(welsh.text).not.toBe(english.text);
  });

  it('leaves no common English word in a Welsh sentence', () => {
    const englishValues = Object.values(sampleParams)
      .filter((value): value is string => typeof value === 'string')
      .sort((a, b) => b.length - a.length);
    const english = /\b(the|and|you|your|please|is|are|of|with|for|to|nothing|people)\b/i; // not "event(s)", "case(s)": command words
    const slips = keys
      .filter((key) => !SAME_AS_ENGLISH.has(key))
      .map((key) => ({ key, text: render(cy[key] as Entry).text }))
      // Sample values are English; take them out (longest first) before looking.
      .map(({ key, text }) => ({
        key,
        text: englishValues.reduce((rest, value) => rest.split(value).join(' '), text),
      }))
      .filter(({ text }) => english.test(text.replace(/flexible working|self-rostering app|CoP Bot|People Promise/g, ' ')));
    expect(slips).toEqual([]);
  });
});

describe('Welsh events and case-study messages through the translator', () => {
  const t = translator('cy-GB');
  const call = t as unknown as (key: MessageKey, params?: Record<string, unknown>) => string;

  it('serves every key of the two features in Welsh', () => {
    for (const [key, entry] of [...Object.entries(eventsCy), ...Object.entries(casesCy)] as [MessageKey, Entry][]) {
      expect(call(key, sampleParams)).toBe(render(entry).text);
    }
  });

  it('counts with the Welsh plural forms, mutating after the numeral', () => {
    expect(t('events.cancelConfirm', { title: 'Gweminar: Pensiynau', people: 1 })).toContain('i’r 1 person sy’n mynd');
    expect(t('events.cancelConfirm', { title: 'Gweminar: Pensiynau', people: 2 })).toContain('i’r 2 berson sy’n mynd');
    expect(t('events.cancelConfirm', { title: 'Gweminar: Pensiynau', people: 3 })).toContain('i’r 3 pherson sy’n mynd');
    expect(t('events.createdSeries', { title: 'Cyfarfod', count: 6, first: 1, last: 6 })).toContain('6 chyfarfod');
    expect(t('events.recordTotal', { count: 2, hours: 1.5 })).toBe('2 ddigwyddiad, 1.5 awr i gyd.');
    expect(t('events.minutes', { count: 2 })).toBe('2 funud');
    expect(t('events.hours', { count: 24 })).toBe('24 awr');
    expect(t('cases.pendingCount', { count: 1 })).toBe('1 astudiaeth achos yn aros am adolygiad');
    expect(t('cases.error.links', { max: 3 })).toMatch(/^Rhowch 3 chyfeiriad gwe ar y mwyaf/);
    expect(t('cases.resultsSummary', { total: 150, capped: 100, typed: 'pensiynau' })).toBe(
      'Mwy na 100 o astudiaethau achos ar gyfer pensiynau',
    );
  });

  it('places Welsh ordinals before or after the day as Welsh does', () => {
    const monthly = (ordinal: 1 | 2 | 3 | 4 | 'last') =>
      t('events.recurrence.monthlyOn', { ordinal: t(`events.ordinal.${ordinal}`), weekday: t('events.weekday.2') });
    expect(monthly(1)).toBe('Bob mis, ar y dydd Mawrth cyntaf o’r mis');
    expect(monthly(2)).toBe('Bob mis, ar yr ail ddydd Mawrth o’r mis');
    expect(monthly(3)).toBe('Bob mis, ar y trydydd dydd Mawrth o’r mis');
    expect(monthly(4)).toBe('Bob mis, ar y pedwerydd dydd Mawrth o’r mis');
    expect(monthly('last')).toBe('Bob mis, ar y dydd Mawrth olaf o’r mis');
  });
});

describe('organisation types in the case-study form and view', () => {
  it('are named in the reader’s language, stored values unchanged', () => {
    expect(organisationTypeLabel(translator('cy-GB'), 'Local health board (Wales)')).toBe('Bwrdd iechyd lleol (Cymru)');
    expect(organisationTypeLabel(translator('en-GB'), 'Local health board (Wales)')).toBe('Local health board (Wales)');
    for (const type of ORGANISATION_TYPES) {
      expect(organisationTypeLabel(translator('en-GB'), type)).toBe(type);
      expect(organisationTypeLabel(translator('cy-GB'), type)).not.toBe(type);
    }
  });

  it('leaves a type the form does not offer (from an import) as stored', () => {
    expect(organisationTypeLabel(translator('cy-GB'), 'Mental Health')).toBe('Mental Health');
    expect(organisationTypeLabel(translator('cy-GB'), 'constructor')).toBe('constructor');
  });
});

describe('event dates and times in Welsh', () => {
  const start = new Date('2027-01-05T10:00:00Z');
  const end = new Date('2027-01-05T11:30:00Z');
  const summer = new Date('2027-07-05T09:00:00Z'); // 10:00 BST

  it('names days and months in Welsh, with "i" between the times', () => {
    expect(ukRange(start, end, 'cy')).toBe('Maw 5 Ion 2027, 10:00 i 11:30');
    expect(ukRange(summer, new Date('2027-07-06T09:00:00Z'), 'cy')).toBe('Llun 5 Gor 2027, 10:00 i Maw 6 Gor 2027, 10:00');
    expect(ukDate(summer, 'cy')).toBe('Dydd Llun 5 Gorffennaf 2027');
    expect(ukTimes(start, end, 'cy')).toBe('10:00 i 11:30');
  });

  it('keeps English as it was', () => {
    expect(ukRange(start, end)).toBe('Tue 5 Jan 2027, 10:00 to 11:30');
    expect(ukRange(start, end, 'en')).toBe('Tue 5 Jan 2027, 10:00 to 11:30');
    expect(ukDate(summer)).toBe('Monday 5 July 2027');
    expect(ukTimes(start, end)).toBe('10:00 to 11:30');
  });
});
