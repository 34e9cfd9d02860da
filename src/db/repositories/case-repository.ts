// The case-study library through Prisma. Search is PostgreSQL full-text search on the generated,
// weighted `search` column (GIN index): the words go through websearch_to_tsquery as parameters, so
// no text a person types is ever parsed as query syntax or SQL, and ranking is ts_rank. Every write
// and its audit entry share one transaction; audit entries hold ids only.
import type { PrismaClient } from '../database.js';
import { Prisma } from '../../generated/prisma/client.js';
import type { CaseSearch, CaseSearchResult, CaseStore, ReviewRequest } from '../../core/cases/case-store.js';
import type { CaseContent, CaseHit, CaseStatus, CaseStudy } from '../../core/cases/case-study.js';
import type { SearchTerms } from '../../core/cases/search-query.js';
import type { CaseRecord } from '../../core/cases/case-record.js';
import { systemClock, type Clock } from '../../core/clock.js';

const caseSelect = {
  id: true,
  number: true,
  sourceId: true,
  title: true,
  summary: true,
  challenge: true,
  actions: true,
  results: true,
  resultsPeriod: true,
  organisationName: true,
  organisationType: true,
  regionCode: true,
  staffGroups: true,
  promiseElements: true,
  tags: true,
  links: true,
  contactName: true,
  contactRole: true,
  source: true,
  sourceDate: true,
  demo: true,
  status: true,
  submittedById: true,
  reviewNote: true,
  submittedAt: true,
} as const;

type CaseRow = Prisma.CaseStudyGetPayload<{ select: typeof caseSelect }>;

const orUndefined = <T>(value: T | null): T | undefined => value ?? undefined;

function toCase(row: CaseRow): CaseStudy {
  return {
    ...row,
    sourceId: orUndefined(row.sourceId),
    resultsPeriod: orUndefined(row.resultsPeriod),
    organisationName: orUndefined(row.organisationName),
    organisationType: orUndefined(row.organisationType),
    regionCode: orUndefined(row.regionCode),
    contactName: orUndefined(row.contactName),
    contactRole: orUndefined(row.contactRole),
    sourceDate: row.sourceDate ? row.sourceDate.toISOString().slice(0, 10) : undefined,
    submittedById: orUndefined(row.submittedById),
    reviewNote: orUndefined(row.reviewNote),
    submittedAt: orUndefined(row.submittedAt),
  };
}

/** One record of an import (or of the starter library): its identity, status and content. */
export type ImportedCase = CaseRecord;

export interface ImportOutcome {
  readonly created: number;
  readonly updated: number;
  readonly unchanged: number;
}

/** The columns a case study's content is written to; the contact is only kept when they agreed to be named. */
function columns(content: CaseContent, keywords: string) {
  return {
    title: content.title,
    summary: content.summary,
    challenge: content.challenge,
    actions: content.actions,
    results: content.results,
    resultsPeriod: content.resultsPeriod ?? null,
    organisationName: content.organisationName ?? null,
    organisationType: content.organisationType ?? null,
    regionCode: content.regionCode ?? null,
    staffGroups: [...content.staffGroups],
    promiseElements: [...content.promiseElements],
    tags: [...content.tags],
    links: [...content.links],
    contactName: content.contactName ?? null,
    contactRole: content.contactName ? (content.contactRole ?? null) : null,
    contactConsent: content.contactName !== undefined,
    source: content.source,
    sourceDate: content.sourceDate ? new Date(`${content.sourceDate}T00:00:00Z`) : null,
    demo: content.demo,
    keywords,
  };
}

/** `a && b && c` or `a || b || c` of tsquery fragments. */
const combine = (parts: readonly Prisma.Sql[], operator: '&&' | '||') => Prisma.join(parts, ` ${operator} `);

/** Each word and synonym group of the terms as a tsquery of its own. */
function termQueries(terms: SearchTerms): Prisma.Sql[] {
  return [...terms.words.map((word) => Prisma.sql`websearch_to_tsquery('english', ${word})`), ...groupQueries(terms)];
}

/** Each synonym group as an OR of its phrases. */
function groupQueries(terms: SearchTerms): Prisma.Sql[] {
  return terms.groups.map(
    (group) =>
      Prisma.sql`(${combine(
        group.map((phrase) => Prisma.sql`websearch_to_tsquery('english', ${`"${phrase}"`})`),
        '||',
      )})`,
  );
}

