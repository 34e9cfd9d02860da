// The member directory through Prisma: one page of a region's active members in name order, and the count.
import type { PrismaClient } from '../database.js';
import type { Prisma } from '../../generated/prisma/client.js';
import type { DirectoryPage, DirectoryQuery, DirectoryStore, ExportedMember } from '../../core/directory/directory-store.js';
import { MEMBER_ROLES } from '../../core/members/member.js';

function whereOf(query: Pick<DirectoryQuery, 'regionCode' | 'role' | 'staffGroup'> & { optedInOnly?: boolean }): Prisma.MemberWhereInput {
  const role = MEMBER_ROLES.find((candidate) => candidate === query.role);
  return {
    regionCode: query.regionCode,
    status: 'active',
    ...(query.optedInOnly ? { inDirectory: true } : {}),
    ...(role ? { role } : {}),
    ...(query.staffGroup ? { staffGroups: { has: query.staffGroup } } : {}),
  };
}

export class PrismaDirectoryStore implements DirectoryStore {
  constructor(private readonly prisma: PrismaClient) {}

  async list(query: DirectoryQuery): Promise<DirectoryPage> {
    const where = whereOf(query);
    const [rows, total] = await Promise.all([
      this.prisma.member.findMany({
        where,
        orderBy: [{ displayName: 'asc' }, { id: 'asc' }],
        skip: query.page * query.pageSize,
        take: query.pageSize,
        select: { displayName: true, role: true, organisation: { select: { name: true, odsCode: true } } },
      }),
      this.prisma.member.count({ where }),
    ]);
    return {
      entries: rows.map((row) => ({
        displayName: row.displayName ?? '',
        organisation: row.organisation?.name ?? null,
        organisationCode: row.organisation?.odsCode ?? null,
        role: row.role,
      })),
      total,
    };
  }

  async export(query: Pick<DirectoryQuery, 'regionCode' | 'role' | 'staffGroup'>, limit: number): Promise<readonly ExportedMember[]> {
    const rows = await this.prisma.member.findMany({
      where: whereOf(query),
      orderBy: [{ displayName: 'asc' }, { id: 'asc' }],
      take: limit,
      select: {
        displayName: true,
        role: true,
        staffGroups: true,
        promiseElements: true,
        inDirectory: true,
        joinedAt: true,
        organisation: { select: { name: true, odsCode: true } },
      },
    });
    return rows.map(({ organisation, displayName, ...row }) => ({
      ...row,
      displayName: displayName ?? '',
      organisation: organisation?.name ?? null,
      organisationCode: organisation?.odsCode ?? null,
    }));
  }
}
