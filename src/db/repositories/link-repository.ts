// One-time codes that link a member's Slack and Teams accounts, through Prisma. Only an HMAC-SHA256 of
// each code, keyed with the COP_SECRET setting, is stored, so a copy of the database alone does not
// let anyone test guesses; audit entries name the member by internal id and never carry a code.
import { createHmac } from 'node:crypto';
import type { PrismaClient } from '../database.js';
import { Prisma } from '../../generated/prisma/client.js';
import type { Actor, Platform } from '../../core/context.js';
import type { LinkRefusal, LinkStore, RedeemOutcome } from '../../core/linking/link-store.js';
import { systemClock, type Clock } from '../../core/clock.js';

const refused = (reason: LinkRefusal): RedeemOutcome => ({ kind: 'refused', reason });
const identityKey = (actor: Actor) => ({ platform: actor.platform, workspaceId: actor.workspaceId, userId: actor.userId });

function linkHash(secret: string, purpose: 'code' | 'actor', text: string): string {
  return createHmac('sha256', secret).update(`${purpose}:${text}`, 'utf8').digest('hex');
}

/** How a failed `link <code>` keeps the account that typed it: a keyed hash, never the account's ids. */
export function linkActorHash(secret: string, actor: Pick<Actor, 'platform' | 'workspaceId' | 'userId'>): string {
  return linkHash(secret, 'actor', `${actor.platform}:${actor.workspaceId}:${actor.userId}`);
}

export class PrismaLinkStore implements LinkStore {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly secret: string,
    private readonly clock: Clock = systemClock,
  ) {}

  private hash(purpose: 'code' | 'actor', text: string): string {
    return linkHash(this.secret, purpose, text);
  }

  async createCode(memberId: string, platform: Platform, code: string, expiresAt: Date): Promise<void> {
    const codeHash = this.hash('code', code);
    await this.prisma.$transaction(async (tx) => {
      // A new code replaces the member's unused ones; used codes stay until erasure, as history.
      await tx.linkCode.deleteMany({ where: { memberId, usedAt: null } });
      await tx.linkCode.create({ data: { memberId, platform, codeHash, expiresAt } });
      await tx.auditEntry.create({ data: { action: 'member.link_code_created', subject: memberId, details: { platform } } });
    });
  }

  async redeem(
    typed: string,
    actor: Actor,
    limit: { readonly maxFailures: number; readonly windowMinutes: number },
  ): Promise<RedeemOutcome> {
    const actorHash = linkActorHash(this.secret, actor);
    const since = new Date(this.clock.now().getTime() - limit.windowMinutes * 60_000);
    const failures = await this.prisma.linkAttempt.count({ where: { actorHash, at: { gt: since } } });
    if (failures >= limit.maxFailures) return refused('tooManyAttempts');
    const outcome = await this.tryRedeem(this.hash('code', typed), actor);
    if (outcome.kind === 'refused' && outcome.reason === 'invalid') {
      await this.prisma.$transaction([
        this.prisma.linkAttempt.deleteMany({ where: { at: { lt: since } } }),
        this.prisma.linkAttempt.create({ data: { actorHash } }),
      ]);
    }
    return outcome;
  }

  private async tryRedeem(codeHash: string, actor: Actor): Promise<RedeemOutcome> {
    try {
      return await this.prisma.$transaction(async (tx) => {
        const code = await tx.linkCode.findUnique({
          where: { codeHash },
          select: { id: true, memberId: true, platform: true, expiresAt: true, usedAt: true, member: { select: { status: true } } },
        });
        if (!code || code.usedAt !== null || code.expiresAt.getTime() <= this.clock.now().getTime() || code.member.status === 'erased')
          return refused('invalid');
        if (code.platform === actor.platform) return refused('samePlatform');
        const existing = await tx.platformIdentity.findUnique({
          where: { platform_workspaceId_userId: identityKey(actor) },
          select: { memberId: true },
        });
        if (existing) return refused(existing.memberId === code.memberId ? 'alreadyLinked' : 'alreadyMember');
        // The member row is locked, so that two codes redeemed at once cannot give it two accounts on one platform.
        await tx.$queryRaw`SELECT id FROM "Member" WHERE id = ${code.memberId} FOR UPDATE`;
        if ((await tx.platformIdentity.count({ where: { memberId: code.memberId, platform: actor.platform } })) > 0)
          return refused('platformTaken');
        // The code is used once: of two redemptions at once, only one updates the row.
        const used = await tx.$executeRaw`
          UPDATE "LinkCode" SET "usedAt" = ${this.clock.now()}::timestamptz WHERE id = ${code.id} AND "usedAt" IS NULL AND "expiresAt" > ${this.clock.now()}::timestamptz`;
        if (used !== 1) return refused('invalid');
        await tx.platformIdentity.create({ data: { memberId: code.memberId, ...identityKey(actor) } });
        await tx.auditEntry.create({ data: { action: 'member.linked', subject: code.memberId, details: { platform: actor.platform } } });
        return { kind: 'linked', memberId: code.memberId };
      });
    } catch (error) {
      // The same account joined or linked at the very same moment: its identity now exists elsewhere.
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') return refused('alreadyMember');
      throw error;
    }
  }
}