/**
 * How well a case study matches when not every term does: each term it holds counts by how rare the term
 * is in the published library (an inverse document frequency, ln(1 + published / (1 + holding it))), so
 * the one case study about "menopause" outranks the many that only say "support". ts_rank breaks ties.
 * Each term's count is an uncorrelated subquery: PostgreSQL works it out once per search, from the index.
 */
function rarityRank(terms: SearchTerms, text: Prisma.Sql): Prisma.Sql {
  const weighted = termQueries(terms).map(
    (term) =>
      Prisma.sql`(CASE WHEN c.search @@ (${term}) THEN ln(1 + (SELECT count(*) FROM "CaseStudy" WHERE status = 'published')::float8 / (1 + (SELECT count(*) FROM "CaseStudy" WHERE status = 'published' AND search @@ (${term})))) ELSE 0 END)`,
  );
  return Prisma.sql`(${Prisma.join(weighted, ' + ')} + ts_rank(c.search, (${text})) / 10)::real`;
}

/** The tsquery for the terms: each word or quoted phrase through websearch_to_tsquery, each synonym group an OR of its phrases. */
export function tsquery(terms: SearchTerms, match: 'all' | 'any'): Prisma.Sql {
  const words =
    match === 'all'
      ? [Prisma.sql`websearch_to_tsquery('english', ${terms.words.join(' ')})`]
      : terms.words.map((word) => Prisma.sql`websearch_to_tsquery('english', ${word})`);
  const groups = groupQueries(terms);
  const parts = [...(terms.words.length > 0 ? words : []), ...groups];
  return parts.length === 0 ? Prisma.sql`''::tsquery` : combine(parts, match === 'all' ? '&&' : '||');
}

/** A row of the search: one case study of the page shown (none past the last page), with the counts. */
interface SearchRow {
  found: bigint;
  ranked: bigint;
  number: number | null;
  title: string;
  summary: string;
  organisationName: string | null;
  regionCode: string | null;
  tags: string[];
  demo: boolean;
}

/** The search's SQL (also what `npm run bench:cases -- --explain` shows the plan of). */
export function caseSearchSql(query: CaseSearch): Prisma.Sql {
  const filters: Prisma.Sql[] = [Prisma.sql`c.status = 'published'`];
  if (query.tags) filters.push(Prisma.sql`c.tags && ${[...query.tags]}::text[]`);
  if (query.staffGroups) filters.push(Prisma.sql`c."staffGroups" && ${[...query.staffGroups]}::text[]`);
  if (query.regionCode) filters.push(Prisma.sql`c."regionCode" = ${query.regionCode}`);
  if (query.organisationTypes)
    filters.push(Prisma.sql`lower(c."organisationType") = ANY(${query.organisationTypes.map((t) => t.toLowerCase())}::text[])`);
  const where = Prisma.join(filters, ' AND ');
  const text = query.terms ? tsquery(query.terms, query.match) : undefined;
  // The tsquery is written out where it is used, not carried in a CTE: with its words as bound values
  // the planner folds it to a constant and the GIN index answers the match (through a CTE it scanned rows).
  // A WITH query runs only as far as it is read, so `found` stops one past the bound (telling a capped
  // search apart without counting every match), while `matching` is planned for all its rows: with the
  // LIMIT beside it the planner took a sequential scan, underpricing the match of each row it reads.
  // When `found` is capped, `topic` adds the first matches on the title, summary and themes (an index of
  // their own), so a case study about the words is ranked even when thousands mention them; otherwise
  // every match is in `found` already and `topic` is never read. ts_rank (the column's weights and how
  // often the words occur) rather than ts_rank_cd: cover density walks every position of every
  // candidate, and cost three times the match itself on a search of synonym phrases.
  // Every match holds every term ('all'): ts_rank orders them. Some terms ('any'): the rarer terms held count most.
  const rank =
    text && query.terms && query.match === 'any' && termQueries(query.terms).length > 1
      ? rarityRank(query.terms, text)
      : Prisma.sql`ts_rank(c.search, (${text ?? Prisma.sql`''::tsquery`}))`;
  const candidates = text
    ? Prisma.sql`
      matching AS MATERIALIZED (SELECT c.number FROM "CaseStudy" c WHERE ${where} AND c.search @@ (${text})),
      found AS MATERIALIZED (SELECT number FROM matching LIMIT ${query.candidates + 1}),
      topic AS MATERIALIZED (SELECT c.number FROM "CaseStudy" c WHERE ${where} AND c."topicSearch" @@ (${text}) AND c.search @@ (${text})),
      ranked AS MATERIALIZED (
        SELECT c.number, ${rank} AS rank FROM "CaseStudy" c
        WHERE c.number IN (SELECT number FROM found UNION (SELECT number FROM topic WHERE (SELECT count(*) FROM found) > ${query.candidates} LIMIT ${query.candidates}))
      )`
    : Prisma.sql`
      found AS MATERIALIZED (SELECT c.number FROM "CaseStudy" c WHERE ${where} ORDER BY c.number DESC LIMIT ${query.candidates + 1}),
      ranked AS (SELECT number, 0::real AS rank FROM found)`;
  // Reads the full rows of the one page shown only, and always returns a row for the counts.
  return Prisma.sql`
    WITH ${candidates},
    page AS (SELECT number, rank FROM ranked ORDER BY rank DESC, number DESC LIMIT ${query.limit} OFFSET ${query.offset}),
    counts AS (SELECT (SELECT count(*) FROM found) AS found, (SELECT count(*) FROM ranked) AS ranked)
    SELECT counts.found, counts.ranked, c.number, c.title, c.summary, c."organisationName", c."regionCode", c.tags, c.demo
    FROM counts LEFT JOIN (page JOIN "CaseStudy" c ON c.number = page.number) ON true
    ORDER BY page.rank DESC, page.number DESC`;
}

