// The outbox in the database. Features queue messages with `queueMessages` inside the transaction that
// makes the change they report (or with Outbox.send on their own), and the dispatcher claims due rows
// with FOR UPDATE SKIP LOCKED and a lease, so several bot processes share the work without sending
// anything twice.
import type { PrismaClient } from '../database.js';
import { Prisma } from '../../generated/prisma/client.js';
import type { ClaimedPost, Delivery, DeliveryTarget, LeaseKind, OutboxQueue, Posted } from '../../core/outbox/dispatcher.js';
import type { OutgoingMessage, Outbox, RememberedPost } from '../../core/outbox/outbox.js';
import type { Platform } from '../../core/context.js';
import type { Message } from '../../core/reply/reply.js';
import { systemClock, type Clock } from '../../core/clock.js';
import type { LanguageChoice } from '../../core/i18n/language-choice.js';
import { channelLanguage, memberLanguage } from '../../core/i18n/language-resolution.js';
import { inLanguages, pairedMessage } from '../../core/reply/bilingual.js';

type Tx = Prisma.TransactionClient;

interface Target {
  platform: Platform;
  workspaceId: string;
  conversationId: string | null;
  address: string | null;
  memberId: string | null;
}

/** Where a message to a member goes: their Slack user id, and their Teams personal chat if the bot has one. */
async function memberTargets(tx: Tx, memberId: string): Promise<Target[]> {
  const identities = await tx.platformIdentity.findMany({
    where: { memberId, member: { status: { not: 'erased' } } },
    select: { platform: true, workspaceId: true, userId: true },
    orderBy: { linkedAt: 'asc' },
  });
  const targets: Target[] = [];
  for (const identity of identities) {
    if (identity.platform === 'slack') {
      // Posting to a user id opens (or reuses) the direct message between the app and the person.
      targets.push({ platform: 'slack', workspaceId: identity.workspaceId, conversationId: null, address: identity.userId, memberId });
      continue;
    }
    const [chat] = await tx.$queryRaw<{ id: string }[]>`
      SELECT id FROM "Conversation"
      WHERE platform = 'teams' AND kind = 'personal' AND "removedAt" IS NULL AND "workspaceId" = ${identity.workspaceId}
        AND (reference->'user'->>'id' = ${identity.userId} OR reference->'user'->>'aadObjectId' = ${identity.userId})
      ORDER BY "updatedAt" DESC LIMIT 1`;
    // Without a personal chat Teams has nowhere to send to until the person opens one with the bot.
    if (chat) targets.push({ platform: 'teams', workspaceId: identity.workspaceId, conversationId: chat.id, address: null, memberId });
  }
  return targets;
}

async function conversationTargets(tx: Tx, conversationId: string): Promise<Target[]> {
  const conversation = await tx.conversation.findUnique({
    where: { id: conversationId },
    select: { platform: true, workspaceId: true, externalId: true, removedAt: true },
  });
  if (!conversation || conversation.removedAt) return [];
  return [
    {
      platform: conversation.platform,
      workspaceId: conversation.workspaceId,
      conversationId,
      address: conversation.platform === 'slack' ? conversation.externalId : null,
      memberId: null,
    },
  ];
}

/** The language of what goes to the recipient (see i18n/language-resolution.ts). */
async function recipientLanguage(tx: Tx, recipient: OutgoingMessage['recipient']): Promise<LanguageChoice> {
  const select = { language: true, region: { select: { nation: true } } } as const;
  if (recipient.kind === 'member') {
    const member = await tx.member.findUnique({ where: { id: recipient.memberId }, select });
    return memberLanguage(member?.language, member?.region?.nation);
  }
  const conversation = await tx.conversation.findUnique({ where: { id: recipient.conversationId }, select });
  return channelLanguage(conversation?.language, conversation?.region?.nation);
}

/** The message as the recipient gets it: built in their language, or as given (its paired sentences split, Welsh first). */
async function messageFor(tx: Tx, outgoing: OutgoingMessage): Promise<Message> {
  const { message } = outgoing;
  if (typeof message !== 'function') return pairedMessage(message);
  return inLanguages(await recipientLanguage(tx, outgoing.recipient), message);
}

