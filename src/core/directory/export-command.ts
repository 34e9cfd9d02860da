// `members export [region] [role or staff group]`: the region's members as a CSV file, for the region's
// facilitators and national admins only (members see only those who opted in, and cannot export).
// The file comes from the one CSV writer (src/core/files/csv.ts): formula-like cells neutralised.
import { z } from 'zod';
import type { CoreServices } from '../services.js';
import { defineCommand } from '../commands/command.js';
import type { Choice } from '../members/member.js';
import { textMessage, type FileReply } from '../reply/reply.js';
import { toCsv } from '../files/csv.js';
import { readDirectoryRequest } from './members-command.js';

/** The services this module's handlers use. */
export type ExportCommandServices = Pick<CoreServices, 'clock' | 'configuredAdmins' | 'directory' | 'members' | 'reference' | 'roles'>;

/** More than any region has; a bound so one request cannot build an unbounded file. */
export const EXPORT_LIMIT = 50_000;

const labelOf = (choices: readonly Choice[], value: string) => choices.find((choice) => choice.value === value)?.label ?? value;

export const membersExportCommand = defineCommand({
  words: 'members export',
  cy: ['allforio aelodau', 'aelodau allforio'],
  args: z.array(z.string()),
  usage: 'members export [region] [role or staff group]',
  summary: 'directory.exportSummary',
  needs: 'directory.exportNeeds',
  examples: ['members export', 'members export london', 'members export wales midwives'],
  async run(words, context, services: ExportCommandServices) {
    const { t } = context;
    const request = await readDirectoryRequest(words, context, services, 'members export');
    if ('kind' in request) return request;
    if (!request.facilitates) return textMessage(t('directory.exportRefused', { region: request.region.label }));

    const rows = await services.directory.export(
      { regionCode: request.region.value, role: request.role?.value, staffGroup: request.staffGroup?.value },
      EXPORT_LIMIT,
    );
    const [staffGroups, themes] = await Promise.all([services.reference.staffGroups(), services.reference.promiseElements()]);
    const yesNo = (value: boolean) => (value ? t('directory.csv.yes') : t('directory.csv.no'));
    const csv = toCsv(
      [
        t('directory.csv.name'),
        t('directory.csv.organisation'),
        t('directory.csv.odsCode'),
        t('directory.csv.region'),
        t('directory.csv.role'),
        t('directory.csv.staffGroups'),
        t('directory.csv.themes'),
        t('directory.csv.listed'),
        t('directory.csv.joined'),
      ],
      rows.map((row) => [
        row.displayName,
        row.organisation ?? '',
        row.organisationCode ?? '',
        request.region.label,
        row.role ? labelOf(request.roles, row.role) : '',
        row.staffGroups.map((code) => labelOf(staffGroups, code)).join('; '),
        row.promiseElements.map((code) => labelOf(themes, code)).join('; '),
        yesNo(row.inDirectory),
        row.joinedAt.toISOString().slice(0, 10),
      ]),
    );
    const filter = request.role?.label ?? request.staffGroup?.label;
    const slug = [request.region.label, filter]
      .filter(Boolean)
      .join('-')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-');
    const file: FileReply = {
      kind: 'file',
      filename: `cop-members-${slug}-${services.clock.now().toISOString().slice(0, 10)}.csv`,
      mediaType: 'text/csv; charset=utf-8',
      content: csv,
      summary: t('directory.exportSummaryLine', { count: rows.length, region: request.region.label }),
      sentPrivately: t('directory.exportSent'),
      failed: t('directory.exportFailed'),
    };
    return file;
  },
});
