// The member behind a request, if they have joined and not left: what most member-only commands and
// buttons check first. One definition for every feature.
import type { RequestContext } from '../context.js';
import type { CoreServices } from '../services.js';
import type { MemberRecord } from './member.js';

export async function activeMember(context: RequestContext, services: Pick<CoreServices, 'members'>): Promise<MemberRecord | undefined> {
  const member = await services.members.findByIdentity(context.actor);
  return member?.status === 'active' ? member : undefined;
}
