// Renders the core's reply model as Adaptive Cards for Teams, and as the message activities that carry
// them. Text goes into RichTextBlock text runs, which Teams shows literally (no markdown), so nothing a
// user typed can change a card's formatting. Buttons are Universal Actions (Action.Execute), answered
// by the bot in the invoke response; long option lists are searched through the bot (Data.Query).
// Every activity is kept within the byte budget of card-limits.ts, with a note where content was left out.
import type { Block, Button, Field, Form, Message, Rich, Span } from '../core/reply/reply.js';
import { linkAction } from '../core/actions.js';
import { languageParts } from '../core/reply/bilingual.js';
import { cutText, fitBody, jsonBytes, sizeInArray, totalSize, type CardElement } from './card-fit.js';
import { TEAMS_CARD_LIMITS } from './card-limits.js';

export type { CardElement } from './card-fit.js';

export const CARD_VERSION = TEAMS_CARD_LIMITS.cardVersion;
/** The verb of a form's submit button; the form id and state travel in its data, beside the inputs' values. */
export const FORM_SUBMIT_VERB = 'cop.form';
/** How many options a typeahead search answers with. */
export const SEARCH_RESULT_LIMIT = TEAMS_CARD_LIMITS.typeaheadResults;
/** Bytes kept free for what the SDK adds to an activity when it sends it. */
export const ENVELOPE_RESERVE = TEAMS_CARD_LIMITS.envelopeReserveBytes;
export const ADAPTIVE_CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';

export interface AdaptiveCard {
  type: 'AdaptiveCard';
  $schema: string;
  version: string;
  body: CardElement[];
  actions?: CardElement[];
  fallbackText?: string;
}

/** An outgoing message activity with one card, before the SDK adds addresses and ids. */
export interface MessageActivity {
  type: 'message';
  summary: string;
  attachments: [{ contentType: typeof ADAPTIVE_CARD_CONTENT_TYPE; content: AdaptiveCard }];
}

// ---- Typeahead datasets ----------------------------------------------------------------------------

/** Form and field ids as the core writes them (`case.submit`, `organisation`); `#` cannot occur in one. */
const ID = '[A-Za-z0-9][A-Za-z0-9._-]{0,63}';
const ID_PATTERN = new RegExp(`^${ID}$`);
const DATASET_PATTERN = new RegExp(`^(${ID})#(${ID})$`);
const MAX_DATASET_LENGTH = 64 + 1 + 64;

/** The Data.Query dataset naming a form's searchable field; Teams sends it back with each search. */
export function datasetOf(formId: string, fieldId: string): string {
  if (!ID_PATTERN.test(formId) || !ID_PATTERN.test(fieldId)) throw new Error(`Form and field ids must match ${ID}: ${formId}, ${fieldId}`);
  return `${formId}#${fieldId}`;
}

/** The form and field a dataset names, or undefined for anything else (it comes back from the client, so it may be tampered with). */
export function parseDataset(dataset: string): { formId: string; fieldId: string } | undefined {
  if (typeof dataset !== 'string' || dataset.length > MAX_DATASET_LENGTH) return undefined;
  const match = DATASET_PATTERN.exec(dataset);
  return match?.[1] && match[2] ? { formId: match[1], fieldId: match[2] } : undefined;
}

// ---- Text --------------------------------------------------------------------------------------------

function textRun(span: Span): CardElement {
  if (typeof span === 'string') return { type: 'TextRun', text: span };
  switch (span.kind) {
    case 'command':
      return { type: 'TextRun', text: span.words, fontType: 'Monospace' };
    case 'channel':
      return { type: 'TextRun', text: span.platform === 'teams' ? (span.name ?? 'Teams channel') : `#${span.name ?? span.id} (Slack)` };
    case 'strong':
      return { type: 'TextRun', text: span.text, weight: 'Bolder' };
  }
}

function runs(rich: Rich, style: Record<string, unknown> = {}): CardElement[] {
  const spans = typeof rich === 'string' ? [rich] : rich;
  return spans.map((span) => ({ ...textRun(span), ...style }));
}

function richText(rich: Rich, style: Record<string, unknown> = {}): CardElement {
  return { type: 'RichTextBlock', inlines: runs(rich, style) };
}

/** Where content was left out to keep within the budget. */
const MORE_NOTE = richText('…more than fits in one card.', { isSubtle: true });

/** A summary short enough for a notification line; it travels twice (summary and fallback text). */
function shortSummary(summary: string): string {
  const max = TEAMS_CARD_LIMITS.summaryChars;
  return summary.length <= max ? summary : (cutText(summary, max) ?? '');
}

// ---- Actions -----------------------------------------------------------------------------------------

const ACTION_STYLE = { primary: 'positive', danger: 'destructive' } as const;

