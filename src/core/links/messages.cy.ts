// Welsh sentences of download links (Cymraeg); part of the catalogue in src/core/i18n/cy.ts.
// Needs review by a qualified Welsh translator before production use (docs/welsh-glossary.md).
import type { CatalogueOf } from '../i18n/catalogue.js';
import { plural } from '../i18n/plural.js';
import type { linksEn } from './messages.en.js';

export const linksCy: CatalogueOf<typeof linksEn> = {
  'downloads.open': (p) => `Lawrlwytho ${p.filename}`,
  'downloads.expires': (p) =>
    `Mae’r ddolen yn gweithio am ${plural(p.minutes, { one: 'munud', two: 'funud', other: 'munud' }, 'cy')}, a dim ond i’r bobl rydych yn ei rhannu â nhw: cadwch hi i chi’ch hun.`,
};
