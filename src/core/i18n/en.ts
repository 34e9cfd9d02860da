// English messages: every sentence the bot says, keyed. Features keep theirs beside them
// (<feature>/messages.en.ts) and this catalogue gathers them; handlers never hold sentences, so that a
// Welsh catalogue (NHS Wales) can be added beside this one.
import { plural } from './plural.js';

import { channelsEn } from '../channels/messages.en.js';
import { directoryEn } from '../directory/messages.en.js';
import { deliveryEn } from '../delivery/messages.en.js';
import { linksEn } from '../links/messages.en.js';
import { linkingEn } from '../linking/messages.en.js';
import { membersEn } from '../members/messages.en.js';
import { organisationsEn } from '../organisations/messages.en.js';
import { rolesEn } from '../roles/messages.en.js';
import { casesEn } from '../cases/messages.en.js';
import { eventsEn } from '../events/messages.en.js';
import { metricsEn } from '../metrics/messages.en.js';
import { digestEn } from '../digests/messages.en.js';
import { subscriptionsEn } from '../digests/subscription-messages.en.js';
import { questionsEn } from '../questions/messages.en.js';
import { helpEn } from '../help/messages.en.js';

export const en = {
  'bot.name': 'CoP Bot',
  'bot.tagline':
    'I help NHS retention communities of practice work where they already talk: members and regions, masterclasses and meetings, case studies, and retention metric digests.',

  'help.summary': 'CoP Bot help: what you can do, by topic',
  'help.commandsHeading': 'Commands',
  'help.moreAboutOne': 'For more about one topic, type',
  'help.commandSummary': 'What the bot does and every command, with examples',
  'help.usage': 'Usage',
  'help.examples': 'Examples',
  'help.commandTitle': (p: { command: string }) => `Help: ${p.command}`,

  'regions.commandSummary': 'The regions and their community channels',
  'regions.heading': 'Regions',
  'regions.summary': (p: { count: number }) => `${plural(p.count, { one: 'region', other: 'regions' })} and their community channels`,
  'regions.noChannel': 'No community channel linked yet',
  'regions.england': 'NHS England',
  'regions.wales': 'NHS Wales',
  'regions.didYouMean': (p: { region: string }) => `Did you mean ${p.region}?`,
  'regions.none': 'No regions are set up yet. Ask an administrator to run the database seed.',

  'help.whoCanUse': 'Who can use it',

  'error.unknownCommand': (p: { word: string }) => `I don't know the command "${p.word}".`,
  'error.didYouMean': 'Did you mean',
  'error.seeHelp': 'To see every command, type',
  'error.badArguments': (p: { command: string }) => `That is not quite how "${p.command}" works.`,
  'error.tooManyWords': (p: { extra: string }) => `I didn't expect "${p.extra}" there.`,
  'error.internal': 'Sorry, something went wrong on my side and nothing was changed. Please try again in a minute.',
  'error.unknownAction': 'That button no longer does anything. Please type the command again.',
  ...membersEn,
  ...linkingEn,
  ...directoryEn,
  ...rolesEn,
  ...channelsEn,
  ...organisationsEn,
  ...casesEn,
  ...metricsEn,
  ...digestEn,
  ...subscriptionsEn,
  ...linksEn,
  ...deliveryEn,
  ...eventsEn,
  ...questionsEn,
  ...helpEn,
} as const;

export type Messages = typeof en;
export type MessageKey = keyof Messages;
