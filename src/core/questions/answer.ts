// Words that are not a command, answered as a question. The order: the intent table (intents.ts), then
// a close typo of a command ("Did you mean `events`?", as a button), then a case-study search of the
// words. Deterministic, the same on every platform. Something that would change anything is only ever
// offered as a button: the person presses it if that is what they meant.
import { distance } from 'fastest-levenshtein';
import { RUN_COMMAND_ACTION } from '../actions.js';
import type { Grammar } from '../commands/grammar.js';
import { tokenize } from '../commands/tokenize.js';
import { plainWords } from '../i18n/mutations.js';
import type { RequestContext } from '../context.js';
import { message, type Block, type Button, type Message, type Reply } from '../reply/reply.js';
import { matchIntent } from './intents.js';

export type QuestionPlan =
  /** A read-only command the words ask for: run at once. */
  | { readonly kind: 'run'; readonly words: string }
  /** A command that changes something (or opens a form): offered as a button. */
  | { readonly kind: 'offer'; readonly words: string }
  /** A command a typo away from what was typed. */
  | { readonly kind: 'typo'; readonly words: string; readonly tokens: readonly string[] }
  /** Anything else: a case-study search. */
  | { readonly kind: 'search'; readonly tokens: readonly string[] };

/** What to do with text the grammar did not know. */
export function planQuestion(text: string, grammar: Grammar): QuestionPlan {
  const tokens = tokenize(text);
  const intent = matchIntent(text);
  if (intent && grammar.parse(intent.command).kind === 'ok') return { kind: intent.changes ? 'offer' : 'run', words: intent.command };
  const typed = tokens
    .slice(0, 2)
    .map((token) => token.toLowerCase())
    .join(' ');
  // In the language it was typed in: "digwydiadau" suggests `digwyddiadau`, "evnts" `events`.
  const suggestion = grammar.suggest(typed);
  if (suggestion && nearEnough(plainWords(typed), suggestion.nearest)) {
    // The words after the mistyped command are kept when the command takes them ("cses menopause").
    const withRest = [suggestion.words, ...tokens.slice(suggestion.words.split(' ').length)].join(' ');
    const words = grammar.parse(withRest).kind === 'ok' ? withRest : suggestion.words;
    return { kind: 'typo', words, tokens };
  }
  return { kind: 'search', tokens };
}

/**
 * Stricter than the grammar's own typo tolerance: a question's first word is more often a real word
 * ("pensions" is three letters from "regions") than a mistyped command. Two edits at most, a swapped pair.
 */
function nearEnough(typed: string, words: string): boolean {
  const attempt = typed.split(' ').slice(0, words.split(' ').length).join(' ');
  if (attempt.length >= 3 && words.startsWith(attempt)) return true;
  return distance(attempt, words) <= (attempt.length < 4 ? 1 : 2);
}

const run = (label: string, value: string): Button => ({ label, action: RUN_COMMAND_ACTION, value });
const helpNote = ({ t }: RequestContext): Block => ({
  kind: 'note',
  text: [`${t('questions.help')} `, { kind: 'command', words: 'help' }, '.'],
});

/** A read-only command's reply, saying which command the words were read as. */
export function answeredAs(words: string, reply: Reply, context: RequestContext): Reply {
  if (reply.kind !== 'message') return reply;
  const { t } = context;
  const note: Block = { kind: 'note', text: [`${t('questions.readAs')} `, { kind: 'command', words }, `: ${t('questions.typeNextTime')}`] };
  return { ...reply, blocks: [note, ...reply.blocks] };
}

/** A command that changes something, offered rather than done. */
export function offer(words: string, context: RequestContext): Message {
  const { t } = context;
  return message(
    `${t('questions.readAs')} ${words}`,
    [
      { kind: 'text', text: [`${t('questions.readAs')} `, { kind: 'command', words }, '.'] },
      { kind: 'text', text: t('questions.offer') },
      { kind: 'buttons', buttons: [run(words, words)] },
    ],
    'open',
  );
}

/** "Did you mean `events`?", with the command as a button, and the words searched as another. */
export function didYouMean(words: string, tokens: readonly string[], context: RequestContext): Message {
  const { t } = context;
  // The first word is shown as typed, cut short: it is echoed back to the person only.
  const searchable = tokens.join(' ').length > 0 && tokens.join(' ').length <= 200;
  return message(
    `${t('questions.didYouMean')} ${words}?`,
    [
      { kind: 'text', text: t('error.unknownCommand', { word: (tokens[0] ?? '').slice(0, 40) }) },
      { kind: 'text', text: [`${t('questions.didYouMean')} `, { kind: 'command', words }, '?'] },
      {
        kind: 'buttons',
        buttons: [
          run(words, words),
          ...(searchable
            ? [run(t('questions.searchButton'), ['cases', ...tokens.map((w) => (/\s/.test(w) ? `"${w}"` : w))].join(' '))]
            : []),
        ],
      },
      helpNote(context),
    ],
    'open',
  );
}

/** A case-study search's reply, introduced as the answer to a question, with help beside it. */
export function searchAnswer(reply: Message, hadWords: boolean, context: RequestContext): Message {
  const { t } = context;
  return {
    ...reply,
    blocks: [
      { kind: 'note', text: hadWords ? t('questions.searched') : t('questions.nothingToSearch') },
      ...reply.blocks,
      helpNote(context),
      { kind: 'buttons', buttons: [run(t('questions.button.help'), 'help'), run(t('questions.button.events'), 'events')] },
    ],
  };
}

/** For someone who has not joined: what the bot is, and how to join. */
export function visitorAnswer(context: RequestContext): Message {
  const { t } = context;
  return message(t('questions.forMembers'), [
    { kind: 'text', text: t('questions.forMembers') },
    {
      kind: 'buttons',
      buttons: [
        run(t('questions.button.join'), 'join'),
        run(t('questions.button.events'), 'events'),
        run(t('questions.button.help'), 'help'),
      ],
    },
  ]);
}

/** A form that cannot open where the words were typed, offered as a button whose click can open it. */
export function formButton(words: string, context: RequestContext): Message {
  const { t } = context;
  return message(t('questions.openForm'), [
    { kind: 'text', text: t('questions.openForm') },
    { kind: 'buttons', buttons: [run(t('questions.button.openForm'), words)] },
  ]);
}
