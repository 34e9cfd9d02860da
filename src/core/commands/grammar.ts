// The command grammar shared by Slack (`/cop <words>`) and Teams (`<words>` typed to the bot): finds
// the command named by the leading words, validates the rest with the command's zod schema, and for
// words it does not know, suggests the closest command.
import { distance } from 'fastest-levenshtein';
import type { z } from 'zod';
import type { Command } from './command.js';
import { tokenize } from './tokenize.js';

export type ParseResult =
  | { readonly kind: 'empty' }
  | { readonly kind: 'ok'; readonly command: Command; readonly args: unknown }
  | { readonly kind: 'invalid'; readonly command: Command; readonly issues: readonly z.core.$ZodIssue[] }
  | { readonly kind: 'unknown'; readonly words: string; readonly suggestion: Command | undefined };

interface Name {
  readonly words: readonly string[];
  readonly command: Command;
}

export class Grammar {
  private readonly names: readonly Name[];

  constructor(readonly commands: readonly Command[]) {
    // Longest names first, so `event new` wins over `event` when both exist.
    this.names = commands
      .flatMap((command) => [command.words, ...(command.aliases ?? [])].map((name) => ({ words: name.split(' '), command })))
      .sort((a, b) => b.words.length - a.words.length);
  }

  parse(input: string): ParseResult {
    const tokens = tokenize(input);
    if (tokens.length === 0) return { kind: 'empty' };
    const lowered = tokens.map((token) => token.toLowerCase());
    const name = this.names.find((candidate) => candidate.words.every((word, i) => lowered[i] === word));
    if (!name) {
      const typed = lowered.slice(0, 2).join(' ');
      return { kind: 'unknown', words: tokens[0] ?? '', suggestion: this.closest(typed) };
    }
    const parsed = name.command.args.safeParse(tokens.slice(name.words.length));
    return parsed.success
      ? { kind: 'ok', command: name.command, args: parsed.data }
      : { kind: 'invalid', command: name.command, issues: parsed.error.issues };
  }

  /** The command whose name is nearest to what was typed, if any is near enough to be a likely typo. */
  closest(typed: string): Command | undefined {
    let best: { command: Command; score: number; typed: string } | undefined;
    for (const name of this.names) {
      const words = name.words.join(' ');
      // Symbols such as `?` are exact aliases only: every short word is a couple of edits from them.
      if (words.length < 3) continue;
      // Compare with the same number of words as the candidate, so `regins` matches `regions` and
      // `event nwe` matches `event new`.
      const attempt = typed.split(' ').slice(0, name.words.length).join(' ');
      const score = words.startsWith(attempt) && attempt.length >= 3 ? 0 : distance(attempt, words);
      if (!best || score < best.score) best = { command: name.command, score, typed: attempt };
    }
    if (!best) return undefined;
    // Two edits (a swapped pair of letters) for ordinary words, none for one- or two-letter words.
    const tolerance = best.typed.length < 3 ? 0 : best.typed.length < 8 ? 2 : 3;
    return best.score <= tolerance ? best.command : undefined;
  }

  find(words: string): Command | undefined {
    const lowered = words.trim().toLowerCase();
    return this.names.find((name) => name.words.join(' ') === lowered)?.command;
  }
}
