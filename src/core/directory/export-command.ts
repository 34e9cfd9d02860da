// `members export [region] [role or staff group]`: the region's members as a CSV file, for the region's
// facilitators and national admins only (members see only those who opted in, and cannot export).
// Cells that a spreadsheet would run as a formula are neutralised.
import Papa from 'papaparse';
import { z } from 'zod';
import { defineCommand } from '../commands/command.js';
import type { Choice } from '../members/member.js';
import { textMessage, type FileReply } from '../reply/reply.js';
import { FORMULA_START } from '../files/csv.js';
import { readDirectoryRequest } from './members-command.js';

/** More than any region has; a bound so one request cannot build an unbounded file. */
export const EXPORT_LIMIT = 50_000;

const labelOf = (choices: readonly Choice[], value: string) => choices.find((choice) => choice.value === value)?.label ?? value;

export const membersExportCommand = defineCommand({
  words: 'members export',
  args: z.array(z.string()),
  usage: 'members export [region] [role or staff group]',
  summary: 'directory.exportSummary',
  needs: 'directory.exportNeeds',
  examples: ['members export', 'members export london', 'members export wales midwives'],
  async run(words, context, services) {
    const { t } = context;
    const request = await readDirectoryRequest(words, context, services);
    if ('kind' in request) return request;
    if (!request.facilitates) return textMessage(t('directory.exportRefused', { region: request.region.label }));

    const rows = await services.directory.export(
      { regionCode: request.region.value, role: request.role?.value, staffGroup: request.staffGroup?.value },
      EXPORT_LIMIT,
    );
    const [staffGroups, themes] = await Promise.all([services.reference.staffGroups(), services.reference.promiseElements()]);
    const yesNo = (value: boolean) => (value ? t('directory.csv.yes') : t('directory.csv.no'));
    const csv = Papa.unparse(
      {
        fields: [
          t('directory.csv.name'),
          t('directory.csv.organisation'),
          t('directory.csv.region'),
          t('directory.csv.role'),
          t('directory.csv.staffGroups'),
          t('directory.csv.themes'),
          t('directory.csv.listed'),
          t('directory.csv.joined'),
        ],
        data: rows.map((row) => [
          row.displayName,
          row.organisation ?? '',
          request.region.label,
          row.role ? labelOf(request.roles, row.role) : '',
          row.staffGroups.map((code) => labelOf(staffGroups, code)).join('; '),
          row.promiseElements.map((code) => labelOf(themes, code)).join('; '),
          yesNo(row.inDirectory),
          row.joinedAt.toISOString().slice(0, 10),
        ]),
      },
      { escapeFormulae: FORMULA_START, newline: '\r\n' },
    );
    const filter = request.role?.label ?? request.staffGroup?.label;
    const slug = [request.region.label, filter].filter(Boolean).join('-').toLowerCase().replace(/[^a-z0-9]+/g, '-');
    const file: FileReply = {
      kind: 'file',
      filename: `cop-members-${slug}-${new Date().toISOString().slice(0, 10)}.csv`,
      mediaType: 'text/csv; charset=utf-8',
      // A byte-order mark so that Excel reads the names as UTF-8.
      content: `\uFEFF${csv}\r\n`,
      summary: t('directory.exportSummaryLine', { count: rows.length, region: request.region.label }),
      sentPrivately: t('directory.exportSent'),
      failed: t('directory.exportFailed'),
    };
    return file;
  },
});