/** A Universal Action: Teams sends `verb` and `data` (with any inputs' values merged in) to the bot in an invoke. */
function executeAction(title: string, verb: string, data: Record<string, string>, style?: 'positive' | 'destructive'): CardElement {
  return { type: 'Action.Execute', title, verb, data, ...(style ? { style } : {}) };
}

function buttonAction(button: Button): CardElement {
  if (button.url !== undefined) return { type: 'Action.OpenUrl', title: button.label, url: button.url };
  const data: Record<string, string> = button.value !== undefined ? { value: button.value } : {};
  return executeAction(button.label, button.action, data, button.style ? ACTION_STYLE[button.style] : undefined);
}

/**
 * Buttons as rows of at most 6 (Teams' limit). Not one row with the rest marked `mode: 'secondary'`
 * for the overflow menu: the adaptivecards library's TooManyActions check counts every action of an
 * action set, secondary ones too, so only separate rows pass the official validator with Teams' host
 * config; they also keep every button in sight.
 */
function actionRows(actions: readonly CardElement[]): CardElement[] {
  const rows: CardElement[] = [];
  for (let start = 0; start < actions.length; start += TEAMS_CARD_LIMITS.actionsPerRow) {
    rows.push({ type: 'ActionSet', actions: actions.slice(start, start + TEAMS_CARD_LIMITS.actionsPerRow) });
  }
  return rows;
}

// ---- Messages ----------------------------------------------------------------------------------------

function factRows(facts: Extract<Block, { kind: 'facts' }>['facts']): CardElement {
  // Not a FactSet: Teams renders fact values as markdown, and values can hold what users typed.
  return {
    type: 'Container',
    items: facts.map((fact) => ({
      type: 'ColumnSet',
      spacing: 'Small',
      columns: [
        { type: 'Column', width: 'auto', items: [richText(fact.label, { weight: 'Bolder' })] },
        { type: 'Column', width: 'stretch', items: [richText(fact.value)] },
      ],
    })),
  };
}

function listItems(items: Extract<Block, { kind: 'list' }>['items']): CardElement {
  return {
    type: 'Container',
    spacing: 'Small',
    items: items.map((item) => ({
      type: 'RichTextBlock',
      spacing: 'Small',
      inlines: [
        { type: 'TextRun', text: '• ' },
        ...runs(item.title),
        ...(item.detail === undefined ? [] : [{ type: 'TextRun', text: '  ' }, ...runs(item.detail, { isSubtle: true })]),
      ],
    })),
  };
}

/**
 * A picture inline in the card (a data: URL), so Teams shows it without reaching the bot's address; or,
 * when the card would be too big with it, a button opening it in the person's browser (or, without a
 * link, its description).
 */
function renderImage(block: Extract<Block, { kind: 'image' }>, inline: boolean): CardElement[] {
  if (inline) return [{ type: 'Image', url: `data:image/png;base64,${block.png}`, altText: block.alt, size: 'Stretch' }];
  if (block.link) return actionRows([buttonAction({ label: block.link.label, action: linkAction('chart'), url: block.link.url })]);
  return [richText(`[${block.alt}]`, { isSubtle: true, size: 'Small' })];
}

function renderBlock(block: Block, inlineImages = true): CardElement[] {
  switch (block.kind) {
    case 'heading':
      return [richText(block.text, { size: 'Large', weight: 'Bolder' })];
    case 'text':
      return [richText(block.text)];
    case 'facts':
      return [factRows(block.facts)];
    case 'list':
      return [listItems(block.items)];
    case 'buttons':
      return actionRows(block.buttons.map(buttonAction));
    case 'note':
      return [richText(block.text, { isSubtle: true, size: 'Small' })];
    case 'divider':
      return [{ type: 'Container', separator: true, items: [] }];
    case 'image':
      return renderImage(block, inlineImages);
  }
}

function card(body: CardElement[], fallbackText: string, actions?: CardElement[]): AdaptiveCard {
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: CARD_VERSION,
    body,
    ...(actions ? { actions } : {}),
    fallbackText,
  };
}

function activity(summary: string, content: AdaptiveCard): MessageActivity {
  return { type: 'message', summary, attachments: [{ contentType: ADAPTIVE_CARD_CONTENT_TYPE, content }] };
}

/** Bytes left for a card's body once the activity around it, the SDK's additions and the actions are counted. */
function roomForBody(summary: string, actions?: CardElement[]): number {
  return TEAMS_CARD_LIMITS.activityBytes - ENVELOPE_RESERVE - jsonBytes(activity(summary, card([], summary, actions)));
}

const LANGUAGE_DIVIDER_ELEMENT: CardElement = { type: 'Container', separator: true, items: [] };

/**
 * A message as an activity with one card; what would take it past the budget is left out, with a note.
 * A message in two languages (core/reply/bilingual.ts) gives each version an equal share of the room,
 * so each is shown, cut short with the note if it has to be, with a separator between them.
 */
