// Files handed over through a short-lived link, for platforms where the bot cannot send a file itself.

export interface NewDownload {
  readonly filename: string;
  readonly mediaType: string;
  readonly content: string;
}

export interface DownloadStore {
  /** Keeps the file until `expiresAt`; returns the unguessable address that fetches it until then. */
  create(file: NewDownload, expiresAt: Date): Promise<string>;
}
