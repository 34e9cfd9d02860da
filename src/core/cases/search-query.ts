// What `cases <words>` asks for: filters (`theme:flexible`, `staff:nurses`, `region:london`,
// `type:mental-health`), a page (`page:2`), and the words to search for, with the field's synonyms
// found. The words are handed to PostgreSQL's websearch_to_tsquery, which never fails on what people
// type (quotes, `-`, `*`, `OR`, SQL-like text or emoji), so nothing here has to escape them.
import { findSynonyms } from './synonyms.js';

export const FILTER_KEYS = {
  theme: 'theme',
  themes: 'theme',
  tag: 'theme',
  staff: 'staff',
  group: 'staff',
  region: 'region',
  type: 'type',
  org: 'type',
} as const;
export type FilterKey = (typeof FILTER_KEYS)[keyof typeof FILTER_KEYS];

/** Words beyond this many are left out of the search (an essay would only match nothing). */
export const MAX_SEARCH_WORDS = 24;
export const MAX_WORD_LENGTH = 60;

export interface SearchTerms {
  /** Words for websearch_to_tsquery, one entry per word or quoted phrase; all must match, or any (see CaseSearch). */
  readonly words: readonly string[];
  /** Groups of synonym phrases: each group matches when any of its phrases does. */
  readonly groups: readonly (readonly string[])[];
}

export interface CaseQuery {
  readonly terms: SearchTerms;
  readonly filters: Readonly<Partial<Record<FilterKey, string>>>;
  /** Zero-based. */
  readonly page: number;
  /** What was typed, without the page, to repeat for "More". */
  readonly typed: readonly string[];
}

const FILTER = /^([a-z]+):(.+)$/i;
const PAGE = /^page:(\d{1,4})$/i;

export function parseCaseQuery(tokens: readonly string[]): CaseQuery {
  const filters: Partial<Record<FilterKey, string>> = {};
  const free: string[] = [];
  const typed: string[] = [];
  let page = 0;
  for (const token of tokens) {
    const pageMatch = PAGE.exec(token);
    if (pageMatch) {
      page = Math.max(0, Number(pageMatch[1]) - 1);
      continue;
    }
    typed.push(token);
    const filter = FILTER.exec(token);
    const key = filter ? FILTER_KEYS[(filter[1] ?? '').toLowerCase() as keyof typeof FILTER_KEYS] : undefined;
    if (filter && key) {
      // `type:mental-health` and `region:north-west` name things with spaces.
      filters[key] = (filter[2] ?? '').replaceAll('-', ' ').trim();
      continue;
    }
    free.push(token.slice(0, MAX_WORD_LENGTH));
  }
  const kept = free.slice(0, MAX_SEARCH_WORDS);
  const { groups, used } = findSynonyms(kept);
  // A quoted phrase came through the tokenizer as one token with spaces: quoted again, it stays a phrase.
  const words = kept.filter((_, i) => !used[i]).map((word) => (/\s/.test(word) ? `"${word.replaceAll('"', '')}"` : word));
  return { terms: { words, groups }, filters, page, typed };
}

export const hasTerms = (terms: SearchTerms) => terms.words.length > 0 || terms.groups.length > 0;
