// The import report in words: what was stored, and each bad row's line and reason.
import type { Translate } from '../i18n/translator.js';
import { ORGANISATIONAL_CHANGE_MIN_PEOPLE, ORGANISATIONAL_CHANGE_SHARE } from './definitions.js';
import type { ImportReport, LineProblem, MarkerCounts } from './importer.js';
import { monthName } from './period.js';
import { RANGE_WORD, wholeNumber } from '../i18n/format.js';

function columnCounts(counts: Readonly<Record<string, number>>, t: Translate): string {
  return Object.entries(counts)
    .map(([column, n]) => `${column} ${wholeNumber(n, t.language)}`)
    .join(', ');
}

function markerLines(markers: MarkerCounts, t: Translate): string[] {
  const out: string[] = [];
  if (Object.keys(markers.suppressed).length > 0)
    out.push(t('metrics.import.suppressed', { columns: columnCounts(markers.suppressed, t) }));
  if (Object.keys(markers.notGiven).length > 0) out.push(t('metrics.import.notGiven', { columns: columnCounts(markers.notGiven, t) }));
  return out;
}

function changeLines(report: ImportReport, t: Translate): string[] {
  if (report.organisationalChanges.length === 0) return [];
  return [
    t('metrics.import.changesHeading', {
      share: Math.round(ORGANISATIONAL_CHANGE_SHARE * 100),
      people: ORGANISATIONAL_CHANGE_MIN_PEOPLE,
    }),
    ...report.organisationalChanges.map((change) =>
      t('metrics.import.change', {
        organisation: change.organisationName ? `${change.organisationName} (${change.organisationCode})` : change.organisationCode,
        month: monthName(change.month, t.language),
        staffGroup: change.staffGroup,
        flow: change.flow,
        count: wholeNumber(change.count, t.language),
        share: Math.round((change.count / change.headcount) * 100),
        headcount: wholeNumber(change.headcount, t.language),
      }),
    ),
  ];
}

function monthsText(months: readonly string[], t: Translate): string {
  if (months.length === 0) return '';
  const first = monthName(months[0]!, t.language);
  const last = monthName(months.at(-1)!, t.language);
  return first === last ? first : `${first} ${RANGE_WORD[t.language]} ${last}`;
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
    out.push(
      t('metrics.import.imported', {
        source: report.source,
        rows: report.rowsImported,
        layout: report.layout ?? '',
        months: monthsText(report.months, t),
      }),
    );
    if (report.badRows > 0) out.push(t('metrics.import.importedSkipping', { count: report.badRows }));
  } else if (report.badRows === 0) {
    out.push(t('metrics.import.nothingGood', { source: report.source }));
  } else {
    out.push(t('metrics.import.rejected', { source: report.source, count: report.badRows }));
  }
  if (report.ignoredColumns.length > 0) {
    const columns = report.ignoredColumns.map((column) => (column === '' ? t('metrics.import.unnamedColumn') : column));
    out.push(t('metrics.import.ignoredColumns', { columns: columns.join(', ') }));
  }
  out.push(...markerLines(report.markers, t));
  if (report.unknownStaffGroups.length > 0) {
    out.push(
      t('metrics.import.unknownStaffGroupsHeading'),
      ...report.unknownStaffGroups.map((group) => t('metrics.import.unknownStaffGroup', group)),
    );
  }
  if (report.badRows > 0) out.push(t('metrics.import.problemsHeading'), ...lines(report.problems, report.badRows, t));
  if (report.warningCount > 0)
    out.push(t('metrics.import.warningsHeading', { count: report.warningCount }), ...lines(report.warnings, report.warningCount, t));
  if (report.outcome === 'imported') out.push(...changeLines(report, t));
  return out;
}
