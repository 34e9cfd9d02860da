// Replies for words the grammar could not turn into a request: friendly, with the closest command.
import type { RequestContext } from '../context.js';
import { inLanguages } from '../reply/bilingual.js';
import { message, type Message } from '../reply/reply.js';
import { nameIn, type Command } from './command.js';

export function unknownCommandReply(words: string, suggestion: Command | undefined, { t }: RequestContext): Message {
  const text = t('error.unknownCommand', { word: words });
  return message(text, [
    { kind: 'text', text },
    ...(suggestion
      ? [{ kind: 'text' as const, text: [`${t('error.didYouMean')} `, { kind: 'command' as const, words: suggestion.usage }, '?'] }]
      : []),
    { kind: 'note', text: [`${t('error.seeHelp')} `, { kind: 'command', words: 'help' }, '.'] },
  ]);
}

export function invalidArgumentsReply(command: Command, { t }: RequestContext): Message {
  const text = t('error.badArguments', { command: nameIn(command, t.language) });
  return message(text, [
    { kind: 'text', text },
    { kind: 'facts', facts: [{ label: t('help.usage'), value: [{ kind: 'command', words: command.usage }] }] },
    { kind: 'list', items: command.examples.map((example) => ({ title: [{ kind: 'command', words: example }] })) },
  ]);
}

/**
 * The answer to a request the bot had no room to take on (Slack's bounded queues): nothing was done. In
 * Welsh and English, because finding the person's language would itself take the database read there
 * is no room for.
 */
export function busyReply(): Message {
  return inLanguages('both', (t) => message(t('error.busy'), [{ kind: 'text', text: t('error.busy') }]));
}

export function internalErrorReply({ t }: RequestContext): Message {
  return message(t('error.internal'), [{ kind: 'text', text: t('error.internal') }]);
}
