// A case study as the core sees it, and the limits every way in (the form, an import, the starter
// library) checks against.

export const CASE_STATUSES = ['draft', 'submitted', 'published', 'rejected', 'archived'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const CASE_LIMITS = {
  title: 150,
  summary: 500,
  /** The challenge, what was done, and the results. */
  body: 3_000,
  resultsPeriod: 100,
  organisationName: 150,
  organisationType: 60,
  tag: 40,
  tags: 10,
  link: 500,
  links: 5,
  contactName: 80,
  contactRole: 100,
  source: 300,
  sourceId: 100,
  reviewNote: 1_000,
} as const;

/** What a case study says: the same fields whether typed in the form or imported. */
export interface CaseContent {
  readonly title: string;
  readonly summary: string;
  readonly challenge: string;
  readonly actions: string;
  readonly results: string;
  readonly resultsPeriod: string | undefined;
  readonly organisationName: string | undefined;
  readonly organisationType: string | undefined;
  readonly regionCode: string | undefined;
  readonly staffGroups: readonly string[];
  readonly promiseElements: readonly string[];
  readonly tags: readonly string[];
  readonly links: readonly string[];
  readonly contactName: string | undefined;
  readonly contactRole: string | undefined;
  readonly source: string;
  /** YYYY-MM-DD. */
  readonly sourceDate: string | undefined;
  readonly demo: boolean;
}

export interface CaseStudy extends CaseContent {
  readonly id: string;
  readonly number: number;
  readonly sourceId: string | undefined;
  readonly status: CaseStatus;
  readonly submittedById: string | undefined;
  readonly reviewNote: string | undefined;
  readonly submittedAt: Date | undefined;
}

/** A search result: enough for a compact card. */
export interface CaseHit {
  readonly number: number;
  readonly title: string;
  readonly summary: string;
  readonly organisationName: string | undefined;
  readonly regionCode: string | undefined;
  readonly tags: readonly string[];
  readonly demo: boolean;
}

/** A tag as people type it: lower case, words joined by hyphens (`Flexible Retirement` -> `flexible-retirement`). */
export function tagOf(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
}

/** A tag as shown: `flexible-retirement` -> `flexible retirement`. */
export const tagLabel = (tag: string) => tag.replaceAll('-', ' ');
