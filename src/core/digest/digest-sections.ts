// Extension point: parts of a digest that other features add, such as upcoming events in the next two
// weeks, case studies published since the last digest, and, where a figure worsened, case studies
// tagged for it and the next masterclass on it. Each section gets what the digest knows and returns
// blocks to append (none when it has nothing to say): the digest never shows made-up content.
import { newCasesSection, whatCouldHelpSection } from '../cases/digest-cases.js';
import { comingUpSection } from '../events/digest-coming-up.js';
import type { Translate } from '../i18n/translator.js';
import type { Scope } from '../metrics/metric-store.js';
import type { Month } from '../metrics/period.js';
import type { Block } from '../reply/reply.js';
import type { CoreServices } from '../services.js';

/** Figures that got worse on a year ago: what a section can point help at. */
export type WorsenedFigure = 'leaverRate' | 'joinerRate' | 'stability' | 'vacancy' | 'sickness' | 'newlyQualifiedLeaverRate';

export interface Worsening {
  readonly figure: WorsenedFigure;
  /** How much worse on a year ago, in percentage points (positive). */
  readonly points: number;
}

export interface DigestSectionInput {
  readonly scope: Scope;
  /** The region the digest is about (a region's, or an organisation's region), if any. */
  readonly regionCode: string | undefined;
  readonly month: Month;
  readonly now: Date;
  /** When the previous digest to the same place was posted; undefined for a preview or the first one. */
  readonly since: Date | undefined;
  readonly worsened: readonly Worsening[];
  readonly t: Translate;
}

export type DigestSection = (input: DigestSectionInput, services: CoreServices) => Promise<readonly Block[]>;

/** Sections in the order they appear, after the figures. Events: "coming up"; case studies: "new" and "what could help". */
export const DIGEST_SECTIONS: readonly DigestSection[] = [whatCouldHelpSection, comingUpSection, newCasesSection];
