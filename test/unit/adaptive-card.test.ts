import type * as AdaptiveCardsLibrary from 'adaptivecards';
import { describe, expect, it } from 'vitest';
import type { Block, Field, Form, Message } from '../../src/core/reply/reply.js';
import { message } from '../../src/core/reply/reply.js';
import { adaptiveCardToText } from '../../src/dev/readable-text.js';
import {
  CARD_VERSION,
  ENVELOPE_RESERVE,
  FORM_SUBMIT_VERB,
  SEARCH_RESULT_LIMIT,
  datasetOf,
  parseDataset,
  renderFormActivity,
  renderFormCard,
  renderMessageActivity,
  renderMessageCard,
  type AdaptiveCard,
  type CardElement,
  type MessageActivity,
} from '../../src/teams/adaptive-card.js';
import { TEAMS_CARD_LIMITS } from '../../src/teams/card-limits.js';
import { AC, elementsOf, officialParse, teamsEvents } from '../support/teams-cards.js';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Every place in a card where a string contains `needle`, with the type of the object holding it and the key. */
function occurrences(value: unknown, needle: string, holder = '', key = ''): { holder: string; key: string }[] {
  if (typeof value === 'string') return value.includes(needle) ? [{ holder, key }] : [];
  if (Array.isArray(value)) return value.flatMap((item: unknown) => occurrences(item, needle, holder, key));
  if (value !== null && typeof value === 'object') {
    const object = value as Record<string, Json>;
    const type = typeof object['type'] === 'string' ? object['type'] : holder;
    return Object.entries(object).flatMap(([k, v]) => occurrences(v, needle, type, k));
  }
  return [];
}

/** Every element type used anywhere in a card. */
function typesIn(value: unknown): Set<string> {
  return new Set(elementsOf(value).map((element) => element.type));
}

const actionsIn = (card: AdaptiveCard): CardElement[] => elementsOf(card).filter((element) => element.type.startsWith('Action.'));
const actionSets = (card: AdaptiveCard): CardElement[] => card.body.filter((element) => element.type === 'ActionSet');
const bytes = (value: unknown): number => Buffer.byteLength(JSON.stringify(value));
const cardOf = (activity: MessageActivity): AdaptiveCard => activity.attachments[0].content;

/** The budget: the whole activity, with room for what the SDK adds when sending it. */
function expectWithinBudget(activity: MessageActivity): void {
  expect(bytes(activity) + ENVELOPE_RESERVE).toBeLessThanOrEqual(TEAMS_CARD_LIMITS.activityBytes);
}

const MORE = /more than fits in one card/;

const helpLike: Message = message('CoP Bot help', [
  { kind: 'heading', text: 'CoP Bot' },
  { kind: 'text', text: 'I help NHS retention communities of practice.' },
  { kind: 'note', text: 'Commands' },
  {
    kind: 'list',
    items: [
      { title: [{ kind: 'command', words: 'help [command]' }], detail: 'What the bot does' },
      { title: [{ kind: 'strong', text: 'London' }], detail: [{ kind: 'channel', platform: 'teams', id: '19:x', name: 'London CoP' }] },
      { title: 'North West', detail: [{ kind: 'channel', platform: 'slack', id: 'C123', name: 'north-west' }] },
      { title: 'Wales' },
    ],
  },
  { kind: 'note', text: ['For more about one command, type ', { kind: 'command', words: 'help regions' }, '.'] },
  { kind: 'facts', facts: [{ label: 'Usage', value: [{ kind: 'command', words: 'regions' }] }] },
  { kind: 'divider' },
  {
    kind: 'buttons',
    buttons: [
      { label: 'Show regions', action: 'cop.run', value: 'regions', style: 'primary' },
      { label: 'Leave', action: 'cop.leave', style: 'danger' },
      { label: 'Later', action: 'cop.later' },
    ],
  },
]);

