// Who may do what. Members' roles come from the database; national admins can also be named in the
// COP_ADMINS setting (so that someone can grant the first roles). Checked on every command and click.
import type { Actor } from '../context.js';
import type { RoleStore } from './role-store.js';

export interface Permissions {
  readonly nationalAdmin: boolean;
  /** Region codes the person facilitates. */
  readonly facilitates: readonly string[];
}

export async function permissionsOf(actor: Actor, roles: RoleStore, configuredAdmins: readonly string[]): Promise<Permissions> {
  const grants = await roles.grantsOf(actor);
  return {
    nationalAdmin: configuredAdmins.includes(actor.userId) || grants.some((grant) => grant.role === 'national_admin'),
    facilitates: grants.flatMap((grant) => (grant.role === 'facilitator' && grant.regionCode ? [grant.regionCode] : [])),
  };
}

/** A national admin may change any role; a facilitator may make or remove facilitators of their own regions. */
export function mayChangeFacilitators(permissions: Permissions, regionCode: string): boolean {
  return permissions.nationalAdmin || permissions.facilitates.includes(regionCode);
}
