// Role grants through Prisma, each change audited in the same transaction (member ids only).
import type { PrismaClient } from '../database.js';
import { queueMessages } from './outbox-repository.js';
import type { Actor } from '../../core/context.js';
import type { RoleGrantRequest, RoleName, RoleStore } from '../../core/roles/role-store.js';

export class PrismaRoleStore implements RoleStore {
  constructor(private readonly prisma: PrismaClient) {}

  async grantsOf(actor: Actor): Promise<readonly { role: RoleName; regionCode: string | null }[]> {
    return this.prisma.roleGrant.findMany({
      where: {
        member: {
          status: 'active',
          identities: { some: { platform: actor.platform, workspaceId: actor.workspaceId, userId: actor.userId } },
        },
      },
      select: { role: true, regionCode: true },
    });
  }

  async grant(request: RoleGrantRequest): Promise<boolean> {
    return this.prisma.$transaction(async (tx) => {
      // Looked up rather than left to the unique index: PostgreSQL treats NULL regions as distinct.
      const existing = await tx.roleGrant.findFirst({
        where: { memberId: request.memberId, role: request.role, regionCode: request.regionCode ?? null },
      });
      if (existing) return false;
      await tx.roleGrant.create({ data: { memberId: request.memberId, role: request.role, regionCode: request.regionCode ?? null } });
      await tx.auditEntry.create({
        data: {
          action: 'role.granted',
          subject: request.memberId,
          details: { role: request.role, region: request.regionCode ?? null, by: request.byMemberId ?? 'configured admin' },
        },
      });
      await queueMessages(tx, [{ recipient: { kind: 'member', memberId: request.memberId }, message: request.notice }]);
      return true;
    });
  }

  async revoke(request: RoleGrantRequest): Promise<boolean> {
    return this.prisma.$transaction(async (tx) => {
      const { count } = await tx.roleGrant.deleteMany({
        where: { memberId: request.memberId, role: request.role, regionCode: request.regionCode ?? null },
      });
      if (count === 0) return false;
      await tx.auditEntry.create({
        data: {
          action: 'role.revoked',
          subject: request.memberId,
          details: { role: request.role, region: request.regionCode ?? null, by: request.byMemberId ?? 'configured admin' },
        },
      });
      await queueMessages(tx, [{ recipient: { kind: 'member', memberId: request.memberId }, message: request.notice }]);
      return true;
    });
  }
}
