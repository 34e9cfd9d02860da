// Commands shown in a reply (`{ kind: 'command' }` spans: usage, examples, hints such as "type `events`")
// in the reader's language. A Welsh reader sees `digwyddiadau [region]` where English shows
// `events [region]`; both work when typed, since Welsh words are aliases of the English.
import type { Language } from '../i18n/catalogue.js';
import { isSettled } from '../reply/bilingual.js';
import type { Reply } from '../reply/reply.js';
import { wordsIn } from './command.js';
import type { Grammar } from './grammar.js';

/** The words of one command span for a reader of `language`: the command's English words swapped for its Welsh. */
export function commandWordsIn(words: string, grammar: Grammar, language: Language): string {
  if (language === 'en') return words;
  // The command with the longest English name the words start with (`event new` before `event`).
  let best: { words: string; result: string } | undefined;
  for (const command of grammar.commands) {
    if (words !== command.words && !words.startsWith(`${command.words} `)) continue;
    if (!best || command.words.length > best.words.length) best = { words: command.words, result: wordsIn(command, words, language) };
  }
  return best?.result ?? words;
}

function localise(value: unknown, swap: (words: string) => string): unknown {
  if (Array.isArray(value)) return value.map((item) => localise(item, swap));
  // Only plain objects are walked: a file's bytes (Buffer), dates and the like are left as they are.
  if (value === null || typeof value !== 'object' || Object.getPrototypeOf(value) !== Object.prototype) return value;
  // A message built in its own languages already shows each language's words.
  if (isSettled(value)) return value;
  const record = value as Record<string, unknown>;
  if (record.kind === 'command' && typeof record.words === 'string') return { ...record, words: swap(record.words) };
  // Pictures travel as base64 text: nothing inside them to translate.
  if (record.kind === 'image') return value;
  return Object.fromEntries(Object.entries(record).map(([key, item]) => [key, localise(item, swap)]));
}

/** The reply with every command span in `language` (see commandWordsIn); unchanged in English. */
export function localiseCommands<R extends Reply>(reply: R, grammar: Grammar, language: Language): R {
  if (language === 'en') return reply;
  return localise(reply, (words) => commandWordsIn(words, grammar, language)) as R;
}
