// The import report in words: what was stored, and each bad row's line and reason.
import type { Translate } from '../i18n/translator.js';
import type { ImportReport, LineProblem } from './importer.js';
import { monthName } from './period.js';

function monthsText(months: readonly string[]): string {
  if (months.length === 0) return '';
  const first = monthName(months[0]!);
  const last = monthName(months.at(-1)!);
  return first === last ? first : `${first} to ${last}`;
}

function lines(problems: readonly LineProblem[], total: number, t: Translate): string[] {
  const shown = problems.map((problem) => t('metrics.import.line', problem));
  if (total > problems.length) shown.push(t('metrics.import.moreLines', { count: total - problems.length }));
  return shown;
}

/** The report as lines of text (the command line prints them; chat shows them in a message). */
export function importReportLines(report: ImportReport, t: Translate): string[] {
  const out: string[] = [];
  if (report.fileProblem) {
    out.push(t('metrics.import.rejectedFile', { source: report.source, reason: report.fileProblem }));
    return out;
  }
  if (report.outcome === 'imported') {
    out.push(t('metrics.import.imported', { source: report.source, rows: report.rowsImported, layout: report.layout ?? '', months: monthsText(report.months) }));
    if (report.badRows > 0) out.push(t('metrics.import.importedSkipping', { count: report.badRows }));
  } else if (report.badRows === 0) {
    out.push(t('metrics.import.nothingGood', { source: report.source }));
  } else {
    out.push(t('metrics.import.rejected', { source: report.source, count: report.badRows }));
  }
  if (report.badRows > 0) out.push(t('metrics.import.problemsHeading'), ...lines(report.problems, report.badRows, t));
  if (report.warningCount > 0) out.push(t('metrics.import.warningsHeading', { count: report.warningCount }), ...lines(report.warnings, report.warningCount, t));
  return out;
}
