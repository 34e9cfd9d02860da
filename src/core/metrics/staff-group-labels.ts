// Staff group labels as NHS files write them. NHS Workforce Statistics and NHS Digital files are not
// consistent between tables and vintages ("Nurses & health visitors", "Nurses and Health Visitors",
// "14 Nurses & health visitors", "Total"), so a label is compared by a key that ignores case, `&`
// against `and`, punctuation, a leading sort number and a trailing "staff". Matching stays exact on
// that key: an import never guesses which staff group a row belongs to; it suggests one instead.
import { distance } from 'fastest-levenshtein';

/** The staff group of all staff: what regional and national headlines are given for. */
export const ALL_STAFF = 'all-staff-groups';

/** Labels NHS files use besides the staff groups' own names (prisma/data/nhs_staff_groups.csv) -> code. */
export const STAFF_GROUP_ALIASES: Readonly<Record<string, string>> = {
  total: ALL_STAFF,
  'all staff': ALL_STAFF,
  all: ALL_STAFF,
  'hchs doctors - all grades': 'hchs-doctors',
  'hchs doctors - consultant': 'consultant',
  'st&t': 'scientific-therapeutic-technical-staff',
  'other hchs doctor grades': 'other-and-local-hchs-doctor-grades',
  'unknown classification': 'other-staff-or-those-with-unknown-classification',
};

/** The key two labels of one staff group share. */
export function staffGroupLabelKey(label: string): string {
  return label
    .toLowerCase()
    .replace(/^\s*\d{1,3}\s*[.)-]?\s+/, '')
    .replaceAll('&', ' and ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .replace(/ staff$/, '');
}

/** Labels whose reading is remembered: a file of many different (wrong) labels cannot fill the memory. */
const LABELS_REMEMBERED = 1_000;

const LINKING_WORDS = new Set(['and', 'to', 'or', 'of', 'with', 'those', 'the']);

/** Words of `key` that begin a word of `candidate`, or that a word of it begins ("nurse" and "nurses"). */
function sharedWords(key: string, candidate: string): number {
  const words = candidate.split(' ');
  return key
    .split(' ')
    .filter((word) => word.length > 1 && !LINKING_WORDS.has(word))
    .filter((word) => words.some((other) => other.startsWith(word) || (other.length > 2 && word.startsWith(other)))).length;
}

/** The candidate sharing most words with `key`; between equals, the one fewest edits away. */
function closestKey(key: string, candidates: readonly string[]): string {
  let best = candidates[0]!;
  let bestShared = -1;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const shared = sharedWords(key, candidate);
    const edits = distance(key, candidate);
    if (shared > bestShared || (shared === bestShared && edits < bestDistance)) {
      best = candidate;
      bestShared = shared;
      bestDistance = edits;
    }
  }
  return best;
}

export interface StaffGroupName {
  readonly code: string;
  readonly name: string;
}

export interface StaffGroupLabels {
  /** The staff group a label in a file stands for, or undefined. */
  codeOf(label: string): string | undefined;
  /** The name of the staff group whose label is closest to `label`, to suggest. */
  suggestionFor(label: string): string;
  /** A staff group's name (its code when the name is not known). */
  nameOf(code: string): string;
}

export function staffGroupLabels(groups: readonly StaffGroupName[]): StaffGroupLabels {
  const byKey = new Map<string, string>();
  const nameOf = new Map(groups.map((group) => [group.code, group.name]));
  for (const [alias, code] of Object.entries(STAFF_GROUP_ALIASES)) byKey.set(staffGroupLabelKey(alias), code);
  for (const group of groups) {
    byKey.set(staffGroupLabelKey(group.code), group.code);
    byKey.set(staffGroupLabelKey(group.name), group.code);
  }
  const keys = [...byKey.keys()];
  const name = (code: string) => nameOf.get(code) ?? code;
  // A file repeats a few labels on every row: each is read once.
  const seen = new Map<string, string | undefined>();
  return {
    codeOf(label) {
      if (seen.has(label)) return seen.get(label);
      const code = byKey.get(staffGroupLabelKey(label));
      if (seen.size < LABELS_REMEMBERED) seen.set(label, code);
      return code;
    },
    suggestionFor: (label) => name(byKey.get(closestKey(staffGroupLabelKey(label), keys))!),
    nameOf: name,
  };
}