/** The row's unique key: the message's own key and its target, so each target gets the message once. */
function targetKey(messageKey: string, target: Target): string {
  return `${messageKey}#${target.platform}:${target.workspaceId}:${target.conversationId ?? target.address ?? ''}`;
}

/**
 * Queues messages as part of the caller's transaction: they are sent once it commits (call
 * Outbox.wake() then). A message with a key already queued is skipped. Returns how many rows were queued.
 */
export async function queueMessages(tx: Tx, messages: readonly OutgoingMessage[]): Promise<number> {
  const rows: Prisma.OutboxMessageCreateManyInput[] = [];
  for (const outgoing of messages) {
    const { recipient } = outgoing;
    const targets =
      recipient.kind === 'member' ? await memberTargets(tx, recipient.memberId) : await conversationTargets(tx, recipient.conversationId);
    if (targets.length === 0) continue;
    const message = await messageFor(tx, outgoing);
    for (const target of targets) {
      rows.push({
        ...target,
        messageKey: outgoing.key ?? null,
        key: outgoing.key === undefined ? null : targetKey(outgoing.key, target),
        message: message as unknown as Prisma.InputJsonValue,
        postKey: outgoing.postKey ?? null,
        ...(outgoing.notBefore ? { notBefore: outgoing.notBefore } : {}),
      });
    }
  }
  if (rows.length === 0) return 0;
  const { count } = await tx.outboxMessage.createMany({ data: rows, skipDuplicates: true });
  return count;
}

/** Marks every message posted under this key for re-rendering, as part of the caller's transaction. */
export async function markForRefresh(tx: Tx, postKey: string): Promise<void> {
  await tx.$executeRaw`UPDATE "PostedMessage" SET "dirtyAt" = now(), refreshes = refreshes + 1 WHERE "postKey" = ${postKey}`;
}

interface ClaimedRow {
  id: bigint;
  lockedUntil: Date;
  platform: Platform;
  workspaceId: string;
  address: string | null;
  reference: Record<string, unknown> | null;
}

function target(row: ClaimedRow): DeliveryTarget {
  return { platform: row.platform, workspaceId: row.workspaceId, address: row.address ?? undefined, reference: row.reference ?? undefined };
}

export class PrismaOutbox implements Outbox, OutboxQueue {
  private wakeListener: (() => void) | undefined;

  constructor(
    private readonly prisma: PrismaClient,
    private readonly clock: Clock = systemClock,
  ) {}

  /** The dispatcher to wake when messages are queued. */
  onWake(listener: () => void): void {
    this.wakeListener = listener;
  }

  async send(messages: readonly OutgoingMessage[]): Promise<void> {
    const queued = await this.prisma.$transaction((tx) => queueMessages(tx, messages));
    if (queued > 0) this.wake();
  }

  async refresh(postKey: string): Promise<void> {
    await this.prisma.$transaction((tx) => markForRefresh(tx, postKey));
    this.wake();
  }

  wake(): void {
    this.wakeListener?.();
  }

  async remember(post: RememberedPost): Promise<void> {
    await this.prisma.$transaction(async (tx) => {
      const conversation =
        post.conversationExternalId === undefined
          ? null
          : await tx.conversation.findFirst({
              where: { platform: post.platform, workspaceId: post.workspaceId, externalId: post.conversationExternalId, removedAt: null },
              select: { id: true },
            });
      // A Teams card is kept current only through its conversation's stored reference.
      if (post.conversationExternalId !== undefined && !conversation) return;
      const where = { postKey: post.postKey, platform: post.platform, workspaceId: post.workspaceId };
      const data = {
        address: post.address ?? null,
        conversationId: conversation?.id ?? null,
        messageId: post.messageId,
        memberId: post.memberId ?? null,
      };
      const { count } = await tx.postedMessage.updateMany({ where, data });
      if (count === 0) await tx.postedMessage.create({ data: { ...where, ...data } });
    });
  }

