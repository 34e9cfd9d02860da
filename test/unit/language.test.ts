// The language rule (member, channel, platform locale, region), the paired translator that answers a
// request in both languages from one run, and messages in two languages within Slack's and Teams' limits.
import { describe, expect, it } from 'vitest';
import {
  channelLanguage,
  memberLanguage,
  platformLanguage,
  regionDefault,
  requestLanguage,
  type RequestLanguageFacts,
} from '../../src/core/i18n/language-resolution.js';
import { pairedTranslator, pick, pickAll } from '../../src/core/i18n/paired-text.js';
import { translator } from '../../src/core/i18n/translator.js';
import { parseLanguageChoice } from '../../src/core/language/language-commands.js';
import { inLanguages, joinLanguages, languageParts, pairedMessage } from '../../src/core/reply/bilingual.js';
import { message, textMessage, type Block } from '../../src/core/reply/reply.js';
import { renderMessage } from '../../src/slack/block-kit.js';
import { SLACK_LIMITS } from '../../src/slack/block-kit-limits.js';
import { renderMessageActivity } from '../../src/teams/adaptive-card.js';
import { adaptiveCardToText, slackBlocksToText } from '../../src/dev/readable-text.js';
import { activityProblems, cardProblems } from '../support/teams-cards.js';

const facts = (overrides: Partial<RequestLanguageFacts>, locale?: string): RequestLanguageFacts => ({
  platform: 'slack',
  locale: () => Promise.resolve(locale),
  ...overrides,
});

describe('the language rule', () => {
  it('takes the member’s own choice first, whatever the channel, platform or region', async () => {
    expect(await requestLanguage(facts({ memberChoice: 'en', memberNation: 'wales', channelSetting: 'cy' }, 'cy'))).toBe('en');
    expect(await requestLanguage(facts({ platform: 'teams', memberChoice: 'both' }, 'en-US'))).toBe('both');
  });

  it('then the channel’s setting', async () => {
    expect(await requestLanguage(facts({ channelSetting: 'both', memberNation: 'england' }, 'en-GB'))).toBe('both');
  });

  it('then Teams’ locale: Welsh for cy and cy-GB, English for any other', async () => {
    expect(await requestLanguage(facts({ platform: 'teams', memberNation: 'wales' }, 'cy-GB'))).toBe('cy');
    expect(await requestLanguage(facts({ platform: 'teams', memberNation: 'wales' }, 'cy'))).toBe('cy');
    expect(await requestLanguage(facts({ platform: 'teams', memberNation: 'wales' }, 'en-GB'))).toBe('en');
    expect(platformLanguage('teams', undefined)).toBeUndefined();
  });

  it('then Slack’s locale only when it is Welsh: its other locales leave it to the region', async () => {
    expect(await requestLanguage(facts({ memberNation: 'england' }, 'cy'))).toBe('cy');
    expect(await requestLanguage(facts({ memberNation: 'wales' }, 'en-GB'))).toBe('both');
    expect(platformLanguage('slack', 'en-US')).toBeUndefined();
  });

  it('asks Slack for the locale only when nothing before it decides', async () => {
    let asked = 0;
    const lookup = () => {
      asked += 1;
      return Promise.resolve('cy');
    };
    expect(await requestLanguage({ platform: 'slack', memberChoice: 'en', locale: lookup })).toBe('en');
    expect(await requestLanguage({ platform: 'slack', channelSetting: 'both', locale: lookup })).toBe('both');
    expect(asked).toBe(0);
    expect(await requestLanguage({ platform: 'slack', locale: lookup })).toBe('cy');
    expect(asked).toBe(1);
  });

  it('then the region: NHS Wales both, elsewhere English; a Welsh community channel both for visitors', async () => {
    expect(regionDefault('wales')).toBe('both');
    expect(regionDefault('england')).toBe('en');
    expect(regionDefault(undefined)).toBe('en');
    expect(await requestLanguage(facts({ channelNation: 'wales' }))).toBe('both');
    expect(await requestLanguage(facts({ memberNation: 'england', channelNation: 'wales' }))).toBe('en');
  });

  it('gives direct messages the member’s choice, else their region’s default; channel posts the setting, else the region’s', () => {
    expect(memberLanguage(null, 'wales')).toBe('both');
    expect(memberLanguage('cy', 'england')).toBe('cy');
    expect(channelLanguage(null, 'wales')).toBe('both');
    expect(channelLanguage('en', 'wales')).toBe('en');
    expect(channelLanguage(null, undefined)).toBe('en');
  });

  it('reads the choice in Welsh or English words', () => {
    expect(parseLanguageChoice('Cymraeg')).toBe('cy');
    expect(parseLanguageChoice('welsh')).toBe('cy');
    expect(parseLanguageChoice('saesneg')).toBe('en');
    expect(parseLanguageChoice('English')).toBe('en');
    expect(parseLanguageChoice('y ddwy')).toBe('both');
    expect(parseLanguageChoice('both')).toBe('both');
    expect(parseLanguageChoice('klingon')).toBeUndefined();
  });
});

