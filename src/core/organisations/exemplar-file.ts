// Reads a file of People Promise exemplars (`npm run cli -- metrics exemplars <file.csv>`): columns
// `org_code` (ODS) and `cohort` (a whole number from 1; blank: not an exemplar). Every row is checked
// (zod) and the file is applied whole or not at all, with each bad row's line and reason.
import { z } from 'zod';
import type { LineProblem, RecordSource } from '../metrics/importer.js';
import { cleanHeader } from '../metrics/layouts.js';
import type { ExemplarMark } from './organisation-store.js';

export const ODS_CODE = /^[A-Za-z0-9]{3,5}$/;
/** Cohorts are numbered from 1 (the first, of 23 trusts); four had run by 2024. Room for many more. */
export const EXEMPLAR_COHORT_MAX = 99;
export const EXEMPLAR_COLUMNS = ['org_code', 'cohort'] as const;

const row = z.object({
  org_code: z
    .string()
    .trim()
    .regex(ODS_CODE, 'org_code must be an ODS code (3 to 5 letters and digits)')
    .transform((code) => code.toUpperCase()),
  cohort: z
    .string()
    .trim()
    .transform((text, context) => {
      if (text === '') return null;
      const value = Number(text);
      if (!Number.isInteger(value) || value < 1 || value > EXEMPLAR_COHORT_MAX) {
        context.addIssue({
          code: 'custom',
          message: `cohort must be a whole number from 1 to ${EXEMPLAR_COHORT_MAX}, or blank for not an exemplar`,
        });
        return z.NEVER;
      }
      return value;
    }),
});

export type ExemplarFile =
  { readonly kind: 'ok'; readonly marks: readonly ExemplarMark[] } | { readonly kind: 'bad'; readonly problems: readonly LineProblem[] };

/** The marks in the file, or every problem found; `known` says whether an ODS code is in the organisation list. */
export async function readExemplarFile(
  source: RecordSource,
  known: (codes: readonly string[]) => Promise<ReadonlySet<string>>,
): Promise<ExemplarFile> {
  const problems: LineProblem[] = [];
  const marks: (ExemplarMark & { line: number })[] = [];
  let header: string[] | undefined;
  let line = 0;
  const seen = new Map<string, number>();
  for await (const fields of source.rows()) {
    line += 1;
    if (!header) {
      header = fields.map(cleanHeader);
      const missing = EXEMPLAR_COLUMNS.filter((column) => !header!.includes(column));
      if (missing.length > 0) return { kind: 'bad', problems: [{ line: 1, reason: `the header needs the columns ${missing.join(', ')}` }] };
      continue;
    }
    if (fields.length === 1 && fields[0]!.trim() === '') continue;
    if (fields.length !== header.length) {
      problems.push({ line, reason: `the row has ${fields.length} fields but the header has ${header.length}` });
      continue;
    }
    const record = Object.fromEntries(header.map((name, i) => [name, fields[i]!]));
    const parsed = row.safeParse(record);
    if (!parsed.success) {
      problems.push({ line, reason: parsed.error.issues.map((issue) => issue.message).join('; ') });
      continue;
    }
    const earlier = seen.get(parsed.data.org_code);
    if (earlier !== undefined) {
      problems.push({ line, reason: `${parsed.data.org_code} is already on line ${earlier}` });
      continue;
    }
    seen.set(parsed.data.org_code, line);
    marks.push({ odsCode: parsed.data.org_code, cohort: parsed.data.cohort, line });
  }
  if (!header) return { kind: 'bad', problems: [{ line: 1, reason: 'the file is empty' }] };
  const found = await known(marks.map((mark) => mark.odsCode));
  for (const mark of marks)
    if (!found.has(mark.odsCode)) problems.push({ line: mark.line, reason: `${mark.odsCode} is not in the organisation list` });
  if (problems.length > 0) return { kind: 'bad', problems: problems.sort((a, b) => a.line - b.line) };
  if (marks.length === 0) return { kind: 'bad', problems: [{ line: 1, reason: 'the file has a header but no rows' }] };
  return { kind: 'ok', marks: marks.map(({ odsCode, cohort }) => ({ odsCode, cohort })) };
}
