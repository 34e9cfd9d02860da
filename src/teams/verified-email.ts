// The person's email as their Microsoft Entra tenant knows it, from the Bot Connector's conversation
// member API (`email`, else `userPrincipalName`); no Graph permission is needed. A failed lookup is
// logged with the HTTP status only, never the person or the address, and counts as no email.
import type { Client as ApiClient } from '@microsoft/teams.api';
import type { Logger } from '../logger.js';
import { httpStatusOf } from './http-status.js';
import type { InboundActivity } from './teams-context.js';

export async function teamsVerifiedEmail(api: ApiClient, activity: InboundActivity, logger: Logger): Promise<string | undefined> {
  try {
    const member = await api.conversations.getMemberById(activity.conversation.id, activity.from.id);
    const email = (member.email ?? member.userPrincipalName ?? '').trim();
    // A user principal name is an address only when it looks like one (guests' can be `x#EXT#@…`).
    return /^[^\s@#]+@[^\s@]+$/.test(email) ? email : undefined;
  } catch (error) {
    logger.warn({ component: 'teams', status: httpStatusOf(error) }, 'could not look up a verified email');
    return undefined;
  }
}
