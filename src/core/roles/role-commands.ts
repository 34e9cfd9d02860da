// `admin grant <facilitator|admin> <@person> [region]` and `admin revoke ...`: who facilitates which
// region, and who is a national admin. Every change is checked against the asker's roles and audited.
import { z } from 'zod';
import { defineCommand } from '../commands/command.js';
import type { RequestContext } from '../context.js';
import { type Message, textMessage } from '../reply/reply.js';
import { findRegion, unknownRegionReply } from '../regions/region-names.js';
import type { CoreServices } from '../services.js';
import { mayChangeFacilitators, permissionsOf } from './permissions.js';

/** The services this module's handlers use. */
export type RoleCommandsServices = Pick<CoreServices, 'configuredAdmins' | 'members' | 'outbox' | 'reference' | 'roles'>;

/** A person named with an @mention: adapters turn platform mentions into `<@user id>`. */
const mention = z
  .string()
  .regex(/^<@[^>\s]+>$/)
  .transform((text) => text.slice(2, -1));

/** The role words, in English and in Welsh (hwylusydd, gweinyddwr). */
const ROLE_WORDS: Readonly<Record<string, 'facilitator' | 'admin'>> = {
  facilitator: 'facilitator',
  admin: 'admin',
  hwylusydd: 'facilitator',
  gweinyddwr: 'admin',
};

const roleArguments = z
  .tuple([
    z
      .string()
      .transform((word) => ROLE_WORDS[word.toLowerCase()])
      .pipe(z.enum(['facilitator', 'admin'])),
    mention,
  ])
  .rest(z.string())
  .transform(([role, userId, ...region]) => ({ role, userId, region: region.join(' ') }));

type RoleArguments = z.output<typeof roleArguments>;

async function changeRole(
  change: 'grant' | 'revoke',
  args: RoleArguments,
  context: RequestContext,
  services: RoleCommandsServices,
): Promise<Message> {
  const { t, actor } = context;
  const permissions = await permissionsOf(actor, services.roles, services.configuredAdmins);
  let regionCode: string | undefined;
  let roleLabel: string;
  if (args.role === 'admin') {
    if (args.region !== '') return textMessage(t('roles.noRegionForAdmin'));
    if (!permissions.nationalAdmin) return textMessage(t('roles.refused.admin'));
    roleLabel = t('roles.nationalAdmin');
  } else {
    if (args.region === '') return textMessage(t('roles.regionNeeded'));
    const regions = await services.reference.regions();
    const region = findRegion(args.region, regions);
    if (!region) return unknownRegionReply(args.region, regions, t, (name) => `admin ${change} ${args.role} <@${args.userId}> ${name}`);
    if (!mayChangeFacilitators(permissions, region.value)) return textMessage(t('roles.refused.facilitator', { region: region.label }));
    regionCode = region.value;
    roleLabel = t('roles.facilitatorOf', { region: region.label });
  }
  const target = await services.members.findByIdentity({ ...actor, userId: args.userId });
  if (target?.status !== 'active') return textMessage(t('roles.notMember'));
  const by = await services.members.findByIdentity(actor);
  const role = args.role === 'admin' ? ('national_admin' as const) : ('facilitator' as const);
  const request = { memberId: target.id, role, regionCode, byMemberId: by?.id };
  const said = { name: target.displayName ?? t('roles.unnamed'), role: roleLabel };
  if (change === 'grant') {
    const granted = await services.roles.grant({ ...request, notice: textMessage(t('roles.notice.granted', { role: roleLabel })) });
    if (granted) services.outbox.wake();
    return textMessage(granted ? t('roles.granted', said) : t('roles.alreadyHad', said));
  }
  const revoked = await services.roles.revoke({ ...request, notice: textMessage(t('roles.notice.revoked', { role: roleLabel })) });
  if (revoked) services.outbox.wake();
  return textMessage(revoked ? t('roles.revoked', said) : t('roles.didNotHave', said));
}

export const grantCommand = defineCommand({
  words: 'admin grant',
  cy: ['rhoi rôl'],
  args: roleArguments,
  usage: 'admin grant <facilitator|admin> <@person> [region]',
  summary: 'roles.grantSummary',
  needs: 'roles.needs.facilitatorOrAdmin',
  examples: ['admin grant facilitator @Sam Taylor london', 'admin grant admin @Sam Taylor'],
  run: (args, context, services: RoleCommandsServices) => changeRole('grant', args, context, services),
});

export const revokeCommand = defineCommand({
  words: 'admin revoke',
  cy: ['dileu rôl'],
  args: roleArguments,
  usage: 'admin revoke <facilitator|admin> <@person> [region]',
  summary: 'roles.revokeSummary',
  needs: 'roles.needs.facilitatorOrAdmin',
  examples: ['admin revoke facilitator @Sam Taylor london'],
  run: (args, context, services: RoleCommandsServices) => changeRole('revoke', args, context, services),
});
