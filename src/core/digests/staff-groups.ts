// Staff groups as people type them in digest commands: `staff:nurses`, or a staff group's name after a
// region or an ODS code. Matched forgivingly against the reference data's names, codes and the labels
// NHS files use (STAFF_GROUP_ALIASES): "nurses" finds "Nurses & health visitors", "midwifes" finds
// "Midwives", "st&t" finds "Scientific, therapeutic & technical staff".
import { distance } from 'fastest-levenshtein';
import { ALL_STAFF, STAFF_GROUP_ALIASES } from '../metrics/layouts.js';
import type { StaffGroupInfo } from '../metrics/metric-store.js';

/** The word that introduces a staff group anywhere in a digest command: `staff:nurses`. */
export const STAFF_PREFIX = 'staff:';

/** Words that say nothing about which group is meant. */
const FILLER = new Set(['and', 'to', 'of', 'the', 'staff', 'or', 'all', 'other', 'with']);

const squashed = (text: string) => text.toLowerCase().replace(/[^a-z0-9]/g, '');
const wordsOf = (text: string) =>
  text
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word !== '' && !FILLER.has(word));

/** A typed word stands for a name's word when one starts the other (3 letters or more), or a letter apart. */
function sameWord(typed: string, word: string): boolean {
  if (typed === word) return true;
  if (typed.length >= 3 && word.startsWith(typed)) return true;
  if (typed.length >= 4 && word.length >= 4 && typed.slice(0, 4) === word.slice(0, 4)) return true;
  return typed.length >= 5 && distance(typed, word) <= 1;
}

/** Lower is better; undefined when the label does not fit what was typed. */
function score(typed: string, label: string): number | undefined {
  if (squashed(typed) === '') return undefined;
  if (squashed(typed) === squashed(label)) return 0;
  const typedWords = wordsOf(typed);
  const labelWords = wordsOf(label);
  if (typedWords.length === 0 || !typedWords.every((word) => labelWords.some((candidate) => sameWord(word, candidate)))) return undefined;
  // The fewer words of the name left unexplained, the closer: "nurses" is "Nurses & health visitors"
  // (two left) before "Support to doctors, nurses & midwives" (three left); a word typed exactly is
  // closer than one nearly so ("doctors": "HCHS doctors" before "Specialty Doctor").
  const unexplained = labelWords.filter((candidate) => !typedWords.some((word) => sameWord(word, candidate))).length;
  const inexact = typedWords.filter((word) => !labelWords.includes(word)).length;
  return 1 + unexplained + inexact / 2;
}

export type StaffGroupMatch =
  | { readonly kind: 'all' }
  | { readonly kind: 'found'; readonly group: StaffGroupInfo }
  | { readonly kind: 'ambiguous'; readonly groups: readonly StaffGroupInfo[] }
  | { readonly kind: 'unknown' };

/**
 * The staff group meant by `typed`. Of equally close groups, the only one in `preferred` (the groups
 * with figures) wins; otherwise the match is ambiguous. `all`, `all staff` and `total` mean all staff.
 */
export function matchStaffGroup(typed: string, groups: readonly StaffGroupInfo[], preferred: readonly string[] = []): StaffGroupMatch {
  const cleaned = typed.replace(/["“”]/g, '').trim();
  const alias = STAFF_GROUP_ALIASES[cleaned.toLowerCase()];
  if (alias === ALL_STAFF || squashed(cleaned) === squashed(ALL_STAFF) || squashed(cleaned) === 'allstaffgroups') return { kind: 'all' };
  const scored: { group: StaffGroupInfo; score: number }[] = [];
  for (const group of groups) {
    const labels = [
      group.name,
      group.code.replaceAll('-', ' '),
      ...Object.keys(STAFF_GROUP_ALIASES).filter((key) => STAFF_GROUP_ALIASES[key] === group.code),
    ];
    const scores = labels.map((label) => score(cleaned, label)).filter((value): value is number => value !== undefined);
    if (scores.length > 0) scored.push({ group, score: Math.min(...scores) });
  }
  if (scored.length === 0) return { kind: 'unknown' };
  const best = Math.min(...scored.map((one) => one.score));
  const closest = scored.filter((one) => one.score === best).map((one) => one.group);
  if (closest.length === 1) return { kind: 'found', group: closest[0]! };
  const withFigures = closest.filter((group) => preferred.includes(group.code));
  if (withFigures.length === 1) return { kind: 'found', group: withFigures[0]! };
  return { kind: 'ambiguous', groups: withFigures.length > 1 ? withFigures : closest };
}

/** Words with a `staff:` part taken out: what it named, and the other words. */
export interface StaffWords {
  readonly words: readonly string[];
  /** The words after `staff:`, or undefined when none was given. */
  readonly staff: string | undefined;
}

/**
 * Takes `staff:<group>` out of a command's words. The group runs from `staff:` to the end, or up to the
 * first word `stop` says belongs to something else (a subscription's schedule): `staff:nurses`,
 * `staff: nurses & health visitors`, `staff:"Nurses & health visitors"`.
 */
export function takeStaffWords(words: readonly string[], stop: (word: string) => boolean = () => false): StaffWords {
  const at = words.findIndex((word) => word.toLowerCase().startsWith(STAFF_PREFIX));
  if (at < 0) return { words, staff: undefined };
  let end = at + 1;
  while (end < words.length && !stop(words[end]!)) end += 1;
  const staff = [words[at]!.slice(STAFF_PREFIX.length), ...words.slice(at + 1, end)].join(' ').replace(/["“”]/g, '').trim();
  return { words: [...words.slice(0, at), ...words.slice(end)], staff };
}

/** Names in the reference data's order, for a sentence. */
export function staffGroupNames(codes: readonly string[], groups: readonly StaffGroupInfo[]): StaffGroupInfo[] {
  const known = groups.filter((group) => codes.includes(group.code));
  const unknown = codes.filter((code) => !groups.some((group) => group.code === code)).map((code) => ({ code, name: code }));
  return [...known, ...unknown];
}
