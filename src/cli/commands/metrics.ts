// `npm run cli -- metrics import <file.csv> [--skip-invalid]`: imports retention metrics from a CSV in
// the project's layout or one of the two NHS layouts, with a progress bar, and prints the report.
// `npm run cli -- metrics exemplars <file.csv>`: marks People Promise exemplars (org_code, cohort; a blank
// cohort unmarks), all rows or none, audited. With the embedded database the bot may keep running: the
// command works on the bot's database through the socket the bot serves (see command-database.ts).
import { parseArgs } from 'node:util';
import type { Subcommand } from '../subcommand.js';
import { importMetrics } from '../../core/metrics/importer.js';
import { importReportLines } from '../../core/metrics/import-report.js';
import { monthOfDate } from '../../core/metrics/period.js';
import { translator } from '../../core/i18n/translator.js';
import { openCommandDatabase } from '../command-database.js';
import { PrismaMetricStore } from '../../db/repositories/metric-repository.js';
import { seedReferenceData } from '../../db/seed.js';
import { csvFileSource } from '../../metrics/csv-source.js';
import { readExemplarFile } from '../../core/organisations/exemplar-file.js';
import { PrismaOrganisationStore } from '../../db/repositories/organisation-repository.js';

const USAGE = 'Usage: npm run cli -- metrics import <file.csv> [--skip-invalid]\n       npm run cli -- metrics exemplars <file.csv>';

/** Runs `metrics <subcommand>`; returns the process exit code. */
export async function runMetricsCommand(argv: readonly string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: { 'skip-invalid': { type: 'boolean', default: false } },
  });
  const [subcommand, file, ...extra] = positionals;
  if (
    (subcommand !== 'import' && subcommand !== 'exemplars') ||
    !file ||
    extra.length > 0 ||
    (subcommand === 'exemplars' && values['skip-invalid'])
  ) {
    console.error(USAGE);
    return 2;
  }
  if (subcommand === 'exemplars') return markExemplars(file);
  const source = await readableSource(file);
  if (!source) return 2;
  const database = await openCommandDatabase('npm run cli -- metrics import');
  // The progress bar only on a terminal, and its library loaded only then.
  const progress = process.stderr.isTTY ? await import('cli-progress') : undefined;
  const bar = progress
    ? new progress.SingleBar(
        { format: 'Importing [{bar}] {percentage}% | {value}/{total} MB', hideCursor: true },
        progress.Presets.shades_classic,
      )
    : undefined;
  const megabytes = (bytes: number) => Math.round(bytes / 1e5) / 10;
  const ticker = bar ? setInterval(() => bar.update(megabytes(source.bytesRead())), 200) : undefined;
  try {
    await database.migrate();
    await seedReferenceData(database.prisma);
    bar?.start(megabytes(source.size), 0);
    const report = await importMetrics(
      source,
      { skipInvalid: values['skip-invalid'], currentMonth: monthOfDate(new Date()) },
      new PrismaMetricStore(database.prisma, database),
    );
    if (ticker) clearInterval(ticker);
    bar?.update(megabytes(source.size));
    bar?.stop();
    for (const line of importReportLines(report, translator('en'))) console.log(line);
    return report.outcome === 'imported' ? 0 : 1;
  } finally {
    if (ticker) clearInterval(ticker);
    bar?.stop();
    await database.close();
  }
}

/** The file as a source of CSV rows, or undefined (having said why) when it cannot be read. */
async function readableSource(file: string): Promise<Awaited<ReturnType<typeof csvFileSource>> | undefined> {
  try {
    return await csvFileSource(file);
  } catch {
    console.error(`Cannot read ${file}: is the path right?`);
    return undefined;
  }
}

async function markExemplars(file: string): Promise<number> {
  const source = await readableSource(file);
  if (!source) return 2;
  const t = translator('en');
  const database = await openCommandDatabase('npm run cli -- metrics exemplars');
  try {
    await database.migrate();
    await seedReferenceData(database.prisma);
    const organisations = new PrismaOrganisationStore(database.prisma);
    const read = await readExemplarFile(
      source,
      async (codes) => new Set((await organisations.findByCodes(codes)).map((found) => found.odsCode)),
    );
    if (read.kind === 'bad') {
      console.log(t('metrics.exemplars.rejected', { source: source.name, count: read.problems.length }));
      for (const problem of read.problems) console.log(t('metrics.import.line', problem));
      return 1;
    }
    const changed = await organisations.setExemplars(read.marks, 'command line');
    const marked = read.marks.filter((mark) => mark.cohort !== null).length;
    console.log(t('metrics.exemplars.done', { source: source.name, marked, unmarked: read.marks.length - marked, changed }));
    return 0;
  } finally {
    await database.close();
  }
}

export const subcommand: Subcommand = {
  description:
    'import <file.csv> [--skip-invalid]: import retention metrics (the project layout or the NHS turnover and sickness layouts); exemplars <file.csv>: mark People Promise exemplars (org_code, cohort)',
  run: runMetricsCommand,
};
