// Members, their platform identities and roles, through Prisma. Every write and its audit entry share
// one transaction; audit entries name the member by internal id only.
import type { PrismaClient } from '../database.js';
import type { Prisma } from '../../generated/prisma/client.js';
import type { Actor } from '../../core/context.js';
import type { MemberRecord, Profile } from '../../core/members/member.js';
import type { MemberStore, MemberWrites } from '../../core/members/member-store.js';
import { systemClock, type Clock } from '../../core/clock.js';
import { linkActorHash } from './link-repository.js';
import type { LanguageChoice } from '../../core/i18n/language-choice.js';
import { channelLanguage, memberLanguage } from '../../core/i18n/language-resolution.js';

const memberSelect = {
  id: true,
  status: true,
  displayName: true,
  organisation: { select: { id: true, name: true, welshName: true, odsCode: true, verified: true } },
  region: { select: { code: true, name: true, nation: true } },
  role: true,
  language: true,
  staffGroups: true,
  promiseElements: true,
  inDirectory: true,
  consentedAt: true,
  joinedAt: true,
  updatedAt: true,
  leftAt: true,
  identities: { select: { platform: true, workspaceId: true, userId: true, linkedAt: true }, orderBy: { linkedAt: 'asc' } },
  roleGrants: { select: { role: true, regionCode: true }, orderBy: { grantedAt: 'asc' } },
} satisfies Prisma.MemberSelect;

type MemberRow = Prisma.MemberGetPayload<{ select: typeof memberSelect }>;

function toRecord(row: MemberRow): MemberRecord {
  const { roleGrants, ...rest } = row;
  return { ...rest, roles: roleGrants };
}

/** Marks organisations members add, for the facilitators who confirm them. */
export const ADDED_BY_MEMBER = 'Added by a member';

/**
 * Creates an organisation a member named, unverified until a facilitator confirms it; audited by id only.
 * Two people adding the same name at the same moment both get the one organisation (ON CONFLICT DO
 * NOTHING waits for the other transaction, then finds its row).
 */
async function addOrganisation(tx: Prisma.TransactionClient, name: string, regionCode: string): Promise<string> {
  const { count } = await tx.organisation.createMany({
    skipDuplicates: true,
    data: {
      name,
      type: 'Not yet confirmed',
      nation: regionCode === 'WALES' ? 'wales' : 'england',
      regionCode,
      isNhsTrust: /NHS/.test(name) && /Trust$/.test(name),
      verified: false,
      source: ADDED_BY_MEMBER,
    },
  });
  const organisation = await tx.organisation.findUniqueOrThrow({ where: { name }, select: { id: true } });
  if (count === 1) await tx.auditEntry.create({ data: { action: 'organisation.added', subject: organisation.id } });
  return organisation.id;
}

const identityKey = (actor: Actor) => ({ platform: actor.platform, workspaceId: actor.workspaceId, userId: actor.userId });

export class PrismaMemberStore implements MemberStore {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly clock: Clock = systemClock,
  ) {}

  async findByIdentity(actor: Actor): Promise<MemberRecord | undefined> {
    const identity = await this.prisma.platformIdentity.findUnique({
      where: { platform_workspaceId_userId: identityKey(actor) },
      select: { member: { select: memberSelect } },
    });
    return identity ? toRecord(identity.member) : undefined;
  }

  async saveProfile(actor: Actor, profile: Profile): Promise<{ created: boolean }> {
    const common = {
      displayName: profile.displayName,
      regionCode: profile.regionCode,
      role: profile.role,
      staffGroups: [...profile.staffGroups],
      promiseElements: [...profile.promiseElements],
      inDirectory: profile.inDirectory,
      ...(profile.language ? { language: profile.language } : {}),
      status: 'active' as const,
      leftAt: null,
    };
    return this.prisma.$transaction(async (tx) => {
      const organisationId = profile.newOrganisation
        ? await addOrganisation(tx, profile.newOrganisation.name, profile.regionCode)
        : profile.organisationId;
      if (!organisationId) throw new Error('a profile needs an organisation');
      const data = { ...common, organisationId };
      const identity = await tx.platformIdentity.findUnique({
        where: { platform_workspaceId_userId: identityKey(actor) },
        select: { memberId: true },
      });
      if (identity) {
        await tx.member.update({ where: { id: identity.memberId }, data: { ...data, consentedAt: this.clock.now() } });
        await tx.auditEntry.create({ data: { action: 'member.profile_updated', subject: identity.memberId } });
        return { created: false };
      }
      const member = await tx.member.create({
        data: { ...data, consentedAt: this.clock.now(), identities: { create: identityKey(actor) } },
        select: { id: true },
      });
      await tx.auditEntry.create({ data: { action: 'member.joined', subject: member.id, details: { region: profile.regionCode } } });
      return { created: true };
    });
  }

  async setLanguage(memberId: string, language: LanguageChoice): Promise<void> {
    await this.prisma.$transaction(async (tx) => {
      await tx.member.update({ where: { id: memberId }, data: { language } });
      await tx.auditEntry.create({ data: { action: 'member.language', subject: memberId, details: { language } } });
    });
  }
}

