// What a command is: its words, how its arguments are validated (zod, into a typed request), the
// sentences that describe it, and what it does. Each feature defines its commands with `defineCommand`.
import { z } from 'zod';
import type { RequestContext } from '../context.js';
import type { MessageKey } from '../i18n/en.js';
import type { Reply } from '../reply/reply.js';
import type { CoreServices } from '../services.js';

export interface CommandSpec<Args> {
  /** The words that name the command, e.g. `help` or `event new`. */
  readonly words: string;
  /** Other words that name the same command. */
  readonly aliases?: readonly string[];
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
