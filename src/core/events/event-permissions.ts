// Who may organise and manage events: national admins anywhere (and only they for national events),
// facilitators in their regions, and an event's host for that event.
import type { Permissions } from '../roles/permissions.js';
import type { EventRecord } from './event.js';

/** May create events in this region (null: national). */
export function mayOrganise(permissions: Permissions, regionCode: string | null): boolean {
  return permissions.nationalAdmin || (regionCode !== null && permissions.facilitates.includes(regionCode));
}

/** May edit or cancel the event, see its attendees and mark attendance. */
export function mayManage(permissions: Permissions, event: Pick<EventRecord, 'region' | 'host'>, memberId: string | undefined): boolean {
  return mayOrganise(permissions, event.region?.code ?? null) || (memberId !== undefined && event.host?.id === memberId);
}