describe('card limits', () => {
  it('holds Teams figures and the project budget', () => {
    expect(TEAMS_CARD_LIMITS).toMatchObject({ cardVersion: '1.5', actionsPerRow: 6, activityBytes: 28_000 });
    expect(ENVELOPE_RESERVE).toBeGreaterThanOrEqual(1_000);
    expect(SEARCH_RESULT_LIMIT).toBe(TEAMS_CARD_LIMITS.typeaheadResults);
  });
});

describe('renderMessageCard', () => {
  const card = renderMessageCard(helpLike);

  it('is a version 1.5 Adaptive Card with the summary as fallback text', () => {
    expect(card).toMatchObject({ type: 'AdaptiveCard', version: CARD_VERSION, fallbackText: 'CoP Bot help' });
    expect(CARD_VERSION).toBe('1.5');
  });

  it('parses and validates with the official library and Teams host config without events', () => {
    const { card: parsed, events } = officialParse(card);
    expect(events).toEqual([]);
    expect(parsed.getItemCount()).toBe(card.body.length);
  });

  it('uses only elements that exist in Adaptive Cards 1.5, and no Action.Submit', () => {
    const allowed = ['AdaptiveCard', 'RichTextBlock', 'TextRun', 'Container', 'ColumnSet', 'Column', 'ActionSet', 'Action.Execute'];
    expect([...typesIn(card)].filter((type) => !allowed.includes(type))).toEqual([]);
  });

  it('makes buttons Universal Actions: the action as verb, the value in data, styles as Teams names them', () => {
    expect(actionSets(card).map((set) => set['actions'])).toEqual([
      [
        { type: 'Action.Execute', title: 'Show regions', verb: 'cop.run', data: { value: 'regions' }, style: 'positive' },
        { type: 'Action.Execute', title: 'Leave', verb: 'cop.leave', data: {}, style: 'destructive' },
        { type: 'Action.Execute', title: 'Later', verb: 'cop.later', data: {} },
      ],
    ]);
  });

  it('shows commands in monospace without a prefix, and Slack channels by name', () => {
    const json = JSON.stringify(card);
    expect(json).toContain('{"type":"TextRun","text":"help [command]","fontType":"Monospace"}');
    expect(json).toContain('"text":"#north-west (Slack)"');
    expect(json).toContain('"text":"London CoP"');
  });

  it('is the card of renderMessageActivity, whose summary is the reply summary', () => {
    const activity = renderMessageActivity(helpLike);
    expect(activity).toEqual({
      type: 'message',
      summary: 'CoP Bot help',
      attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: card }],
    });
  });
});

describe('renderMessageCard buttons', () => {
  const eight = Array.from({ length: 8 }, (_, i) => ({ label: `Option ${i}`, action: `cop.pick`, value: String(i) }));
  const card = renderMessageCard(
    message('Pick', [
      { kind: 'text', text: 'Pick one' },
      { kind: 'buttons', buttons: eight },
    ]),
  );

  it('puts 8 buttons in two rows of 6 and 2, in order, none hidden in an overflow menu', () => {
    expect(actionSets(card).map((set) => (set['actions'] as CardElement[]).map((action) => action['title']))).toEqual([
      ['Option 0', 'Option 1', 'Option 2', 'Option 3', 'Option 4', 'Option 5'],
      ['Option 6', 'Option 7'],
    ]);
    expect(actionsIn(card).filter((action) => 'mode' in action)).toEqual([]);
  });

  it('validates with Teams host config (6 actions in a row) without events', () => {
    expect(officialParse(card).events).toEqual([]);
  });

  // Why rows and not `mode: 'secondary'`: the library's TooManyActions check counts every action of a
  // set, overflow ones included, so one set of 8 fails with Teams' figure however they are marked.
  it('(library behaviour) counts secondary actions towards TooManyActions', () => {
    const actions = actionsIn(card).map((action, i) => (i >= 6 ? { ...action, mode: 'secondary' } : action));
    const oneRow: AdaptiveCard = { ...card, body: [{ type: 'ActionSet', actions }] };
    expect(officialParse(oneRow).events.map((event) => event.event)).toEqual(['TooManyActions']);
  });

  it('opens links with Action.OpenUrl and sends actions with Action.Execute', () => {
    const mixed = renderMessageCard(
      message('Export', [
        {
          kind: 'buttons',
          buttons: [
            { label: 'Download', action: 'cop.download', url: 'https://cop.example.test/exports/abc.csv' },
            { label: 'Again', action: 'cop.export', value: 'members' },
          ],
        },
      ]),
    );
    expect(actionsIn(mixed)).toEqual([
      { type: 'Action.OpenUrl', title: 'Download', url: 'https://cop.example.test/exports/abc.csv' },
      { type: 'Action.Execute', title: 'Again', verb: 'cop.export', data: { value: 'members' } },
    ]);
    expect(officialParse(mixed).events).toEqual([]);
  });

  it('reads as every button title in readable text', () => {
    const text = adaptiveCardToText(card);
    for (const button of eight) expect(text).toContain(`[${button.label}]`);
  });
});

