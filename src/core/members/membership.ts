// Leaving and erasure, each one unit of work: what happens to the member's record (member store) and
// to their answers to events (the event service: answers withdrawn, places passed on to the waitlists,
// announcements refreshed), committed together.
import { withdrawAnswers } from '../events/event-service.js';
import type { CoreServices } from '../services.js';

export type MembershipServices = Pick<CoreServices, 'eventSettings' | 'transaction'>;

/** Ends the membership (the profile is kept); their places at events still to come are passed on. */
export async function leaveCommunity(services: MembershipServices, memberId: string, now: Date): Promise<void> {
  await services.transaction(async (unit) => {
    await unit.members.markLeft(memberId, now);
    await withdrawAnswers(unit, services, memberId, now, false);
  });
}

/**
 * Erases the member: every answer to an event goes (places to come passed on), as do their download
 * links; events they hosted are left without a host; then their record is erased.
 */
export async function eraseMember(services: MembershipServices, memberId: string, now: Date): Promise<void> {
  await services.transaction(async (unit) => {
    await withdrawAnswers(unit, services, memberId, now, true);
    await unit.events.forgetMember(memberId);
    await unit.members.erase(memberId, now);
  });
}
