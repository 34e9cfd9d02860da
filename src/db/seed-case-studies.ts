// The starter case-study library (prisma/data/case_studies.json: summaries of public pages, each naming
// its source), loaded at every start through the same checks as `cases import`. Matched on source id and
// written only where it differs, so a restart changes nothing.
import { readFile } from 'node:fs/promises';
import type { PrismaClient } from './database.js';
import { caseNamesFrom, checkRecords, parseCaseText, STARTER_LIBRARY } from './case-files.js';
import { PRISMA_DIR } from './paths.js';
import { PrismaCaseStore, type ImportOutcome } from './repositories/case-repository.js';

export async function seedCaseStudies(prisma: PrismaClient): Promise<ImportOutcome> {
  const text = await readFile(`${PRISMA_DIR}data/${STARTER_LIBRARY}`, 'utf8');
  const parsed = parseCaseText(text, 'json');
  const checked = checkRecords(parsed.records, await caseNamesFrom(prisma));
  const rejected = [...parsed.rejected, ...checked.rejected];
  if (rejected.length > 0)
    throw new Error(`${STARTER_LIBRARY}: ${rejected.map((r) => `line ${r.line}: ${r.problems.join('; ')}`).join(' | ')}`);
  return new PrismaCaseStore(prisma).importCases(checked.valid);
}
