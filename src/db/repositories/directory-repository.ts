// The member directory through Prisma: one page of a region's active members in name order, and the count.
import type { PrismaClient } from '../database.js';
import type { Prisma } from '../../generated/prisma/client.js';
import type { DirectoryPage, DirectoryQuery, DirectoryStore } from '../../core/directory/directory-store.js';
import { MEMBER_ROLES } from '../../core/members/member.js';

export class PrismaDirectoryStore implements DirectoryStore {
  constructor(private readonly prisma: PrismaClient) {}

  async list(query: DirectoryQuery): Promise<DirectoryPage> {
    const role = MEMBER_ROLES.find((candidate) => candidate === query.role);
    const where: Prisma.MemberWhereInput = {
      regionCode: query.regionCode,
      status: 'active',
      ...(query.optedInOnly ? { inDirectory: true } : {}),
      ...(role ? { role } : {}),
      ...(query.staffGroup ? { staffGroups: { has: query.staffGroup } } : {}),
    };
    const [rows, total] = await Promise.all([
      this.prisma.member.findMany({
        where,
        orderBy: [{ displayName: 'asc' }, { id: 'asc' }],
        skip: query.page * query.pageSize,
        take: query.pageSize,
        select: { displayName: true, role: true, organisation: { select: { name: true } } },
      }),
      this.prisma.member.count({ where }),
    ]);
    return {
      entries: rows.map((row) => ({ displayName: row.displayName ?? '', organisation: row.organisation?.name ?? null, role: row.role })),
      total,
    };
  }
}
