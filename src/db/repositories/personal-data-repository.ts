// Everything held about one member (src/core/members/personal-data.ts), read from every table that
// refers to members: by foreign key (identities, roles, link codes, case studies, events, answers, file
// links) and by id without one (outbox and posted messages, digest subscriptions and requests, audit
// entries), the Teams personal chats whose stored reference names one of their accounts, and failed
// linking attempts from their accounts (kept under a keyed hash of the account).
import type { PrismaClient } from '../database.js';
import {
  PERSONAL_DATA_FORMAT,
  PERSONAL_DATA_VERSION,
  type PersonalData,
  type PersonalDataStore,
} from '../../core/members/personal-data.js';
import { linkActorHash } from './link-repository.js';

const iso = (value: Date) => value.toISOString();
const isoOrNull = (value: Date | null) => (value ? value.toISOString() : null);

const eventSelect = { id: true, number: true, title: true, startsAt: true, status: true } as const;
const eventRef = (event: { id: string; number: number; title: string; startsAt: Date; status: string }) => ({
  id: event.id,
  number: event.number,
  title: event.title,
  startsAt: iso(event.startsAt),
  status: event.status,
});
const caseSelect = { id: true, number: true, title: true, status: true, submittedAt: true, reviewedAt: true } as const;
const caseRef = (row: {
  id: string;
  number: number;
  title: string;
  status: string;
  submittedAt: Date | null;
  reviewedAt: Date | null;
}) => ({
  id: row.id,
  number: row.number,
  title: row.title,
  status: row.status,
  submittedAt: isoOrNull(row.submittedAt),
  reviewedAt: isoOrNull(row.reviewedAt),
});

export class PrismaPersonalDataStore implements PersonalDataStore {
  constructor(
    private readonly prisma: PrismaClient,
    /** COP_SECRET: failed linking attempts are kept under a keyed hash of the account. */
    private readonly secret: string,
  ) {}

