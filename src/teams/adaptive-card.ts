// Renders the core's reply model as Adaptive Cards for Teams. Text goes into RichTextBlock text runs,
// which Teams shows literally (no markdown), so nothing a user typed can change a card's formatting.
import type { Block, Field, Form, Message, Rich, Span } from '../core/reply/reply.js';

export const CARD_VERSION = '1.5';
/** Teams refuses activities above about 100 KB; cards are kept well under it. */
export const MAX_CARD_BYTES = 80_000;
/** The data field of Action.Submit that teams-ai routes on. */
export const VERB_FIELD = 'verb';
/** The verb of a form's submit button; the form id travels beside it. */
export const FORM_SUBMIT_VERB = 'cop.form';

export type CardElement = Record<string, unknown> & { type: string };

export interface AdaptiveCard {
  type: 'AdaptiveCard';
  $schema: string;
  version: string;
  body: CardElement[];
  actions?: CardElement[];
  fallbackText?: string;
}

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

function renderBlock(block: Block): CardElement[] {
  switch (block.kind) {
    case 'heading':
      return [richText(block.text, { size: 'Large', weight: 'Bolder' })];
    case 'text':
      return [richText(block.text)];
    case 'facts':
      // Not a FactSet: Teams renders fact values as markdown, and values can hold what users typed.
      return [
        {
          type: 'Container',
          items: block.facts.map((fact) => ({
            type: 'ColumnSet',
            spacing: 'Small',
            columns: [
              { type: 'Column', width: 'auto', items: [richText(fact.label, { weight: 'Bolder' })] },
              { type: 'Column', width: 'stretch', items: [richText(fact.value)] },
            ],
          })),
        },
      ];
    case 'list':
      return [
        {
          type: 'Container',
          spacing: 'Small',
          items: block.items.map((item) => ({
            type: 'RichTextBlock',
            spacing: 'Small',
            inlines: [
              { type: 'TextRun', text: '• ' },
              ...runs(item.title),
              ...(item.detail === undefined ? [] : [{ type: 'TextRun', text: '  ' }, ...runs(item.detail, { isSubtle: true })]),
            ],
          })),
        },
      ];
    case 'buttons':
      return [
        {
          type: 'ActionSet',
          actions: block.buttons.map((button) =>
            button.url !== undefined
              ? { type: 'Action.OpenUrl', title: button.label, url: button.url }
              : {
                  type: 'Action.Submit',
                  title: button.label,
                  ...(button.style ? { style: button.style === 'primary' ? 'positive' : 'destructive' } : {}),
                  data: { [VERB_FIELD]: button.action, ...(button.value !== undefined ? { value: button.value } : {}) },
                },
          ),
        },
      ];
    case 'note':
      return [richText(block.text, { isSubtle: true, size: 'Small' })];
    case 'divider':
      return [{ type: 'Container', separator: true, items: [] }];
    case 'image':
      return [{ type: 'Image', url: block.url, altText: block.alt, size: 'Stretch' }];
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

function jsonBytes(value: unknown): number {
  return Buffer.byteLength(JSON.stringify(value));
}

const MORE_NOTE = richText('…more than fits in one card.', { isSubtle: true });

/** The first items of a container (a list) that fit in `room` bytes, or undefined if none does. */
function containerPrefix(element: CardElement, room: number): CardElement | undefined {
  const items = element['items'];
  if (element.type !== 'Container' || !Array.isArray(items)) return undefined;
  const kept: unknown[] = [];
  let used = jsonBytes({ ...element, items: [] });
  for (const item of items) {
    const size = jsonBytes(item) + 1;
    if (used + size > room) break;
    kept.push(item);
    used += size;
  }
  return kept.length > 0 ? { ...element, items: kept } : undefined;
}

/** A message as one card; what would take it past the size Teams accepts is left out, with a note. */
export function renderMessageCard(reply: Message): AdaptiveCard {
  const body: CardElement[] = [];
  // The empty card and the note are counted from the start, so the note always has room.
  let used = jsonBytes(card([], reply.summary)) + jsonBytes(MORE_NOTE) + 1;
  for (const element of reply.blocks.flatMap(renderBlock)) {
    const size = jsonBytes(element) + 1;
    if (used + size <= MAX_CARD_BYTES) {
      body.push(element);
      used += size;
      continue;
    }
    const prefix = containerPrefix(element, MAX_CARD_BYTES - used);
    body.push(...(prefix ? [prefix] : []), MORE_NOTE);
    break;
  }
  return card(body, reply.summary);
}

function renderInput(field: Field, error: string | undefined, requiredMessage: string): CardElement[] {
  // Teams shows errorMessage when its own check of a required input fails, so every required input has one.
  const errorMessage = error ?? (field.required ? requiredMessage : undefined);
  const base = { id: field.id, label: field.label, isRequired: field.required, ...(errorMessage ? { errorMessage } : {}) };
  const input: CardElement = (() => {
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
        return {
          type: 'Input.ChoiceSet',
          ...base,
          // Filtered: typing part of an option finds it, as Slack's select menus do.
          style: 'filtered',
          isMultiSelect: field.multiple ?? false,
          choices: field.options.map((o) => ({ title: o.label, value: o.value })),
          ...(field.initial && field.initial.length > 0 ? { value: field.initial.join(',') } : {}),
        };
      case 'checkbox':
        return { type: 'Input.Toggle', ...base, title: field.label, valueOn: 'true', valueOff: 'false', value: field.initial ? 'true' : 'false' };
      case 'date':
        return { type: 'Input.Date', ...base, ...(field.initial ? { value: field.initial } : {}) };
      case 'time':
        return { type: 'Input.Time', ...base, ...(field.initial ? { value: field.initial } : {}) };
    }
  })();
  // errorMessage shows only after Teams' own checks; an error found by the bot is shown as text too.
  return error ? [input, { type: 'TextBlock', text: error, color: 'Attention', wrap: true, spacing: 'None', size: 'Small' }] : [input];
}

/** A form as a card with inputs; its submit button carries the form id and state back to the bot. */
export function renderFormCard(form: Form): AdaptiveCard {
  const body: CardElement[] = [
    richText(form.title, { size: 'Large', weight: 'Bolder' }),
    ...(form.intro ? [richText(form.intro)] : []),
    ...form.fields.flatMap((field) => renderInput(field, form.errors?.[field.id], form.requiredMessage)),
  ];
  const submit: CardElement = {
    type: 'Action.Submit',
    title: form.submitLabel,
    style: 'positive',
    data: { [VERB_FIELD]: FORM_SUBMIT_VERB, form: form.id, ...(form.state !== undefined ? { state: form.state } : {}) },
  };
  return card(body, form.title, [submit]);
}
