// One case study as an import file or the starter library gives it, checked field by field against the
// same limits as the form and against the reference data (regions, staff groups, People Promise
// elements, by code or by name). Every problem is reported, so a rejected row can be fixed in one go.
import { z } from 'zod';
import { findRegion } from '../regions/region-names.js';
import type { Choice } from '../members/member.js';
import { cleanText } from '../members/profile-form.js';
import { cleanParagraphs } from './case-form.js';
import { CASE_LIMITS, CASE_STATUSES, tagOf, type CaseContent, type CaseStatus } from './case-study.js';
import type { CaseNames } from './case-views.js';

/** A validated record: the identity an import matches on, its status and its content. */
export interface CaseRecord {
  readonly sourceId: string;
  readonly status: CaseStatus;
  readonly content: CaseContent;
}

/** The fields of a record, in the order `cases export` writes CSV columns. */
export const RECORD_FIELDS = [
  'sourceId',
  'status',
  'title',
  'summary',
  'challenge',
  'actions',
  'results',
  'resultsPeriod',
  'organisationName',
  'organisationType',
  'region',
  'staffGroups',
  'promiseElements',
  'tags',
  'links',
  'contactName',
  'contactRole',
  'contactConsent',
  'source',
  'sourceDate',
  'demo',
] as const;

/** A list in JSON, or one CSV cell with items separated by semicolons (or new lines). */
const list = z.preprocess(
  (value) => (value === undefined || value === null ? [] : typeof value === 'string' ? value.split(/[;\n]/) : value),
  z.array(z.string().transform(cleanText)).transform((items) => items.filter((item) => item !== '')),
);
const flag = z.preprocess(
  (value) => (typeof value === 'string' ? ['true', 'yes', '1'].includes(value.trim().toLowerCase()) : (value ?? false)),
  z.boolean(),
);
const optionalLine = (max: number) =>
  z.preprocess(
    (value) => (value === null ? undefined : value),
    z
      .string()
      .transform(cleanText)
      .pipe(z.string().max(max, `at most ${max} characters`))
      .optional()
      .transform((value) => (value === '' ? undefined : value)),
  );
const line = (max: number) =>
  z
    .string()
    .transform(cleanText)
    .pipe(z.string().min(1, 'required').max(max, `at most ${max} characters`));
const paragraphs = (max: number) =>
  z
    .string()
    .transform(cleanParagraphs)
    .pipe(z.string().min(1, 'required').max(max, `at most ${max} characters`));

const recordSchema = z.object({
  sourceId: z
    .string()
    .trim()
    .min(1, 'required')
    .max(CASE_LIMITS.sourceId)
    .regex(/^[A-Za-z0-9][A-Za-z0-9._:/-]*$/, 'letters, digits and . _ : / - only'),
  status: z.preprocess((value) => (value === '' || value === null || value === undefined ? 'published' : value), z.enum(CASE_STATUSES)),
  title: line(CASE_LIMITS.title),
  summary: paragraphs(CASE_LIMITS.summary),
  challenge: paragraphs(CASE_LIMITS.body),
  actions: paragraphs(CASE_LIMITS.body),
  results: paragraphs(CASE_LIMITS.body),
  resultsPeriod: optionalLine(CASE_LIMITS.resultsPeriod),
  organisationName: optionalLine(CASE_LIMITS.organisationName),
  organisationType: optionalLine(CASE_LIMITS.organisationType),
  region: optionalLine(60),
  staffGroups: list,
  promiseElements: list,
  tags: list.pipe(z.array(z.string()).max(CASE_LIMITS.tags, `at most ${CASE_LIMITS.tags}`)),
  links: list.pipe(
    z
      .array(
        z
          .string()
          .max(CASE_LIMITS.link)
          .regex(/^https?:\/\/[^\s<>"]+$/i, 'web addresses starting with https:// or http://'),
      )
      .max(CASE_LIMITS.links),
  ),
  contactName: optionalLine(CASE_LIMITS.contactName),
  contactRole: optionalLine(CASE_LIMITS.contactRole),
  contactConsent: flag,
  source: line(CASE_LIMITS.source),
  sourceDate: z.preprocess(
    (value) => (value === '' || value === null ? undefined : value),
    z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD')
      .refine(
        (value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value),
        'a real date',
      )
      .optional(),
  ),
  demo: flag,
});

const byCodeOrName = (typed: string, choices: readonly Choice[]) => {
  const wanted = typed.toLowerCase();
  return choices.find((choice) => choice.value.toLowerCase() === wanted || choice.label.toLowerCase() === wanted);
};

export type RecordCheck = { readonly ok: true; readonly record: CaseRecord } | { readonly ok: false; readonly problems: readonly string[] };

export function checkCaseRecord(raw: unknown, names: CaseNames): RecordCheck {
  const parsed = recordSchema.safeParse(raw);
  if (!parsed.success)
    return { ok: false, problems: parsed.error.issues.map((issue) => `${issue.path.join('.') || 'record'}: ${issue.message}`) };
  const input = parsed.data;
  const problems: string[] = [];
  const region = input.region === undefined ? undefined : findRegion(input.region, names.regions);
  if (input.region !== undefined && !region) problems.push(`region: unknown region "${input.region}"`);
  const resolve = (field: string, typed: readonly string[], choices: readonly Choice[]) =>
    typed.flatMap((item) => {
      const found = byCodeOrName(item, choices);
      if (!found) problems.push(`${field}: unknown "${item}"`);
      return found ? [found.value] : [];
    });
  const staffGroups = resolve('staffGroups', input.staffGroups, names.staffGroups);
  const promiseElements = resolve('promiseElements', input.promiseElements, names.promiseElements);
  const tags = [...new Set(input.tags.map(tagOf).filter((tag) => tag !== ''))];
  if (tags.some((tag) => tag.length > CASE_LIMITS.tag)) problems.push(`tags: each at most ${CASE_LIMITS.tag} characters`);
  if (input.contactName && !input.contactConsent) problems.push('contactConsent: a named contact must have agreed to be named (true)');
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    record: {
      sourceId: input.sourceId,
      status: input.status,
      content: {
        title: input.title,
        summary: input.summary,
        challenge: input.challenge,
        actions: input.actions,
        results: input.results,
        resultsPeriod: input.resultsPeriod,
        organisationName: input.organisationName,
        organisationType: input.organisationType,
        regionCode: region?.value,
        staffGroups: [...new Set(staffGroups)],
        promiseElements: [...new Set(promiseElements)],
        tags,
        links: input.links,
        contactName: input.contactName,
        contactRole: input.contactName ? input.contactRole : undefined,
        source: input.source,
        sourceDate: input.sourceDate,
        demo: input.demo,
      },
    },
  };
}
