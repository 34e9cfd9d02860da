// Replies in both languages to a person's own request. A command runs once (it may change things), with
// a translator whose every sentence carries its Welsh and its English, marked with private-use
// characters; the reply is then split: a message into its Welsh and its English version (joined by
// reply/bilingual.ts, Welsh first), anything else (a form's labels, a field's error) side by side,
// "Cymraeg / English". Nested sentences (one passed as a parameter of another) are split from the inside.
import { translator, type Translate } from './translator.js';

const OPEN = '\uE000';
const MIDDLE = '\uE001';
const CLOSE = '\uE002';
const INNERMOST = /\uE000([^\uE000\uE001\uE002]*)\uE001([^\uE000\uE001\uE002]*)\uE002/g;
const STRAY = /[\uE000\uE001\uE002]/g;

const pairedTranslators = new WeakSet<object>();

/**
 * Whether the translator is a paired one: a reply that formats dates and numbers, or draws text into a
 * picture, is better built once per language with real translators (reply/bilingual.ts inLanguages).
 */
export function isPaired(t: Translate): boolean {
  return pairedTranslators.has(t);
}

/** A translator whose sentences carry both languages (Welsh first); `language` is Welsh, for formatters. */
export function pairedTranslator(): Translate {
  type Lookup = (key: string, ...params: unknown[]) => string;
  const welsh = translator('cy') as unknown as Lookup;
  const english = translator('en') as unknown as Lookup;
  const t: Lookup = (key, ...params) => `${OPEN}${welsh(key, ...params)}${MIDDLE}${english(key, ...params)}${CLOSE}`;
  const paired = Object.assign(t, { language: 'cy' as const }) as unknown as Translate;
  pairedTranslators.add(paired);
  return paired;
}

export type Side = 'cy' | 'en' | 'both';

/** One language of a text made with pairedTranslator, or both side by side; text without pairs is returned as it is. */
export function pick(text: string, side: Side): string {
  if (!text.includes(OPEN)) return text;
  let current = text;
  for (;;) {
    const next = current.replace(INNERMOST, (_all, cy: string, en: string) => {
      if (side === 'cy') return cy;
      if (side === 'en') return en;
      return cy === en ? cy : `${cy} / ${en}`;
    });
    if (next === current) break;
    current = next;
  }
  return current.replace(STRAY, '');
}

/** Every string in a plain value (objects and arrays, as replies are) with `pick` applied. */
export function pickAll<T>(value: T, side: Side): T {
  if (typeof value === 'string') return pick(value, side) as T;
  if (Array.isArray(value)) return value.map((item: unknown) => pickAll(item, side)) as T;
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, pickAll(item, side)])) as T;
  }
  return value;
}
