// `regions`: NHS England's seven regions and NHS Wales, with the community channels linked to each.
import { defineCommand, noArguments } from '../commands/command.js';
import { message, type Block, type ListItem, type Span } from '../reply/reply.js';
import type { Language } from '../i18n/catalogue.js';
import type { CoreServices } from '../services.js';
import { regionName } from './region-names.js';
import type { CommunityChannel, RegionWithChannels } from './region-directory.js';

/** The services this module's handlers use. */
export type RegionsCommandServices = Pick<CoreServices, 'regions'>;

/** Channels as spans separated by commas: each platform renders a channel its own way. */
export function channelSpans(channels: readonly CommunityChannel[]): Span[] {
  return channels.flatMap((channel, i): Span[] => [
    ...(i > 0 ? [', '] : []),
    { kind: 'channel', platform: channel.platform, id: channel.externalId, name: channel.name },
  ]);
}

function regionItem(region: RegionWithChannels, noChannel: string, language: Language): ListItem {
  return {
    title: [{ kind: 'strong', text: regionName(region, language) }],
    detail: region.channels.length > 0 ? channelSpans(region.channels) : noChannel,
  };
}

export const regionsCommand = defineCommand({
  words: 'regions',
  aliases: ['region'],
  cy: ['rhanbarthau', 'rhanbarth'],
  args: noArguments,
  usage: 'regions',
  summary: 'regions.commandSummary',
  needs: 'roles.needs.anyone',
  examples: ['regions'],
  async run(_args, { t }, services) {
    const regions = await services.regions.listWithChannels();
    if (regions.length === 0) return message(t('regions.none'), [{ kind: 'text', text: t('regions.none') }]);
    const section = (nation: RegionWithChannels['nation'], heading: string): Block[] => {
      const items = regions
        .filter((region) => region.nation === nation)
        .map((region) => regionItem(region, t('regions.noChannel'), t.language));
      return items.length > 0
        ? [
            { kind: 'note', text: heading },
            { kind: 'list', items },
          ]
        : [];
    };
    return message(
      t('regions.summary', { count: regions.length }),
      [
        { kind: 'heading', text: t('regions.heading') },
        ...section('england', t('regions.england')),
        ...section('wales', t('regions.wales')),
      ],
      'open',
    );
  },
});
