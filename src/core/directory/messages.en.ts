// English sentences of the member directory; part of the catalogue in src/core/i18n/en.ts.

export const directoryEn = {
  'directory.commandSummary': 'Members of a region, by role or staff group',
  'directory.needs': 'Members (everyone who chose to be listed); facilitators see all members of their regions',
  'directory.heading': (p: { region: string }) => `Members in ${p.region}`,
  'directory.summary': (p: { region: string; total: number }) => `${p.total} members in ${p.region}`,
  'directory.range': (p: { from: number; to: number; total: number }) => `${p.from} to ${p.to} of ${p.total}`,
  'directory.optedInOnly': 'Showing the members who chose to be listed in the directory.',
  'directory.allMembers': 'Showing every member of the region, as you facilitate it.',
  'directory.empty': 'No members match.',
  'directory.more': 'More',
  'directory.joinFirst': 'The directory is for members: type join to become one.',
  'directory.whichRegion': 'Which region? For example: members london',
  'directory.unknownFilter': (p: { typed: string }) => `I don't know "${p.typed}" as a region, role or staff group. Type help members for examples.`,
} as const;
