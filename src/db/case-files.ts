// Case-study files for `cases import` and the starter library: JSON (an array of records, or one record
// a line), or CSV with a header row. Each record keeps the line it starts on, so a rejected row is
// reported where a person can find it; every record is checked before anything is written.
import { toCsv } from '../core/files/csv.js';
import { readFile } from 'node:fs/promises';
import Papa from 'papaparse';
import type { CaseRecord } from '../core/cases/case-record.js';
import { checkCaseRecord, RECORD_FIELDS } from '../core/cases/case-record.js';
import type { CaseStudy } from '../core/cases/case-study.js';
import { caseNamesOf, type CaseNames } from '../core/cases/case-views.js';
import type { PrismaClient } from './database.js';
import { PrismaCaseStore, type ImportOutcome } from './repositories/case-repository.js';
import { PrismaReferenceData } from './repositories/reference-data-repository.js';

export type CaseFileFormat = 'json' | 'csv';

export interface RawRecord {
  readonly line: number;
  readonly raw: unknown;
}

export interface Rejected {
  readonly line: number;
  readonly problems: readonly string[];
}

export function formatOf(path: string): CaseFileFormat | undefined {
  const extension = /\.([a-z]+)$/i.exec(path)?.[1]?.toLowerCase();
  return extension === 'csv' ? 'csv' : extension === 'json' || extension === 'jsonl' ? 'json' : undefined;
}

/** The line each top-level element of a JSON array starts on (a small scanner: JSON.parse gives no positions). */
function elementLines(text: string): number[] {
  const lines: number[] = [];
  let line = 1;
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\n') line++;
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
      continue;
    }
    if (c === '"') inString = true;
    else if (c === '[' || c === '{') {
      if (depth === 1) lines.push(line);
      depth++;
    } else if (c === ']' || c === '}') depth--;
  }
  return lines;
}

function parseJson(text: string): { records: RawRecord[]; rejected: Rejected[] } {
  const trimmed = text.trimStart();
  if (trimmed.startsWith('[')) {
    try {
      const parsed = JSON.parse(text) as unknown;
      if (!Array.isArray(parsed)) return { records: [], rejected: [{ line: 1, problems: ['the file must hold an array of records'] }] };
      const lines = elementLines(text);
      return { records: parsed.map((raw: unknown, i) => ({ line: lines[i] ?? 1, raw })), rejected: [] };
    } catch (error) {
      return {
        records: [],
        rejected: [{ line: 1, problems: [`not valid JSON: ${error instanceof Error ? error.message : String(error)}`] }],
      };
    }
  }
  // JSON Lines: one record a line.
  const records: RawRecord[] = [];
  const rejected: Rejected[] = [];
  text.split('\n').forEach((content, i) => {
    if (content.trim() === '') return;
    try {
      records.push({ line: i + 1, raw: JSON.parse(content) as unknown });
    } catch {
      rejected.push({ line: i + 1, problems: ['not valid JSON'] });
    }
  });
  return { records, rejected };
}

function parseCsv(text: string): { records: RawRecord[]; rejected: Rejected[] } {
  const records: RawRecord[] = [];
  const rejected: Rejected[] = [];
  let line = 2;
  let counted = 0;
  const header = text.indexOf('\n');
  counted = header < 0 ? text.length : header + 1;
  const body = text;
  Papa.parse<Record<string, string>>(body, {
    header: true,
    skipEmptyLines: 'greedy',
    step(row) {
      // The row ends at the cursor; it began on the line after the previous row's end.
      const start = line;
      for (let i = counted; i < row.meta.cursor && i < body.length; i++) if (body[i] === '\n') line++;
      counted = row.meta.cursor;
      if (row.errors.length > 0) rejected.push({ line: start, problems: row.errors.map((e) => e.message) });
      else records.push({ line: start, raw: row.data });
      // A row ending at a new line: the next one starts on the line after it.
      if (body[counted] === '\n') {
        line++;
        counted++;
      }
    },
  });
  return { records, rejected };
}