/** Members inside a unit of work (bound to one transaction by src/db/transactions.ts). */
export class PrismaMemberWrites implements MemberWrites {
  constructor(
    private readonly tx: Prisma.TransactionClient,
    /** COP_SECRET: failed linking attempts are kept under a keyed hash of the account. */
    private readonly secret: string,
  ) {}

  async statusOf(memberId: string): Promise<MemberRecord['status'] | undefined> {
    return (await this.tx.member.findUnique({ where: { id: memberId }, select: { status: true } }))?.status;
  }

  async languagesOf(memberIds: readonly string[]): Promise<ReadonlyMap<string, LanguageChoice>> {
    if (memberIds.length === 0) return new Map();
    const rows = await this.tx.member.findMany({
      where: { id: { in: [...new Set(memberIds)] } },
      select: { id: true, language: true, region: { select: { nation: true } } },
    });
    return new Map(rows.map((row) => [row.id, memberLanguage(row.language, row.region?.nation)]));
  }

  async conversationLanguages(conversationIds: readonly string[]): Promise<ReadonlyMap<string, LanguageChoice>> {
    if (conversationIds.length === 0) return new Map();
    const rows = await this.tx.conversation.findMany({
      where: { id: { in: [...new Set(conversationIds)] } },
      select: { id: true, language: true, region: { select: { nation: true } } },
    });
    return new Map(rows.map((row) => [row.id, channelLanguage(row.language, row.region?.nation)]));
  }

  async markLeft(memberId: string, now: Date): Promise<void> {
    await this.tx.member.update({ where: { id: memberId }, data: { status: 'left', leftAt: now } });
    await this.tx.auditEntry.create({ data: { action: 'member.left', subject: memberId } });
  }

  async erase(memberId: string, now: Date): Promise<void> {
    const tx = this.tx;
    const identities = await tx.platformIdentity.findMany({
      where: { memberId },
      select: { platform: true, workspaceId: true, userId: true },
    });
    // Failed linking attempts from their accounts (kept minutes, under a keyed hash of the account).
    await tx.linkAttempt.deleteMany({ where: { actorHash: { in: identities.map((identity) => linkActorHash(this.secret, identity)) } } });
    // A Teams personal chat's stored reference names the user: it goes with them.
    for (const identity of identities.filter((i) => i.platform === 'teams')) {
      await tx.$executeRaw`
        DELETE FROM "Conversation"
        WHERE platform = 'teams' AND kind = 'personal'
          AND (reference->'user'->>'id' = ${identity.userId} OR reference->'user'->>'aadObjectId' = ${identity.userId})`;
    }
    // Messages to them, sent or waiting, name their platform ids (and may name them).
    await tx.outboxMessage.deleteMany({ where: { memberId } });
    await tx.postedMessage.deleteMany({ where: { memberId } });
    // Their Slack App Home, kept by user id (it may have been opened before they joined, with no member).
    const slackIds = identities.filter((i) => i.platform === 'slack').map((i) => i.userId);
    if (slackIds.length > 0) await tx.postedMessage.deleteMany({ where: { platform: 'slack', address: { in: slackIds } } });
    // Exports waiting behind a download link can name anyone, them included: they go (they are short-lived).
    await tx.fileLink.deleteMany({ where: { kind: 'file' } });
    await tx.platformIdentity.deleteMany({ where: { memberId } });
    await tx.linkCode.deleteMany({ where: { memberId } });
    await tx.roleGrant.deleteMany({ where: { memberId } });
    // Case studies: unpublished submissions go with the member; published ones stay in the library, and
    // no case study keeps them as its named contact.
    await tx.caseStudy.deleteMany({ where: { submittedById: memberId, status: { in: ['draft', 'submitted', 'rejected'] } } });
    // Published ones stay, no longer tied to them (as submitter or reviewer).
    await tx.caseStudy.updateMany({ where: { submittedById: memberId }, data: { submittedById: null } });
    await tx.caseStudy.updateMany({ where: { reviewedById: memberId }, data: { reviewedById: null } });
    // Digests they set up keep going for their channels, no longer naming them; nor do digests they asked for.
    await tx.digestSubscription.updateMany({ where: { subscribedBy: memberId }, data: { subscribedBy: null } });
    await tx.digestPost.updateMany({ where: { requestedBy: memberId }, data: { requestedBy: null } });
    const named = await tx.member.findUnique({ where: { id: memberId }, select: { displayName: true } });
    if (named?.displayName) {
      await tx.$executeRaw`
        UPDATE "CaseStudy" SET "contactName" = NULL, "contactRole" = NULL, "contactConsent" = false
        WHERE lower("contactName") = lower(${named.displayName})`;
    }
    // Their answers to events, their event download links and their hosting were dealt with first
    // (src/core/members/membership.ts).
    await tx.member.update({
      where: { id: memberId },
      data: {
        status: 'erased',
        displayName: null,
        organisationId: null,
        regionCode: null,
        role: null,
        staffGroups: [],
        promiseElements: [],
        inDirectory: false,
        consentedAt: null,
        leftAt: now,
      },
    });
    await tx.auditEntry.create({ data: { action: 'member.erased', subject: memberId } });
  }
}
