// `npm run cli -- cases import <file>` (JSON, JSON Lines or CSV) and `cases export [--format json|csv]
// [--out <file>]`: the case-study library in bulk, on the database named by DATABASE_URL. An import
// checks every record first and writes all of them or none; the same source id updates its case study.
// With the embedded database the bot may keep running: the command works on the bot's database through
// the socket the bot serves (see command-database.ts).
import { writeFile } from 'node:fs/promises';
import { caseNamesFrom, exportCsv, formatOf, importCaseFile, recordOf, type CaseFileFormat } from '../../db/case-files.js';
import type { Database } from '../../db/database.js';
import { openCommandDatabase } from '../command-database.js';
import { PrismaCaseStore } from '../../db/repositories/case-repository.js';
import { seedReferenceData } from '../../db/seed.js';
import { seedCaseStudies } from '../../db/seed-case-studies.js';
import type { Subcommand } from '../subcommand.js';

const USAGE = `Usage:
  npm run cli -- cases import <file.json|file.jsonl|file.csv> [--format json|csv]
  npm run cli -- cases export [--format json|csv] [--out <file>]`;

function option(args: readonly string[], name: string): string | undefined {
  const index = args.indexOf(name);
  return index >= 0 ? args[index + 1] : undefined;
}

async function withDatabase<T>(command: string, work: (database: Database) => Promise<T>): Promise<T> {
  const database = await openCommandDatabase(command);
  try {
    await database.migrate();
    await seedReferenceData(database.prisma);
    await seedCaseStudies(database.prisma);
    return await work(database);
  } finally {
    await database.close();
  }
}

async function runImport(args: readonly string[]): Promise<number> {
  const file = args.find((arg, i) => !arg.startsWith('--') && args[i - 1] !== '--format');
  const typed = option(args, '--format');
  if (!file) {
    console.error(USAGE);
    return 2;
  }
  const format: CaseFileFormat | undefined = typed === 'json' || typed === 'csv' ? typed : formatOf(file);
  if (!format) {
    console.error(`Cannot tell the format of ${file}: name it .json, .jsonl or .csv, or add --format json|csv.`);
    return 2;
  }
  const result = await withDatabase('npm run cli -- cases import', (database) => importCaseFile(database.prisma, file, format));
  if (!result.ok) {
    console.error(`Nothing imported: ${result.rejected.length} of ${result.checked} records rejected.`);
    for (const rejected of result.rejected) console.error(`  line ${rejected.line}: ${rejected.problems.join('; ')}`);
    return 1;
  }
  const { created, updated, unchanged } = result.outcome;
  console.log(`Imported ${created + updated + unchanged} records: ${created} added, ${updated} updated, ${unchanged} unchanged.`);
  return 0;
}

async function runExport(args: readonly string[]): Promise<number> {
  const format = option(args, '--format') ?? 'json';
  if (format !== 'json' && format !== 'csv') {
    console.error(USAGE);
    return 2;
  }
  const out = option(args, '--out');
  const text = await withDatabase('npm run cli -- cases export', async (database) => {
    const names = await caseNamesFrom(database.prisma);
    const records = (await new PrismaCaseStore(database.prisma).exportCases()).map((found) => recordOf(found, names));
    return format === 'csv' ? exportCsv(records) : `${JSON.stringify(records, null, 2)}\n`;
  });
  if (out) await writeFile(out, text, 'utf8');
  else process.stdout.write(text);
  return 0;
}

export const subcommand: Subcommand = {
  description: 'import or export the case-study library (JSON or CSV)',
  async run(args) {
    const [action, ...rest] = args;
    if (action === 'import') return runImport(rest);
    if (action === 'export') return runExport(rest);
    console.error(USAGE);
    return 2;
  },
};
