// `digest preview [region|national|organisation code or name] [staff:<group>]`: the digest as it would
// be posted, shown only to the person who asked. Anyone may preview: the figures are published aggregates.
import { z } from 'zod';
import type { CoreServices } from '../services.js';
import { defineCommand } from '../commands/command.js';
import type { Reply } from '../reply/reply.js';
import type { RequestContext } from '../context.js';
import { buildDigest, staffGroupProblem } from './digest-message.js';
import { isPaired } from '../i18n/paired-text.js';
import { translator } from '../i18n/translator.js';
import { joinLanguages, settled } from '../reply/bilingual.js';
import { organisationByPartOfName, targetFromWords, unknownScopeReply } from './digest-scope.js';

/** The services this module's handlers use. */
export type DigestCommandsServices = Pick<
  CoreServices,
  'cases' | 'charts' | 'clock' | 'commandsIn' | 'digestSections' | 'events' | 'members' | 'metrics' | 'reference'
>;

export const digestPreviewCommand = defineCommand({
  words: 'digest preview',
  cy: ['crynodeb', 'rhagolwg crynodeb'],
  args: z.array(z.string()),
  usage: 'digest preview [region|national|organisation code or name] [staff:<staff group>]',
  summary: 'digest.previewSummary',
  needs: 'roles.needs.anyone',
  examples: [
    'digest preview',
    'digest preview london',
    'digest preview national',
    'digest preview RJ1',
    'digest preview RJ1 nurses',
    'digest preview london staff:midwives',
  ],
  run: previewDigest,
});

async function previewDigest(words: string[], context: RequestContext, services: DigestCommandsServices): Promise<Reply> {
  const { t, actor } = context;
  const choice = await targetFromWords(words, actor, services);
  if (choice.kind === 'unknown') {
    const named = await organisationByPartOfName(choice.typed, words, 'digest preview', services, t);
    if (named?.kind === 'words') return previewDigest(named.words, context, services);
    if (named) return named.reply;
    return unknownScopeReply(choice.typed, words, 'digest preview', t('digest.unknownScope', { typed: choice.typed }), services, t);
  }
  if (choice.kind === 'unknownStaffGroup') return staffGroupProblem(choice, services, t);
  const { scope, staffGroup } = choice.target;
  const options = { now: services.clock.now(), visibility: 'private' as const, staffGroup };
  if (!isPaired(t)) return buildDigest(scope, services, t, options);
  // In both languages: each version built in full with its own translator (its month names, numbers
  // and chart in its language), then joined Welsh first, each with its own command words.
  const versions = await Promise.all(
    (['cy', 'en'] as const).map(async (language) =>
      services.commandsIn(await buildDigest(scope, services, translator(language), options), language),
    ),
  );
  return settled(joinLanguages(versions));
}
