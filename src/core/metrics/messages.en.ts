// English sentences of the metrics and digest features; part of the catalogue in src/core/i18n/en.ts.

export const metricsEn = {
  'metrics.import.imported': (p: { source: string; rows: number; layout: string; months: string }) =>
    `Imported ${p.rows} rows from ${p.source} (${p.layout} layout) for ${p.months}. Earlier figures for the same organisations and months were replaced.`,
  'metrics.import.importedSkipping': (p: { count: number }) => `Bad rows left out (listed below): ${p.count}.`,
  'metrics.import.rejected': (p: { source: string; count: number }) =>
    `Nothing was imported from ${p.source}: rows with problems, listed below: ${p.count}. Correct them and import the file again, or import with --skip-invalid to leave them out.`,
  'metrics.import.rejectedFile': (p: { source: string; reason: string }) => `Nothing was imported from ${p.source}: ${p.reason}.`,
  'metrics.import.nothingGood': (p: { source: string }) => `Nothing was imported from ${p.source}: no row could be used.`,
  'metrics.import.line': (p: { line: number; reason: string }) => `Line ${p.line}: ${p.reason}`,
  'metrics.import.moreLines': (p: { count: number }) => `...and ${p.count} more.`,
  'metrics.import.warningsHeading': (p: { count: number }) => `Rows imported with a remark: ${p.count}.`,
  'metrics.import.problemsHeading': 'Rows with problems:',
  'metrics.exemplars.rejected': (p: { source: string; count: number }) => `Nothing was changed from ${p.source}: rows with problems, listed below: ${p.count}.`,
  'metrics.exemplars.done': (p: { source: string; marked: number; unmarked: number; changed: number }) =>
    `From ${p.source}: ${p.marked} marked as People Promise exemplars, ${p.unmarked} marked as not exemplars; ${p.changed} organisations changed (each change is recorded).`,
} as const;
