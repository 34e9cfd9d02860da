// Regions with their community channels, read through Prisma.
import type { PrismaClient } from '../database.js';
import type { RegionDirectory, RegionWithChannels } from '../../core/regions/region-directory.js';

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
          select: { platform: true, externalId: true, name: true },
        },
      },
    });
    return regions.map((region) => ({
      code: region.code,
      name: region.name,
      nation: region.nation,
      channels: region.conversations.map((c) => ({ platform: c.platform, externalId: c.externalId, name: c.name ?? undefined })),
    }));
  }
}
