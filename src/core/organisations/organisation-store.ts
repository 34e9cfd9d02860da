// What the organisations feature needs from storage; implemented over Prisma in src/db/repositories.
// Organisations added by members stay unverified until a facilitator of their region confirms them.

export interface OrganisationSummary {
  readonly id: string;
  readonly name: string;
  /** The Welsh name of an NHS Wales body (see organisation-name.ts); null for the others. */
  readonly welshName: string | null;
  readonly regionCode: string | null;
  readonly verified: boolean;
  /** Where the row came from, e.g. 'Added by a member'. */
  readonly source: string;
  readonly addedAt: Date;
}

/** An organisation with an ODS code, as the exemplar commands see it. */
export interface CodedOrganisation extends OrganisationSummary {
  readonly odsCode: string;
  /** People Promise exemplar cohort, or null when it is not an exemplar. */
  readonly exemplarCohort: number | null;
}

/** Marks an organisation as a People Promise exemplar of a cohort, or (null) as not an exemplar. */
export interface ExemplarMark {
  readonly odsCode: string;
  readonly cohort: number | null;
}

export interface OrganisationStore {
  /** The organisation with exactly this name (English or Welsh), in any case; undefined when there is none. */
  findByName(name: string): Promise<OrganisationSummary | undefined>;
  find(id: string): Promise<OrganisationSummary | undefined>;
  /** How many organisations of the regions given (all of them when undefined) wait for confirmation. */
  pendingCount(regionCodes: readonly string[] | undefined): Promise<number>;
  /** Unverified organisations of the regions given (all of them when undefined), oldest first, at most `limit`. */
  pending(regionCodes: readonly string[] | undefined, limit: number): Promise<readonly OrganisationSummary[]>;
  /**
   * Marks the organisation verified, audited in the same transaction with who confirmed it (their
   * member id, or 'configured admin'); false when it was already verified (nothing changed).
   */
  confirm(id: string, byMemberId: string | undefined): Promise<boolean>;
  /** Organisations by ODS code (any case); codes not found are left out. */
  findByCodes(odsCodes: readonly string[]): Promise<readonly CodedOrganisation[]>;
  /**
   * Sets each organisation's exemplar cohort in one transaction, each change audited (`organisation.exemplar`
   * with the organisation's id, the cohort and who: a member id, 'configured admin' or 'command line').
   * Returns how many organisations changed (marking an organisation as it already is changes nothing).
   */
  setExemplars(marks: readonly ExemplarMark[], by: string): Promise<number>;
}
