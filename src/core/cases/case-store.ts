// What the case-study library needs from storage; implemented over Prisma in src/db/repositories.
import type { CaseContent, CaseHit, CaseStatus, CaseStudy } from './case-study.js';
import type { SearchTerms } from './search-query.js';

export interface CaseSearch {
  /** Undefined: no words, only filters (newest first). */
  readonly terms: SearchTerms | undefined;
  /** `all`: every word and group must match (the usual); `any`: one is enough (the fallback). */
  readonly match: 'all' | 'any';
  readonly tags?: readonly string[] | undefined;
  readonly staffGroups?: readonly string[] | undefined;
  readonly regionCode?: string | undefined;
  readonly organisationTypes?: readonly string[] | undefined;
  readonly offset: number;
  readonly limit: number;
  /**
   * How many matches a search ranks at most. When more match, it ranks the first this many found and
   * the first this many whose title, summary or themes match (with words: those come first in ranking),
   * or the newest this many (filters alone), and says the result is capped: ranking and counting
   * thousands of matches is what made a broad search slow, and nobody pages that far.
   */
  readonly candidates: number;
}

export interface CaseSearchResult {
  /** The results the pages go through: every match, or when `capped` the ones ranked. */
  readonly total: number;
  /** More than `candidates` case studies match. */
  readonly capped: boolean;
  readonly hits: readonly CaseHit[];
}

export type ReviewDecision = 'approve' | 'changes' | 'reject';

export interface ReviewRequest {
  readonly number: number;
  readonly decision: ReviewDecision;
  /** The reviewer's member id, or undefined for an admin named in COP_ADMINS who has not joined. */
  readonly reviewerId: string | undefined;
  readonly note: string | undefined;
}

export interface CaseStore {
  /** Published case studies only, best matches first. */
  search(query: CaseSearch): Promise<CaseSearchResult>;
  /**
   * Case studies published at or after `since` (approved then, or imported as published then), newest
   * first, at most `limit`, with how many there are in all. For digests.
   */
  publishedSince(since: Date, limit: number): Promise<CaseSearchResult>;
  /** Themes (tags) of published case studies with how many use each, most used first. */
  themes(): Promise<readonly { readonly tag: string; readonly count: number }[]>;
  /** Organisation types named by published case studies. */
  organisationTypes(): Promise<readonly string[]>;
  findByNumber(number: number): Promise<CaseStudy | undefined>;
  /** A member's submission, audited in the same transaction; its status is `submitted`. */
  submit(content: CaseContent, submitterId: string): Promise<CaseStudy>;
  /** The submitter's new version of a case sent back for changes; false when it is no longer a draft of theirs. */
  resubmit(number: number, content: CaseContent, submitterId: string): Promise<boolean>;
  /**
   * Approves (published), sends back for changes (draft) or rejects a submitted case study, audited in
   * the same transaction. False when it was not waiting for review (reviewed already): nothing changes.
   */
  review(request: ReviewRequest): Promise<boolean>;
  /** How many case studies of these regions (every region when undefined) wait for review. */
  pendingCount(regionCodes: readonly string[] | undefined): Promise<number>;
  /** Submitted case studies of these regions (every region when undefined), oldest first. */
  pending(regionCodes: readonly string[] | undefined, limit: number): Promise<readonly CaseStudy[]>;
  /**
   * Member ids of those who review case studies of this region: its facilitators and the national admins
   * (granted, or named in COP_ADMINS by one of these platform user ids), active members only.
   */
  reviewers(regionCode: string | undefined, configuredAdmins: readonly string[]): Promise<readonly string[]>;
  /** A member's own submissions, newest first. */
  submittedBy(
    memberId: string,
    limit: number,
  ): Promise<readonly { readonly number: number; readonly title: string; readonly status: CaseStatus }[]>;
}