describe('renderMessageCard keeps user text literal', () => {
  const typed = '**bold** _x_ [link](http://x) <at>Everyone</at> # heading';

  it('puts user text only into TextRun text of RichTextBlocks, never into TextBlock markdown', () => {
    const card = renderMessageCard(
      message(typed, [
        { kind: 'heading', text: typed },
        { kind: 'text', text: typed },
        { kind: 'text', text: ['Before ', { kind: 'strong', text: typed }, ' after'] },
        { kind: 'list', items: [{ title: typed, detail: typed }] },
        { kind: 'note', text: typed },
      ]),
    );
    const places = occurrences(card.body, typed);
    expect(places.length).toBe(6);
    expect(places.every((place) => place.holder === 'TextRun' && place.key === 'text')).toBe(true);
    expect(typesIn(card)).not.toContain('TextBlock');

    const { card: parsed, events } = officialParse(card);
    expect(events).toEqual([]);
    const second = parsed.getItemAt(1) as AdaptiveCardsLibrary.RichTextBlock;
    expect(second.getJsonTypeName()).toBe('RichTextBlock');
    expect((second.getInlineAt(0) as AdaptiveCardsLibrary.TextRun).text).toBe(typed);
  });

  it('keeps user text in facts literal too', () => {
    const card = renderMessageCard(message('s', [{ kind: 'facts', facts: [{ label: typed, value: typed }] }]));
    const places = occurrences(card.body, typed);
    expect(places.length).toBeGreaterThan(0);
    expect(places.filter((place) => place.holder !== 'TextRun')).toEqual([]);
  });
});

