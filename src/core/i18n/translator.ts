// Looks messages up by key in the catalogue for the user's locale, falling back to English for
// locales (or keys) that have no translation yet.
import type { CatalogueOf, Language } from './catalogue.js';
import { cy } from './cy.js';
import { en, type MessageKey, type Messages } from './en.js';

type ParamsOf<K extends MessageKey> = Messages[K] extends (params: infer P) => string ? [params: P] : [];

/** A message lookup in one language; `language` tells formatters (dates, numbers) which to use. */
export type Translate = (<K extends MessageKey>(key: K, ...params: ParamsOf<K>) => string) & { readonly language: Language };

/** Catalogues by language; a language without one falls back to English. */
const catalogues: Readonly<Record<Language, Partial<CatalogueOf<Messages>>>> = { en, cy };

export const DEFAULT_LOCALE = 'en-GB';

/** The catalogue language for a platform locale such as `en-GB` or `cy-GB`. */
export function languageOf(locale: string | undefined): Language {
  const language = (locale ?? DEFAULT_LOCALE).toLowerCase().split(/[-_]/)[0] ?? 'en';
  return Object.hasOwn(catalogues, language) ? (language as Language) : 'en';
}

export function translator(locale: string | undefined): Translate {
  const language = languageOf(locale);
  const catalogue = catalogues[language];
  const t = <K extends MessageKey>(key: K, ...params: ParamsOf<K>): string => {
    const entry = (catalogue[key] ?? en[key]) as string | ((p: unknown) => string);
    return typeof entry === 'function' ? entry(params[0]) : entry;
  };
  return Object.assign(t, { language });
}
