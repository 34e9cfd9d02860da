// A member's or a channel's language choice. NHS Wales works in Welsh and English: "both" writes Welsh
// first and English second in one message (Welsh Language Standards: Welsh no less favourably).
import type { Language } from './catalogue.js';

export const LANGUAGE_CHOICES = ['cy', 'en', 'both'] as const;
export type LanguageChoice = (typeof LANGUAGE_CHOICES)[number];

/** The catalogue languages to write in, in order: Welsh first when both. */
export function languagesFor(choice: LanguageChoice): readonly Language[] {
  return choice === 'both' ? ['cy', 'en'] : [choice];
}
