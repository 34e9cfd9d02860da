// What the organisations feature needs from storage; implemented over Prisma in src/db/repositories.
// Organisations added by members stay unverified until a facilitator of their region confirms them.

export interface OrganisationSummary {
  readonly id: string;
  readonly name: string;
  readonly regionCode: string | null;
  readonly verified: boolean;
  /** Where the row came from, e.g. 'Added by a member'. */
  readonly source: string;
  readonly addedAt: Date;
}

export interface OrganisationStore {
  /** The organisation with exactly this name, in any case; undefined when there is none. */
  findByName(name: string): Promise<OrganisationSummary | undefined>;
  find(id: string): Promise<OrganisationSummary | undefined>;
  /** Unverified organisations of the regions given (all of them when undefined), oldest first, at most `limit`. */
  pending(regionCodes: readonly string[] | undefined, limit: number): Promise<readonly OrganisationSummary[]>;
  /**
   * Marks the organisation verified, audited in the same transaction with who confirmed it (their
   * member id, or 'configured admin'); false when it was already verified (nothing changed).
   */
  confirm(id: string, byMemberId: string | undefined): Promise<boolean>;
}
