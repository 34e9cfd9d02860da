// The Welsh catalogues (Cymraeg): every sentence renders, is Welsh rather than a copy of the English, and
// keeps every value the English sentence shows (names, numbers, dates, codes). Wording itself needs a
// qualified Welsh translator (docs/welsh-glossary.md); this test guards what a machine can check.
import { describe, expect, it } from 'vitest';
import { channelsCy } from '../../src/core/channels/messages.cy.js';
import { channelsEn } from '../../src/core/channels/messages.en.js';
import { deliveryCy } from '../../src/core/delivery/messages.cy.js';
import { deliveryEn } from '../../src/core/delivery/messages.en.js';
import { digestCy } from '../../src/core/digests/messages.cy.js';
import { digestEn } from '../../src/core/digests/messages.en.js';
import { subscriptionsCy } from '../../src/core/digests/subscription-messages.cy.js';
import { subscriptionsEn } from '../../src/core/digests/subscription-messages.en.js';
import { directoryCy } from '../../src/core/directory/messages.cy.js';
import { directoryEn } from '../../src/core/directory/messages.en.js';
import { helpCy } from '../../src/core/help/messages.cy.js';
import { homeCy } from '../../src/core/home/messages.cy.js';
import { homeEn } from '../../src/core/home/messages.en.js';
import { helpEn } from '../../src/core/help/messages.en.js';
import { cy } from '../../src/core/i18n/cy.js';
import type { MessageKey } from '../../src/core/i18n/en.js';
import { coreCy } from '../../src/core/i18n/messages.cy.js';
import { coreEn } from '../../src/core/i18n/messages.en.js';
import { translator } from '../../src/core/i18n/translator.js';
import { linkingCy } from '../../src/core/linking/messages.cy.js';
import { linkingEn } from '../../src/core/linking/messages.en.js';
import { linksCy } from '../../src/core/links/messages.cy.js';
import { linksEn } from '../../src/core/links/messages.en.js';
import { membersCy } from '../../src/core/members/messages.cy.js';
import { membersEn } from '../../src/core/members/messages.en.js';
import { metricsCy } from '../../src/core/metrics/messages.cy.js';
import { metricsEn } from '../../src/core/metrics/messages.en.js';
import { organisationsCy } from '../../src/core/organisations/messages.cy.js';
import { organisationsEn } from '../../src/core/organisations/messages.en.js';
import { questionsCy } from '../../src/core/questions/messages.cy.js';
import { questionsEn } from '../../src/core/questions/messages.en.js';
import { rolesCy } from '../../src/core/roles/messages.cy.js';
import { rolesEn } from '../../src/core/roles/messages.en.js';

type Entry = string | ((params: unknown) => string);
type Catalogue = Readonly<Record<string, Entry>>;

const catalogues: ReadonlyArray<readonly [name: string, welsh: Catalogue, english: Catalogue]> = [
  ['core', coreCy, coreEn],
  ['members', membersCy, membersEn],
  ['linking', linkingCy, linkingEn],
  ['directory', directoryCy, directoryEn],
  ['roles', rolesCy, rolesEn],
  ['channels', channelsCy, channelsEn],
  ['organisations', organisationsCy, organisationsEn],
  ['metrics', metricsCy, metricsEn],
  ['digests', digestCy, digestEn],
  ['subscriptions', subscriptionsCy, subscriptionsEn],
  ['links', linksCy, linksEn],
  ['delivery', deliveryCy, deliveryEn],
  ['questions', questionsCy, questionsEn],
  ['help', helpCy, helpEn],
  ['home', homeCy, homeEn],
] as unknown as ReadonlyArray<readonly [string, Catalogue, Catalogue]>;

/** Sentences that are the same in both languages: a proper noun, or only parameters and punctuation. */
const sameInBothLanguages = new Set<string>([
  'bot.name',
  'organisations.pendingDetail',
  'digest.scopeWithGroup',
  'subscriptions.listTitle',
]);

/** Parameters whose value is a code the Welsh sentence words for itself (flow: "leavers" is "ymadawyr"). */
const wordedParameters = new Set<string>(['flow']);

// Distinct values, so that finding one in a sentence means the parameter was kept.
const sampleParams = {
  added: '2026-11-22',
  code: 'K7QM2XPA',
  cohort: 27,
  columns: 'leavers_hc 3, joiners_hc 1',
  command: 'digest pause 4',
  count: 37,
  counts: 'London 2, North West 1',
  sections: 'Events you host, Digests you asked for',
  change: 'down 0.4 points',
  changed: 29,
  date: '2027-03-28',
  days: 30,
  detail: 'Constraint error, got value 61 expected range 0-59',
  due: '1 March 2025',
  error: 'channel_not_found',
  example: 'digest preview london staff:midwives',
  expression: '0 9 * * 1-5',
  extra: 'nowish',
  filename: 'members.csv',
  first: 'April 2024',
  flow: 'leavers',
  from: 21,
  group: 'Midwives',
  groups: 'Midwives, Nurses & health visitors',
  headcount: '1,180',
  imported: '2 December 2026',
  label: 'Nurse & HV',
  last: 'March 2025',
  layout: 'nhs-turnover',
  limit: '50 MB',
  line: 312,
  list: 'Trust A (September 2024)',
  lastMonth: 'down 0.1 points',
  lastYear: 'down 0.9 points',
  marked: 33,
  max: 500,
  minutes: 15,
  month: 'February 2025',
  months: 'April 2024 to March 2025',
  name: 'Sam Jones',
  next: 'Monday 7 December 2026, 09:00 GMT',
  number: 412,
  numbers: '3, 4',
  of: 43,
  organisation: 'Trust A (RJ1)',
  people: 31,
  points: '0.47',
  position: 39,
  previous: 'North West',
  rate: '8.1%',
  reason: 'Please add the period.',
  region: 'London',
  role: 'gweinyddwr cenedlaethol',
  rows: 24,
  scope: 'Cheshire and Merseyside',
  share: 11,
  since: 'Friday 4 December 2026, 10:00 GMT',
  size: '60 MB',
  source: 'Added by a member',
  sources: 'Synthetic demo data',
  staffGroup: 'All staff groups',
  suggestion: 'Nurses & health visitors',
  title: 'Legacy mentoring',
  to: 40,
  total: 42,
  type: 'Acute',
  typed: 'lundon',
  unmarked: 34,
  values: 'Apr 2024 8.9%',
  when: 'every Monday at 09:00 (Europe/London)',
  withFigures: 'Midwives',
  word: 'regins',
  zone: 'Europe/London',
};

