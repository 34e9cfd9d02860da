// Linking by verified email: when someone who is not a member on this platform types `link`, the
// adapter looks up the email their platform has verified. If exactly one active member has an account
// on the other platform with that email (as a keyed hash) and none on this one, this account joins that
// member. The address is used for the match only and is never stored or logged.
import type { RequestContext } from '../context.js';
import type { CoreServices } from '../services.js';

/** The services this module's handlers use. */
export type EmailLinkServices = Pick<CoreServices, 'emailLinks' | 'members'>;

/** The linked member's name, or undefined when there is no email or no match (the code is the way then). */
export async function linkByVerifiedEmail(context: RequestContext, services: EmailLinkServices): Promise<string | undefined> {
  const email = await context.verifiedEmail?.();
  if (email === undefined || email.trim() === '') return undefined;
  const outcome = await services.emailLinks.linkByEmail(context.actor, email);
  if (outcome.kind !== 'linked') return undefined;
  const member = await services.members.findByIdentity(context.actor);
  return member?.displayName ?? '';
}
