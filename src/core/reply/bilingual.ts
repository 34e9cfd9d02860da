// One message in two languages (NHS Wales): each version built in full by the same builder with its own
// translator, then joined Welsh first, English second, with a divider between them. The renderers split
// a message at that divider and fit each version into its share of the platform's limits, so a long
// Welsh version never pushes the English out (or the other way round).
import type { LanguageChoice } from '../i18n/language-choice.js';
import { languagesFor } from '../i18n/language-choice.js';
import { translator, type Translate } from '../i18n/translator.js';
import { pickAll } from '../i18n/paired-text.js';
import type { Block, Message } from './reply.js';

export const LANGUAGE_DIVIDER: Block = { kind: 'divider', between: 'languages' };

/**
 * Joins versions of one message (in the order given) into one message; one version is returned as it is,
 * and a version the same as the one before (sentences not translated yet) is left out.
 */
export function joinLanguages(all: readonly Message[]): Message {
  const versions = all.filter((version, i) => i === 0 || JSON.stringify(version) !== JSON.stringify(all[i - 1]));
  const [first, ...rest] = versions;
  if (!first) throw new Error('joinLanguages needs at least one version');
  if (rest.length === 0) return first;
  return {
    kind: 'message',
    summary: versions.map((version) => version.summary).join(' / '),
    blocks: versions.flatMap((version, i) => (i === 0 ? version.blocks : [LANGUAGE_DIVIDER, ...version.blocks])),
    visibility: first.visibility,
  };
}

/** Messages already built in the languages they are for (see settled): the request's language is not applied to them again. */
const settledMessages = new WeakSet<object>();

/**
 * Marks a message built in its own languages (a post following its channel's language, a welcome in the
 * language just chosen), so that the reply's finishing in the request's language leaves it as it is.
 */
export function settled(value: Message): Message {
  settledMessages.add(value);
  return value;
}

export function isSettled(value: unknown): boolean {
  return typeof value === 'object' && value !== null && settledMessages.has(value);
}

/** The message built once per language of the choice (Welsh first when both), joined into one. */
export function inLanguages(choice: LanguageChoice, build: (t: Translate) => Message): Message {
  return joinLanguages(languagesFor(choice).map((language) => build(translator(language))));
}

/** A message's blocks split into its language versions (one part for a message in one language). */
export function languageParts(blocks: readonly Block[]): Block[][] {
  const parts: Block[][] = [[]];
  for (const block of blocks) {
    if (block.kind === 'divider' && block.between === 'languages') parts.push([]);
    else parts[parts.length - 1]!.push(block);
  }
  return parts;
}

/**
 * A message whose sentences were made with the paired translator (i18n/paired-text.ts) as one message in
 * both languages, Welsh first; a message without such sentences is returned as it is.
 */
export function pairedMessage(value: Message): Message {
  return joinLanguages([pickAll(value, 'cy'), pickAll(value, 'en')]);
}
