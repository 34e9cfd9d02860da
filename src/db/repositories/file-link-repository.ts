// The bot's file links (src/core/links/file-links.ts) through Prisma: one FileLink row per link, found by
// the keyed hash of its token (or, for charts posted before, the plain SHA-256 the migration gave them).
// The scheduler deletes expired links every minute.
import type { PrismaClient } from '../database.js';
import { legacyLinkTokenHash, LINK_TOKEN, linkTokenHash, type FileLinkStore, type FileLinkSubject } from '../../core/links/file-links.js';

export class PrismaFileLinkStore implements FileLinkStore {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly secret: string,
  ) {}

  async create(token: string, subject: FileLinkSubject, expiresAt: Date): Promise<void> {
    const { kind, filename, mediaType } = subject;
    const owner =
      subject.kind === 'attendees'
        ? { eventId: subject.eventId }
        : subject.kind === 'record' || subject.kind === 'data'
          ? { memberId: subject.memberId }
          : { content: new Uint8Array(subject.content) };
    const language = 'language' in subject ? subject.language : undefined;
    await this.prisma.fileLink.create({
      data: { tokenHash: linkTokenHash(this.secret, token), kind, filename, mediaType, expiresAt, ...owner, language: language ?? null },
    });
  }

  async find(token: string, now: Date): Promise<FileLinkSubject | undefined> {
    if (!LINK_TOKEN.test(token)) return undefined;
    const found = await this.prisma.fileLink.findFirst({
      where: { tokenHash: { in: [linkTokenHash(this.secret, token), legacyLinkTokenHash(token)] }, expiresAt: { gt: now } },
    });
    if (!found) return undefined;
    const { filename, mediaType } = found;
    const language = found.language === 'cy' || found.language === 'en' ? found.language : undefined;
    if ((found.kind === 'file' || found.kind === 'chart') && found.content)
      return { kind: found.kind, filename, mediaType, content: Buffer.from(found.content) };
    if (found.kind === 'attendees' && found.eventId) return { kind: 'attendees', filename, mediaType, eventId: found.eventId, language };
    if (found.kind === 'record' && found.memberId) return { kind: 'record', filename, mediaType, memberId: found.memberId, language };
    if (found.kind === 'data' && found.memberId) return { kind: 'data', filename, mediaType, memberId: found.memberId, language };
    return undefined;
  }

  async deleteExpired(now: Date): Promise<number> {
    return (await this.prisma.fileLink.deleteMany({ where: { expiresAt: { lte: now } } })).count;
  }
}
