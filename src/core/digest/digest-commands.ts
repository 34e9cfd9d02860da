// `digest preview [region|national|organisation code]`: the digest as it would be posted, shown only
// to the person who asked. Anyone may preview: the figures are published aggregates.
import { z } from 'zod';
import { defineCommand } from '../commands/command.js';
import { textMessage } from '../reply/reply.js';
import { buildDigest } from './digest-message.js';
import { scopeFromWords } from './digest-scope.js';

const scopeWordsArgs = z.array(z.string()).transform((words) => words.join(' '));

export const digestPreviewCommand = defineCommand({
  words: 'digest preview',
  args: scopeWordsArgs,
  usage: 'digest preview [region|national|organisation code]',
  summary: 'digest.previewSummary',
  needs: 'roles.needs.anyone',
  examples: ['digest preview', 'digest preview london', 'digest preview national', 'digest preview RJ1'],
  async run(typed, context, services) {
    const { t, actor } = context;
    const choice = await scopeFromWords(typed, actor, services);
    if (choice.kind === 'unknown') return textMessage(t('digest.unknownScope', { typed: choice.typed }));
    return buildDigest(choice.scope, services, t, { now: new Date(), visibility: 'private' });
  },
});
