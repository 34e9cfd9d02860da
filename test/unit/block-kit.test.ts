import { describe, expect, it } from 'vitest';
import type { Block, Field, Form, Message } from '../../src/core/reply/reply.js';
import { message } from '../../src/core/reply/reply.js';
import { SLACK_LIMITS } from '../../src/slack/block-kit-limits.js';
import { ACTION_ID_SEPARATOR, renderFormErrors, renderMessage, renderModal } from '../../src/slack/block-kit.js';
import { LINK_ACTION_PREFIX, linkButton } from '../../src/core/actions.js';

/** Block Kit JSON as Slack receives it, loosely typed so tests can look anywhere. */
interface TextObject {
  type: 'plain_text' | 'mrkdwn';
  text: string;
}
interface Option {
  text: TextObject;
  value: string;
}
interface Element {
  type: string;
  /** A text object on buttons; the text itself on a context block's mrkdwn elements. */
  text?: TextObject | string;
  action_id?: string;
  value?: string;
  options?: Option[];
  initial_option?: Option;
  initial_options?: Option[];
  [key: string]: unknown;
}
interface LooseBlock {
  type: string;
  block_id?: string;
  text?: TextObject;
  fields?: TextObject[];
  elements?: Element[];
  label?: TextObject;
  optional?: boolean;
  element?: Element;
}

function slackBlocks(reply: Message): LooseBlock[] {
  return renderMessage(reply).blocks as unknown as LooseBlock[];
}

/** The text of a text object, or of an element that is itself a text object. */
function textOf(text: TextObject | string | undefined): string | undefined {
  return typeof text === 'string' ? text : text?.text;
}

function sectionTexts(blocks: readonly LooseBlock[]): string[] {
  return blocks.filter((block) => block.type === 'section' && block.text).map((block) => block.text?.text ?? '');
}

const MORE = /more than fits/;

function expectWithinMessageLimits(blocks: readonly LooseBlock[]): void {
  expect(blocks.length).toBeLessThanOrEqual(SLACK_LIMITS.blocksPerMessage);
  expect(JSON.stringify(blocks).length).toBeLessThanOrEqual(SLACK_LIMITS.messageCharacters);
  for (const block of blocks) {
    if (block.type === 'header') expect(block.text?.text.length).toBeLessThanOrEqual(SLACK_LIMITS.headerText);
    if (block.type === 'section') {
      if (block.text) expect(block.text.text.length).toBeLessThanOrEqual(SLACK_LIMITS.sectionText);
      expect(block.fields?.length ?? 0).toBeLessThanOrEqual(SLACK_LIMITS.sectionFields);
      for (const field of block.fields ?? []) expect(field.text.length).toBeLessThanOrEqual(SLACK_LIMITS.sectionFieldText);
    }
    if (block.type === 'context') {
      expect(block.elements?.length).toBeLessThanOrEqual(SLACK_LIMITS.contextElements);
      for (const element of block.elements ?? []) expect((textOf(element.text) ?? '').length).toBeLessThanOrEqual(SLACK_LIMITS.contextText);
    }
    if (block.type === 'actions') expect(block.elements?.length).toBeLessThanOrEqual(SLACK_LIMITS.actionsElements);
  }
}

