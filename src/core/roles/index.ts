// Roles: facilitators and admins, granted and revoked by admins.
import type { Feature } from '../feature.js';
import { grantCommand, revokeCommand } from './role-commands.js';

export const rolesFeature: Feature = { name: 'roles', commands: [grantCommand, revokeCommand] };
