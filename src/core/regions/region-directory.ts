// What the regions feature needs from storage; implemented over Prisma in src/db/repositories.
import type { Platform } from '../context.js';

export interface CommunityChannel {
  readonly platform: Platform;
  /** Slack team id or Teams tenant id. */
  readonly workspaceId: string;
  readonly externalId: string;
  readonly name: string | undefined;
}

export interface RegionWithChannels {
  readonly code: string;
  readonly name: string;
  readonly nation: 'england' | 'wales';
  readonly channels: readonly CommunityChannel[];
}

export interface RegionDirectory {
  /** Every region in display order, each with its community channels that the bot is still in. */
  listWithChannels(): Promise<RegionWithChannels[]>;
  /** One region's community channels that the bot is still in, in the order the bot joined them. */
  channelsOf(regionCode: string): Promise<CommunityChannel[]>;
}
