// What the metrics feature needs from storage; implemented over Prisma in src/db/repositories.
import type { Series } from './definitions.js';
import type { ImportReferenceData, LayoutName, SicknessRow, WorkforceRow } from './layouts.js';
import type { Month } from './period.js';

export interface ImportPlan {
  readonly layout: LayoutName | 'demo';
  /** The file name (never a path), or what generated the figures. */
  readonly source: string;
  readonly synthetic: boolean;
}

/** Writes one import inside one transaction. */
export interface ImportWriter {
  /** Adds (or replaces) these observations. */
  writeWorkforce(rows: readonly WorkforceRow[]): Promise<void>;
  writeSickness(rows: readonly SicknessRow[]): Promise<void>;
  /**
   * Ends the import: for every (organisation, month) the file gave, observations from earlier imports
   * that this one did not replace are deleted, so a re-imported month holds exactly the new file's rows.
   */
  finish(
    rows: number,
    replaced: readonly (readonly [organisationCode: string, month: Month])[],
    kind: 'workforce' | 'sickness',
  ): Promise<void>;
}

/** Thrown inside `importInTransaction` to undo everything the import wrote. */
export class RollBack extends Error {
  constructor() {
    super('import rolled back');
    this.name = 'RollBack';
  }
}

/** Where observations come from: the nation, a region, or one organisation. */
export type Scope =
  | { readonly kind: 'national' }
  | { readonly kind: 'region'; readonly code: string }
  | { readonly kind: 'organisation'; readonly code: string };

export interface OrganisationInfo {
  readonly code: string;
  readonly name: string;
  /** The Welsh name of an NHS Wales body; null (or absent) for the others. */
  readonly welshName?: string | null;
  readonly type: string;
  readonly regionCode: string | null;
  /** The People Promise exemplar cohort (1 for the first), or null for an organisation that is not an exemplar. */
  readonly exemplarCohort: number | null;
}

/** A staff group as the reference data names it (prisma/data/nhs_staff_groups.csv). */
export interface StaffGroupInfo {
  readonly code: string;
  readonly name: string;
}

/** The imports behind some observations: what the digest cites as its source. */
export interface SourceInfo {
  readonly sources: readonly string[];
  readonly latestImport: Date;
  readonly synthetic: boolean;
}

export interface MetricStore {
  importReference(): Promise<ImportReferenceData>;
  /** Runs `work` in one transaction; throwing (RollBack or anything else) leaves nothing written. */
  importInTransaction<T>(plan: ImportPlan, work: (writer: ImportWriter) => Promise<T>): Promise<T>;
  /** One series per organisation of the scope for the staff group, months from `first` to `last` (sickness joined in). */
  series(scope: Scope, staffGroupCode: string, first: Month, last: Month): Promise<readonly Series[]>;
  /** The latest month with workforce observations in the scope, if any. */
  latestMonth(scope: Scope, staffGroupCode: string): Promise<Month | undefined>;
  /** Sources of the scope's observations from `first` to `last`. */
  sources(scope: Scope, first: Month, last: Month): Promise<SourceInfo | undefined>;
  organisations(codes: readonly string[]): Promise<readonly OrganisationInfo[]>;
  /** Every staff group but the all-staff total, in the reference data's order. */
  staffGroups(): Promise<readonly StaffGroupInfo[]>;
  /** Staff groups other than all staff with workforce observations in the scope (any month), by code. */
  staffGroupsWithFigures(scope: Scope): Promise<readonly string[]>;
  /** Organisations of the scope with staff-group observations from `first` to `last` but no all-staff ones. */
  organisationsWithoutAllStaff(scope: Scope, first: Month, last: Month): Promise<readonly string[]>;
  /** Whether any metrics are stored. */
  isEmpty(): Promise<boolean>;
  /** Every organisation with an ODS code. */
  allOrganisations(): Promise<readonly OrganisationInfo[]>;
  /**
   * A cheap token that changes whenever what digest figures are computed from changes (an import, a
   * removed import, an organisation added or edited), also when another process changed it. Figures are
   * kept per token (digest-figures.ts); a store without it has them computed every time.
   */
  dataVersion?(): Promise<string>;
  /**
   * Like importInTransaction, but only when no metrics are stored yet, checked under a lock so that
   * several processes starting at once write the import once. False when there were metrics already.
   */
  importIfEmpty(plan: ImportPlan, work: (writer: ImportWriter) => Promise<void>): Promise<boolean>;
}
