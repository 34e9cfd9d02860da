// The member behind a request, if they have joined and not left: what most member-only commands and
// buttons check first. One definition for every feature.
import type { RequestContext } from '../context.js';
import type { MemberRecord } from './member.js';
import type { MemberStore } from './member-store.js';

/** Joined and not left (or erased). */
export function isActive(member: Pick<MemberRecord, 'status'> | undefined): boolean {
  return member?.status === 'active';
}

export async function activeMember(
  context: RequestContext,
  services: { readonly members: Pick<MemberStore, 'findByIdentity'> },
): Promise<MemberRecord | undefined> {
  const member = await services.members.findByIdentity(context.actor);
  return isActive(member) ? member : undefined;
}
