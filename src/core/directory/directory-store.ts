// What the member directory needs from storage; implemented over Prisma in src/db/repositories.

export interface DirectoryQuery {
  readonly regionCode: string;
  /** Only members who chose to appear in the directory (what members who do not facilitate see). */
  readonly optedInOnly: boolean;
  readonly role: string | undefined;
  readonly staffGroup: string | undefined;
  /** Zero-based page of `pageSize` entries, in name order. */
  readonly page: number;
  readonly pageSize: number;
}

export interface DirectoryEntry {
  readonly displayName: string;
  readonly organisation: string | null;
  /** The organisation's ODS code, shown beside its name; null when it has none. */
  readonly organisationCode: string | null;
  readonly role: string | null;
}

export interface DirectoryPage {
  readonly entries: readonly DirectoryEntry[];
  readonly total: number;
}

/** One row of an export: what a facilitator sees of a member. */
export interface ExportedMember {
  readonly displayName: string;
  readonly organisation: string | null;
  /** The organisation's ODS code, when it has one. */
  readonly organisationCode: string | null;
  readonly role: string | null;
  readonly staffGroups: readonly string[];
  readonly promiseElements: readonly string[];
  readonly inDirectory: boolean;
  readonly joinedAt: Date;
}

export interface DirectoryStore {
  /** Active members of a region matching the query, one page of them, with the total count. */
  list(query: DirectoryQuery): Promise<DirectoryPage>;
  /** Every active member of a region matching the filters, in name order, at most `limit`. */
  export(query: Pick<DirectoryQuery, 'regionCode' | 'role' | 'staffGroup'>, limit: number): Promise<readonly ExportedMember[]>;
}