describe('replies in both languages', () => {
  it('splits a reply made once with the paired translator into its Welsh and its English version, Welsh first', () => {
    const t = pairedTranslator();
    const said = t('language.current', { language: t('language.name.cy') });
    expect(pick(said, 'cy')).toBe('Rydych yn cael fy negeseuon yn: Cymraeg.');
    expect(pick(said, 'en')).toBe('You get my messages in: Cymraeg (Welsh).');
    const joined = pairedMessage(textMessage(said));
    expect(languageParts(joined.blocks).map((part) => part.map((block) => (block.kind === 'text' ? block.text : '')))).toEqual([
      ['Rydych yn cael fy negeseuon yn: Cymraeg.'],
      ['You get my messages in: Cymraeg (Welsh).'],
    ]);
    expect(joined.summary).toBe('Rydych yn cael fy negeseuon yn: Cymraeg. / You get my messages in: Cymraeg (Welsh).');
  });

  it('puts labels side by side where a reply cannot be doubled (a form), and one copy where both are the same', () => {
    const t = pairedTranslator();
    expect(pickAll({ label: t('language.field') }, 'both')).toEqual({
      label: 'Iaith fy negeseuon atoch / Language for my messages to you',
    });
    // A sentence the same in both languages (a name): one copy, not two.
    const same = t('bot.name');
    expect(pick(same, 'both')).toBe(translator('en')('bot.name'));
    expect(pairedMessage(textMessage(same)).blocks).toHaveLength(1);
  });

  it('builds a post once per language of the choice, Welsh first, and once for one language', () => {
    const build = (t: ReturnType<typeof translator>) => textMessage(t('language.set.both'), 'shared');
    const both = inLanguages('both', build);
    expect(both.blocks.map((block) => block.kind)).toEqual(['text', 'divider', 'text']);
    expect(both.visibility).toBe('shared');
    expect(inLanguages('en', build).blocks).toHaveLength(1);
    expect(() => joinLanguages([])).toThrow();
  });
});

describe('a message in two languages within the platforms’ limits', () => {
  // Each version alone would fill a message: 60 long paragraphs.
  const version = (language: string): Block[] => [
    { kind: 'heading', text: `${language} heading` },
    ...Array.from({ length: 60 }, (_, i) => ({ kind: 'text' as const, text: `${language} paragraph ${i} ${'x'.repeat(900)}` })),
  ];
  const long = joinLanguages([message('Cymraeg', version('Cymraeg')), message('English', version('English'))]);

  it('Slack: each version keeps its share of the 50 blocks and of the characters, with a divider between them', () => {
    const rendered = renderMessage(long);
    expect(rendered.blocks.length).toBeLessThanOrEqual(SLACK_LIMITS.blocksPerMessage);
    expect(JSON.stringify(rendered.blocks).length).toBeLessThanOrEqual(SLACK_LIMITS.messageCharacters);
    const text = slackBlocksToText(rendered.blocks).toLowerCase();
    expect(text.indexOf('cymraeg heading')).toBeGreaterThanOrEqual(0);
    expect(text.indexOf('english heading')).toBeGreaterThan(text.indexOf('cymraeg paragraph 0'));
    expect(rendered.blocks.filter((block) => block.type === 'divider')).toHaveLength(1);
  });

  it('Teams: each version keeps its share of the activity budget, and the card is valid', () => {
    const activity = renderMessageActivity(long);
    const card = activity.attachments[0].content;
    expect(cardProblems(card)).toEqual([]);
    expect(activityProblems(activity, 0)).toEqual([]);
    const text = adaptiveCardToText(card);
    expect(text).toContain('Cymraeg heading');
    expect(text.indexOf('English heading')).toBeGreaterThan(text.indexOf('Cymraeg paragraph 0'));
  });

  it('a short message in two languages is shown whole', () => {
    const short = joinLanguages([textMessage('Helo'), textMessage('Hello')]);
    expect(slackBlocksToText(renderMessage(short).blocks)).not.toContain('more than fits');
    expect(adaptiveCardToText(renderMessageActivity(short).attachments[0].content)).toMatch(/Helo[\s\S]*Hello/);
  });
});
