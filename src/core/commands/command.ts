// What a command is: its words, how its arguments are validated (zod, into a typed request), the
// sentences that describe it, and what it does. Each feature defines its commands with `defineCommand`.
import { z } from 'zod';
import type { RequestContext } from '../context.js';
import type { Language } from '../i18n/catalogue.js';
import type { MessageKey } from '../i18n/en.js';
import type { Reply } from '../reply/reply.js';
import type { CoreServices } from '../services.js';

export interface CommandSpec<Args> {
  /** The words that name the command, e.g. `help` or `event new`. */
  readonly words: string;
  /** Other words that name the same command. */
  readonly aliases?: readonly string[];
  /**
   * The command's words in Welsh (Cymraeg), aliases of the English: the first is the one Welsh help shows,
   * e.g. `['digwyddiadau']` for `events`, `['fy nigwyddiadau']` for `my events`. Typed in any case, with or
   * without accents; a mutated form of the first word gets a "Did you mean".
   */
  readonly cy?: readonly string[];
  /** Validates the words after the command's own and turns them into the typed request. */
  readonly args: z.ZodType<Args, string[]>;
  /** The grammar shown to users, e.g. `help [command]`. */
  readonly usage: string;
  readonly summary: MessageKey;
  /** Who may use the command, shown in help; the command itself checks it on every use. */
  readonly needs: MessageKey;
  readonly examples: readonly string[];
}

export interface Command<Args = unknown> extends CommandSpec<Args> {
  run(args: Args, context: RequestContext, services: CoreServices): Promise<Reply>;
}

/** The arguments of a command that takes no words after its own. */
export const noArguments = z.array(z.string()).max(0);

export function defineCommand<Args>(command: Command<Args>): Command<Args> {
  return command;
}

/**
 * Words that begin with the command's English words (its usage, an example) as a reader of `language` is
 * shown them: in Welsh, the command's first Welsh name replaces the English (`events [region]` becomes
 * `digwyddiadau [region]`). Unchanged in English, or for a command without Welsh words.
 */
export function wordsIn(command: Pick<CommandSpec<unknown>, 'words' | 'cy'>, words: string, language: Language): string {
  const welsh = command.cy?.[0];
  if (language !== 'cy' || welsh === undefined) return words;
  if (words === command.words) return welsh;
  return words.startsWith(`${command.words} `) ? `${welsh}${words.slice(command.words.length)}` : words;
}

/** The command's name for a reader of `language`: `digwyddiadau (events)` in Welsh, `events` in English. */
export function nameIn(command: Pick<CommandSpec<unknown>, 'words' | 'cy'>, language: Language): string {
  const welsh = command.cy?.[0];
  return language === 'cy' && welsh !== undefined ? `${welsh} (${command.words})` : command.words;
}