  async claimDue(limit: number, leaseMs: number): Promise<Delivery[]> {
    const now = this.clock.now();
    const rows = await this.prisma.$queryRaw<(ClaimedRow & { message: Message; postKey: string | null; attempts: number })[]>`
      WITH claimed AS (
        UPDATE "OutboxMessage" SET "lockedUntil" = ${now}::timestamptz + ${leaseMs} * interval '1 millisecond', attempts = attempts + 1
        WHERE id IN (
          SELECT id FROM "OutboxMessage"
          WHERE status = 'pending' AND "notBefore" <= ${now}::timestamptz AND ("lockedUntil" IS NULL OR "lockedUntil" < ${now}::timestamptz)
          ORDER BY "notBefore", id
          LIMIT ${limit}
          FOR UPDATE SKIP LOCKED)
        RETURNING id, platform, "workspaceId", "conversationId", address, message, "postKey", attempts, "lockedUntil")
      SELECT claimed.id, claimed.platform::text AS platform, claimed."workspaceId", claimed.address, claimed.message,
             claimed."postKey", claimed.attempts, claimed."lockedUntil", c.reference
      FROM claimed LEFT JOIN "Conversation" c ON c.id = claimed."conversationId"
      ORDER BY claimed.id`;
    return rows.map((row) => ({
      id: row.id.toString(),
      target: target(row),
      message: row.message,
      postKey: row.postKey ?? undefined,
      attempts: row.attempts,
      leaseUntil: row.lockedUntil,
    }));
  }

  async markSent(delivery: Delivery, posted: Posted): Promise<void> {
    const id = BigInt(delivery.id);
    await this.prisma.$transaction(async (tx) => {
      const row = await tx.outboxMessage.update({
        where: { id },
        // The content is not kept once delivered: it may name people.
        data: { status: 'sent', sentAt: this.clock.now(), message: Prisma.DbNull, lockedUntil: null, lastError: null },
        select: { postKey: true, platform: true, workspaceId: true, conversationId: true, memberId: true },
      });
      if (row.postKey === null) return;
      await tx.postedMessage.create({
        data: {
          postKey: row.postKey,
          platform: row.platform,
          workspaceId: row.workspaceId,
          conversationId: row.conversationId,
          address: posted.address ?? delivery.target.address ?? null,
          messageId: posted.messageId,
          memberId: row.memberId,
        },
      });
    });
  }

  async retryLater(delivery: Delivery, at: Date, error: string, refund = false, revised?: Message): Promise<void> {
    await this.prisma.outboxMessage.update({
      where: { id: BigInt(delivery.id) },
      data: {
        notBefore: at,
        lockedUntil: null,
        lastError: error,
        ...(refund ? { attempts: { decrement: 1 } } : {}),
        ...(revised ? { message: revised as unknown as Prisma.InputJsonValue } : {}),
      },
    });
  }

  async markFailed(delivery: Delivery, error: string, gone: boolean): Promise<void> {
    await this.prisma.$transaction(async (tx) => {
      const row = await tx.outboxMessage.update({
        where: { id: BigInt(delivery.id) },
        data: { status: 'failed', message: Prisma.DbNull, lockedUntil: null, lastError: error },
        select: { conversationId: true, memberId: true },
      });
      // A channel the bot can no longer post to is no longer one of its conversations (a member's chat
      // stays: the person may open it again).
      if (gone && row.conversationId && row.memberId === null) {
        await tx.conversation.update({ where: { id: row.conversationId }, data: { removedAt: this.clock.now() } });
        await tx.auditEntry.create({ data: { action: 'conversation.unreachable', subject: row.conversationId, details: { code: error } } });
      }
    });
  }

