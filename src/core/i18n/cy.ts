// Welsh messages (Cymraeg), for NHS Wales. Each feature keeps its translation beside its English
// (<feature>/messages.cy.ts, typed CatalogueOf<its English>) and this catalogue gathers them.
// Needs review by a qualified Welsh translator before production use (see docs/welsh-glossary.md).
import type { CatalogueOf } from './catalogue.js';
import type { Messages } from './en.js';
import { languageCy } from '../language/messages.cy.js';

export const cy: Partial<CatalogueOf<Messages>> = {
  ...languageCy,
};