describe('renderMessageActivity budget', () => {
  const lastText = (card: AdaptiveCard): string => JSON.stringify(card.body.at(-1));
  /** Close to the budget: trimming keeps what fits rather than giving up early. */
  const nearlyFull = (activity: MessageActivity): void => {
    expect(bytes(activity) + ENVELOPE_RESERVE).toBeGreaterThan(TEAMS_CARD_LIMITS.activityBytes - 1_000);
  };
  const hugeList = Array.from({ length: 2_000 }, (_, i) => ({ title: `Item ${i} `.padEnd(100, 'x') }));

  it('trims a reply of many blocks, ending with a note', () => {
    const blocks = Array.from({ length: 100 }, (_, i): Block => ({ kind: 'text', text: `Paragraph ${i} `.padEnd(2_000, 'x') }));
    const activity = renderMessageActivity(message('Long', blocks));
    expectWithinBudget(activity);
    nearlyFull(activity);
    expect(lastText(cardOf(activity))).toMatch(MORE);
    expect(JSON.stringify(cardOf(activity).body[0])).toContain('Paragraph 0 ');
    expect(officialParse(cardOf(activity)).events).toEqual([]);
  });

  it('leaves a reply that fits untouched', () => {
    expect(renderMessageCard(helpLike).body).toHaveLength(8);
    expect(JSON.stringify(renderMessageCard(helpLike))).not.toMatch(MORE);
  });

  it('trims a reply that is one huge list to its first items, ending with a note', () => {
    const activity = renderMessageActivity(message('Long list', [{ kind: 'list', items: hugeList }]));
    expectWithinBudget(activity);
    nearlyFull(activity);
    expect(JSON.stringify(cardOf(activity).body[0])).toContain('Item 0 ');
    expect(lastText(cardOf(activity))).toMatch(MORE);
    expect(officialParse(cardOf(activity)).events).toEqual([]);
  });

  it('keeps the heading and the first items of a huge list', () => {
    const card = renderMessageCard(
      message('Long list', [
        { kind: 'heading', text: 'Regions' },
        { kind: 'list', items: hugeList },
      ]),
    );
    expect(bytes(card) + ENVELOPE_RESERVE).toBeLessThanOrEqual(TEAMS_CARD_LIMITS.activityBytes);
    expect(JSON.stringify(card.body[0])).toContain('Regions');
    expect(JSON.stringify(card.body)).toContain('Item 0 ');
  });

  it('cuts one very long text at the end of what fits, with an ellipsis, rather than dropping it', () => {
    const activity = renderMessageActivity(message('Essay', [{ kind: 'text', text: 'word '.repeat(20_000) }]));
    expectWithinBudget(activity);
    nearlyFull(activity);
    const run = elementsOf(cardOf(activity).body[0]).find((element) => element.type === 'TextRun');
    expect(String(run?.['text'])).toMatch(/^word word .*…$/);
    expect(lastText(cardOf(activity))).toMatch(MORE);
  });

  it('counts multibyte text in UTF-8 bytes and never cuts inside an emoji or a Welsh letter', () => {
    // A health worker emoji (a ZWJ sequence of 17 bytes) and ŵ written as w + combining circumflex.
    const unit = 'Gŵyl 👩🏽‍⚕️ ŷ w\u0302 ';
    const activity = renderMessageActivity(message('Cymraeg', [{ kind: 'text', text: unit.repeat(5_000) }]));
    expectWithinBudget(activity);
    nearlyFull(activity);
    const text = String(elementsOf(cardOf(activity).body[0]).find((element) => element.type === 'TextRun')?.['text']);
    expect(text.endsWith('…')).toBe(true);
    const kept = text.slice(0, -1);
    // Whatever was kept is whole units and then the start of one, cut between graphemes.
    const whole = Math.floor(kept.length / unit.length);
    const rest = kept.slice(whole * unit.length);
    expect(kept.startsWith(unit.repeat(whole))).toBe(true);
    const segments = (s: string): string[] =>
      Array.from(new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(s), (p) => p.segment);
    expect(segments(unit).slice(0, segments(rest).length)).toEqual(segments(rest));
    expect(text).not.toMatch(/[\uD800-\uDBFF]…$/);
  });

  it('shortens a very long summary, which travels twice', () => {
    const long = 'Summary '.repeat(5_000);
    const activity = renderMessageActivity(message(long, [{ kind: 'text', text: 'Short' }]));
    expectWithinBudget(activity);
    expect(activity.summary.length).toBeLessThanOrEqual(TEAMS_CARD_LIMITS.summaryChars);
    expect(activity.summary).toMatch(/^Summary Summary .*…$/);
    expect(cardOf(activity).fallbackText).toBe(activity.summary);
    expect(JSON.stringify(cardOf(activity).body)).toContain('Short');
  });

  it('keeps the buttons of a reply whose text does not fit', () => {
    const activity = renderMessageActivity(
      message('Event', [
        { kind: 'text', text: 'Details '.repeat(10_000) },
        { kind: 'buttons', buttons: [{ label: 'Going', action: 'cop.rsvp', value: 'going', style: 'primary' }] },
      ]),
    );
    expectWithinBudget(activity);
    const card = cardOf(activity);
    expect(actionsIn(card).map((action) => action['title'])).toEqual(['Going']);
    expect(JSON.stringify(card.body)).toMatch(MORE);
    expect(officialParse(card).events).toEqual([]);
  });

  it('puts a picture inline (a data: URL) when the card fits with it, and its download button when not', () => {
    const link = { url: 'https://cop.example.test/links/abc/trend.png', label: 'Download the chart' };
    const big = 'A'.repeat(40_000);
    const activity = renderMessageActivity(
      message('Chart', [
        { kind: 'text', text: 'Leavers' },
        { kind: 'image', png: big, alt: 'Leaver rate by month', link },
        { kind: 'note', text: 'Trend: Apr 2024 10.0%' },
      ]),
    );
    expectWithinBudget(activity);
    const card = cardOf(activity);
    const json = JSON.stringify(card);
    expect(json).not.toContain('data:image');
    expect(json).not.toMatch(MORE);
    expect(card.body[1]).toEqual({ type: 'ActionSet', actions: [{ type: 'Action.OpenUrl', title: 'Download the chart', url: link.url }] });
    // The text after the picture is all there.
    expect(json).toContain('Trend: Apr 2024 10.0%');
    expect(officialParse(card).events).toEqual([]);

    const withoutLink = renderMessageCard(message('Chart', [{ kind: 'image', png: big, alt: 'Leaver rate by month' }]));
    expect(JSON.stringify(withoutLink)).toContain('[Leaver rate by month]');

    const small = 'A'.repeat(2_000);
    const fits = renderMessageCard(message('Chart', [{ kind: 'image', png: small, alt: 'Leaver rate by month', link }]));
    expect(fits.body).toEqual([{ type: 'Image', url: `data:image/png;base64,${small}`, altText: 'Leaver rate by month', size: 'Stretch' }]);
  });
});

