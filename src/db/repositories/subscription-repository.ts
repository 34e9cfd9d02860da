// Digest subscriptions and the periods they posted. A period is claimed by inserting its unique
// (subscription, due instant) row with ON CONFLICT DO NOTHING, and the digest is queued through the
// outbox in the same transaction under the key `digest:<subscription>:<due instant>`: however many bot
// processes tick at once, and across restarts, each period is posted once.
import type { LanguageChoice } from '../../core/i18n/language-choice.js';
import { channelLanguage } from '../../core/i18n/language-resolution.js';
import type { PrismaClient } from '../database.js';
import { Prisma } from '../../generated/prisma/client.js';
import type { ConversationAddress, Platform } from '../../core/context.js';
import type { Scope } from '../../core/metrics/metric-store.js';
import type { OutgoingMessage } from '../../core/outbox/outbox.js';
import type { Message } from '../../core/reply/reply.js';
import { MAX_SUBSCRIPTIONS_PER_CHANNEL } from '../../core/digests/subscription-commands.js';
import type {
  FailedPost,
  KnownConversation,
  NewSubscription,
  PauseReason,
  PeriodClaim,
  ScheduledSubscription,
  Subscription,
  SubscriptionStore,
} from '../../core/digests/subscription-store.js';
import { queueMessages } from './outbox-repository.js';
import { systemClock, type Clock } from '../../core/clock.js';
import { ALL_STAFF } from '../../core/metrics/staff-group-labels.js';

const subscriptionSelect = {
  id: true,
  number: true,
  scopeKind: true,
  scopeCode: true,
  staffGroupCode: true,
  schedule: true,
  timeZone: true,
  pausedAt: true,
  pauseReason: true,
  activeSince: true,
  subscribedBy: true,
  conversation: {
    select: {
      id: true,
      platform: true,
      externalId: true,
      name: true,
      regionCode: true,
      language: true,
      region: { select: { nation: true } },
    },
  },
} satisfies Prisma.DigestSubscriptionSelect;

type SubscriptionRow = Prisma.DigestSubscriptionGetPayload<{ select: typeof subscriptionSelect }>;

function scopeOf(kind: SubscriptionRow['scopeKind'], code: string): Scope {
  return kind === 'national' ? { kind: 'national' } : { kind, code };
}

function conversationOf(row: {
  id: string;
  platform: Platform;
  externalId: string;
  name: string | null;
  regionCode: string | null;
  language: LanguageChoice | null;
  region: { nation: string } | null;
}): KnownConversation {
  return {
    id: row.id,
    platform: row.platform,
    externalId: row.externalId,
    name: row.name ?? undefined,
    regionCode: row.regionCode ?? undefined,
    language: channelLanguage(row.language, row.region?.nation === 'wales' ? 'wales' : undefined),
  };
}

function toSubscription(row: SubscriptionRow): Subscription {
  return {
    id: row.id,
    number: row.number,
    conversation: conversationOf(row.conversation),
    scope: scopeOf(row.scopeKind, row.scopeCode),
    staffGroup: row.staffGroupCode,
    schedule: row.schedule,
    timeZone: row.timeZone,
    pausedAt: row.pausedAt ?? undefined,
    pauseReason: (row.pauseReason as PauseReason | null) ?? undefined,
    activeSince: row.activeSince,
    subscribedBy: row.subscribedBy ?? undefined,
  };
}

const scopeColumns = (scope: Scope) => ({ scopeKind: scope.kind, scopeCode: scope.kind === 'national' ? '' : scope.code });
const auditScope = (scope: Scope) => (scope.kind === 'national' ? 'national' : `${scope.kind}:${scope.code}`);
/** Who made a change, for the audit log: a member id, or an admin named in COP_ADMINS who has not joined. */
const by = (memberId: string | undefined) => memberId ?? 'configured admin';

export const periodKey = (subscriptionId: string, dueAt: Date) => `digest:${subscriptionId}:${dueAt.toISOString()}`;