export function renderMessageActivity(reply: Message): MessageActivity {
  const summary = shortSummary(reply.summary);
  const parts = languageParts(reply.blocks);
  const dividers = parts.length - 1;
  const share = Math.floor((roomForBody(summary) - dividers * sizeInArray(LANGUAGE_DIVIDER_ELEMENT)) / parts.length);
  const body = parts.flatMap((part, i) => [...(i > 0 ? [LANGUAGE_DIVIDER_ELEMENT] : []), ...fitPart(part, share)]);
  return activity(summary, card(body, summary));
}

/** One language's blocks (or a whole message's) as card elements within `room` bytes. */
function fitPart(blocks: readonly Block[], room: number): CardElement[] {
  let elements = blocks.flatMap((block) => renderBlock(block, true));
  // Pictures inline only when the whole card fits with them; otherwise each becomes its download button.
  if (totalSize(elements) > room && blocks.some((block) => block.kind === 'image'))
    elements = blocks.flatMap((block) => renderBlock(block, false));
  return fitBody(elements, room, MORE_NOTE);
}

/** The card of renderMessageActivity, for invoke responses and message extension results. */
export function renderMessageCard(reply: Message): AdaptiveCard {
  return renderMessageActivity(reply).attachments[0].content;
}

// ---- Forms -------------------------------------------------------------------------------------------

type Option = Extract<Field, { kind: 'select' }>['options'][number];
type Select = Extract<Field, { kind: 'select' }>;

/** The options of a select left short to fit; a note under the input says the list is not whole. */
type ShownOptions = readonly Option[];

type InputBase = { id: string; label: string; isRequired: boolean; errorMessage?: string };

function choiceSet(formId: string, field: Select, base: InputBase, shown: ShownOptions | undefined): CardElement {
  const initial = new Set(field.initial ?? []);
  // A searchable field lists only its current choices; Teams asks the bot for the rest as the person types.
  const choices = field.searchable ? field.options.filter((o) => initial.has(o.value)) : (shown ?? field.options);
  return {
    type: 'Input.ChoiceSet',
    ...base,
    // Filtered: typing part of an option finds it, as Slack's select menus do.
    style: 'filtered',
    isMultiSelect: field.multiple ?? false,
    choices: choices.map((o) => ({ title: o.label, value: o.value })),
    ...(field.searchable ? { 'choices.data': { type: 'Data.Query', dataset: datasetOf(formId, field.id) } } : {}),
    ...(field.placeholder ? { placeholder: field.placeholder } : {}),
    ...(initial.size > 0 ? { value: [...initial].join(',') } : {}),
  };
}

function inputOf(formId: string, field: Field, base: InputBase, shown: ShownOptions | undefined): CardElement {
  switch (field.kind) {
    case 'text':
      return {
        type: 'Input.Text',
        ...base,
        isMultiline: field.multiline ?? false,
        ...(field.maxLength ? { maxLength: field.maxLength } : {}),
        ...(field.placeholder ? { placeholder: field.placeholder } : {}),
        ...(field.initial !== undefined ? { value: field.initial } : {}),
      };
    case 'select':
      return choiceSet(formId, field, base, shown);
    case 'checkbox':
      return {
        type: 'Input.Toggle',
        ...base,
        title: field.label,
        valueOn: 'true',
        valueOff: 'false',
        value: field.initial ? 'true' : 'false',
      };
    case 'date':
      return { type: 'Input.Date', ...base, ...(field.initial ? { value: field.initial } : {}) };
    case 'time':
      return { type: 'Input.Time', ...base, ...(field.initial ? { value: field.initial } : {}) };
  }
}

function formTitle(form: Form): CardElement {
  return richText(form.title, { size: 'Large', weight: 'Bolder' });
}

/** One field as its input, the error the bot found beside it, and a note if its options were cut short. */
function renderField(form: Form, field: Field, shown?: ShownOptions): CardElement[] {
  const error = form.errors?.[field.id];
  // Teams shows errorMessage when its own check of a required input fails, so every required input has one.
  const errorMessage = error ?? (field.required ? form.requiredMessage : undefined);
  const base: InputBase = { id: field.id, label: field.label, isRequired: field.required, ...(errorMessage ? { errorMessage } : {}) };
  const cutShort = field.kind === 'select' && shown !== undefined && shown.length < field.options.length;
  return [
    inputOf(form.id, field, base, shown),
    // errorMessage shows only after Teams' own checks; an error found by the bot is shown as text too.
    ...(error ? [{ type: 'TextBlock', text: error, color: 'Attention', wrap: true, spacing: 'None', size: 'Small' }] : []),
    ...(cutShort ? [MORE_NOTE] : []),
  ];
}

