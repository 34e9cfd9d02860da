// Linking a member's accounts by the email their platforms have verified, through Prisma. Only an
// HMAC-SHA256 of the trimmed, lower-cased address, keyed with the COP_SECRET setting, is kept (on the
// account's PlatformIdentity, so it goes when the account or the member is erased); audit entries carry
// neither the address nor its hash.
import { createHmac } from 'node:crypto';
import type { PrismaClient } from '../database.js';
import { Prisma } from '../../generated/prisma/client.js';
import type { Actor } from '../../core/context.js';
import type { EmailLinkOutcome, EmailLinkStore } from '../../core/linking/link-store.js';

const identityKey = (actor: Actor) => ({ platform: actor.platform, workspaceId: actor.workspaceId, userId: actor.userId });

/** The keyed hash of an address as stored; undefined for an empty one. */
export function emailHash(secret: string, email: string): string | undefined {
  const normalised = email.trim().toLowerCase();
  if (normalised === '') return undefined;
  return createHmac('sha256', secret).update(normalised, 'utf8').digest('hex');
}

export class PrismaEmailLinkStore implements EmailLinkStore {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly secret: string,
  ) {}

  async recordEmail(actor: Actor, email: string): Promise<void> {
    const hash = emailHash(this.secret, email);
    if (hash === undefined) return;
    await this.prisma.platformIdentity.updateMany({ where: identityKey(actor), data: { emailHash: hash } });
  }

  async linkByEmail(actor: Actor, email: string): Promise<EmailLinkOutcome> {
    const hash = emailHash(this.secret, email);
    if (hash === undefined) return { kind: 'noMatch' };
    try {
      return await this.prisma.$transaction(async (tx) => {
        if (await tx.platformIdentity.findUnique({ where: { platform_workspaceId_userId: identityKey(actor) }, select: { id: true } })) {
          return { kind: 'alreadyMember' } as const;
        }
        const candidates = await tx.platformIdentity.findMany({
          where: {
            emailHash: hash,
            platform: { not: actor.platform },
            member: { status: 'active', identities: { none: { platform: actor.platform } } },
          },
          select: { memberId: true },
        });
        const memberIds = [...new Set(candidates.map((candidate) => candidate.memberId))];
        // Two members sharing an address cannot be told apart: the code is the way then.
        const [memberId] = memberIds;
        if (memberId === undefined || memberIds.length > 1) return { kind: 'noMatch' } as const;
        // The member row is locked, so that two links at once cannot give it two accounts on one platform.
        await tx.$queryRaw`SELECT id FROM "Member" WHERE id = ${memberId} AND status = 'active' FOR UPDATE`;
        const member = await tx.member.findUnique({ where: { id: memberId }, select: { status: true } });
        if (member?.status !== 'active') return { kind: 'noMatch' } as const;
        if ((await tx.platformIdentity.count({ where: { memberId, platform: actor.platform } })) > 0) return { kind: 'noMatch' } as const;
        await tx.platformIdentity.create({ data: { memberId, ...identityKey(actor), emailHash: hash } });
        await tx.auditEntry.create({
          data: { action: 'member.linked', subject: memberId, details: { platform: actor.platform, by: 'email' } },
        });
        return { kind: 'linked', memberId } as const;
      });
    } catch (error) {
      // The same account joined or linked at the very same moment: its identity now exists.
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') return { kind: 'alreadyMember' };
      throw error;
    }
  }
}
