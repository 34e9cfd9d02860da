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

function plainOf(rich: Rich): string {
  return runs(rich).map((run) => String(run['text'])).join('');
}

function renderBlock(block: Block): CardElement[] {
  switch (block.kind) {
    case 'heading':
      return [richText(block.text, { size: 'Large', weight: 'Bolder' })];
    case 'text':
      return [richText(block.text)];
    case 'facts':
      return [{ type: 'FactSet', facts: block.facts.map((fact) => ({ title: fact.label, value: plainOf(fact.value) })) }];
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
          actions: block.buttons.map((button) => ({
            type: 'Action.Submit',
            title: button.label,
            ...(button.style ? { style: button.style === 'primary' ? 'positive' : 'destructive' } : {}),
            data: { [VERB_FIELD]: button.action, ...(button.value !== undefined ? { value: button.value } : {}) },
          })),
        },
      ];
    case 'note':
      return [richText(block.text, { isSubtle: true, size: 'Small' })];
    case 'divider':
      return [{ type: 'Container', separator: true, items: [] }];
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

function cardBytes(value: AdaptiveCard): number {
  return Buffer.byteLength(JSON.stringify(value));
}

/** A message as one card, trimmed from the end (with a note) if it would exceed the size Teams accepts. */
export function renderMessageCard(reply: Message): AdaptiveCard {
  const body = reply.blocks.flatMap(renderBlock);
  let result = card(body, reply.summary);
  while (cardBytes(result) > MAX_CARD_BYTES && body.length > 1) {
    body.splice(-2, 2, richText('…more than fits in one card.', { isSubtle: true }));
    result = card(body, reply.summary);
  }
  return result;
}

function renderInput(field: Field, error: string | undefined): CardElement[] {
  const base = { id: field.id, label: field.label, isRequired: field.required, ...(error ? { errorMessage: error } : {}) };
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
  // Teams shows errorMessage only for its own client-side checks; a server-side error is shown in text too.
  return error ? [input, { type: 'TextBlock', text: error, color: 'Attention', wrap: true, spacing: 'None', size: 'Small' }] : [input];
}

/** A form as a card with inputs; its submit button carries the form id and state back to the bot. */
export function renderFormCard(form: Form): AdaptiveCard {
  const body: CardElement[] = [
    richText(form.title, { size: 'Large', weight: 'Bolder' }),
    ...(form.intro ? [richText(form.intro)] : []),
    ...form.fields.flatMap((field) => renderInput(field, form.errors?.[field.id])),
  ];
  const submit: CardElement = {
    type: 'Action.Submit',
    title: form.submitLabel,
    style: 'positive',
    data: { [VERB_FIELD]: FORM_SUBMIT_VERB, form: form.id, ...(form.state !== undefined ? { state: form.state } : {}) },
  };
  return card(body, form.title, [submit]);
}
