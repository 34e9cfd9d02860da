// Short-lived downloads: the file is kept with the SHA-256 of a random token, and the link carries the
// token. Expired files are deleted whenever a new one is stored, and every minute by the scheduler.
import { createHash, randomBytes } from 'node:crypto';
import type { PrismaClient } from '../database.js';
import type { DownloadStore, NewDownload } from '../../core/downloads/download-store.js';

export interface StoredDownload {
  readonly filename: string;
  readonly mediaType: string;
  readonly content: Buffer;
}

const hash = (token: string) => createHash('sha256').update(token).digest('hex');

export class PrismaDownloadStore implements DownloadStore {
  /** `baseUrl` gives the bot's public address (known only once the server listens). */
  constructor(
    private readonly prisma: PrismaClient,
    private readonly baseUrl: () => string,
  ) {}

  async create(file: NewDownload, expiresAt: Date): Promise<string> {
    const token = randomBytes(32).toString('base64url');
    await this.prisma.$transaction([
      this.prisma.download.deleteMany({ where: { expiresAt: { lt: new Date() } } }),
      this.prisma.download.create({
        data: { tokenHash: hash(token), filename: file.filename, mediaType: file.mediaType, content: Buffer.from(file.content, 'utf8'), expiresAt },
      }),
    ]);
    return `${this.baseUrl().replace(/\/+$/, '')}/downloads/${token}`;
  }

  /**
   * Deletes expired files and expired event download links. Creating a file also deletes the expired
   * ones, but the last export of a quiet week would otherwise stay in the database after its link died.
   */
  async deleteExpired(now: Date): Promise<number> {
    const [files, links] = await this.prisma.$transaction([
      this.prisma.download.deleteMany({ where: { expiresAt: { lte: now } } }),
      this.prisma.eventExport.deleteMany({ where: { expiresAt: { lte: now } } }),
    ]);
    return files.count + links.count;
  }

  /** The file behind a token, while it has not expired. */
  async find(token: string): Promise<StoredDownload | undefined> {
    if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return undefined;
    const found = await this.prisma.download.findUnique({ where: { tokenHash: hash(token) } });
    if (!found || found.expiresAt.getTime() <= Date.now()) return undefined;
    return { filename: found.filename, mediaType: found.mediaType, content: Buffer.from(found.content) };
  }
}