describe('renderFormCard', () => {
  const fields: Field[] = [
    { kind: 'text', id: 'title', label: 'Title', required: true, maxLength: 100, placeholder: 'A short title', initial: 'Flexible' },
    { kind: 'text', id: 'story', label: 'Story', required: false, multiline: true },
    {
      kind: 'select',
      id: 'region',
      label: 'Region',
      required: true,
      options: [
        { label: 'London', value: 'london' },
        { label: 'Wales', value: 'wales' },
      ],
      initial: ['wales'],
    },
    {
      kind: 'select',
      id: 'groups',
      label: 'Staff groups',
      required: false,
      multiple: true,
      options: [
        { label: 'Nursing', value: 'nursing' },
        { label: 'Medical', value: 'medical' },
      ],
      initial: ['nursing', 'medical'],
    },
    { kind: 'checkbox', id: 'public', label: 'Share with every region', required: false, initial: true },
    { kind: 'date', id: 'on', label: 'Date', required: true, initial: '2025-03-04' },
    { kind: 'time', id: 'at', label: 'Time', required: false, initial: '14:30' },
  ];
  const form: Form = {
    kind: 'form',
    id: 'case.new',
    title: 'Share a case study',
    submitLabel: 'Share',
    intro: 'Tell us what worked **and** why',
    fields,
    state: '{"region":"london"}',
    requiredMessage: 'Please fill this in',
    errors: { title: 'Give the case study a title', on: 'Pick a date in the future' },
  };
  const card = renderFormCard(form);

  it('parses with the official library, every field an input with the field id', () => {
    const { card: parsed, events } = officialParse(card);
    expect(events.filter((event) => event.phase === 'Parse')).toEqual([]);
    expect(parsed.getAllInputs().map((input) => input.id)).toEqual(fields.map((field) => field.id));
    expect(parsed.getAllInputs().map((input) => input.getJsonTypeName())).toEqual([
      'Input.Text',
      'Input.Text',
      'Input.ChoiceSet',
      'Input.ChoiceSet',
      'Input.Toggle',
      'Input.Date',
      'Input.Time',
    ]);
  });

  it('validates with the official library and Teams host config without events', () => {
    expect(officialParse(card).events).toEqual([]);
  });

  it('marks required inputs and labels every input', () => {
    const inputs = card.body.filter((element) => element.type.startsWith('Input.'));
    expect(inputs.map((input) => input['isRequired'])).toEqual(fields.map((field) => field.required));
    expect(inputs.map((input) => input['label'])).toEqual(fields.map((field) => field.label));
  });

  it('reads as every input label in readable text', () => {
    const text = adaptiveCardToText(card);
    for (const field of fields) expect(text).toContain(`${field.label}: ____`);
    expect(text).toContain('[Share]');
  });

  it('shows server-side errors on the input and beside it', () => {
    const title = card.body.findIndex((element) => element['id'] === 'title');
    expect(card.body[title]?.['errorMessage']).toBe('Give the case study a title');
    expect(card.body[title + 1]).toMatchObject({ type: 'TextBlock', text: 'Give the case study a title', color: 'Attention' });
    const story = card.body.findIndex((element) => element['id'] === 'story');
    expect(card.body[story]).not.toHaveProperty('errorMessage');
  });

  it('carries initial values, and lists every option of a select that is not searchable', () => {
    const byId = (id: string) => card.body.find((element) => element['id'] === id);
    expect(byId('title')?.['value']).toBe('Flexible');
    expect(byId('region')).toMatchObject({
      value: 'wales',
      style: 'filtered',
      choices: [
        { title: 'London', value: 'london' },
        { title: 'Wales', value: 'wales' },
      ],
    });
    expect(byId('region')).not.toHaveProperty('choices.data');
    expect(byId('groups')).toMatchObject({ isMultiSelect: true, value: 'nursing,medical' });
    expect(byId('public')).toMatchObject({ value: 'true', valueOn: 'true', valueOff: 'false', title: 'Share with every region' });
    expect(byId('on')?.['value']).toBe('2025-03-04');
    expect(byId('at')?.['value']).toBe('14:30');
  });

  it('keeps the title and intro literal in TextRuns', () => {
    expect(occurrences(card.body, 'Tell us what worked **and** why')).toEqual([{ holder: 'TextRun', key: 'text' }]);
    expect(occurrences(card.body, 'Share a case study')).toEqual([{ holder: 'TextRun', key: 'text' }]);
  });

  it('submits with Action.Execute: the form verb, the form id and the state (Teams adds the inputs)', () => {
    expect(card.actions).toEqual([
      {
        type: 'Action.Execute',
        title: 'Share',
        verb: FORM_SUBMIT_VERB,
        data: { form: 'case.new', state: '{"region":"london"}' },
        style: 'positive',
      },
    ]);
    expect(FORM_SUBMIT_VERB).toBe('cop.form');
    expect(typesIn(card)).not.toContain('Action.Submit');
    const stateless = renderFormCard({ ...form, state: undefined });
    expect(stateless.actions?.[0]?.['data']).toEqual({ form: 'case.new' });
  });

  it('validates a form with no required fields without events', () => {
    const optional = renderFormCard({ ...form, fields: fields.map((field) => ({ ...field, required: false })), errors: undefined });
    expect(officialParse(optional).events).toEqual([]);
  });

  it('is the card of renderFormActivity, summarised by the form title', () => {
    const activity = renderFormActivity(form);
    expect(activity.summary).toBe('Share a case study');
    expect(cardOf(activity)).toEqual(card);
    expectWithinBudget(activity);
  });
});

