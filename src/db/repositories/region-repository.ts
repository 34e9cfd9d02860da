// Regions with their community channels, read through Prisma.
import type { PrismaClient } from '../database.js';
import type { CommunityChannel, RegionDirectory, RegionWithChannels } from '../../core/regions/region-directory.js';

const channelSelect = { platform: true, workspaceId: true, externalId: true, name: true } as const;

function toChannel(row: {
  platform: CommunityChannel['platform'];
  workspaceId: string;
  externalId: string;
  name: string | null;
}): CommunityChannel {
  return { platform: row.platform, workspaceId: row.workspaceId, externalId: row.externalId, name: row.name ?? undefined };
}

export class PrismaRegionDirectory implements RegionDirectory {
  constructor(private readonly prisma: PrismaClient) {}

  async listWithChannels(): Promise<RegionWithChannels[]> {
    const regions = await this.prisma.region.findMany({
      orderBy: { sortOrder: 'asc' },
      select: {
        code: true,
        name: true,
        nation: true,
        conversations: {
          where: { removedAt: null },
          orderBy: { installedAt: 'asc' },
          select: channelSelect,
        },
      },
    });
    return regions.map((region) => ({
      code: region.code,
      name: region.name,
      nation: region.nation,
      channels: region.conversations.map(toChannel),
    }));
  }

  async channelsOf(regionCode: string): Promise<CommunityChannel[]> {
    const rows = await this.prisma.conversation.findMany({
      where: { regionCode, removedAt: null },
      orderBy: { installedAt: 'asc' },
      select: channelSelect,
    });
    return rows.map(toChannel);
  }
}