function submitAction(form: Form): CardElement {
  return executeAction(
    form.submitLabel,
    FORM_SUBMIT_VERB,
    { form: form.id, ...(form.state !== undefined ? { state: form.state } : {}) },
    'positive',
  );
}

/** Selects whose whole option list travels in the card, and so can be cut short. */
function cuttableSelects(form: Form): Select[] {
  return form.fields.filter((field): field is Select => field.kind === 'select' && !field.searchable && field.options.length > 0);
}

/**
 * Shares `room` bytes between option lists: each list gets what it needs up to an equal share of what
 * is left, smallest first, so one huge list cannot squeeze out a short one.
 */
function shareRoom(needs: readonly number[], room: number): number[] {
  const shares = needs.map(() => 0);
  let left = Math.max(0, room);
  const order = needs.map((need, index) => ({ need, index })).sort((a, b) => a.need - b.need);
  order.forEach(({ need, index }, position) => {
    shares[index] = Math.min(need, Math.floor(left / (order.length - position)));
    left -= shares[index] ?? 0;
  });
  return shares;
}

/** A select's current choices, and its first other options, in order, up to the first that does not fit in `share` bytes. */
function optionsWithin(field: Select, share: number): ShownOptions {
  const initial = new Set(field.initial ?? []);
  let used = 0;
  let full = false;
  return field.options.filter((option) => {
    if (initial.has(option.value)) return true;
    const size = sizeInArray({ title: option.label, value: option.value });
    full ||= used + size > share;
    if (full) return false;
    used += size;
    return true;
  });
}

/** Long option lists cut short (current choices always kept) so that the form fits in `room` bytes. */
function cutOptions(form: Form, room: number): Map<string, ShownOptions> {
  const selects = cuttableSelects(form);
  // Room for the options beyond the current choices, once everything else, with a note under each list, is counted.
  const bare = new Map(selects.map((field) => [field.id, optionsWithin(field, 0)]));
  const fixed = totalSize([formTitle(form), ...form.fields.flatMap((field) => renderField(form, field, bare.get(field.id)))]);
  const needs = selects.map((field) =>
    totalSize(
      field.options.filter((option) => !(field.initial ?? []).includes(option.value)).map((o) => ({ title: o.label, value: o.value })),
    ),
  );
  const shares = shareRoom(needs, room - fixed);
  return new Map(selects.map((field, index) => [field.id, optionsWithin(field, shares[index] ?? 0)]));
}

/**
 * The prefilled texts of a form cut, longest first, until it fits: the last resort for a form whose
 * earlier answers alone outgrow the budget. The note under each says the text is not whole.
 */
function cutValues(body: CardElement[], room: number): CardElement[] {
  const result = [...body];
  for (let over = totalSize(result) - room; over > 0; over = totalSize(result) - room) {
    const longest = result
      .map((element, index) => ({ element, index }))
      .filter(({ element }) => element.type === 'Input.Text' && typeof element['value'] === 'string' && element['value'] !== '')
      .sort((a, b) => jsonBytes(b.element['value']) - jsonBytes(a.element['value']))[0];
    if (!longest) break;
    const value = String(longest.element['value']);
    const text = cutText(value, jsonBytes(value) - over - sizeInArray(MORE_NOTE)) ?? '';
    result.splice(longest.index, 1, { ...longest.element, value: text }, MORE_NOTE);
  }
  return result;
}

/**
 * A form's body within `room` bytes. Every input stays, since a form without one cannot be answered:
 * the intro goes first, then long option lists are cut short (a searchable list never needs it), then,
 * as a last resort, prefilled texts.
 */
function fitForm(form: Form, room: number): CardElement[] {
  const fields = (cuts?: Map<string, ShownOptions>): CardElement[] =>
    form.fields.flatMap((field) => renderField(form, field, cuts?.get(field.id)));
  const full = [formTitle(form), ...(form.intro ? [richText(form.intro)] : []), ...fields()];
  if (totalSize(full) <= room) return full;
  const withoutIntro = [formTitle(form), ...fields()];
  if (totalSize(withoutIntro) <= room) return withoutIntro;
  const cut = cutValues([formTitle(form), ...fields(cutOptions(form, room))], room);
  if (totalSize(cut) <= room) return cut;
  throw new Error(`Form ${form.id} does not fit in one Teams card even with its intro, options and prefilled texts cut`);
}

/** A form as an activity with one card; its submit button carries the form id and state back to the bot. */
export function renderFormActivity(form: Form): MessageActivity {
  const summary = shortSummary(form.title);
  const actions = [submitAction(form)];
  return activity(summary, card(fitForm(form, roomForBody(summary, actions)), summary, actions));
}

/** The card of renderFormActivity, for invoke responses (a form shown again with its errors). */
export function renderFormCard(form: Form): AdaptiveCard {
  return renderFormActivity(form).attachments[0].content;
}
