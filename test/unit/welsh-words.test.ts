// Welsh command words (Command.cy), Welsh region names, mutated forms in "Did you mean", commands shown in
// Welsh to Welsh readers, and Welsh dates and numbers from Node's ICU.
import { describe, expect, it } from 'vitest';
import { COMMANDS, GRAMMAR } from '../../src/core/bot-core.js';
import { nameIn, wordsIn } from '../../src/core/commands/command.js';
import { commandWordsIn, localiseCommands } from '../../src/core/commands/localise.js';
import { ukClock, ukDate, ukRange } from '../../src/core/events/london-time.js';
import { findTopic } from '../../src/core/help/help-topics.js';
import { longDate, wholeNumber } from '../../src/core/i18n/format.js';
import { mutatedForms } from '../../src/core/i18n/mutations.js';
import { monthName } from '../../src/core/metrics/period.js';
import { organisationName } from '../../src/core/organisations/organisation-name.js';
import { planQuestion } from '../../src/core/questions/answer.js';
import { findRegion, nearestRegion, regionName } from '../../src/core/regions/region-names.js';
import { message } from '../../src/core/reply/reply.js';

const command = (words: string) => {
  const found = COMMANDS.find((one) => one.words === words);
  if (!found) throw new Error(`no command ${words}`);
  return found;
};
const parsedAs = (text: string) => {
  const parsed = GRAMMAR.parse(text);
  return parsed.kind === 'ok' || parsed.kind === 'invalid' ? parsed.command.words : parsed.kind;
};

describe('Welsh command words', () => {
  it('name the same commands as the English, multi-word names included', () => {
    expect(parsedAs('cymorth')).toBe('help');
    expect(parsedAs('ymuno')).toBe('join');
    expect(parsedAs('proffil')).toBe('profile');
    expect(parsedAs('digwyddiadau')).toBe('events');
    expect(parsedAs('fy nigwyddiadau')).toBe('my events');
    expect(parsedAs('astudiaethau achos menopause')).toBe('cases');
    expect(parsedAs('achosion')).toBe('cases');
    expect(parsedAs('crynodeb llundain')).toBe('digest preview');
    expect(parsedAs('rhanbarthau')).toBe('regions');
    expect(parsedAs('gadael')).toBe('leave');
    expect(parsedAs('fy nata')).toBe('my data');
    expect(parsedAs('dileu fy nata')).toBe('erase my data');
    expect(parsedAs('digwyddiad newydd')).toBe('event new');
    expect(parsedAs('crynodeb digwyddiad 3')).toBe('event summary');
  });

  it('name help topics in Welsh', () => {
    expect(findTopic('digwyddiadau')?.id).toBe('events');
    expect(findTopic('astudiaethau achos')?.id).toBe('cases');
    expect(findTopic('crynodebau')?.id).toBe('digests');
    expect(findTopic('hwyluswyr')?.id).toBe('facilitators');
  });

  it('are matched in any case and without their accents', () => {
    expect(parsedAs('CYMORTH')).toBe('help');
    expect(parsedAs('Fy Nigwyddiadau')).toBe('my events');
    expect(GRAMMAR.parse('rhoi rol hwylusydd <@U1> london')).toMatchObject({ kind: 'ok', command: { words: 'admin grant' } });
    expect(GRAMMAR.parse('rhoi rôl hwylusydd <@U1> london')).toMatchObject({ kind: 'ok', args: { role: 'facilitator' } });
  });

  it('every command that has a help entry has Welsh words, and no word names two commands', () => {
    const names = new Map<string, string>();
    for (const one of COMMANDS) {
      expect(one.cy?.length ?? 0, `${one.words} has Welsh words`).toBeGreaterThan(0);
      for (const name of [one.words, ...(one.aliases ?? []), ...(one.cy ?? [])]) {
        const key = name.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
        expect(names.get(key) ?? one.words, `${name} names ${names.get(key)} and ${one.words}`).toBe(one.words);
        names.set(key, one.words);
      }
    }
  });

  it('suggest the Welsh word for a Welsh typo, and for a mutated form', () => {
    expect(GRAMMAR.suggest('digwydiadau')).toMatchObject({ command: { words: 'events' }, words: 'digwyddiadau' });
    expect(GRAMMAR.suggest('rhanbarthu')).toMatchObject({ command: { words: 'regions' }, words: 'rhanbarthau' });
    // Nasal and soft mutations: "nghymorth" is three letters from "cymorth" but a form of it.
    expect(mutatedForms('cymorth')).toEqual(['gymorth', 'nghymorth', 'chymorth']);
    expect(mutatedForms('digwyddiadau')).toEqual(['ddigwyddiadau', 'nigwyddiadau']);
    expect(GRAMMAR.suggest('nghymorth')).toMatchObject({ command: { words: 'help' }, words: 'cymorth' });
    expect(GRAMMAR.suggest('nigwyddiadau')).toMatchObject({ command: { words: 'events' }, words: 'digwyddiadau' });
    expect(GRAMMAR.suggest('ymino')).toMatchObject({ command: { words: 'join' }, words: 'ymuno' });
  });

  it('a typo is answered with "Did you mean" in the language it was typed in', () => {
    expect(planQuestion('digwydiadau llundain', GRAMMAR)).toMatchObject({ kind: 'typo', words: 'digwyddiadau llundain' });
    expect(planQuestion('nghymorth', GRAMMAR)).toMatchObject({ kind: 'typo', words: 'cymorth' });
    expect(planQuestion('evnts', GRAMMAR)).toMatchObject({ kind: 'typo', words: 'events' });
  });

  it('are what a Welsh reader is shown: usage, examples and hints, with the English name alongside in titles', () => {
    expect(wordsIn(command('events'), 'events [region | all]', 'cy')).toBe('digwyddiadau [region | all]');
    expect(wordsIn(command('events'), 'events [region | all]', 'en')).toBe('events [region | all]');
    expect(nameIn(command('my events'), 'cy')).toBe('fy nigwyddiadau (my events)');
    expect(commandWordsIn('event new', GRAMMAR, 'cy')).toBe('digwyddiad newydd');
    expect(commandWordsIn('event <number>', GRAMMAR, 'cy')).toBe('digwyddiad <number>');
    expect(commandWordsIn('cases theme:flexible-working', GRAMMAR, 'cy')).toBe('astudiaethau achos theme:flexible-working');
    expect(commandWordsIn('not a command', GRAMMAR, 'cy')).toBe('not a command');
    const reply = message('x', [{ kind: 'note', text: ['Type ', { kind: 'command', words: 'help' }] }]);
    expect(localiseCommands(reply, GRAMMAR, 'cy').blocks).toEqual([
      { kind: 'note', text: ['Type ', { kind: 'command', words: 'cymorth' }] },
    ]);
    expect(localiseCommands(reply, GRAMMAR, 'en')).toBe(reply);
  });
});