export function parseCaseText(text: string, format: CaseFileFormat): { records: RawRecord[]; rejected: Rejected[] } {
  const clean = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  return format === 'csv' ? parseCsv(clean) : parseJson(clean);
}

/** Checks every record; repeated source ids are rejected after their first appearance. */
export function checkRecords(records: readonly RawRecord[], names: CaseNames): { valid: CaseRecord[]; rejected: Rejected[] } {
  const valid: CaseRecord[] = [];
  const rejected: Rejected[] = [];
  const seen = new Map<string, number>();
  for (const { line, raw } of records) {
    const checked = checkCaseRecord(raw, names);
    if (!checked.ok) {
      rejected.push({ line, problems: checked.problems });
      continue;
    }
    const first = seen.get(checked.record.sourceId);
    if (first !== undefined) {
      rejected.push({ line, problems: [`sourceId: "${checked.record.sourceId}" already given on line ${first}`] });
      continue;
    }
    seen.set(checked.record.sourceId, line);
    valid.push(checked.record);
  }
  return { valid, rejected };
}

export async function caseNamesFrom(prisma: PrismaClient): Promise<CaseNames> {
  const reference = new PrismaReferenceData(prisma);
  const [regions, staffGroups, promiseElements] = await Promise.all([
    reference.regions(),
    reference.staffGroups(),
    reference.promiseElements(),
  ]);
  return caseNamesOf(regions, staffGroups, promiseElements);
}

export type ImportResult =
  | { readonly ok: true; readonly outcome: ImportOutcome }
  | { readonly ok: false; readonly rejected: readonly Rejected[]; readonly checked: number };

/** Imports the file's records all together, or none of them when any is rejected. */
export async function importCaseText(prisma: PrismaClient, text: string, format: CaseFileFormat): Promise<ImportResult> {
  const parsed = parseCaseText(text, format);
  const checked = checkRecords(parsed.records, await caseNamesFrom(prisma));
  const rejected = [...parsed.rejected, ...checked.rejected].sort((a, b) => a.line - b.line);
  if (rejected.length > 0) return { ok: false, rejected, checked: parsed.records.length };
  return { ok: true, outcome: await new PrismaCaseStore(prisma).importCases(checked.valid) };
}

export async function importCaseFile(prisma: PrismaClient, path: string, format: CaseFileFormat): Promise<ImportResult> {
  return importCaseText(prisma, await readFile(path, 'utf8'), format);
}

/** A case study as an import record: what `cases export` writes, and `cases import` reads back. */
export function recordOf(
  found: CaseStudy,
  names: CaseNames,
): Record<(typeof RECORD_FIELDS)[number], string | boolean | readonly string[] | null> {
  const label = (choices: CaseNames['regions'], code: string) => choices.find((choice) => choice.value === code)?.label ?? code;
  return {
    // Cases submitted by members have no source id of their own: their number names them.
    sourceId: found.sourceId ?? `case-${found.number}`,
    status: found.status,
    title: found.title,
    summary: found.summary,
    challenge: found.challenge,
    actions: found.actions,
    results: found.results,
    resultsPeriod: found.resultsPeriod ?? null,
    organisationName: found.organisationName ?? null,
    organisationType: found.organisationType ?? null,
    region: found.regionCode ? label(names.regions, found.regionCode) : null,
    staffGroups: found.staffGroups.map((code) => label(names.staffGroups, code)),
    promiseElements: found.promiseElements.map((code) => label(names.promiseElements, code)),
    tags: found.tags,
    links: found.links,
    contactName: found.contactName ?? null,
    contactRole: found.contactRole ?? null,
    contactConsent: found.contactName !== undefined,
    source: found.source,
    sourceDate: found.sourceDate ?? null,
    demo: found.demo,
  };
}

export function exportCsv(records: readonly ReturnType<typeof recordOf>[]): string {
  const rows = records.map((record) =>
    RECORD_FIELDS.map((field) => {
      const value = record[field];
      return value === null ? '' : Array.isArray(value) ? value.join('; ') : String(value);
    }),
  );
  return toCsv([...RECORD_FIELDS], rows);
}

export const STARTER_LIBRARY = 'case_studies.json';
