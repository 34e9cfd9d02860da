// Conversations the bot is in, with their audit entries written in the same transaction.
import type { PrismaClient } from '../database.js';
import type { Prisma } from '../../generated/prisma/client.js';
import type { ConversationAddress, Platform } from '../../core/context.js';
import type {
  ConversationLanguage,
  ConversationStore,
  InstallDetails,
  RegionLinkChange,
} from '../../core/conversations/conversation-store.js';
import type { LanguageChoice } from '../../core/i18n/language-choice.js';
import { systemClock, type Clock } from '../../core/clock.js';

function key(address: ConversationAddress) {
  return { platform: address.platform, workspaceId: address.workspaceId, externalId: address.externalId };
}

export class PrismaConversationStore implements ConversationStore {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly clock: Clock = systemClock,
  ) {}

  async recordInstalled(address: ConversationAddress, details: InstallDetails): Promise<void> {
    const reference = details.reference as Prisma.InputJsonValue | undefined;
    await this.prisma.$transaction(async (tx) => {
      const conversation = await tx.conversation.upsert({
        where: { platform_workspaceId_externalId: key(address) },
        create: { ...key(address), kind: address.kind, name: details.name ?? null, ...(reference ? { reference } : {}) },
        update: {
          kind: address.kind,
          removedAt: null,
          ...(details.name ? { name: details.name } : {}),
          ...(reference ? { reference } : {}),
        },
        select: { id: true },
      });
      await tx.auditEntry.create({
        data: { action: 'conversation.installed', subject: conversation.id, details: { platform: address.platform, kind: address.kind } },
      });
    });
  }

  async recordOpened(address: ConversationAddress, details: InstallDetails): Promise<void> {
    const reference = details.reference as Prisma.InputJsonValue | undefined;
    const updated = await this.prisma.conversation.updateMany({
      where: { ...key(address), removedAt: null },
      data: { kind: address.kind, ...(reference ? { reference } : {}) },
    });
    if (updated.count === 0) await this.recordInstalled(address, details);
  }

  async recordRemoved(address: ConversationAddress): Promise<void> {
    await this.prisma.$transaction(async (tx) => {
      const found = await tx.conversation.findUnique({ where: { platform_workspaceId_externalId: key(address) }, select: { id: true } });
      if (!found) return;
      await tx.conversation.update({ where: { id: found.id }, data: { removedAt: this.clock.now() } });
      await tx.auditEntry.create({ data: { action: 'conversation.removed', subject: found.id, details: { platform: address.platform } } });
    });
  }

  async recordWorkspaceRemoved(platform: Platform, workspaceId: string): Promise<void> {
    await this.prisma.$transaction(async (tx) => {
      const { count } = await tx.conversation.updateMany({
        where: { platform, workspaceId, removedAt: null },
        data: { removedAt: this.clock.now() },
      });
      await tx.auditEntry.create({ data: { action: 'workspace.uninstalled', details: { platform, conversations: count } } });
    });
  }

  async linkedRegion(address: ConversationAddress): Promise<string | undefined> {
    const found = await this.prisma.conversation.findUnique({
      where: { platform_workspaceId_externalId: key(address) },
      select: { regionCode: true, removedAt: true },
    });
    // A conversation the bot has left is nobody's community channel (`regions` does not list it).
    return found?.removedAt === null ? (found.regionCode ?? undefined) : undefined;
  }

  async language(address: ConversationAddress): Promise<ConversationLanguage | undefined> {
    const found = await this.prisma.conversation.findUnique({
      where: { platform_workspaceId_externalId: key(address) },
      select: { language: true, removedAt: true, region: { select: { nation: true } } },
    });
    if (!found || found.removedAt !== null) return undefined;
    return { setting: found.language, regionNation: found.region?.nation };
  }

  async setLanguage(address: ConversationAddress, language: LanguageChoice, byMemberId: string | undefined, details: InstallDetails) {
    const reference = details.reference as Prisma.InputJsonValue | undefined;
    await this.prisma.$transaction(async (tx) => {
      const conversation = await tx.conversation.upsert({
        where: { platform_workspaceId_externalId: key(address) },
        create: { ...key(address), kind: address.kind, name: details.name ?? null, language, ...(reference ? { reference } : {}) },
        update: { language, removedAt: null, ...(details.name ? { name: details.name } : {}) },
        select: { id: true },
      });
      await tx.auditEntry.create({
        data: {
          action: 'conversation.language',
          subject: conversation.id,
          details: { platform: address.platform, language, by: byMemberId ?? 'configured admin' },
        },
      });
    });
  }

  async linkRegion(address: ConversationAddress, change: RegionLinkChange, details: InstallDetails): Promise<void> {
    const reference = details.reference as Prisma.InputJsonValue | undefined;
    const by = change.byMemberId ?? 'configured admin';
    await this.prisma.$transaction(async (tx) => {
      const found = await tx.conversation.findUnique({
        where: { platform_workspaceId_externalId: key(address) },
        select: { id: true, regionCode: true, removedAt: true },
      });
      if (change.regionCode === null) {
        if (!found?.regionCode) return;
        await tx.conversation.update({ where: { id: found.id }, data: { regionCode: null } });
        await tx.auditEntry.create({
          data: {
            action: 'conversation.unlinked',
            subject: found.id,
            details: { platform: address.platform, region: found.regionCode, by },
          },
        });
        return;
      }
      // The bot may have been added before it was running, so it may have no record of the conversation yet.
      const conversation = await tx.conversation.upsert({
        where: { platform_workspaceId_externalId: key(address) },
        create: {
          ...key(address),
          kind: address.kind,
          name: details.name ?? null,
          regionCode: change.regionCode,
          ...(reference ? { reference } : {}),
        },
        update: {
          kind: address.kind,
          removedAt: null,
          regionCode: change.regionCode,
          ...(details.name ? { name: details.name } : {}),
          ...(reference ? { reference } : {}),
        },
        select: { id: true },
      });
      if (!found || found.removedAt !== null) {
        await tx.auditEntry.create({
          data: { action: 'conversation.installed', subject: conversation.id, details: { platform: address.platform, kind: address.kind } },
        });
      }
      const previous = found?.removedAt === null ? found.regionCode : null;
      await tx.auditEntry.create({
        data: {
          action: 'conversation.linked',
          subject: conversation.id,
          details: { platform: address.platform, region: change.regionCode, previous, by },
        },
      });
    });
  }

  async refreshServiceUrl(address: ConversationAddress, serviceUrl: string): Promise<void> {
    // One conditional statement: a no-op unless the conversation is known and its URL changed.
    await this.prisma.$executeRaw`
      UPDATE "Conversation"
      SET reference = jsonb_set(reference, '{serviceUrl}', to_jsonb(${serviceUrl}::text)), "updatedAt" = now()
      WHERE platform = ${address.platform}::"Platform" AND "workspaceId" = ${address.workspaceId}
        AND "externalId" = ${address.externalId} AND reference IS NOT NULL
        AND reference->>'serviceUrl' IS DISTINCT FROM ${serviceUrl}`;
  }
}