  async personalData(memberId: string, now: Date): Promise<PersonalData | undefined> {
    const prisma = this.prisma;
    const member = await prisma.member.findUnique({
      where: { id: memberId },
      include: {
        organisation: { select: { id: true, name: true, verified: true } },
        region: { select: { code: true, name: true } },
        identities: { orderBy: { linkedAt: 'asc' } },
        roleGrants: { orderBy: { grantedAt: 'asc' } },
        linkCodes: { orderBy: { createdAt: 'asc' } },
        fileLinks: { orderBy: { createdAt: 'asc' }, select: { id: true, kind: true, filename: true, createdAt: true, expiresAt: true } },
        rsvps: { orderBy: { respondedAt: 'asc' }, include: { event: { select: eventSelect } } },
        hostedEvents: { orderBy: { startsAt: 'asc' }, select: eventSelect },
        casesSubmitted: { orderBy: { number: 'asc' }, select: caseSelect },
        casesReviewed: { orderBy: { number: 'asc' }, select: { ...caseSelect, reviewNote: true } },
      },
    });
    if (!member || member.status === 'erased') return undefined;
    const teamsUsers = member.identities.filter((identity) => identity.platform === 'teams').map((identity) => identity.userId);
    const actorHashes = member.identities.map((identity) => linkActorHash(this.secret, identity));
    const [subscriptions, requests, messages, posted, audit, conversations, attempts] = await Promise.all([
      prisma.digestSubscription.findMany({ where: { subscribedBy: memberId }, orderBy: { number: 'asc' } }),
      prisma.digestPost.findMany({
        where: { requestedBy: memberId },
        orderBy: { dueAt: 'asc' },
        select: { id: true, dueAt: true, subscription: { select: { number: true } } },
      }),
      prisma.outboxMessage.findMany({
        where: { memberId },
        orderBy: { id: 'asc' },
        select: { id: true, platform: true, status: true, createdAt: true, sentAt: true },
      }),
      prisma.postedMessage.findMany({ where: { memberId }, orderBy: { id: 'asc' }, select: { id: true, platform: true, postedAt: true } }),
      // Entries about them (subject), or naming them in their details (`by`, `member`).
      prisma.$queryRaw<{ id: bigint; at: Date; action: string; subject: string | null }[]>`
        SELECT id, at, action, subject FROM "AuditEntry"
        WHERE subject = ${memberId} OR strpos(details::text, ${memberId}) > 0
        ORDER BY id`,
      teamsUsers.length === 0
        ? Promise.resolve([])
        : prisma.$queryRaw<{ id: string; platform: string; kind: string; externalId: string; installedAt: Date }[]>`
            SELECT id, platform::text AS platform, kind, "externalId", "installedAt" FROM "Conversation"
            WHERE platform = 'teams' AND kind = 'personal'
              AND (reference->'user'->>'id' = ANY(${teamsUsers}) OR reference->'user'->>'aadObjectId' = ANY(${teamsUsers}))
            ORDER BY "installedAt"`,
      prisma.linkAttempt.findMany({ where: { actorHash: { in: actorHashes } }, orderBy: { at: 'asc' }, select: { id: true, at: true } }),
    ]);
    const createdIds = audit.filter((entry) => entry.action === 'event.created' && entry.subject).map((entry) => entry.subject as string);
    const created = createdIds.length === 0 ? [] : await prisma.event.findMany({ where: { id: { in: createdIds } }, select: eventSelect });
    const createdAt = new Map(audit.filter((entry) => entry.action === 'event.created').map((entry) => [entry.subject, entry.at]));
    return {
      format: PERSONAL_DATA_FORMAT,
      version: PERSONAL_DATA_VERSION,
      generatedAt: iso(now),
      profile: {
        memberId: member.id,
        status: member.status,
        displayName: member.displayName,
        organisation: member.organisation,
        region: member.region,
        role: member.role,
        staffGroups: member.staffGroups,
        promiseElements: member.promiseElements,
        inDirectory: member.inDirectory,
        language: member.language,
        consentedAt: isoOrNull(member.consentedAt),
        joinedAt: iso(member.joinedAt),
        updatedAt: iso(member.updatedAt),
        leftAt: isoOrNull(member.leftAt),
      },
      accounts: member.identities.map((identity) => ({
        id: identity.id,
        platform: identity.platform,
        workspaceId: identity.workspaceId,
        userId: identity.userId,
        linkedAt: iso(identity.linkedAt),
        emailHashKept: identity.emailHash !== null,
      })),
      roles: member.roleGrants.map((grant) => ({
        id: grant.id,
        role: grant.role,
        regionCode: grant.regionCode,
        grantedAt: iso(grant.grantedAt),
      })),
      eventAnswers: member.rsvps.map((answer) => ({
        id: answer.id,
        event: eventRef(answer.event),
        status: answer.status,
        waitlistOrder: answer.waitlistOrder,
        offerExpiresAt: isoOrNull(answer.offerExpiresAt),
        attended: answer.attended,
        rating: answer.rating,
        respondedAt: iso(answer.respondedAt),
        updatedAt: iso(answer.updatedAt),
      })),
      eventsHosted: member.hostedEvents.map(eventRef),
      eventsCreated: created
        .map((event) => ({ ...eventRef(event), createdAt: iso(createdAt.get(event.id) ?? now) }))
        .sort((a, b) => a.createdAt.localeCompare(b.createdAt)),
      caseStudiesSubmitted: member.casesSubmitted.map(caseRef),
      caseStudiesReviewed: member.casesReviewed.map((row) => ({ ...caseRef(row), reviewNote: row.reviewNote })),
      digestSubscriptions: subscriptions.map((subscription) => ({
        id: subscription.id,
        number: subscription.number,
        scopeKind: subscription.scopeKind,
        scopeCode: subscription.scopeCode,
        staffGroupCode: subscription.staffGroupCode,
        schedule: subscription.schedule,
        createdAt: iso(subscription.createdAt),
        pausedAt: isoOrNull(subscription.pausedAt),
      })),
      digestRequests: requests.map((post) => ({
        id: String(post.id),
        subscriptionNumber: post.subscription.number,
        dueAt: iso(post.dueAt),
      })),
      linkCodes: member.linkCodes.map((code) => ({
        id: code.id,
        platform: code.platform,
        createdAt: iso(code.createdAt),
        expiresAt: iso(code.expiresAt),
        usedAt: isoOrNull(code.usedAt),
      })),
      linkAttempts: attempts.map((attempt) => ({ id: String(attempt.id), at: iso(attempt.at) })),
      fileLinks: member.fileLinks.map((link) => ({
        id: link.id,
        kind: link.kind,
        filename: link.filename,
        createdAt: iso(link.createdAt),
        expiresAt: iso(link.expiresAt),
      })),
      messages: messages.map((row) => ({
        id: String(row.id),
        platform: row.platform,
        status: row.status,
        createdAt: iso(row.createdAt),
        sentAt: isoOrNull(row.sentAt),
      })),
      postedMessages: posted.map((row) => ({ id: String(row.id), platform: row.platform, postedAt: iso(row.postedAt) })),
      conversations: conversations.map((row) => ({
        id: row.id,
        platform: row.platform,
        kind: row.kind,
        externalId: row.externalId,
        installedAt: iso(row.installedAt),
      })),
      auditEntries: audit.map((entry) => ({ id: String(entry.id), at: iso(entry.at), action: entry.action, subject: entry.subject })),
    };
  }
}
