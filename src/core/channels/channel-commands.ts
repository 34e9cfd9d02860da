// `channel link <region>` and `channel unlink`: typed in a channel, they make it one of a region's
// community channels, or no longer one. For facilitators of the region and national admins; every
// change is audited. `regions` lists the linked channels, and new members are shown them.
import { z } from 'zod';
import { defineCommand, noArguments } from '../commands/command.js';
import type { RequestContext } from '../context.js';
import type { Choice } from '../members/member.js';
import { findRegion, unknownRegionReply } from '../regions/region-names.js';
import { textMessage } from '../reply/reply.js';
import { mayChangeFacilitators, permissionsOf } from '../roles/permissions.js';
import type { CoreServices } from '../services.js';

/** The services this module's handlers use. */
export type ChannelCommandsServices = Pick<CoreServices, 'configuredAdmins' | 'conversations' | 'members' | 'reference' | 'roles'>;

/** The region the current conversation is linked to, with its name (its code if it is no longer known). */
async function currentRegion(
  context: RequestContext,
  services: ChannelCommandsServices,
  regions: readonly Choice[],
): Promise<Choice | undefined> {
  const code = await services.conversations.linkedRegion(context.conversation);
  if (code === undefined) return undefined;
  return regions.find((region) => region.value === code) ?? { value: code, label: code };
}

/** Links (or, with no region, unlinks) the current conversation; the asker's member id goes in the audit. */
async function link(region: Choice | null, context: RequestContext, services: ChannelCommandsServices): Promise<void> {
  const by = await services.members.findByIdentity(context.actor);
  await services.conversations.linkRegion(
    context.conversation,
    { regionCode: region?.value ?? null, byMemberId: by?.id },
    context.conversationDetails ?? {},
  );
}

export const channelLinkCommand = defineCommand({
  words: 'channel link',
  cy: ['cysylltu sianel'],
  args: z
    .array(z.string())
    .min(1)
    .transform((words) => ({ region: words.join(' ') })),
  usage: 'channel link <region>',
  summary: 'channels.linkSummary',
  needs: 'channels.needs',
  examples: ['channel link london', 'channel link north east and yorkshire'],
  async run(args, context, services: ChannelCommandsServices) {
    const { t } = context;
    if (context.conversation.kind === 'personal') return textMessage(t('channels.notInChannel'));
    const regions = await services.reference.regions();
    const region = findRegion(args.region, regions);
    if (!region) return unknownRegionReply(args.region, regions, t, (name) => `channel link ${name}`);
    const permissions = await permissionsOf(context.actor, services.roles, services.configuredAdmins);
    if (!mayChangeFacilitators(permissions, region.value)) return textMessage(t('channels.refused', { region: region.label }));
    const current = await currentRegion(context, services, regions);
    if (current?.value === region.value) return textMessage(t('channels.alreadyLinked', { region: region.label }));
    // Moving a channel from one region to another changes both regions' channels.
    if (current && !mayChangeFacilitators(permissions, current.value)) return textMessage(t('channels.refused', { region: current.label }));
    await link(region, context, services);
    // Shared: everyone in the channel learns what it has become.
    return textMessage(
      current ? t('channels.moved', { region: region.label, previous: current.label }) : t('channels.linked', { region: region.label }),
      'shared',
    );
  },
});

export const channelUnlinkCommand = defineCommand({
  words: 'channel unlink',
  cy: ['datgysylltu sianel'],
  args: noArguments,
  usage: 'channel unlink',
  summary: 'channels.unlinkSummary',
  needs: 'channels.needs',
  examples: ['channel unlink'],
  async run(_args, context, services: ChannelCommandsServices) {
    const { t } = context;
    if (context.conversation.kind === 'personal') return textMessage(t('channels.notInChannel'));
    const current = await currentRegion(context, services, await services.reference.regions());
    if (!current) return textMessage(t('channels.notLinked'));
    const permissions = await permissionsOf(context.actor, services.roles, services.configuredAdmins);
    if (!mayChangeFacilitators(permissions, current.value)) return textMessage(t('channels.refused', { region: current.label }));
    await link(null, context, services);
    return textMessage(t('channels.unlinked', { region: current.label }), 'shared');
  },
});
