// The command grammar shared by Slack (`/cop <words>`) and Teams (`<words>` typed to the bot): finds
// the command named by the leading words, validates the rest with the command's zod schema, and for
// words it does not know, suggests the closest command. Commands are named in English and in Welsh
// (Command.cy): both are matched alike, and a Welsh word in a mutated form ("nigwyddiadau") is a near miss.
import { distance } from 'fastest-levenshtein';
import type { z } from 'zod';
import { mutatedForms, plainWords } from '../i18n/mutations.js';
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
  /** As the command declares it. */
  readonly declared: string;
  /** The name and, for a Welsh name, its first word's mutated forms: what a typo is measured against. */
  readonly forms: readonly string[];
}

/** The command nearest to what was typed, with the name it was nearest to (English or Welsh). */
export interface Suggestion {
  readonly command: Command;
  /** The name as declared, e.g. `digwyddiadau`. */
  readonly words: string;
  /** The form that was nearest, e.g. `nigwyddiadau` for `digwyddiadau`. */
  readonly nearest: string;
}

function nameOf(name: string, command: Command, welsh: boolean): Name {
  const words = plainWords(name).split(' ');
  const [first = '', ...rest] = words;
  const forms = [words.join(' '), ...(welsh ? mutatedForms(first).map((form) => [form, ...rest].join(' ')) : [])];
  return { words, command, declared: name, forms };
}

export class Grammar {
  private readonly names: readonly Name[];

  constructor(readonly commands: readonly Command[]) {
    // Longest names first, so `event new` wins over `event` when both exist.
    this.names = commands
      .flatMap((command) => [
        ...[command.words, ...(command.aliases ?? [])].map((name) => nameOf(name, command, false)),
        ...(command.cy ?? []).map((name) => nameOf(name, command, true)),
      ])
      .sort((a, b) => b.words.length - a.words.length);
  }

  parse(input: string): ParseResult {
    const tokens = tokenize(input);
    if (tokens.length === 0) return { kind: 'empty' };
    const lowered = tokens.map(plainWords);
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
    return this.suggest(typed)?.command;
  }

  /** Like `closest`, with the name (English or Welsh) that was nearest. */
  suggest(typed: string): Suggestion | undefined {
    const plain = plainWords(typed);
    let best: { name: Name; nearest: string; score: number; typed: string } | undefined;
    for (const name of this.names) {
      // Compare with the same number of words as the candidate, so `regins` matches `regions` and
      // `event nwe` matches `event new`.
      const attempt = plain.split(' ').slice(0, name.words.length).join(' ');
      for (const form of name.forms) {
        // Symbols such as `?` are exact aliases only: every short word is a couple of edits from them.
        if (form.length < 3) continue;
        const score = form.startsWith(attempt) && attempt.length >= 3 ? 0 : distance(attempt, form);
        if (!best || score < best.score) best = { name, nearest: form, score, typed: attempt };
      }
    }
    if (!best) return undefined;
    // Two edits (a swapped pair of letters) for ordinary words, none for one- or two-letter words.
    const tolerance = best.typed.length < 3 ? 0 : best.typed.length < 8 ? 2 : 3;
    return best.score <= tolerance ? { command: best.name.command, words: best.name.declared, nearest: best.nearest } : undefined;
  }

  find(words: string): Command | undefined {
    const lowered = plainWords(words.trim());
    return this.names.find((name) => name.words.join(' ') === lowered)?.command;
  }
}