export class PrismaCaseStore implements CaseStore {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly clock: Clock = systemClock,
  ) {}

  async search(query: CaseSearch): Promise<CaseSearchResult> {
    const rows = await this.prisma.$queryRaw<SearchRow[]>(caseSearchSql(query));
    const found = Number(rows[0]?.found ?? 0);
    const capped = found > query.candidates;
    const hits: CaseHit[] = rows.flatMap((row) =>
      row.number === null
        ? []
        : [
            {
              number: row.number,
              title: row.title,
              summary: row.summary,
              organisationName: orUndefined(row.organisationName),
              regionCode: orUndefined(row.regionCode),
              tags: row.tags,
              demo: row.demo,
            },
          ],
    );
    return { total: capped ? Number(rows[0]?.ranked ?? 0) : found, capped, hits };
  }

  async publishedSince(since: Date, limit: number): Promise<CaseSearchResult> {
    // Published when approved (reviewedAt); an imported or starter case study was published as it arrived (createdAt).
    const rows = await this.prisma.$queryRaw<
      {
        number: number;
        title: string;
        summary: string;
        organisationName: string | null;
        regionCode: string | null;
        tags: string[];
        demo: boolean;
        total: bigint;
      }[]
    >`
      SELECT number, title, summary, "organisationName", "regionCode", tags, demo, count(*) OVER () AS total
      FROM "CaseStudy"
      WHERE status = 'published' AND COALESCE("reviewedAt", "createdAt") >= ${since}
      ORDER BY COALESCE("reviewedAt", "createdAt") DESC, number DESC
      LIMIT ${limit}`;
    return {
      total: rows[0] ? Number(rows[0].total) : 0,
      capped: false,
      hits: rows.map((row) => ({
        number: row.number,
        title: row.title,
        summary: row.summary,
        organisationName: orUndefined(row.organisationName),
        regionCode: orUndefined(row.regionCode),
        tags: row.tags,
        demo: row.demo,
      })),
    };
  }

  async themes(): Promise<readonly { tag: string; count: number }[]> {
    const rows = await this.prisma.$queryRaw<{ tag: string; count: bigint }[]>`
      SELECT tag, count(*) AS count FROM "CaseStudy", unnest(tags) AS tag
      WHERE status = 'published' GROUP BY tag ORDER BY count(*) DESC, tag ASC`;
    return rows.map((row) => ({ tag: row.tag, count: Number(row.count) }));
  }

  async organisationTypes(): Promise<readonly string[]> {
    const rows = await this.prisma.caseStudy.findMany({
      where: { status: 'published', organisationType: { not: null } },
      distinct: ['organisationType'],
      select: { organisationType: true },
      orderBy: { organisationType: 'asc' },
    });
    return rows.flatMap((row) => (row.organisationType ? [row.organisationType] : []));
  }

  async findByNumber(number: number): Promise<CaseStudy | undefined> {
    if (!Number.isSafeInteger(number) || number < 1 || number > 2_147_483_647) return undefined;
    const row = await this.prisma.caseStudy.findUnique({ where: { number }, select: caseSelect });
    return row ? toCase(row) : undefined;
  }

  async submit(content: CaseContent, submitterId: string): Promise<CaseStudy> {
    const keywords = await this.keywords(content);
    return this.prisma.$transaction(async (tx) => {
      const row = await tx.caseStudy.create({
        data: { ...columns(content, keywords), status: 'submitted', submittedById: submitterId, submittedAt: this.clock.now() },
        select: caseSelect,
      });
      await tx.auditEntry.create({ data: { action: 'case.submitted', subject: row.id, details: { by: submitterId } } });
      return toCase(row);
    });
  }

  async resubmit(number: number, content: CaseContent, submitterId: string): Promise<boolean> {
    const keywords = await this.keywords(content);
    return this.prisma.$transaction(async (tx) => {
      const { count } = await tx.caseStudy.updateMany({
        where: { number, submittedById: submitterId, status: 'draft' },
        data: { ...columns(content, keywords), status: 'submitted', submittedAt: this.clock.now() },
      });
      if (count === 0) return false;
      const row = await tx.caseStudy.findUniqueOrThrow({ where: { number }, select: { id: true } });
      await tx.auditEntry.create({ data: { action: 'case.resubmitted', subject: row.id, details: { by: submitterId } } });
      return true;
    });
  }

  async review(request: ReviewRequest): Promise<boolean> {
    const status = ({ approve: 'published', changes: 'draft', reject: 'rejected' } as const)[request.decision];
    return this.prisma.$transaction(async (tx) => {
      // Only a submitted case changes: two reviewers clicking at once record one decision.
      const { count } = await tx.caseStudy.updateMany({
        where: { number: request.number, status: 'submitted' },
        data: { status, reviewedById: request.reviewerId ?? null, reviewedAt: this.clock.now(), reviewNote: request.note ?? null },
      });
      if (count === 0) return false;
      const row = await tx.caseStudy.findUniqueOrThrow({ where: { number: request.number }, select: { id: true } });
      await tx.auditEntry.create({
        data: {
          action: `case.${request.decision === 'approve' ? 'approved' : request.decision === 'changes' ? 'changes_requested' : 'rejected'}`,
          subject: row.id,
          details: { by: request.reviewerId ?? 'configured admin' },
        },
      });
      return true;
    });
  }

  async pendingCount(regionCodes: readonly string[] | undefined): Promise<number> {
    return this.prisma.caseStudy.count({
      where: { status: 'submitted', ...(regionCodes ? { regionCode: { in: [...regionCodes] } } : {}) },
    });
  }

  async pending(regionCodes: readonly string[] | undefined, limit: number): Promise<readonly CaseStudy[]> {
    const rows = await this.prisma.caseStudy.findMany({
      where: { status: 'submitted', ...(regionCodes ? { regionCode: { in: [...regionCodes] } } : {}) },
      orderBy: [{ submittedAt: 'asc' }, { number: 'asc' }],
      take: limit,
      select: caseSelect,
    });
    return rows.map(toCase);
  }

  async reviewers(regionCode: string | undefined, configuredAdmins: readonly string[]): Promise<readonly string[]> {
    const rows = await this.prisma.member.findMany({
      where: {
        status: 'active',
        OR: [
          { roleGrants: { some: { role: 'national_admin' } } },
          ...(regionCode ? [{ roleGrants: { some: { role: 'facilitator' as const, regionCode } } }] : []),
          ...(configuredAdmins.length > 0 ? [{ identities: { some: { userId: { in: [...configuredAdmins] } } } }] : []),
        ],
      },
      orderBy: { id: 'asc' },
      select: { id: true },
    });
    return rows.map((row) => row.id);
  }

  async submittedBy(memberId: string, limit: number): Promise<readonly { number: number; title: string; status: CaseStatus }[]> {
    return this.prisma.caseStudy.findMany({
      where: { submittedById: memberId },
      orderBy: { number: 'desc' },
      take: limit,
      select: { number: true, title: true, status: true },
    });
  }

  /**
   * Creates or updates case studies by source id, in one transaction; a record equal to what is stored
   * is left alone, so importing the same file twice changes nothing the second time.
   */
  async importCases(records: readonly ImportedCase[]): Promise<ImportOutcome> {
    const outcome = { created: 0, updated: 0, unchanged: 0 };
    const stored = new Map(
      (
        await this.prisma.caseStudy.findMany({
          where: { sourceId: { in: records.map((r) => r.sourceId) } },
          select: { ...caseSelect, keywords: true, contactConsent: true },
        })
      ).map((row) => [row.sourceId, row]),
    );
    // `cases export` names a member's submission `case-<number>`: importing it back updates that case.
    for (const record of records) {
      const number = /^case-(\d{1,9})$/.exec(record.sourceId)?.[1];
      if (number === undefined || stored.has(record.sourceId)) continue;
      const row = await this.prisma.caseStudy.findFirst({
        where: { number: Number(number), sourceId: null },
        select: { ...caseSelect, keywords: true, contactConsent: true },
      });
      if (row) stored.set(record.sourceId, row);
    }
    const names = await this.referenceNames();
    await this.prisma.$transaction(
      async (tx) => {
        for (const record of records) {
          const data = { ...columns(record.content, keywordsOf(record.content, names)), status: record.status };
          const current = stored.get(record.sourceId);
          if (!current) {
            const row = await tx.caseStudy.create({ data: { ...data, sourceId: record.sourceId }, select: { id: true } });
            await tx.auditEntry.create({ data: { action: 'case.imported', subject: row.id } });
            outcome.created++;
          } else if (differs(data, current) || current.sourceId !== record.sourceId) {
            await tx.caseStudy.update({ where: { id: current.id }, data: { ...data, sourceId: record.sourceId } });
            await tx.auditEntry.create({ data: { action: 'case.reimported', subject: current.id } });
            outcome.updated++;
          } else {
            outcome.unchanged++;
          }
        }
      },
      { timeout: 60_000 },
    );
    return outcome;
  }

  /** Every case study, for `cases export`, oldest first. */
  async exportCases(): Promise<readonly CaseStudy[]> {
    return (await this.prisma.caseStudy.findMany({ orderBy: { number: 'asc' }, select: caseSelect })).map(toCase);
  }

  private async keywords(content: CaseContent): Promise<string> {
    return keywordsOf(content, await this.referenceNames());
  }

  private async referenceNames(): Promise<ReferenceNames> {
    const [regions, staffGroups, elements] = await Promise.all([
      this.prisma.region.findMany({ select: { code: true, name: true } }),
      this.prisma.staffGroup.findMany({ select: { code: true, name: true } }),
      this.prisma.peoplePromiseElement.findMany({ select: { code: true, name: true } }),
    ]);
    const map = (rows: { code: string; name: string }[]) => new Map(rows.map((row) => [row.code, row.name]));
    return { regions: map(regions), staffGroups: map(staffGroups), elements: map(elements) };
  }
}

interface ReferenceNames {
  readonly regions: ReadonlyMap<string, string>;
  readonly staffGroups: ReadonlyMap<string, string>;
  readonly elements: ReadonlyMap<string, string>;
}

/** Names the search should find a case study by, beyond its own text. */
function keywordsOf(content: CaseContent, names: ReferenceNames): string {
  return [
    content.regionCode ? names.regions.get(content.regionCode) : undefined,
    content.organisationType,
    ...content.staffGroups.map((code) => names.staffGroups.get(code)),
    ...content.promiseElements.map((code) => names.elements.get(code)),
  ]
    .filter((name): name is string => name !== undefined)
    .join(' ');
}

function differs(data: Record<string, unknown>, current: Record<string, unknown>): boolean {
  return Object.entries(data).some(([field, value]) => JSON.stringify(value) !== JSON.stringify(current[field]));
}