describe('Welsh region and organisation names', () => {
  const regions = [
    { value: 'Y56', label: 'London' },
    { value: 'Y58', label: 'South West' },
    { value: 'Y59', label: 'South East' },
    { value: 'Y60', label: 'Midlands' },
    { value: 'Y61', label: 'East of England' },
    { value: 'Y62', label: 'North West' },
    { value: 'Y63', label: 'North East and Yorkshire' },
    { value: 'WALES', label: 'NHS Wales' },
  ];
  const code = (typed: string) => findRegion(typed, regions)?.value;

  it('are understood wherever a region is typed', () => {
    expect(code('Cymru')).toBe('WALES');
    expect(code('GIG Cymru')).toBe('WALES');
    expect(code('llundain')).toBe('Y56');
    expect(code('De-orllewin Lloegr')).toBe('Y58');
    expect(code('De-ddwyrain Lloegr')).toBe('Y59');
    expect(code('Canolbarth Lloegr')).toBe('Y60');
    expect(code('Dwyrain Lloegr')).toBe('Y61');
    expect(code('Gogledd-orllewin Lloegr')).toBe('Y62');
    expect(code('Gogledd-ddwyrain Lloegr a Swydd Efrog')).toBe('Y63');
    expect(nearestRegion('Llundian', regions)?.value).toBe('Y56');
  });

  it('are shown to Welsh readers', () => {
    expect(regionName({ code: 'WALES', name: 'NHS Wales' }, 'cy')).toBe('GIG Cymru');
    expect(regionName({ code: 'Y56', name: 'London' }, 'cy')).toBe('Llundain');
    expect(regionName({ code: 'Y56', name: 'London' }, 'en')).toBe('London');
    const board = { name: 'Swansea Bay University Health Board', welshName: 'Bwrdd Iechyd Prifysgol Bae Abertawe' };
    expect(organisationName(board, 'cy')).toBe('Bwrdd Iechyd Prifysgol Bae Abertawe');
    expect(organisationName(board, 'en')).toBe('Swansea Bay University Health Board');
    expect(organisationName({ name: 'Barts Health NHS Trust', welshName: null }, 'cy')).toBe('Barts Health NHS Trust');
  });
});

describe('Welsh dates and numbers', () => {
  it("this Node has ICU's Welsh data (full ICU): month names in Welsh, and a Welsh locale resolved", () => {
    const january = new Date(Date.UTC(2027, 0, 15));
    const months = new Intl.DateTimeFormat('cy', { month: 'long', timeZone: 'UTC' });
    expect(months.format(january)).toBe('Ionawr');
    expect(months.resolvedOptions().locale.startsWith('cy')).toBe(true);
    expect(new Intl.DateTimeFormat('cy', { weekday: 'long', timeZone: 'UTC' }).format(january)).toBe('Dydd Gwener');
  });

  it('formats dates, ranges, months and numbers in Welsh for a Welsh reader', () => {
    const start = new Date('2027-01-05T15:00:00Z');
    const end = new Date('2027-01-05T16:30:00Z');
    expect(ukDate(start, 'cy')).toBe('Dydd Mawrth 5 Ionawr 2027');
    expect(ukDate(start)).toBe('Tuesday 5 January 2027');
    expect(ukRange(start, end, 'cy')).toBe('Maw 5 Ion 2027, 15:00 i 16:30');
    expect(ukRange(start, end)).toBe('Tue 5 Jan 2027, 15:00 to 16:30');
    expect(longDate(start, 'cy')).toBe('5 Ionawr 2027');
    expect(monthName('2027-07', 'cy')).toBe('Gorffennaf 2027');
    expect(monthName('2027-07')).toBe('July 2027');
    expect(wholeNumber(12345.4, 'cy')).toBe('12,345');
  });

  it("says an on-the-hour time in Welsh prose with o'r gloch; other times stay 24-hour", () => {
    expect(ukClock(new Date('2027-01-05T15:00:00Z'), 'cy')).toBe("3 o'r gloch y prynhawn");
    expect(ukClock(new Date('2027-07-05T09:00:00Z'), 'cy')).toBe("10 o'r gloch y bore");
    expect(ukClock(new Date('2027-01-05T12:00:00Z'), 'cy')).toBe('canol dydd');
    expect(ukClock(new Date('2027-01-05T15:30:00Z'), 'cy')).toBe('15:30');
    expect(ukClock(new Date('2027-01-05T15:00:00Z'), 'en')).toBe('15:00');
  });
});
