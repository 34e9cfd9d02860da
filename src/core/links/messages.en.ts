// English sentences of download links; part of the catalogue in src/core/i18n/en.ts.
import { plural } from '../i18n/plural.js';

export const linksEn = {
  'downloads.open': (p: { filename: string }) => `Download ${p.filename}`,
  'downloads.expires': (p: { minutes: number }) =>
    `The link works for ${plural(p.minutes, { one: 'minute', other: 'minutes' })} and only for people you share it with: keep it to yourself.`,
} as const;
