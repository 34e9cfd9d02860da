// Community channels: linking a channel to a region, where announcements and digests go.
import type { Feature } from '../feature.js';
import { channelLinkCommand, channelUnlinkCommand } from './channel-commands.js';

export const channelsFeature: Feature = { name: 'channels', commands: [channelLinkCommand, channelUnlinkCommand] };
