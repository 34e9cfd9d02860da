// Extension point: parts of a digest that other features add, such as upcoming events in the next two
// weeks, case studies published since the last digest, and, where a figure worsened, case studies
// tagged for it and the next masterclass on it. Each section gets what the digest knows and returns
// blocks to append (none when it has nothing to say): the digest never shows made-up content. The
// features declare their sections (see feature.ts); BotCore puts them in order for the digest.
import type { CaseStore } from '../cases/case-store.js';
import type { EventStore } from '../events/event-store.js';
import type { Translate } from '../i18n/translator.js';
import type { ReferenceData } from '../members/member-store.js';
import type { Scope } from '../metrics/metric-store.js';
import type { Block } from '../reply/reply.js';

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
  readonly now: Date;
  /** When the previous digest to the same place was posted; undefined for a preview or the first one. */
  readonly since: Date | undefined;
  readonly worsened: readonly Worsening[];
  readonly t: Translate;
}

/** The stores a section may read: named here, not as CoreServices, so the services can list the sections. */
export interface DigestSectionStores {
  readonly cases: CaseStore;
  readonly events: EventStore;
  readonly reference: ReferenceData;
}

export interface DigestSection {
  /** Where it goes among the sections after the figures: lower first. */
  readonly order: number;
  build(input: DigestSectionInput, stores: DigestSectionStores): Promise<readonly Block[]>;
}
