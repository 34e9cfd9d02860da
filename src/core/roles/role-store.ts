// What roles need from storage; implemented over Prisma in src/db/repositories.
import type { Actor } from '../context.js';
import type { Message } from '../reply/reply.js';

export type RoleName = 'facilitator' | 'national_admin';

export interface RoleGrantRequest {
  readonly memberId: string;
  readonly role: RoleName;
  /** The region a facilitator looks after; none for national admins. */
  readonly regionCode: string | undefined;
  /** The member who made the change, or undefined for an admin named in COP_ADMINS who has not joined. */
  readonly byMemberId: string | undefined;
  /** Told to the member by direct message when the change is made (queued with it, sent after it commits). */
  readonly notice: Message;
}

export interface RoleStore {
  /** The roles granted to the member behind this identity. */
  grantsOf(actor: Actor): Promise<readonly { readonly role: RoleName; readonly regionCode: string | null }[]>;
  /** Grants the role (audited in the same transaction); false when the member already had it. */
  grant(request: RoleGrantRequest): Promise<boolean>;
  /** Revokes the role (audited in the same transaction); false when the member did not have it. */
  revoke(request: RoleGrantRequest): Promise<boolean>;
}