describe('renderFormCard typeahead', () => {
  const organisations = Array.from({ length: 2_000 }, (_, i) => ({ label: `Organisation ${i} NHS Foundation Trust`, value: `org-${i}` }));
  const organisation = (searchable: boolean, initial?: string[]): Field => ({
    kind: 'select',
    id: 'organisation',
    label: 'Organisation',
    required: false,
    searchable,
    placeholder: 'Type to search',
    options: organisations,
    ...(initial ? { initial } : {}),
  });
  const profile = (field: Field): Form => ({
    kind: 'form',
    id: 'member.profile',
    title: 'Your profile',
    submitLabel: 'Save',
    intro: 'Tell us where you work. '.repeat(20),
    fields: [
      { kind: 'text', id: 'displayName', label: 'Name', required: true },
      field,
      { kind: 'checkbox', id: 'consent', label: 'I agree', required: true },
    ],
    requiredMessage: 'Please fill this in',
  });
  const choiceSetOf = (card: AdaptiveCard): CardElement | undefined => card.body.find((element) => element['id'] === 'organisation');

  it('asks the bot for options (Data.Query) and lists only the current choice', () => {
    const activity = renderFormActivity(profile(organisation(true, ['org-1999'])));
    const card = cardOf(activity);
    expect(choiceSetOf(card)).toMatchObject({
      type: 'Input.ChoiceSet',
      style: 'filtered',
      value: 'org-1999',
      choices: [{ title: 'Organisation 1999 NHS Foundation Trust', value: 'org-1999' }],
      'choices.data': { type: 'Data.Query', dataset: datasetOf('member.profile', 'organisation') },
    });
    expect(bytes(activity)).toBeLessThan(3_000);
    expect(JSON.stringify(card.body)).toContain('Tell us where you work.');
    expect(teamsEvents(card)).toEqual([]);
  });

  it('lists no choice when there is no current one', () => {
    const card = renderFormCard(profile(organisation(true)));
    expect(choiceSetOf(card)?.['choices']).toEqual([]);
    expect(choiceSetOf(card)).not.toHaveProperty('value');
    expect(teamsEvents(card)).toEqual([]);
  });

  it('(library behaviour) reads the Data.Query at version 1.6, and reports only the two known events at 1.5', () => {
    const card = renderFormCard(profile(organisation(true)));
    const parsed = officialParse(card, AC.Versions.v1_6).card.getElementById('organisation') as AdaptiveCardsLibrary.ChoiceSetInput;
    expect(parsed.choicesData?.dataset).toBe('member.profile#organisation');
    expect(
      officialParse(card)
        .events.map((event) => `${event.source}: ${event.event}`)
        .sort(),
    ).toEqual(['organisation: CollectionCantBeEmpty', 'organisation: UnsupportedProperty']);
  });

  it('keeps a select of 2,000 options that is not searchable within the budget, with its inputs, submit and current choice', () => {
    const activity = renderFormActivity(profile(organisation(false, ['org-1999'])));
    expectWithinBudget(activity);
    const card = cardOf(activity);
    expect(card.body.filter((element) => element.type.startsWith('Input.')).map((input) => input['id'])).toEqual([
      'displayName',
      'organisation',
      'consent',
    ]);
    expect(card.actions).toEqual([
      { type: 'Action.Execute', title: 'Save', verb: FORM_SUBMIT_VERB, data: { form: 'member.profile' }, style: 'positive' },
    ]);
    // The intro goes before any option does.
    expect(JSON.stringify(card.body)).not.toContain('Tell us where you work.');
    const choices = choiceSetOf(card)?.['choices'] as { value: string }[];
    expect(choices.length).toBeGreaterThan(200);
    expect(choices.length).toBeLessThan(2_000);
    expect(choices[0]?.value).toBe('org-0');
    expect(choices.at(-1)?.value).toBe('org-1999');
    // A note right under the list says that it is not whole.
    const index = card.body.findIndex((element) => element['id'] === 'organisation');
    expect(JSON.stringify(card.body[index + 1])).toMatch(MORE);
    expect(teamsEvents(card)).toEqual([]);
  });

  it('shares the room between long option lists, leaving a short one whole', () => {
    const long = (id: string): Field => ({ kind: 'select', id, label: id, required: false, options: organisations });
    const short: Field = {
      kind: 'select',
      id: 'region',
      label: 'Region',
      required: true,
      options: [
        { label: 'Wales', value: 'wales' },
        { label: 'London', value: 'london' },
      ],
    };
    const form: Form = { ...profile(short), fields: [long('first'), short, long('second')] };
    const activity = renderFormActivity(form);
    expectWithinBudget(activity);
    const count = (id: string): number => (cardOf(activity).body.find((element) => element['id'] === id)?.['choices'] as unknown[]).length;
    expect(count('region')).toBe(2);
    expect(count('first')).toBeGreaterThan(100);
    expect(Math.abs(count('first') - count('second'))).toBeLessThanOrEqual(1);
    expect(teamsEvents(cardOf(activity))).toEqual([]);
  });

  it('keeps every input of a big form whose prefilled texts alone outgrow the budget, cutting the longest', () => {
    const story = (id: string, text: string): Field => ({ kind: 'text', id, label: id, required: true, multiline: true, initial: text });
    const fields = [
      story('summary', 'Short summary'),
      story('challenge', '👩🏽‍⚕️ Heddiw ŵ ŷ '.repeat(1_500)),
      story('results', 'ok '.repeat(1_000)),
    ];
    const activity = renderFormActivity({ ...profile(story('x', '')), fields });
    expectWithinBudget(activity);
    const card = cardOf(activity);
    const value = (id: string): string => String(card.body.find((element) => element['id'] === id)?.['value']);
    expect(card.body.filter((element) => element.type === 'Input.Text').map((input) => input['id'])).toEqual([
      'summary',
      'challenge',
      'results',
    ]);
    expect(value('summary')).toBe('Short summary');
    expect(value('results')).toBe('ok '.repeat(1_000));
    expect(value('challenge')).toMatch(/^👩🏽‍⚕️ Heddiw ŵ ŷ .*…$/u);
    expect(card.actions).toHaveLength(1);
    expect(teamsEvents(card)).toEqual([]);
  });

  it('answers searches with at most the number Teams shows', () => {
    expect(SEARCH_RESULT_LIMIT).toBe(15);
  });
});

