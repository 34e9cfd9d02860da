// English sentences of the metrics and digest features; part of the catalogue in src/core/i18n/en.ts.
import { plural } from '../i18n/plural.js';

export const metricsEn = {
  'metrics.import.imported': (p: { source: string; rows: number; layout: string; months: string }) =>
    `Imported ${plural(p.rows, { one: 'row', other: 'rows' })} from ${p.source} (${p.layout} layout) for ${p.months}. Earlier figures for the same organisations and months were replaced.`,
  'metrics.import.importedSkipping': (p: { count: number }) => `Bad rows left out (listed below): ${p.count}.`,
  'metrics.import.rejected': (p: { source: string; count: number }) =>
    `Nothing was imported from ${p.source}: rows with problems, listed below: ${p.count}. Correct them and import the file again, or import with --skip-invalid to leave them out.`,
  'metrics.import.rejectedFile': (p: { source: string; reason: string }) => `Nothing was imported from ${p.source}: ${p.reason}.`,
  'metrics.import.nothingGood': (p: { source: string }) => `Nothing was imported from ${p.source}: no row could be used.`,
  'metrics.import.line': (p: { line: number; reason: string }) => `Line ${p.line}: ${p.reason}`,
  'metrics.import.moreLines': (p: { count: number }) => `...and ${p.count} more.`,
  'metrics.import.warningsHeading': (p: { count: number }) => `Rows imported with a remark: ${p.count}.`,
  'metrics.import.problemsHeading': 'Rows with problems:',
  'metrics.import.ignoredColumns': (p: { columns: string }) => `Columns this layout does not use, left out: ${p.columns}.`,
  'metrics.import.unnamedColumn': 'a column with no name',
  'metrics.import.suppressed': (p: { columns: string }) =>
    `Figures suppressed in the file (*, c), stored as unknown, not as zero: ${p.columns}.`,
  'metrics.import.notGiven': (p: { columns: string }) =>
    `Figures not given in the file (blank, -, .., x, z), stored as unknown: ${p.columns}.`,
  'metrics.import.unknownStaffGroupsHeading': 'Staff groups I do not know:',
  'metrics.import.unknownStaffGroup': (p: { label: string; rows: number; suggestion: string }) =>
    `"${p.label}" (${plural(p.rows, { one: 'row', other: 'rows' })}): did you mean "${p.suggestion}"?`,
  'metrics.import.changesHeading': (p: { share: number; people: number }) =>
    `Organisational changes found (a month whose leavers or joiners are at least ${p.share}% of headcount and at least ${plural(p.people, { one: 'person', other: 'people' })} is a staff transfer, merger or dissolution, not turnover). These months are left out of 12-month windows, and digests name them:`,
  'metrics.import.change': (p: {
    organisation: string;
    month: string;
    staffGroup: string;
    flow: 'leavers' | 'joiners';
    count: string;
    share: number;
    headcount: string;
  }) => `${p.organisation}, ${p.month}, ${p.staffGroup}: ${p.count} ${p.flow}, ${p.share}% of a headcount of ${p.headcount}.`,
  'metrics.upload.heading': (p: { name: string }) => `Metrics import: ${p.name}`,
  'metrics.upload.refused':
    'Only facilitators and national admins can import retention figures, so I have not read or stored this file. If your trust’s figures should be in the digests, please send them to your region’s facilitator.',
  'metrics.upload.notCsv': (p: { name: string }) =>
    `${p.name} is not a CSV file, so I have not imported it. Please share the figures as a .csv file in one of the layouts the README describes (templates/metrics-template.csv, or the NHS turnover or sickness absence layouts).`,
  'metrics.upload.tooLarge': (p: { name: string; size: string; limit: string }) =>
    `${p.name} is too large to import from chat (${p.size}; the limit is ${p.limit}), so nothing was imported. Split it into smaller files, or ask an admin to import it with npm run cli -- metrics import.`,
  'metrics.upload.moreThan': 'more than the limit',
  'metrics.upload.unavailable': (p: { name: string }) =>
    `I could not download ${p.name}, so nothing was imported. Please share it again in a minute.`,
  'metrics.upload.moreLines': (p: { count: number }) =>
    `…and ${plural(p.count, { one: 'more line', other: 'more lines' })}: the command line (npm run cli -- metrics import) lists up to 1,000.`,
  'metrics.upload.skipHint': 'To import the good rows and leave these out, share the file again with the message: skip invalid',
  'metrics.upload.preview': 'To see the digest with these figures, type',
  'metrics.exemplars.rejected': (p: { source: string; count: number }) =>
    `Nothing was changed from ${p.source}: rows with problems, listed below: ${p.count}.`,
  'metrics.exemplars.done': (p: { source: string; marked: number; unmarked: number; changed: number }) =>
    `From ${p.source}: ${p.marked} marked as People Promise exemplars, ${p.unmarked} marked as not exemplars; ${plural(p.changed, { one: 'organisation', other: 'organisations' })} changed (each change is recorded).`,
} as const;
