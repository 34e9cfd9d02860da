// English sentences of the region channels feature; part of the catalogue in src/core/i18n/en.ts.

export const channelsEn = {
  'channels.linkSummary': 'Make this channel a community channel of a region',
  'channels.unlinkSummary': 'Stop this channel being a region’s community channel',
  'channels.needs': 'Facilitators of the region, and national admins, in the channel itself',
  'channels.notInChannel': 'This works in a channel, not in a personal chat: add the bot to the channel, then type the command there.',
  'channels.refused': (p: { region: string }) =>
    `Only a facilitator of ${p.region} or a national admin can change the community channels of ${p.region}, so nothing was changed.`,
  'channels.linked': (p: { region: string }) =>
    `Done: this is now a community channel of ${p.region}. It is listed under regions, and new members of ${p.region} are shown it when they join. This change is recorded.`,
  'channels.moved': (p: { region: string; previous: string }) =>
    `Done: this is now a community channel of ${p.region} instead of ${p.previous}. This change is recorded.`,
  'channels.alreadyLinked': (p: { region: string }) => `This is already a community channel of ${p.region}: nothing changed.`,
  'channels.unlinked': (p: { region: string }) => `Done: this is no longer a community channel of ${p.region}. This change is recorded.`,
  'channels.notLinked': 'This channel is not a community channel of any region, so there was nothing to unlink.',
} as const;