describe('datasetOf and parseDataset', () => {
  it('round-trip form and field ids', () => {
    for (const [formId, fieldId] of [
      ['member.profile', 'organisation'],
      ['case.submit', 'staffGroups'],
      ['event-form_2', 'a'],
    ] as const) {
      expect(parseDataset(datasetOf(formId, fieldId))).toEqual({ formId, fieldId });
    }
  });

  it('refuses ids that could not be told apart again', () => {
    expect(() => datasetOf('a#b', 'c')).toThrow();
    expect(() => datasetOf('a', '')).toThrow();
    expect(() => datasetOf('a', 'x'.repeat(65))).toThrow();
  });

  it('rejects anything malformed or tampered with', () => {
    for (const tampered of [
      '',
      'member.profile',
      'member.profile#',
      '#organisation',
      'member.profile#organisation#x',
      'member.profile#organ isation',
      'member.profile#organisation\n',
      ' member.profile#organisation',
      '../x#y',
      'member.profile#orgañisation',
      `${'a'.repeat(65)}#b`,
      `a#${'b'.repeat(10_000)}`,
    ]) {
      expect(parseDataset(tampered), JSON.stringify(tampered)).toBeUndefined();
    }
    expect(parseDataset(42 as unknown as string)).toBeUndefined();
  });
});

describe('renderMessageCard images', () => {
  const card = renderMessageCard(message('Chart', [{ kind: 'image', png: 'iVBORw0KGgo=', alt: 'Line chart of the leaver rate' }]));

  it('renders an image inline with its alt text, valid for the official library', () => {
    expect(card.body).toEqual([
      { type: 'Image', url: 'data:image/png;base64,iVBORw0KGgo=', altText: 'Line chart of the leaver rate', size: 'Stretch' },
    ]);
    expect(officialParse(card).events).toEqual([]);
  });
});