  async claimDirtyPosts(limit: number, leaseMs: number): Promise<ClaimedPost[]> {
    const now = this.clock.now();
    type Row = ClaimedRow & {
      postKey: string;
      messageId: string;
      refreshes: number;
      language: LanguageChoice | null;
      nation: string | null;
    };
    const rows = await this.prisma.$queryRaw<Row[]>`
      WITH claimed AS (
        UPDATE "PostedMessage" SET "lockedUntil" = ${now}::timestamptz + ${leaseMs} * interval '1 millisecond'
        WHERE id IN (
          SELECT id FROM "PostedMessage"
          WHERE "dirtyAt" IS NOT NULL AND ("lockedUntil" IS NULL OR "lockedUntil" < ${now}::timestamptz)
          ORDER BY "dirtyAt", id
          LIMIT ${limit}
          FOR UPDATE SKIP LOCKED)
        RETURNING id, "postKey", platform, "workspaceId", "conversationId", address, "messageId", refreshes, "lockedUntil")
      SELECT claimed.id, claimed."postKey", claimed.platform::text AS platform, claimed."workspaceId", claimed.address,
             claimed."messageId", claimed.refreshes, claimed."lockedUntil", c.reference,
             c.language::text AS language, r.nation::text AS nation
      FROM claimed LEFT JOIN "Conversation" c ON c.id = claimed."conversationId"
        LEFT JOIN "Region" r ON r.code = c."regionCode"
      ORDER BY claimed.id`;
    return rows.map((row) => ({
      id: row.id.toString(),
      postKey: row.postKey,
      target: target(row),
      messageId: row.messageId,
      language: channelLanguage(row.language, row.nation === 'wales' ? 'wales' : undefined),
      refreshes: row.refreshes,
      leaseUntil: row.lockedUntil,
    }));
  }

  async markRendered(post: ClaimedPost, holdMs: number): Promise<void> {
    // Stays marked if another refresh came in while this one rendered; either way it is not updated
    // again before `holdMs` has passed, so a burst of changes is shown in few updates.
    await this.prisma.$executeRaw`
      UPDATE "PostedMessage"
      SET "lockedUntil" = CASE WHEN ${holdMs} > 0 THEN ${this.clock.now()}::timestamptz + ${holdMs} * interval '1 millisecond' END,
          "dirtyAt" = CASE WHEN refreshes = ${post.refreshes} THEN NULL ELSE "dirtyAt" END
      WHERE id = ${BigInt(post.id)}`;
  }

  async nextRefreshAt(): Promise<Date | undefined> {
    const [row] = await this.prisma.$queryRaw<{ at: Date | null }[]>`
      SELECT min(coalesce("lockedUntil", ${this.clock.now()}::timestamptz)) AS at FROM "PostedMessage" WHERE "dirtyAt" IS NOT NULL`;
    return row?.at ?? undefined;
  }

  async renewLeases(
    kind: LeaseKind,
    ids: readonly string[],
    heldUntil: Date,
    leaseMs: number,
  ): Promise<{ renewed: string[]; until: Date }> {
    const until = new Date(this.clock.now().getTime() + leaseMs);
    // The lease this process set is the claim's token: a row finished since (sent, put back, marked
    // rendered) or claimed by another process has another lockedUntil, and is left as it is.
    const rows =
      kind === 'message'
        ? await this.prisma.$queryRaw<{ id: bigint }[]>`
            UPDATE "OutboxMessage" SET "lockedUntil" = ${until}::timestamptz
            WHERE id = ANY(${ids}::bigint[]) AND status = 'pending' AND "lockedUntil" = ${heldUntil}::timestamptz
            RETURNING id`
        : await this.prisma.$queryRaw<{ id: bigint }[]>`
            UPDATE "PostedMessage" SET "lockedUntil" = ${until}::timestamptz
            WHERE id = ANY(${ids}::bigint[]) AND "lockedUntil" = ${heldUntil}::timestamptz
            RETURNING id`;
    return { renewed: rows.map((row) => row.id.toString()), until };
  }

  async nextClaimableAt(since: Date): Promise<Date | undefined> {
    const now = since;
    const [row] = await this.prisma.$queryRaw<{ at: Date | null }[]>`
      SELECT least(
        (SELECT min(greatest("notBefore", coalesce("lockedUntil", "notBefore"))) FROM "OutboxMessage"
          WHERE status = 'pending' AND ("notBefore" > ${now}::timestamptz OR "lockedUntil" >= ${now}::timestamptz)),
        (SELECT min("lockedUntil") FROM "PostedMessage" WHERE "dirtyAt" IS NOT NULL AND "lockedUntil" >= ${now}::timestamptz)) AS at`;
    return row?.at ?? undefined;
  }

  async retryPostLater(post: ClaimedPost, at: Date): Promise<void> {
    await this.prisma.postedMessage.update({ where: { id: BigInt(post.id) }, data: { lockedUntil: at } });
  }
}
