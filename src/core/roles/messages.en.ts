// English sentences of the roles feature; part of the catalogue in src/core/i18n/en.ts.

export const rolesEn = {
  'roles.grantSummary': 'Make someone a facilitator of a region, or a national admin',
  'roles.revokeSummary': 'Remove a facilitator or national admin role',
  'roles.needs.facilitatorOrAdmin': 'Facilitators of the region, and national admins',
  'roles.needs.anyone': 'Anyone',
  'roles.needs.member': 'Members',
  'roles.refused.admin': 'Only a national admin can grant or remove the national admin role, so nothing was changed.',
  'roles.refused.facilitator': (p: { region: string }) =>
    `Only a facilitator of ${p.region} or a national admin can change who facilitates ${p.region}, so nothing was changed.`,
  'roles.unknownRegion': (p: { typed: string }) => `I don't know the region "${p.typed}". Type regions to see them.`,
  'roles.regionNeeded': 'Please name the region, for example: admin grant facilitator @name london',
  'roles.noRegionForAdmin': 'The national admin role has no region: leave the region out.',
  'roles.notMember': 'That person has not joined yet: ask them to type join first, then try again.',
  'roles.granted': (p: { name: string; role: string }) => `Done: ${p.name} is now ${p.role}. This change is recorded.`,
  'roles.alreadyHad': (p: { name: string; role: string }) => `${p.name} is already ${p.role}: nothing changed.`,
  'roles.revoked': (p: { name: string; role: string }) => `Done: ${p.name} is no longer ${p.role}. This change is recorded.`,
  'roles.didNotHave': (p: { name: string; role: string }) => `${p.name} was not ${p.role}: nothing changed.`,
  'roles.unnamed': 'That person',
  'roles.facilitatorOf': (p: { region: string }) => `a facilitator of ${p.region}`,
  'roles.nationalAdmin': 'a national admin',
  'roles.notice.granted': (p: { role: string }) => `You are now ${p.role} in the community. Type help to see what you can do.`,
  'roles.notice.revoked': (p: { role: string }) => `You are no longer ${p.role} in the community.`,
} as const;
