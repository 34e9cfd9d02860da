// A person's home (Slack's App Home tab) is kept current like a posted message: the outbox holds it
// under a post key naming the person's platform identity, and a refresh re-renders it (see
// outbox/post-key.ts). Only the person's own changes refresh it, and only once they have opened it:
// Slack limits views.publish, so nothing ever refreshes every member's home at once.
import type { Actor } from '../context.js';
import type { Outbox } from '../outbox/outbox.js';
import { postKey } from '../outbox/post-key.js';

export const HOME_POST_KIND = 'home';

/** The post key of this person's home: `home:<platform>:<workspace>:<user>`. */
export function homePostKey(actor: Actor): string {
  return postKey(HOME_POST_KIND, `${actor.platform}:${actor.workspaceId}:${actor.userId}`);
}

/** The identity a home's post key names (the part after `home:`), or undefined when it is not one. */
export function homeActor(id: string): Actor | undefined {
  const match = /^(slack|teams):([^:]+):(.+)$/.exec(id);
  if (!match) return undefined;
  return { platform: match[1] as Actor['platform'], workspaceId: match[2]!, userId: match[3]! };
}

/**
 * After the person's own change (an answer, joining, a profile edit): their home, if they have one, is
 * re-rendered. Nothing happens for someone who never opened it. Never fails the change that caused it.
 */
export async function refreshHome(
  actor: Actor,
  member: { readonly identities: readonly Actor[] } | undefined,
  services: { readonly outbox: Pick<Outbox, 'refresh'> },
): Promise<void> {
  const keys = new Set([homePostKey(actor), ...(member?.identities ?? []).map((identity) => homePostKey(identity))]);
  try {
    for (const key of keys) await services.outbox.refresh(key);
  } catch {
    // The home catches up the next time it is opened.
  }
}
