// `language cymraeg|english|both` (also `iaith cymraeg|saesneg|y ddwy`): a member's language for the
// bot's replies and direct messages. `channel language …`: the language of the bot's posts in a channel,
// for facilitators and national admins; audited. How a language is decided when none is chosen is in
// i18n/language-resolution.ts.
import { z } from 'zod';
import { defineCommand } from '../commands/command.js';
import type { RequestContext } from '../context.js';
import type { LanguageChoice } from '../i18n/language-choice.js';
import { channelLanguage, memberLanguage } from '../i18n/language-resolution.js';
import type { Translate } from '../i18n/translator.js';
import { activeMember } from '../members/active-member.js';
import { inLanguages } from '../reply/bilingual.js';
import { message, textMessage, type Message } from '../reply/reply.js';
import { mayChangeFacilitators, permissionsOf } from '../roles/permissions.js';
import type { CoreServices } from '../services.js';

export type LanguageCommandsServices = Pick<CoreServices, 'configuredAdmins' | 'conversations' | 'members' | 'roles'>;

/** The words for each choice, in English and in Welsh (with and without the soft mutation). */
const WORDS: Readonly<Record<LanguageChoice, readonly string[]>> = {
  cy: ['cymraeg', 'welsh', 'cy', 'gymraeg', 'yn gymraeg', 'in welsh'],
  en: ['english', 'saesneg', 'en', 'in english', 'yn saesneg'],
  both: ['both', 'y ddwy', 'ddwy', 'dwy', 'y ddau', 'bilingual', 'dwyieithog', 'cymraeg a saesneg', 'welsh and english'],
};

/** The choice named by what was typed (any case, Welsh or English words), or undefined. */
export function parseLanguageChoice(typed: string): LanguageChoice | undefined {
  const words = typed.toLowerCase().replace(/[’']/g, '').replace(/\s+/g, ' ').trim();
  return (Object.keys(WORDS) as LanguageChoice[]).find((choice) => WORDS[choice].includes(words));
}

export const languageName = (t: Translate, choice: LanguageChoice) => t(`language.name.${choice}`);

const optionalWords = z.array(z.string()).transform((words) => ({ typed: words.join(' ') }));

function howToChange(t: Translate, said: string, command: string): Message {
  return message(said, [
    { kind: 'text', text: said },
    {
      kind: 'text',
      text: [
        `${t('language.howToChange')} `,
        { kind: 'command', words: `${command} cymraeg` },
        ', ',
        { kind: 'command', words: `${command} english` },
        ' / ',
        { kind: 'command', words: `${command} both` },
      ],
    },
  ]);
}

export const languageCommand = defineCommand({
  words: 'language',
  cy: ['iaith'],
  args: optionalWords,
  usage: 'language cymraeg|english|both',
  summary: 'language.summary',
  needs: 'language.needs',
  examples: ['language cymraeg', 'language both', 'iaith y ddwy'],
  async run(args, context: RequestContext, services: LanguageCommandsServices) {
    const { t } = context;
    const member = await activeMember(context, services);
    if (!member) return textMessage(t('language.notMember'));
    if (args.typed === '') {
      const current = memberLanguage(member.language, member.region?.nation);
      const said = member.language
        ? t('language.current', { language: languageName(t, current) })
        : t('language.notChosen', { language: languageName(t, current) });
      return howToChange(t, said, 'language');
    }
    const choice = parseLanguageChoice(args.typed);
    if (!choice) return textMessage(t('language.unknown', { typed: args.typed.slice(0, 40) }));
    await services.members.setLanguage(member.id, choice);
    // Said in the language just chosen.
    return inLanguages(choice, (chosen) => textMessage(chosen(`language.set.${choice}`)));
  },
});

export const channelLanguageCommand = defineCommand({
  words: 'channel language',
  aliases: ['channel iaith'],
  cy: ['iaith sianel', 'sianel iaith'],
  args: optionalWords,
  usage: 'channel language cymraeg|english|both',
  summary: 'language.channelSummary',
  needs: 'language.channelNeeds',
  examples: ['channel language both', 'channel language english'],
  async run(args, context: RequestContext, services: LanguageCommandsServices) {
    const { t } = context;
    if (context.conversation.kind === 'personal') return textMessage(t('language.channelNotInChannel'));
    const current = await services.conversations.language(context.conversation);
    if (args.typed === '') {
      const said = t('language.channelCurrent', { language: languageName(t, channelLanguage(current?.setting, current?.regionNation)) });
      return howToChange(t, said, 'channel language');
    }
    const choice = parseLanguageChoice(args.typed);
    if (!choice) return textMessage(t('language.unknown', { typed: args.typed.slice(0, 40) }));
    // A community channel is its region's facilitators' (and national admins'); any other channel any facilitator's.
    const permissions = await permissionsOf(context.actor, services.roles, services.configuredAdmins);
    const region = await services.conversations.linkedRegion(context.conversation);
    const allowed =
      region === undefined ? permissions.nationalAdmin || permissions.facilitates.length > 0 : mayChangeFacilitators(permissions, region);
    if (!allowed) return textMessage(t('language.channelRefused'));
    const by = await services.members.findByIdentity(context.actor);
    await services.conversations.setLanguage(context.conversation, choice, by?.id, context.conversationDetails ?? {});
    // Shared: everyone in the channel learns the language of the posts to come.
    return textMessage(t(`language.channelSet.${choice}`), 'shared');
  },
});
