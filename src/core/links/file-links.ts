// The bot's unguessable links to files: `<PUBLIC_URL>links/<token>/<filename>`, one rule for all of
// them (a Teams export, an event's attendee list, a member's CPD record or personal data, a digest's chart). The token
// is 32 random bytes and appears only in the link; the database keeps an HMAC-SHA256 of it keyed with
// the COP_SECRET setting, so a copy of the database alone neither opens a link nor tests guesses. An
// unknown, malformed or expired token opens nothing, whatever the kind. (An event's calendar file has a
// link of its own, `calendar/<token>.ics`, which posts re-render: its token is derived from the event,
// see calendar-links.ts.)
import { createHash, createHmac, randomBytes } from 'node:crypto';
import type { Language } from '../i18n/catalogue.js';

/** What a link opens: a file kept with it, or one made from current data when the link is opened. */
export type FileLinkSubject =
  | { readonly kind: 'file' | 'chart'; readonly filename: string; readonly mediaType: string; readonly content: Buffer }
  | MadeOnOpening<{ readonly kind: 'attendees'; readonly eventId: string }>
  | MadeOnOpening<{ readonly kind: 'record'; readonly memberId: string }>
  | MadeOnOpening<{ readonly kind: 'data'; readonly memberId: string }>;

/** A file made from current data when its link is opened, in the language of the person who asked for it. */
type MadeOnOpening<T> = T & { readonly filename: string; readonly mediaType: string; readonly language?: Language | undefined };

export type FileLinkKind = FileLinkSubject['kind'];

/** How long a download link works: exports can name people, so only minutes. */
export const DOWNLOAD_LINK_MINUTES = 15;
/** How long a digest's chart can be fetched (posted digests show it): aggregate figures only. */
export const CHART_LINK_DAYS = 90;

/** When a link of `kind` made at `now` stops working. */
export function linkExpiry(kind: FileLinkKind, now: Date): Date {
  const minutes = kind === 'chart' ? CHART_LINK_DAYS * 24 * 60 : DOWNLOAD_LINK_MINUTES;
  return new Date(now.getTime() + minutes * 60_000);
}

/** 32 random bytes, URL-safe: 43 characters. */
export function newLinkToken(): string {
  return randomBytes(32).toString('base64url');
}

/** A token as links carry it (charts linked before the links were one have 32 characters). */
export const LINK_TOKEN = /^[A-Za-z0-9_-]{32,43}$/;

/** The stored form of a token: an HMAC-SHA256 keyed with the bot's secret. */
export function linkTokenHash(secret: string, token: string): string {
  return createHmac('sha256', secret).update(`link:${token}`, 'utf8').digest('hex');
}

/** How links made before the keyed hash were stored (the migration hashed the old chart tokens so). */
export function legacyLinkTokenHash(token: string): string {
  return `sha256:${createHash('sha256').update(token, 'utf8').digest('hex')}`;
}

/** The address of a link; the file name only tells browsers and platforms what the file is. */
export function fileLinkUrl(publicUrl: string, token: string, filename: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/links/${token}/${encodeURIComponent(filename)}`;
}

/** The links' storage (src/db/repositories/file-link-repository.ts). */
export interface FileLinkStore {
  /** Keeps what `token` opens until `expiresAt`; the store keeps only the token's hash. */
  create(token: string, subject: FileLinkSubject, expiresAt: Date): Promise<void>;
  /** What a well-formed token opens at `now`; undefined when unknown or expired. */
  find(token: string, now: Date): Promise<FileLinkSubject | undefined>;
  /** Deletes the links expired at `now`; how many went. */
  deleteExpired(now: Date): Promise<number>;
}

/** Makes a link to `subject` at `now`, valid for its kind's time, and returns its address. */
export async function createFileLink(store: FileLinkStore, publicUrl: string, subject: FileLinkSubject, now: Date): Promise<string> {
  const token = newLinkToken();
  await store.create(token, subject, linkExpiry(subject.kind, now));
  return fileLinkUrl(publicUrl, token, subject.filename);
}

/** A file as the HTTP server sends it. */
export interface ServedFile {
  readonly filename: string;
  readonly contentType: string;
  readonly body: string | Buffer;
  /** Charts are shown inline and may be cached (they never change); everything else is an attachment, never cached. */
  readonly inline: boolean;
}
