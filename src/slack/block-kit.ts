// Renders the core's reply model as Slack Block Kit: messages as blocks, forms as modal views. Limits
// from block-kit-limits.ts are enforced here, so that no reply is ever refused by Slack for its size.
import type { ActionsBlock, Button, ContextBlock, InputBlock, KnownBlock, ModalView, PlainTextOption, SectionBlock } from '@slack/types';
import type { Block, Field, Form, Message, Rich, Span } from '../core/reply/reply.js';
import { replyToPlainText } from '../core/reply/plain-text.js';
import { languageParts } from '../core/reply/bilingual.js';
import { linkAction } from '../core/actions.js';
import { SLACK_LIMITS as LIMIT } from './block-kit-limits.js';

export const SLASH_COMMAND = '/cop';
const COMMAND_PREFIX = `${SLASH_COMMAND} `;

/** Separates an action id from the button's position, keeping ids unique within an actions block. */
export const ACTION_ID_SEPARATOR = '#';

export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** Slack's three control characters in mrkdwn; everything else a user types is shown as typed. */
export function escapeMrkdwn(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

function spanToMrkdwn(span: Span): string {
  if (typeof span === 'string') return escapeMrkdwn(span);
  switch (span.kind) {
    case 'command':
      return `\`${escapeMrkdwn(COMMAND_PREFIX + span.words)}\``;
    case 'channel':
      // A Slack channel id renders as a link with the channel's current name; other platforms' channels by name.
      return span.platform === 'slack' && /^[A-Z0-9]+$/.test(span.id) ? `<#${span.id}>` : escapeMrkdwn(`${span.name ?? span.id} (Teams)`);
    case 'strong':
      return `*${escapeMrkdwn(span.text)}*`;
  }
}

export function richToMrkdwn(rich: Rich): string {
  return typeof rich === 'string' ? escapeMrkdwn(rich) : rich.map(spanToMrkdwn).join('');
}

/** Cuts mrkdwn without splitting an escaped character (`&amp;`) or a link (`<#C123>`). */
export function truncateMrkdwn(text: string, max: number): string {
  if (text.length <= max) return text;
  return `${text
    .slice(0, max - 1)
    .replace(/&[a-z]*$/, '')
    .replace(/<[^>]*$/, '')}…`;
}

const mrkdwn = (text: string, max: number) => ({ type: 'mrkdwn' as const, text: truncateMrkdwn(text, max) });
const plain = (text: string, max: number) => ({ type: 'plain_text' as const, text: truncate(text, max), emoji: true });

/** Joins lines into as few sections as fit the section text limit. */
function linesToSections(lines: readonly string[]): SectionBlock[] {
  const sections: SectionBlock[] = [];
  let current = '';
  for (const line of lines) {
    const candidate = current === '' ? line : `${current}\n${line}`;
    if (candidate.length > LIMIT.sectionText && current !== '') {
      sections.push({ type: 'section', text: mrkdwn(current, LIMIT.sectionText) });
      current = line;
    } else {
      current = candidate;
    }
  }
  if (current !== '') sections.push({ type: 'section', text: mrkdwn(current, LIMIT.sectionText) });
  return sections;
}

function renderButton(button: Extract<Block, { kind: 'buttons' }>['buttons'][number], index: number): Button {
  return {
    type: 'button',
    text: plain(button.label, LIMIT.buttonText),
    action_id: truncate(`${button.action}${ACTION_ID_SEPARATOR}${index}`, LIMIT.actionId),
    ...(button.value !== undefined ? { value: button.value.slice(0, LIMIT.buttonValue) } : {}),
    ...(button.url !== undefined ? { url: button.url.slice(0, LIMIT.buttonUrl) } : {}),
    ...(button.style ? { style: button.style } : {}),
  };
}

function renderBlock(block: Block): KnownBlock[] {
  switch (block.kind) {
    case 'heading':
      return [{ type: 'header', text: plain(block.text, LIMIT.headerText) }];
    case 'text':
      return linesToSections(richToMrkdwn(block.text).split('\n'));
    case 'facts': {
      const sections: SectionBlock[] = [];
      for (let i = 0; i < block.facts.length; i += LIMIT.sectionFields) {
        const fields = block.facts
          .slice(i, i + LIMIT.sectionFields)
          .map((fact) => mrkdwn(`*${escapeMrkdwn(fact.label)}*\n${richToMrkdwn(fact.value)}`, LIMIT.sectionFieldText));
        sections.push({ type: 'section', fields });
      }
      return sections;
    }
    case 'list':
      return linesToSections(
        block.items.map((item) => {
          const title = richToMrkdwn(item.title);
          return item.detail === undefined ? `• ${title}` : `• ${title}  ${richToMrkdwn(item.detail)}`;
        }),
      );
    case 'buttons': {
      const actions: ActionsBlock[] = [];
      for (let i = 0; i < block.buttons.length; i += LIMIT.actionsElements) {
        actions.push({
          type: 'actions',
          elements: block.buttons.slice(i, i + LIMIT.actionsElements).map((button, j) => renderButton(button, i + j)),
        });
      }
      return actions;
    }
    case 'note': {
      const context: ContextBlock = { type: 'context', elements: [mrkdwn(richToMrkdwn(block.text), LIMIT.contextText)] };
      return [context];
    }
    case 'divider':
      return [{ type: 'divider' }];
    case 'image':
      // Uploaded to Slack (slack-uploads.ts): shown from Slack's own copy. Otherwise a button opening it in
      // the person's browser, never an image_url, which Slack's servers might not reach (and would refuse
      // the whole message for).
      if (block.uploaded !== undefined)
        return [{ type: 'image', slack_file: { id: block.uploaded }, alt_text: truncate(block.alt, LIMIT.imageAltText) }];
      if (block.link === undefined) return [];
      return [
        { type: 'actions', elements: [renderButton({ label: block.link.label, action: linkAction('chart'), url: block.link.url }, 0)] },
      ];
  }
}

function blockCharacters(block: KnownBlock): number {
  return JSON.stringify(block).length;
}

/**
 * A message's top-level `text`: what notifications and screen readers show. Slack parses it like mrkdwn,
 * so it is escaped exactly as the blocks are: a name or title holding `<!channel>` or `<@U123>` is shown,
 * never run as a mention.
 */
export function notificationText(plainText: string): string {
  return truncateMrkdwn(escapeMrkdwn(plainText), LIMIT.messageText);
}

export interface SlackMessage {
  readonly text: string;
  readonly blocks: KnownBlock[];
}

const MORE_NOTE: KnownBlock = { type: 'context', elements: [mrkdwn('…more than fits in one message.', LIMIT.contextText)] };

/** Blocks in order up to `maxBlocks` and `maxCharacters` (JSON, brackets included); what does not fit is replaced by a note. */
function fitBlocks(all: readonly KnownBlock[], maxBlocks: number, maxCharacters: number): KnownBlock[] {
  const blocks: KnownBlock[] = [];
  // The JSON array's brackets, plus room for the note when something has to be left out.
  let characters = 2;
  const noteRoom = blockCharacters(MORE_NOTE) + 1;
  for (const [i, block] of all.entries()) {
    const last = i === all.length - 1;
    const size = blockCharacters(block) + (blocks.length > 0 ? 1 : 0);
    const roomForBlocks = last ? maxBlocks : maxBlocks - 1;
    const roomForCharacters = maxCharacters - (last ? 0 : noteRoom);
    if (blocks.length >= roomForBlocks || characters + size > roomForCharacters) {
      blocks.push(MORE_NOTE);
      break;
    }
    blocks.push(block);
    characters += size;
  }
  return blocks;
}

const LANGUAGE_DIVIDER_BLOCK: KnownBlock = { type: 'divider' };

/**
 * A message's blocks within Slack's count and size limits; what does not fit is replaced by a note. A
 * message in two languages (core/reply/bilingual.ts) gives each version an equal share of the limits,
 * so each is shown, cut short with the note if it has to be, with a divider between them.
 */
export function renderMessage(reply: Message): SlackMessage {
  const parts = languageParts(reply.blocks);
  const dividers = parts.length - 1;
  const blockShare = Math.floor((LIMIT.blocksPerMessage - dividers) / parts.length);
  const characterShare = Math.floor((LIMIT.messageCharacters - dividers * (blockCharacters(LANGUAGE_DIVIDER_BLOCK) + 1)) / parts.length);
  const blocks = parts.flatMap((part, i) => [
    ...(i > 0 ? [LANGUAGE_DIVIDER_BLOCK] : []),
    ...fitBlocks(part.flatMap(renderBlock), blockShare, characterShare),
  ]);
  return { text: notificationText(replyToPlainText(reply, { commandPrefix: COMMAND_PREFIX })), blocks };
}

export function option(label: string, value: string): PlainTextOption {
  return { text: plain(label, LIMIT.optionText), value: value.slice(0, LIMIT.optionValue) };
}

function renderInput(field: Field): InputBlock {
  const label = plain(field.label, LIMIT.inputLabel);
  const base = { type: 'input' as const, block_id: truncate(field.id, LIMIT.blockId), label, optional: !field.required };
  switch (field.kind) {
    case 'text':
      return {
        ...base,
        element: {
          type: 'plain_text_input',
          action_id: 'value',
          multiline: field.multiline ?? false,
          max_length: Math.min(field.maxLength ?? LIMIT.plainTextInputMaxLength, LIMIT.plainTextInputMaxLength),
          ...(field.placeholder ? { placeholder: plain(field.placeholder, LIMIT.inputPlaceholder) } : {}),
          ...(field.initial !== undefined ? { initial_value: field.initial } : {}),
        },
      };
    case 'select': {
      if (field.searchable && !field.multiple) {
        const initial = field.options.find((o) => field.initial?.includes(o.value));
        return {
          ...base,
          dispatch_action: false,
          element: {
            type: 'external_select',
            action_id: 'value',
            min_query_length: 2,
            ...(field.placeholder ? { placeholder: plain(field.placeholder, LIMIT.inputPlaceholder) } : {}),
            ...(initial ? { initial_option: option(initial.label, initial.value) } : {}),
          },
        };
      }
      const options = field.options.slice(0, LIMIT.optionsPerSelect).map((o) => option(o.label, o.value));
      const initial = options.filter((o) => field.initial?.includes(o.value ?? ''));
      return {
        ...base,
        element: field.multiple
          ? { type: 'multi_static_select', action_id: 'value', options, ...(initial.length > 0 ? { initial_options: initial } : {}) }
          : { type: 'static_select', action_id: 'value', options, ...(initial[0] ? { initial_option: initial[0] } : {}) },
      };
    }
    case 'checkbox': {
      const only = option(field.label, 'true');
      return {
        ...base,
        element: { type: 'checkboxes', action_id: 'value', options: [only], ...(field.initial ? { initial_options: [only] } : {}) },
      };
    }
    case 'date':
      return { ...base, element: { type: 'datepicker', action_id: 'value', ...(field.initial ? { initial_date: field.initial } : {}) } };
    case 'time':
      return { ...base, element: { type: 'timepicker', action_id: 'value', ...(field.initial ? { initial_time: field.initial } : {}) } };
  }
}

/** A form as a modal view for `views.open`; the form id becomes the callback id of its submission. */
export function renderModal(form: Form): ModalView {
  const intro = form.intro ? linesToSections(richToMrkdwn(form.intro).split('\n')) : [];
  return {
    type: 'modal',
    callback_id: form.id,
    title: plain(form.title, LIMIT.modalTitle),
    submit: plain(form.submitLabel, LIMIT.modalButton),
    ...(form.state !== undefined ? { private_metadata: form.state.slice(0, LIMIT.privateMetadata) } : {}),
    blocks: [...intro, ...form.fields.map(renderInput)].slice(0, LIMIT.blocksPerModal),
  };
}

/** The `view_submission` answer that shows messages beside fields; the modal stays open. */
export function renderFormErrors(errors: Readonly<Record<string, string>>): { response_action: 'errors'; errors: Record<string, string> } {
  return { response_action: 'errors', errors: { ...errors } };
}
