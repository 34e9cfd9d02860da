// Counted nouns ("1 member", "3 members") chosen by the language's own plural rules (Intl.PluralRules),
// so that a catalogue never writes "1 members" and a Welsh one can give its six forms.

export type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

const rules = new Map<string, Intl.PluralRules>();

function rulesFor(language: string): Intl.PluralRules {
  let found = rules.get(language);
  if (!found) {
    found = new Intl.PluralRules(language);
    rules.set(language, found);
  }
  return found;
}

/** The form of the noun for this count ("member" for 1, "members" otherwise, in English). */
export function pluralForm(count: number, forms: PluralForms, language = 'en'): string {
  return forms[rulesFor(language).select(count)] ?? forms.other;
}

/** The count with its noun: `plural(1, { one: 'member', other: 'members' })` is "1 member". */
export function plural(count: number, forms: PluralForms, language = 'en'): string {
  return `${count} ${pluralForm(count, forms, language)}`;
}
