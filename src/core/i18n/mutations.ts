// Welsh initial consonant mutations: a word's first letters change after some words ("fy nigwyddiadau",
// "ei gymorth", "a chymorth"). Used to recognise a command word typed in a mutated form, so that "Did
// you mean" finds `digwyddiadau` from "nigwyddiadau" or `cymorth` from "nghymorth".

/** Radical initial -> [soft, nasal, aspirate] forms; an empty string drops the letter (g- soft mutates to nothing). */
const MUTATIONS: readonly (readonly [string, readonly string[]])[] = [
  ['ll', ['l']],
  ['rh', ['r']],
  ['p', ['b', 'mh', 'ph']],
  ['t', ['d', 'nh', 'th']],
  ['c', ['g', 'ngh', 'ch']],
  ['b', ['f', 'm']],
  ['d', ['dd', 'n']],
  ['g', ['', 'ng']],
  ['m', ['f']],
];

/** The mutated forms of a word (not the word itself), e.g. `cymorth` -> gymorth, nghymorth, chymorth. */
export function mutatedForms(word: string): string[] {
  const lowered = word.toLowerCase();
  const rule = MUTATIONS.find(([radical]) => lowered.startsWith(radical));
  if (!rule) return /^[aeiouwyâêîôûŵŷ]/.test(lowered) ? [`h${lowered}`] : [];
  const [radical, forms] = rule;
  return forms.map((initial) => `${initial}${lowered.slice(radical.length)}`);
}

/** Lower case without accents (ŵ -> w, â -> a), so that a word typed without its circumflex still matches. */
export function plainWords(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}