export class PrismaSubscriptionStore implements SubscriptionStore {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly clock: Clock = systemClock,
  ) {}

  async knownConversation(address: ConversationAddress): Promise<KnownConversation | undefined> {
    const row = await this.prisma.conversation.findUnique({
      where: {
        platform_workspaceId_externalId: { platform: address.platform, workspaceId: address.workspaceId, externalId: address.externalId },
      },
      select: {
        id: true,
        platform: true,
        externalId: true,
        name: true,
        regionCode: true,
        removedAt: true,
        language: true,
        region: { select: { nation: true } },
      },
    });
    return row && row.removedAt === null ? conversationOf(row) : undefined;
  }

  async subscribe(request: NewSubscription): Promise<{ kind: 'created' | 'exists'; subscription: Subscription } | { kind: 'full' }> {
    const scope = { ...scopeColumns(request.scope), staffGroupCode: request.staffGroup };
    try {
      return await this.prisma.$transaction(async (tx) => {
        const existing = await tx.digestSubscription.findUnique({
          where: { conversationId_scopeKind_scopeCode_staffGroupCode: { conversationId: request.conversationId, ...scope } },
          select: subscriptionSelect,
        });
        if (existing) return { kind: 'exists' as const, subscription: toSubscription(existing) };
        if ((await tx.digestSubscription.count({ where: { conversationId: request.conversationId } })) >= MAX_SUBSCRIPTIONS_PER_CHANNEL)
          return { kind: 'full' as const };
        const created = await tx.digestSubscription.create({
          data: {
            conversationId: request.conversationId,
            ...scope,
            schedule: request.schedule,
            timeZone: request.timeZone,
            subscribedBy: request.byMemberId ?? null,
          },
          select: subscriptionSelect,
        });
        await tx.auditEntry.create({
          data: {
            action: 'digest.subscribed',
            subject: created.id,
            details: {
              conversation: request.conversationId,
              scope: auditScope(request.scope),
              staffGroup: request.staffGroup,
              schedule: request.schedule,
              timeZone: request.timeZone,
              by: by(request.byMemberId),
            },
          },
        });
        return { kind: 'created' as const, subscription: toSubscription(created) };
      });
    } catch (error) {
      // Two facilitators subscribing the same channel to the same scope at once: the second finds the first.
      if (!(error instanceof Prisma.PrismaClientKnownRequestError) || error.code !== 'P2002') throw error;
      const existing = await this.prisma.digestSubscription.findUniqueOrThrow({
        where: { conversationId_scopeKind_scopeCode_staffGroupCode: { conversationId: request.conversationId, ...scope } },
        select: subscriptionSelect,
      });
      return { kind: 'exists', subscription: toSubscription(existing) };
    }
  }

  async inConversation(conversationId: string): Promise<readonly Subscription[]> {
    const rows = await this.prisma.digestSubscription.findMany({
      where: { conversationId },
      orderBy: { number: 'asc' },
      select: subscriptionSelect,
    });
    return rows.map(toSubscription);
  }

  async setPaused(subscriptionId: string, paused: boolean, byMemberId: string | undefined, now: Date): Promise<boolean> {
    return this.prisma.$transaction(async (tx) => {
      const { count } = paused
        ? await tx.digestSubscription.updateMany({
            where: { id: subscriptionId, pausedAt: null },
            data: { pausedAt: now, pauseReason: 'paused' },
          })
        : // Resumed: periods due while it was paused are not posted late.
          await tx.digestSubscription.updateMany({
            where: { id: subscriptionId, pausedAt: { not: null } },
            data: { pausedAt: null, pauseReason: null, activeSince: now },
          });
      if (count === 0) return false;
      await tx.auditEntry.create({
        data: { action: paused ? 'digest.paused' : 'digest.resumed', subject: subscriptionId, details: { by: by(byMemberId) } },
      });
      return true;
    });
  }

  async reschedule(
    subscriptionId: string,
    schedule: string,
    timeZone: string,
    byMemberId: string | undefined,
    now: Date,
  ): Promise<boolean> {
    return this.prisma.$transaction(async (tx) => {
      const before = await tx.digestSubscription.findUnique({ where: { id: subscriptionId }, select: { schedule: true, timeZone: true } });
      if (!before) return false;
      // A paused subscription starts afresh when resumed; an active one starts afresh now.
      await tx.digestSubscription.update({ where: { id: subscriptionId }, data: { schedule, timeZone, activeSince: now } });
      await tx.auditEntry.create({
        data: {
          action: 'digest.rescheduled',
          subject: subscriptionId,
          details: { from: { schedule: before.schedule, timeZone: before.timeZone }, to: { schedule, timeZone }, by: by(byMemberId) },
        },
      });
      return true;
    });
  }

  async unsubscribe(subscriptionId: string, byMemberId: string | undefined): Promise<boolean> {
    return this.prisma.$transaction(async (tx) => {
      const removed = await tx.digestSubscription.deleteMany({ where: { id: subscriptionId } });
      if (removed.count === 0) return false;
      await tx.auditEntry.create({ data: { action: 'digest.unsubscribed', subject: subscriptionId, details: { by: by(byMemberId) } } });
      return true;
    });
  }

  async lastRegionDigestAt(regionCode: string): Promise<Date | undefined> {
    const [row] = await this.prisma.$queryRaw<{ at: Date | null }[]>`
      SELECT max(o."sentAt") AS at
      FROM "DigestPost" p
      JOIN "DigestSubscription" s ON s.id = p."subscriptionId"
      JOIN "OutboxMessage" o ON o."messageKey" = p."outboxKey" AND o.status = 'sent'
      WHERE s."scopeKind" = 'region' AND s."scopeCode" = ${regionCode} AND s."staffGroupCode" = ${ALL_STAFF}`;
    return row?.at ?? undefined;
  }

  async lastPostedAt(subscriptionId: string): Promise<Date | undefined> {
    const latest = await this.prisma.digestPost.aggregate({ where: { subscriptionId }, _max: { claimedAt: true } });
    return latest._max.claimedAt ?? undefined;
  }

  async postNow(subscriptionId: string, message: Message, byMemberId: string | undefined, now: Date): Promise<boolean> {
    return this.prisma.$transaction(async (tx) => {
      const subscription = await tx.digestSubscription.findUnique({
        where: { id: subscriptionId },
        select: { conversationId: true, conversation: { select: { removedAt: true } } },
      });
      if (!subscription || subscription.conversation.removedAt) return false;
      // Keyed by the request's own row, so a repeated `digest now` posts again (it was asked for) but a
      // retried delivery does not.
      const post = await tx.digestPost.create({
        data: {
          subscriptionId,
          dueAt: now,
          kind: 'now',
          claimedAt: now,
          outboxKey: `digest:${subscriptionId}:now:${now.toISOString()}`,
          requestedBy: byMemberId ?? null,
        },
        select: { id: true, outboxKey: true },
      });
      await queueMessages(tx, [
        { recipient: { kind: 'conversation', conversationId: subscription.conversationId }, message, key: post.outboxKey },
      ]);
      await tx.auditEntry.create({
        data: { action: 'digest.posted_now', subject: subscriptionId, details: { post: post.id.toString(), by: by(byMemberId) } },
      });
      return true;
    });
  }

  async scheduled(): Promise<readonly ScheduledSubscription[]> {
    const rows = await this.prisma.digestSubscription.findMany({
      where: { pausedAt: null, conversation: { removedAt: null } },
      orderBy: { number: 'asc' },
      select: subscriptionSelect,
    });
    if (rows.length === 0) return [];
    // The latest scheduled period and the latest post of each, in one grouped query.
    const latest = await this.prisma.$queryRaw<{ subscriptionId: string; lastDueAt: Date | null; lastPostedAt: Date }[]>`
      SELECT "subscriptionId", max("dueAt") FILTER (WHERE kind = 'scheduled') AS "lastDueAt", max("claimedAt") AS "lastPostedAt"
      FROM "DigestPost" WHERE "subscriptionId" = ANY(${rows.map((row) => row.id)}::text[])
      GROUP BY "subscriptionId"`;
    const bySubscription = new Map(latest.map((row) => [row.subscriptionId, row]));
    return rows.map((row) => {
      const posts = bySubscription.get(row.id);
      return { ...toSubscription(row), lastDueAt: posts?.lastDueAt ?? undefined, lastPostedAt: posts?.lastPostedAt ?? undefined };
    });
  }

  async claimPeriod(claim: PeriodClaim): Promise<boolean> {
    const key = periodKey(claim.subscriptionId, claim.dueAt);
    return this.prisma.$transaction(async (tx) => {
      // Claimed only while the subscription is active and its channel reachable; a second claim of the
      // same period (another process, or a restart) inserts nothing.
      const claimed = await tx.$queryRaw<{ conversationId: string }[]>`
        WITH target AS (
          SELECT s.id, s."conversationId"
          FROM "DigestSubscription" s JOIN "Conversation" c ON c.id = s."conversationId"
          WHERE s.id = ${claim.subscriptionId} AND s."pausedAt" IS NULL AND c."removedAt" IS NULL),
        inserted AS (
          INSERT INTO "DigestPost" ("subscriptionId", "dueAt", kind, "claimedAt", late, "outboxKey")
          SELECT id, ${claim.dueAt}, 'scheduled', ${this.clock.now()}, ${claim.late}, ${key} FROM target
          ON CONFLICT DO NOTHING
          RETURNING "subscriptionId")
        SELECT target."conversationId" FROM inserted JOIN target ON target.id = inserted."subscriptionId"`;
      const row = claimed[0];
      if (!row) return false;
      await queueMessages(tx, [{ recipient: { kind: 'conversation', conversationId: row.conversationId }, message: claim.message, key }]);
      return true;
    });
  }

  async unreachable(): Promise<readonly Subscription[]> {
    const rows = await this.prisma.digestSubscription.findMany({
      where: { pausedAt: null, conversation: { removedAt: { not: null } } },
      orderBy: { number: 'asc' },
      select: subscriptionSelect,
    });
    return rows.map(toSubscription);
  }

  async pauseUnreachable(subscriptionId: string, notices: readonly OutgoingMessage[]): Promise<boolean> {
    return this.prisma.$transaction(async (tx) => {
      const { count } = await tx.digestSubscription.updateMany({
        where: { id: subscriptionId, pausedAt: null, conversation: { removedAt: { not: null } } },
        data: { pausedAt: this.clock.now(), pauseReason: 'unreachable' },
      });
      if (count === 0) return false;
      await queueMessages(tx, notices);
      await tx.auditEntry.create({
        data: { action: 'digest.paused', subject: subscriptionId, details: { by: 'bot', reason: 'unreachable', told: notices.length } },
      });
      return true;
    });
  }

  async failedPosts(): Promise<readonly FailedPost[]> {
    // From the outbox's failed rows (few), to the digest posts they were queued for.
    const rows = await this.prisma.$queryRaw<
      { id: bigint; subscriptionId: string; dueAt: Date; kind: string; requestedBy: string | null; error: string | null; gone: boolean }[]
    >`
      SELECT p.id, p."subscriptionId", p."dueAt", p.kind, p."requestedBy", o."lastError" AS error, c."removedAt" IS NOT NULL AS gone
      FROM "OutboxMessage" o
      JOIN "DigestPost" p ON p."outboxKey" = o."messageKey"
      JOIN "DigestSubscription" s ON s.id = p."subscriptionId"
      JOIN "Conversation" c ON c.id = s."conversationId"
      WHERE o.status = 'failed' AND p."failureReportedAt" IS NULL
      ORDER BY p.id
      LIMIT 100`;
    if (rows.length === 0) return [];
    const subscriptions = await this.prisma.digestSubscription.findMany({
      where: { id: { in: rows.map((row) => row.subscriptionId) } },
      select: subscriptionSelect,
    });
    const byId = new Map(subscriptions.map((row) => [row.id, toSubscription(row)]));
    return rows.flatMap((row) => {
      const subscription = byId.get(row.subscriptionId);
      if (!subscription) return [];
      return [
        {
          postId: row.id.toString(),
          subscription,
          dueAt: row.dueAt,
          kind: row.kind === 'now' ? ('now' as const) : ('scheduled' as const),
          requestedBy: row.requestedBy ?? undefined,
          error: row.error ?? 'unknown',
          conversationGone: row.gone,
        },
      ];
    });
  }

  async reportFailure(postId: string, notices: readonly OutgoingMessage[]): Promise<boolean> {
    return this.prisma.$transaction(async (tx) => {
      const { count } = await tx.digestPost.updateMany({
        where: { id: BigInt(postId), failureReportedAt: null },
        data: { failureReportedAt: this.clock.now() },
      });
      if (count === 0) return false;
      await queueMessages(tx, notices);
      const post = await tx.digestPost.findUniqueOrThrow({ where: { id: BigInt(postId) }, select: { subscriptionId: true } });
      await tx.auditEntry.create({
        data: { action: 'digest.post_failed', subject: post.subscriptionId, details: { post: postId, told: notices.length } },
      });
      return true;
    });
  }

  async noticeRecipients(subscription: Subscription, preferred: string | undefined): Promise<readonly string[]> {
    if (preferred) {
      const member = await this.prisma.member.findUnique({ where: { id: preferred }, select: { status: true } });
      if (member?.status === 'active') return [preferred];
    }
    let region = subscription.conversation.regionCode;
    if (region === undefined && subscription.scope.kind === 'region') region = subscription.scope.code;
    if (region === undefined && subscription.scope.kind === 'organisation') {
      region =
        (await this.prisma.organisation.findUnique({ where: { odsCode: subscription.scope.code }, select: { regionCode: true } }))
          ?.regionCode ?? undefined;
    }
    const active = { status: 'active' as const };
    if (region !== undefined) {
      const facilitators = await this.prisma.member.findMany({
        where: { ...active, roleGrants: { some: { role: 'facilitator', regionCode: region } } },
        orderBy: { id: 'asc' },
        select: { id: true },
      });
      if (facilitators.length > 0) return facilitators.map((row) => row.id);
    }
    const admins = await this.prisma.member.findMany({
      where: { ...active, roleGrants: { some: { role: 'national_admin' } } },
      orderBy: { id: 'asc' },
      select: { id: true },
    });
    return admins.map((row) => row.id);
  }
}