describe('renderMessage text', () => {
  it('escapes &, < and > in user text and leaves other characters as typed', () => {
    const blocks = slackBlocks(message('s', [{ kind: 'text', text: 'Tom & Jerry <!channel> a>b *bold* _x_' }]));
    expect(blocks).toEqual([{ type: 'section', text: { type: 'mrkdwn', text: 'Tom &amp; Jerry &lt;!channel&gt; a&gt;b *bold* _x_' } }]);
  });

  it('escapes user text inside strong spans, list items, facts and notes', () => {
    const blocks = slackBlocks(
      message('s', [
        { kind: 'text', text: ['Hi ', { kind: 'strong', text: '<@U123>' }] },
        { kind: 'list', items: [{ title: 'R&D', detail: ['<b>', { kind: 'strong', text: 'x>y' }] }] },
        { kind: 'facts', facts: [{ label: 'A<B', value: 'C&D' }] },
        { kind: 'note', text: '<https://evil.example|click>' },
      ]),
    );
    const json = JSON.stringify(blocks);
    expect(json).not.toMatch(/<@U123>|<b>|<https/);
    expect(sectionTexts(blocks)).toEqual(['Hi *&lt;@U123&gt;*', '• R&amp;D  &lt;b&gt;*x&gt;y*']);
    expect(blocks[2]?.fields?.[0]?.text).toBe('*A&lt;B*\nC&amp;D');
    expect(textOf(blocks[3]?.elements?.[0]?.text)).toBe('&lt;https://evil.example|click&gt;');
  });

  it('shows headings as plain text, which needs no escaping', () => {
    expect(slackBlocks(message('s', [{ kind: 'heading', text: 'Q&A <live>' }]))).toEqual([
      { type: 'header', text: { type: 'plain_text', text: 'Q&A <live>', emoji: true } },
    ]);
  });

  it('renders commands as code with the /cop prefix', () => {
    expect(sectionTexts(slackBlocks(message('s', [{ kind: 'text', text: ['Type ', { kind: 'command', words: 'help' }] }])))).toEqual([
      'Type `/cop help`',
    ]);
  });

  it('renders Slack channel spans as channel links', () => {
    const texts = sectionTexts(
      slackBlocks(message('s', [{ kind: 'text', text: ['See ', { kind: 'channel', platform: 'slack', id: 'C123', name: 'london' }] }])),
    );
    expect(texts).toEqual(['See <#C123>']);
  });

  it('renders Teams channels by name, and never turns a malformed id into a link', () => {
    const texts = sectionTexts(
      slackBlocks(
        message('s', [
          { kind: 'text', text: [{ kind: 'channel', platform: 'teams', id: '19:x@thread', name: 'London <CoP>' }] },
          { kind: 'text', text: [{ kind: 'channel', platform: 'slack', id: 'C1>|<!here' }] },
        ]),
      ),
    );
    expect(texts).toEqual(['London &lt;CoP&gt; (Teams)', 'C1&gt;|&lt;!here (Teams)']);
  });

  it('gives a plain-text fallback with /cop commands', () => {
    const rendered = renderMessage(message('Summary', [{ kind: 'text', text: ['Type ', { kind: 'command', words: 'help' }] }]));
    expect(rendered.text).toBe('Type /cop help');
  });

  it('escapes the fallback text exactly as the blocks, so names and titles never mention or link', () => {
    const rendered = renderMessage(
      message('s', [
        { kind: 'heading', text: 'Sam <!channel> & <@U123>' },
        { kind: 'text', text: ['Title <!here> ', { kind: 'strong', text: '<http://x|y>' }] },
        { kind: 'list', items: [{ title: 'admin grant <facilitator|admin> <@person>' }] },
      ]),
    );
    expect(rendered.text).toBe(
      'SAM &lt;!CHANNEL&gt; &amp; &lt;@U123&gt;\n\nTitle &lt;!here&gt; &lt;http://x|y&gt;\n\n- admin grant &lt;facilitator|admin&gt; &lt;@person&gt;',
    );
    expect(rendered.text).not.toMatch(/<[!@#h]/);
  });

  it('never cuts an escaped character in half in the fallback', () => {
    const { text } = renderMessage(message('s', [{ kind: 'text', text: '<'.repeat(20_000) }]));
    expect(text.length).toBeLessThanOrEqual(SLACK_LIMITS.messageText);
    expect(text.replace(/…$/, '')).toMatch(/^(&lt;)+$/);
  });

  // Fails at the time of writing: truncate() cuts the escaped mrkdwn, so a long line of user text can end
  // in half an entity (`&am…`) or half a `<#C…>` link, which Slack shows as stray characters.
  it('never cuts an escaped character in half when a line is too long for one section', () => {
    const [text] = sectionTexts(slackBlocks(message('s', [{ kind: 'text', text: '&'.repeat(2_000) }])));
    expect(text?.length).toBeLessThanOrEqual(SLACK_LIMITS.sectionText);
    expect(text?.replace(/…$/, '')).toMatch(/^(&amp;)+$/);
  });
});

describe('renderMessage limits', () => {
  const hugeList = message('A very long list', [
    { kind: 'heading', text: 'H'.repeat(400) },
    { kind: 'list', items: Array.from({ length: 200 }, (_, i) => ({ title: `${i} `.padEnd(200, 'x') })) },
  ]);

  it('keeps a reply of 200 items of 200 characters within Slack limits', () => {
    const blocks = slackBlocks(hugeList);
    expectWithinMessageLimits(blocks);
    expect(blocks[0]?.type).toBe('header');
    expect(blocks[0]?.text?.text).toHaveLength(SLACK_LIMITS.headerText);
    expect(blocks[0]?.text?.text.endsWith('…')).toBe(true);
  });

  it('packs list items into as few sections as fit, without cutting items', () => {
    const blocks = slackBlocks(hugeList);
    const lines = sectionTexts(blocks).flatMap((text) => text.split('\n'));
    expect(lines.length).toBeGreaterThan(40);
    expect(lines.every((line) => /^• \d+ x+$/.test(line) && line.length === 202)).toBe(true);
    expect(lines.map((line) => Number(line.split(' ')[1]))).toEqual(lines.map((_, i) => i));
  });

  it('ends a reply that does not fit with a "more" context block', () => {
    const last = slackBlocks(hugeList).at(-1);
    expect(last?.type).toBe('context');
    expect(textOf(last?.elements?.[0]?.text)).toMatch(MORE);
  });

  it('keeps at most 50 blocks, the last saying there is more', () => {
    const blocks = slackBlocks(
      message(
        's',
        Array.from({ length: 120 }, (_, i): Block => ({ kind: 'text', text: `line ${i}` })),
      ),
    );
    expect(blocks).toHaveLength(SLACK_LIMITS.blocksPerMessage);
    expect(sectionTexts(blocks).at(-1)).toBe('line 48');
    expect(textOf(blocks.at(-1)?.elements?.[0]?.text)).toMatch(MORE);
  });

  it('shows exactly 50 blocks without a "more" note', () => {
    const blocks = slackBlocks(
      message(
        's',
        Array.from({ length: 50 }, (_, i): Block => ({ kind: 'text', text: `line ${i}` })),
      ),
    );
    expect(blocks).toHaveLength(50);
    expect(JSON.stringify(blocks)).not.toMatch(MORE);
  });

  // Fails at the time of writing: renderMessage counts the characters of the blocks it keeps but not the
  // "more" note (≈90 characters) nor the JSON commas, so the total can exceed messageCharacters slightly.
  it('stays within messageCharacters in all, counting the "more" note', () => {
    const blocks = slackBlocks(
      message(
        's',
        Array.from({ length: 5 }, (): Block => ({ kind: 'text', text: 'a'.repeat(2_945) })),
      ),
    );
    expect(textOf(blocks.at(-1)?.elements?.[0]?.text)).toMatch(MORE);
    expect(JSON.stringify(blocks).length).toBeLessThanOrEqual(SLACK_LIMITS.messageCharacters);
  });

  it('cuts the plain-text fallback to messageText', () => {
    expect(renderMessage(hugeList).text.length).toBeLessThanOrEqual(SLACK_LIMITS.messageText);
  });
});

describe('renderMessage buttons and facts', () => {
  const buttons = (count: number, label = (i: number) => `Button ${i}`): Message =>
    message('s', [
      { kind: 'buttons', buttons: Array.from({ length: count }, (_, i) => ({ label: label(i), action: 'cop.run', value: `v${i}` })) },
    ]);

  it('splits 30 buttons into two actions blocks of at most 25, with unique action ids', () => {
    const blocks = slackBlocks(buttons(30));
    expect(blocks.map((block) => block.type)).toEqual(['actions', 'actions']);
    expect(blocks.map((block) => block.elements?.length)).toEqual([25, 5]);
    const elements = blocks.flatMap((block) => block.elements ?? []);
    const ids = elements.map((element) => element.action_id);
    expect(new Set(ids).size).toBe(30);
    expect(ids.every((id) => id?.startsWith('cop.run'))).toBe(true);
    expect(elements.map((element) => element.value)).toEqual(Array.from({ length: 30 }, (_, i) => `v${i}`));
  });

  it('cuts long button labels to 75 characters', () => {
    const [block] = slackBlocks(buttons(1, () => 'L'.repeat(200)));
    const text = textOf(block?.elements?.[0]?.text) ?? '';
    expect(text).toHaveLength(SLACK_LIMITS.buttonText);
    expect(text.endsWith('…')).toBe(true);
  });

  it('maps button styles', () => {
    const [block] = slackBlocks(
      message('s', [
        {
          kind: 'buttons',
          buttons: [
            { label: 'Yes', action: 'a', style: 'primary' },
            { label: 'No', action: 'b', style: 'danger' },
            { label: 'Maybe', action: 'c' },
          ],
        },
      ]),
    );
    expect(block?.elements?.map((element) => element['style'])).toEqual(['primary', 'danger', undefined]);
    expect(block?.elements?.[2]).not.toHaveProperty('value');
  });

  it('renders a link button with its address and no value, under an action id the link listener matches', () => {
    const url = `https://cop.example.test/calendar/${'a'.repeat(32)}.ics`;
    const [block] = slackBlocks(message('s', [{ kind: 'buttons', buttons: [linkButton('calendar', 'Add to calendar', url)] }]));
    const [element] = block?.elements ?? [];
    expect(element).toEqual({
      type: 'button',
      text: { type: 'plain_text', text: 'Add to calendar', emoji: true },
      action_id: `link.calendar${ACTION_ID_SEPARATOR}0`,
      url,
    });
    expect(element?.action_id?.startsWith(LINK_ACTION_PREFIX)).toBe(true);
  });

  it('splits 25 facts into sections of at most 10 fields', () => {
    const facts = Array.from({ length: 25 }, (_, i) => ({ label: `Label ${i}`, value: `Value ${i}` }));
    const blocks = slackBlocks(message('s', [{ kind: 'facts', facts }]));
    expect(blocks.map((block) => block.fields?.length)).toEqual([10, 10, 5]);
    expect(blocks.flatMap((block) => block.fields ?? []).map((field) => field.text)).toEqual(
      facts.map((fact) => `*${fact.label}*\n${fact.value}`),
    );
    expectWithinMessageLimits(blocks);
  });
});

describe('renderModal', () => {
  const options = Array.from({ length: 150 }, (_, i) => ({
    label: `Option ${i} `.padEnd(120, 'o'),
    value: `value-${i}-`.padEnd(300, 'v'),
  }));
  const nations = [
    { label: 'NHS England', value: 'england' },
    { label: 'NHS Wales', value: 'wales' },
  ];
  const groups = [
    { label: 'Nursing', value: 'nursing' },
    { label: 'Medical', value: 'medical' },
    { label: 'Allied health professions', value: 'ahp' },
  ];
  const fields: Field[] = [
    { kind: 'text', id: 'title', label: 'Title', required: true, maxLength: 100, placeholder: 'P'.repeat(300), initial: 'Flexible' },
    { kind: 'text', id: 'story', label: 'Story', required: false, multiline: true, maxLength: 10_000 },
    { kind: 'select', id: 'region', label: 'Region', required: true, options },
    { kind: 'select', id: 'nation', label: 'Nation', required: true, options: nations, initial: ['wales'] },
    { kind: 'select', id: 'groups', label: 'Staff groups', required: false, multiple: true, options: groups, initial: ['ahp', 'nursing'] },
    { kind: 'select', id: 'lead', label: 'Lead', required: false, options: groups },
    { kind: 'checkbox', id: 'public', label: 'Share with every region', required: false, initial: true },
    { kind: 'date', id: 'on', label: 'Date', required: true, initial: '2025-03-04' },
    { kind: 'time', id: 'at', label: 'Time', required: false, initial: '14:30' },
  ];
  const form: Form = {
    kind: 'form',
    id: 'case.new',
    title: 'Share a retention case study with everyone',
    submitLabel: 'Share this case study with the community',
    intro: 'Tell us what worked & why <3',
    fields,
    state: 'S'.repeat(5_000),
    requiredMessage: 'Please fill this in',
  };
  const modal = renderModal(form);
  const blocks = modal.blocks as unknown as LooseBlock[];
  const inputs = blocks.filter((block) => block.type === 'input');
  const input = (id: string): LooseBlock | undefined => inputs.find((block) => block.block_id === id);

  it('cuts the title and submit label to 24 characters and keeps the form id as callback id', () => {
    expect(modal.type).toBe('modal');
    expect(modal.callback_id).toBe('case.new');
    expect(modal.title.text.length).toBeLessThanOrEqual(SLACK_LIMITS.modalTitle);
    expect(modal.submit?.text.length).toBeLessThanOrEqual(SLACK_LIMITS.modalButton);
    expect(modal.title.text.startsWith('Share a retention')).toBe(true);
  });

  it('carries the state as private metadata within its limit', () => {
    expect(modal.private_metadata?.length).toBe(SLACK_LIMITS.privateMetadata);
  });

  it('renders the intro as escaped mrkdwn before the inputs', () => {
    expect(blocks[0]).toEqual({ type: 'section', text: { type: 'mrkdwn', text: 'Tell us what worked &amp; why &lt;3' } });
  });

  it('gives one input per field, with the field id as block id', () => {
    expect(inputs.map((block) => block.block_id)).toEqual(fields.map((field) => field.id));
    expect(inputs.map((block) => block.label?.text)).toEqual(fields.map((field) => field.label));
  });

  it('marks inputs optional exactly when the field is not required', () => {
    expect(inputs.map((block) => block.optional)).toEqual(fields.map((field) => !field.required));
  });

  it('uses the element type of each field kind, all answering as action id "value"', () => {
    expect(inputs.map((block) => block.element?.type)).toEqual([
      'plain_text_input',
      'plain_text_input',
      'static_select',
      'static_select',
      'multi_static_select',
      'static_select',
      'checkboxes',
      'datepicker',
      'timepicker',
    ]);
    expect(inputs.every((block) => block.element?.action_id === 'value')).toBe(true);
  });

  it('caps text inputs at the plain-text input limit and cuts long placeholders', () => {
    const title = input('title')?.element;
    expect(title?.['max_length']).toBe(100);
    expect(title?.['initial_value']).toBe('Flexible');
    expect((title?.['placeholder'] as TextObject).text.length).toBeLessThanOrEqual(SLACK_LIMITS.inputPlaceholder);
    const story = input('story')?.element;
    expect(story?.['multiline']).toBe(true);
    expect(story?.['max_length']).toBe(SLACK_LIMITS.plainTextInputMaxLength);
  });

  it('caps select options at 100, their text at 75 and values at 150 characters', () => {
    const region = input('region')?.element;
    expect(region?.options).toHaveLength(SLACK_LIMITS.optionsPerSelect);
    for (const option of region?.options ?? []) {
      expect(option.text.text.length).toBeLessThanOrEqual(SLACK_LIMITS.optionText);
      expect(option.value.length).toBeLessThanOrEqual(SLACK_LIMITS.optionValue);
    }
    expect(new Set(region?.options?.map((option) => option.value)).size).toBe(100);
  });

  it('pre-selects initial options of selects and checkboxes', () => {
    expect(input('nation')?.element?.initial_option).toEqual({
      text: { type: 'plain_text', text: 'NHS Wales', emoji: true },
      value: 'wales',
    });
    expect(input('groups')?.element?.initial_options?.map((option) => option.value)).toEqual(['nursing', 'ahp']);
    expect(input('region')?.element).not.toHaveProperty('initial_option');
    expect(input('lead')?.element).not.toHaveProperty('initial_option');
    const checkbox = input('public')?.element;
    expect(checkbox?.options).toHaveLength(1);
    expect(checkbox?.options?.[0]?.value).toBe('true');
    expect(checkbox?.initial_options).toEqual(checkbox?.options);
  });

  it('sets initial dates and times', () => {
    expect(input('on')?.element?.['initial_date']).toBe('2025-03-04');
    expect(input('at')?.element?.['initial_time']).toBe('14:30');
  });

  it('keeps a modal within 100 blocks', () => {
    const many = renderModal({
      ...form,
      fields: Array.from({ length: 120 }, (_, i): Field => ({ kind: 'checkbox', id: `f${i}`, label: `F${i}`, required: false })),
    });
    expect(many.blocks.length).toBeLessThanOrEqual(SLACK_LIMITS.blocksPerModal);
  });
});

describe('renderFormErrors', () => {
  it('answers a view submission with errors by block id', () => {
    const errors = { title: 'Give the case study a title', on: 'Pick a date in the future' };
    const answer = renderFormErrors(errors);
    expect(answer).toEqual({ response_action: 'errors', errors });
    expect(answer.errors).not.toBe(errors);
  });
});

describe('renderMessage images', () => {
  const link = { url: 'https://cop.example.test/links/abc/trend.png', label: 'Download the chart' };

  it('renders an uploaded picture as an image block naming the Slack file, with alt text cut to Slack’s limit', () => {
    const blocks = renderMessage(
      message('Chart', [{ kind: 'image', png: 'iVBORw0KGgo=', alt: 'a'.repeat(2_500), link, uploaded: 'F0CHART' }]),
    ).blocks as unknown as Record<string, unknown>[];
    expect(blocks).toHaveLength(1);
    expect(blocks[0]).toMatchObject({ type: 'image', slack_file: { id: 'F0CHART' } });
    expect(blocks[0]).not.toHaveProperty('image_url');
    expect((blocks[0]!['alt_text'] as string).length).toBeLessThanOrEqual(SLACK_LIMITS.imageAltText);
  });

  it('offers a picture not uploaded as a download button, never as an image_url Slack might not reach', () => {
    const blocks = renderMessage(message('Chart', [{ kind: 'image', png: 'iVBORw0KGgo=', alt: 'Chart', link }]))
      .blocks as unknown as Record<string, unknown>[];
    expect(blocks).toEqual([
      {
        type: 'actions',
        elements: [
          {
            type: 'button',
            text: { type: 'plain_text', text: 'Download the chart', emoji: true },
            action_id: 'link.chart#0',
            url: link.url,
          },
        ],
      },
    ]);
    expect(renderMessage(message('Chart', [{ kind: 'image', png: 'iVBORw0KGgo=', alt: 'Chart' }])).blocks).toEqual([]);
  });
});
