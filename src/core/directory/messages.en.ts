// English sentences of the member directory; part of the catalogue in src/core/i18n/en.ts.
import { plural } from '../i18n/plural.js';

export const directoryEn = {
  'directory.commandSummary': 'Members of a region, by role or staff group',
  'directory.needs': 'Members (everyone who chose to be listed); facilitators see all members of their regions',
  'directory.heading': (p: { region: string }) => `Members in ${p.region}`,
  'directory.summary': (p: { region: string; total: number }) => `${plural(p.total, { one: 'member', other: 'members' })} in ${p.region}`,
  'directory.range': (p: { from: number; to: number; total: number }) => `${p.from} to ${p.to} of ${p.total}`,
  'directory.optedInOnly': 'Showing the members who chose to be listed in the directory.',
  'directory.allMembers': 'Showing every member of the region, as you facilitate it.',
  'directory.empty': 'No members match.',
  'directory.more': 'More',
  'directory.export': 'Export as CSV',
  'directory.exportSummary': 'The members of a region as a spreadsheet (CSV)',
  'directory.exportNeeds': 'Facilitators of the region, and national admins',
  'directory.exportRefused': (p: { region: string }) =>
    `Only facilitators of ${p.region} and national admins can export its members, so nothing was exported.`,
  'directory.exportSummaryLine': (p: { count: number; region: string }) =>
    `${plural(p.count, { one: 'member', other: 'members' })} of ${p.region}. The file holds personal data: keep it safe and delete it when you are done.`,
  'directory.exportSent': 'I have sent you the file in a direct message.',
  'directory.exportFailed': 'Sorry, I could not send you the file. Please try again in a moment.',
  'directory.csv.name': 'Name',
  'directory.csv.organisation': 'Organisation',
  'directory.csv.odsCode': 'ODS code',
  'directory.csv.region': 'Region',
  'directory.csv.role': 'Role',
  'directory.csv.staffGroups': 'Staff groups',
  'directory.csv.themes': 'People Promise themes',
  'directory.csv.listed': 'Listed in directory',
  'directory.csv.joined': 'Joined',
  'directory.csv.yes': 'Yes',
  'directory.csv.no': 'No',
  'directory.joinFirst': 'The directory is for members: type join to become one.',
  'directory.whichRegion': 'Which region? For example: members london',
  'directory.unknownFilter': (p: { typed: string }) =>
    `I don't know "${p.typed}" as a region, role or staff group. Type help members for examples.`,
} as const;
