// English sentences of the bot itself: its name, help's frame, regions and errors; part of the catalogue in
// src/core/i18n/en.ts.
import { plural } from './plural.js';

export const coreEn = {
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
  'error.busy':
    'I have more to do than I can take on just now, so I did not do that and nothing was changed. Please try again in a minute.',
  'error.unknownAction': 'That button no longer does anything. Please type the command again.',
} as const;
