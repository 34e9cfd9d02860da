// The person's email as their Microsoft Entra tenant knows it, from the Bot Connector's conversation
// member API (TeamsInfo.getMember: `email`, else `userPrincipalName`); no Graph permission is needed. A
// failed lookup is logged with the HTTP status only, never the person or the address, and counts as no email.
import { TeamsInfo, type TurnContext } from 'botbuilder';
import type { Logger } from '../logger.js';

export async function teamsVerifiedEmail(context: TurnContext, logger: Logger): Promise<string | undefined> {
  const userId = context.activity.from?.id;
  if (!userId) return undefined;
  try {
    const member = await TeamsInfo.getMember(context, userId);
    const email = (member.email ?? member.userPrincipalName ?? '').trim();
    // A user principal name is an address only when it looks like one (guests' can be `x#EXT#@…`).
    return /^[^\s@#]+@[^\s@]+$/.test(email) ? email : undefined;
  } catch (error) {
    const status = (error as { statusCode?: unknown }).statusCode;
    logger.warn({ component: 'teams', status: typeof status === 'number' ? status : undefined }, 'could not look up a verified email');
    return undefined;
  }
}
