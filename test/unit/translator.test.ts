import { describe, expect, it } from 'vitest';
import { en, type MessageKey } from '../../src/core/i18n/en.js';
import { DEFAULT_LOCALE, languageOf, translator } from '../../src/core/i18n/translator.js';
import { requestContext } from '../../src/core/request-context.js';

const keys = Object.keys(en) as MessageKey[];
const sampleParams = {
  size: '60 MB',
  sections: 'Roles, Digests you asked for',
  limit: '50 MB',
  cohort: 2,
  counts: 'London 2, North West 1',
  days: 30,
  change: 'up 0.4 points',
  marked: 3,
  unmarked: 1,
  changed: 2,
  number: 12,
  title: 'Legacy mentoring',
  max: 500,
  period: 'April 2023 to March 2024',
  reason: 'Please add the period.',
  status: 'Published.',
  themes: 'menopause, pensions',
  types: 'Acute, Community',
  command: 'regions',
  count: 8,
  word: 'regins',
  extra: 'now',
  name: 'Sam',
  region: 'London',
  typed: 'lundon',
  role: 'a national admin',
  previous: 'North West',
  total: 42,
  ranked: 100,
  from: 1,
  to: 20,
  code: 'K7QM2XPA',
  minutes: 15,
  source: 'Added by a member',
  added: '2026-11-22',
  filename: 'members.csv',
  // events
  min: 2,
  answer: 'Going',
  date: '2027-03-28',
  first: 12,
  last: 17,
  people: 30,
  going: 40,
  maybe: 5,
  notGoing: 3,
  waitlisted: 2,
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
  // metrics and digests
  rows: 24,
  layout: 'nhs-turnover',
  months: 'April 2024 to March 2025',
  line: 3,
  scope: 'London',
  group: 'Midwives',
  groups: 'Midwives, Nurses & health visitors',
  withFigures: 'Midwives',
  example: 'digest preview london staff:midwives',
  month: 'March 2025',
  rate: '8.1%',
  due: '1 March 2025',
  lastMonth: 'down 0.1 points',
  lastYear: 'down 0.9 points',
  points: '0.4',
  values: 'Apr 2024 8.9%',
  sources: 'Synthetic demo data',
  imported: '2 December 2026',
  of: 8,
  type: 'Acute',
  list: 'Trust A (September 2024)',
  columns: 'leavers_hc 3, joiners_hc 1',
  label: 'Nurse & HV',
  suggestion: 'Nurses & health visitors',
  share: 10,
  organisation: 'Trust A (RJ1)',
  staffGroup: 'All staff groups',
  flow: 'leavers',
  headcount: '1,180',
  // digest subscriptions
  detail: 'Constraint error, got value 61 expected range 0-59',
  zone: 'Europe/London',
  expression: '0 9 * * 1-5',
  next: 'Monday 7 December 2026, 09:00 GMT',
  since: 'Friday 4 December 2026, 10:00 GMT',
  numbers: '3, 4',
  error: 'channel_not_found',
  // wording: a monthly series
  ordinal: 'first',
  weekday: 'Tuesday',
  // language choice
  language: 'Cymraeg (Welsh)',
};

/** Every message of a translator, functions called with sample parameters. */
function allMessages(locale: string | undefined): string[] {
  // Loosened so every key can be called alike; sentences without parameters ignore them.
  const t = translator(locale) as unknown as (key: MessageKey, params: typeof sampleParams) => string;
  return keys.map((key) => t(key, sampleParams));
}

describe('translator', () => {
  it('looks English messages up by key', () => {
    const t = translator('en-GB');
    expect(t('bot.name')).toBe('CoP Bot');
    expect(t('help.usage')).toBe('Usage');
    expect(t('regions.england')).toBe('NHS England');
  });

  it('gives function messages their parameters', () => {
    const t = translator('en-GB');
    expect(t('regions.summary', { count: 8 })).toBe('8 regions and their community channels');
    expect(t('help.commandTitle', { command: 'regions' })).toBe('Help: regions');
    expect(t('error.unknownCommand', { word: 'regins' })).toBe('I don\'t know the command "regins".');
    expect(t('error.badArguments', { command: 'help' })).toBe('That is not quite how "help" works.');
    expect(t('error.tooManyWords', { extra: 'now' })).toBe('I didn\'t expect "now" there.');
  });

  it('checks at compile time that function messages get their parameters', () => {
    const t = translator('en-GB');
    const compileTimeOnly = (): void => {
      // @ts-expect-error regions.summary needs { count }
      t('regions.summary');
      // @ts-expect-error bot.name takes no parameters
      t('bot.name', { count: 1 });
      // @ts-expect-error not a message key
      t('no.such.key');
    };
    expect(compileTimeOnly).toBeTypeOf('function');
  });

  it('falls back to English for unknown or missing locales', () => {
    expect(allMessages(undefined)).toEqual(allMessages('en-GB'));
    expect(allMessages('fr-FR')).toEqual(allMessages('en-GB'));
    expect(allMessages('')).toEqual(allMessages('en-GB'));
  });

  it('has a non-empty sentence for every key', () => {
    for (const text of allMessages('en-GB')) {
      expect(typeof text).toBe('string');
      expect(text.trim()).not.toBe('');
      expect(text).not.toContain('undefined');
    }
  });
});

describe('languageOf', () => {
  it('defaults to English when no locale is known', () => {
    expect(DEFAULT_LOCALE).toBe('en-GB');
    expect(languageOf(undefined)).toBe('en');
  });

  it('ignores case and region, with either separator', () => {
    expect(languageOf('EN')).toBe('en');
    expect(languageOf('en_US')).toBe('en');
    expect(languageOf('en-gb')).toBe('en');
  });

  it('gives Welsh for Welsh locales', () => {
    expect(languageOf('cy-GB')).toBe('cy');
    expect(languageOf('cy')).toBe('cy');
  });

  it('gives English for languages without a catalogue', () => {
    expect(languageOf('de')).toBe('en');
    expect(languageOf('')).toBe('en');
  });

  // Fails at the time of writing: languageOf tests `language in catalogues`, and catalogues is a plain
  // object, so names inherited from Object.prototype count as catalogues. Locales come from the platforms
  // (a Teams activity's locale is whatever the client sent); translator() still falls back to English.
  it('gives English for locales named like Object.prototype properties', () => {
    expect(languageOf('constructor')).toBe('en');
    expect(languageOf('__proto__')).toBe('en');
  });
});

describe('requestContext', () => {
  const actor = { platform: 'teams', workspaceId: 'tenant', userId: 'user' } as const;
  const conversation = { platform: 'teams', workspaceId: 'tenant', externalId: '19:x', kind: 'personal' } as const;

  it('uses en-GB when the platform gives no locale', () => {
    const context = requestContext(actor, conversation, undefined);
    expect(context.locale).toBe('en-GB');
    expect(context.t('help.usage')).toBe('Usage');
  });

  it('keeps the platform locale and translates for it', () => {
    const context = requestContext(actor, conversation, 'cy-GB');
    expect(context.locale).toBe('cy-GB');
    expect(context.actor).toBe(actor);
    expect(context.conversation).toBe(conversation);
    expect(context.t('regions.summary', { count: 2 })).toBe('2 ranbarth a’u sianeli cymunedol');
  });
});
