// The person's email as Slack has verified it: users.info, which gives `profile.email` only with the
// `users:read` and `users:read.email` scopes. A failed lookup (a missing scope, an API error) is logged
// with Slack's error code only, never the person or the address, and counts as no email.
import type { webApi } from '@slack/bolt';
import type { Logger } from '../logger.js';
import { slackErrorCode } from './slack-errors.js';

export async function slackVerifiedEmail(client: webApi.WebClient, userId: string, logger: Logger): Promise<string | undefined> {
  try {
    const { user } = await client.users.info({ user: userId });
    // Slack marks addresses it has not confirmed; bots have none worth matching.
    if (!user || user.is_bot || user.is_email_confirmed === false) return undefined;
    const email = user.profile?.email?.trim();
    return email ? email : undefined;
  } catch (error) {
    logger.warn({ component: 'slack', code: slackErrorCode(error) }, 'could not look up a verified email');
    return undefined;
  }
}