function render(entry: Entry, params: object = sampleParams): string {
  return typeof entry === 'function' ? entry(params) : entry;
}

/** The sample values the English sentence uses (changing one changes the sentence), which the Welsh must show too. */
function valuesUsedBy(english: Entry): string[] {
  const text = render(english);
  return Object.entries(sampleParams)
    .filter(([name, value]) => {
      if (wordedParameters.has(name)) return false;
      const changed = typeof value === 'number' ? value + 1000 : `${value}§`;
      return render(english, { ...sampleParams, [name]: changed }) !== text;
    })
    .map(([, value]) => String(value));
}

describe('Welsh catalogues', () => {
  for (const [name, welsh, english] of catalogues) {
    describe(name, () => {
      it('has exactly the keys of its English catalogue', () => {
        expect(Object.keys(welsh).sort()).toEqual(Object.keys(english).sort());
      });

      it('renders every sentence, non-empty and without "undefined"', () => {
        for (const [key, entry] of Object.entries(welsh)) {
          const text = render(entry);
          expect(typeof text, key).toBe('string');
          expect(text.trim(), key).not.toBe('');
          expect(text, key).not.toContain('undefined');
          expect(text, key).not.toContain('[object Object]');
        }
      });

      it('differs from the English, except proper nouns and sentences made only of parameters', () => {
        for (const [key, entry] of Object.entries(welsh)) {
          const same = render(entry) === render(english[key] as Entry);
          expect(same, key).toBe(sameInBothLanguages.has(key));
        }
      });

      it('keeps every parameter value the English sentence uses', () => {
        for (const [key, entry] of Object.entries(welsh)) {
          const text = render(entry);
          for (const value of valuesUsedBy(english[key] as Entry)) {
            expect(text, `${key} should contain ${value}`).toContain(value);
          }
        }
      });
    });
  }

  it('is what the translator gives for a Welsh locale', () => {
    const t = translator('cy-GB') as unknown as (key: MessageKey, params: typeof sampleParams) => string;
    for (const [, welsh] of catalogues) {
      for (const [key, entry] of Object.entries(welsh)) {
        expect(cy[key as MessageKey], key).toBe(entry);
        expect(t(key as MessageKey, sampleParams), key).toBe(render(entry));
      }
    }
    expect(translator('cy-GB').language).toBe('cy');
  });

  it('counts with the Welsh plural forms, mutating after 2 where the noun does', () => {
    const t = translator('cy');
    expect(t('regions.summary', { count: 1 })).toBe('1 rhanbarth a’u sianeli cymunedol');
    expect(t('regions.summary', { count: 2 })).toBe('2 ranbarth a’u sianeli cymunedol');
    expect(t('regions.summary', { count: 8 })).toBe('8 rhanbarth a’u sianeli cymunedol');
    expect(t('downloads.expires', { minutes: 2 })).toContain('am 2 funud,');
    expect(t('subscriptions.listSummaryLine', { count: 3 })).toBe('3 thanysgrifiad crynodeb yn y sianel hon');
    expect(t('subscriptions.listSummaryLine', { count: 6 })).toBe('6 thanysgrifiad crynodeb yn y sianel hon');
    expect(t('subscriptions.listSummaryLine', { count: 10 })).toBe('10 tanysgrifiad crynodeb yn y sianel hon');
    expect(t('metrics.import.unknownStaffGroup', { label: 'Nurse & HV', rows: 2, suggestion: 'Nurses' })).toContain('(2 res)');
  });

  it('words the metrics import flow in Welsh', () => {
    const t = translator('cy');
    const change = { organisation: 'Trust A', month: 'Mawrth 2025', staffGroup: 'Midwives', count: '12', share: 11, headcount: '100' };
    expect(t('metrics.import.change', { ...change, flow: 'leavers' })).toContain('nifer yr ymadawyr oedd 12');
    expect(t('metrics.import.change', { ...change, flow: 'joiners' })).toContain('nifer yr ymunwyr oedd 12');
  });

  it('keeps the names NHS Wales uses', () => {
    const t = translator('cy-GB');
    expect(t('regions.wales')).toBe('GIG Cymru');
    expect(t('regions.england')).toBe('GIG Lloegr');
    expect(t('bot.name')).toBe('CoP Bot');
  });
});
