// Words of the field that mean the same thing. A search for any phrase of a group finds case studies
// that use any other: "retire and return" finds "flexible retirement", "NQ" finds "newly qualified".
// The English stemmer already joins most word forms (retire, retirement, retiring); a group also
// covers the forms it does not (it stems "retirees" to "retire" but "retirement" to "retir").

export const SYNONYM_GROUPS: readonly (readonly string[])[] = [
  ['retire and return', 'retire return', 'flexible retirement', 'partial retirement', 'return after retirement'],
  ['retire', 'retirement', 'retiring', 'retired', 'retiree', 'retirees'],
  ['nq', 'nqs', 'newly qualified', 'newly registered', 'newly qualified staff'],
  ['ahp', 'ahps', 'allied health professional', 'allied health professionals', 'allied health'],
  ['hca', 'hcas', 'healthcare assistant', 'healthcare assistants', 'health care assistant', 'health care assistants'],
  ['preceptorship', 'preceptee', 'preceptees', 'preceptor', 'preceptors'],
  ['qi', 'quality improvement'],
  ['ics', 'integrated care system', 'integrated care systems'],
  ['icb', 'integrated care board', 'integrated care boards'],
  ['wellbeing', 'well-being', 'well being'],
  ['flexible working', 'flexible work', 'flexible hours', 'flexible rostering', 'self-rostering', 'self rostering'],
  ['menopause', 'menopausal', 'perimenopause'],
  ['pension', 'pensions', 'pension conversations', 'pensions conversations'],
  ['cop', 'community of practice', 'communities of practice'],
  ['bts', 'belong thrive stay', 'belong, thrive, stay'],
];

/** Phrases as lists of lower-case words, longest first, each with its group. */
const PHRASES = SYNONYM_GROUPS.flatMap((group, index) => group.map((phrase) => ({ words: words(phrase), index }))).sort(
  (a, b) => b.words.length - a.words.length,
);

function words(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[\s,]+/)
    .filter((w) => w !== '');
}

/** A word as compared with the phrases: lower case, without surrounding punctuation. */
export const bareWord = (word: string) => word.toLowerCase().replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');

/**
 * Finds the synonym phrases among the words (longest first, each word used once). Returns the groups
 * found and, for each word, whether a phrase took it.
 */
export function findSynonyms(tokens: readonly string[]): { groups: (readonly string[])[]; used: boolean[] } {
  const bare = tokens.map(bareWord);
  const used = tokens.map(() => false);
  const found = new Set<number>();
  for (const phrase of PHRASES) {
    for (let start = 0; start + phrase.words.length <= bare.length; start++) {
      const span = bare.slice(start, start + phrase.words.length);
      if (span.every((word, i) => word === phrase.words[i] && !used[start + i])) {
        for (let i = start; i < start + phrase.words.length; i++) used[i] = true;
        found.add(phrase.index);
      }
    }
  }
  return { groups: [...found].sort((a, b) => a - b).map((index) => searchablePhrases(SYNONYM_GROUPS[index] ?? [])), used };
}

/**
 * The phrases of a group worth searching for: a phrase that contains another phrase of the group
 * ("newly qualified staff" holds "newly qualified") can only match where that one does, so it is left
 * out, which keeps the query small.
 */
export function searchablePhrases(group: readonly string[]): string[] {
  const split = group.map(words);
  const contains = (outer: string[], inner: string[]) =>
    outer.length > inner.length && outer.some((_, start) => inner.every((word, i) => outer[start + i] === word));
  return group.filter((_, i) => !split.some((other, j) => j !== i && contains(split[i] ?? [], other)));
}
