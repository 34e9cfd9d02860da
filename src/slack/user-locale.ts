// The person's Slack locale, for the language rule (core/i18n/language-resolution.ts): Slack sends none
// with commands or clicks, so it is asked for with users.info (include_locale) only when the rule needs
// it (no language chosen by the member or the channel), and kept a few minutes per workspace and user so
// a burst of commands asks once. A failed lookup is logged with Slack's error code only and counts as no
// locale; the locale itself is never logged.
import type { webApi } from '@slack/bolt';
import type { Clock } from '../core/clock.js';
import type { Logger } from '../logger.js';
import { slackErrorCode } from './slack-errors.js';

const KEEP_MS = 10 * 60_000;
const MAX_KEPT = 5_000;

const kept = new Map<string, { readonly locale: string | undefined; readonly until: number }>();

export async function slackUserLocale(
  client: webApi.WebClient,
  clock: Clock,
  teamId: string,
  userId: string,
  logger: Logger,
): Promise<string | undefined> {
  const key = `${teamId}:${userId}`;
  const now = clock.now().getTime();
  const found = kept.get(key);
  if (found && found.until > now) return found.locale;
  let locale: string | undefined;
  try {
    const { user } = await client.users.info({ user: userId, include_locale: true });
    locale = user?.locale || undefined;
  } catch (error) {
    logger.warn({ component: 'slack', code: slackErrorCode(error) }, 'could not look up a locale');
    return undefined;
  }
  // The oldest entry makes room (a Map keeps insertion order).
  if (kept.size >= MAX_KEPT) kept.delete(kept.keys().next().value as string);
  kept.delete(key);
  kept.set(key, { locale, until: now + KEEP_MS });
  return locale;
}
