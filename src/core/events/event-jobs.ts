// The events feature's scheduled work, run by the scheduler in every bot process: announcing a series'
// meetings as they come near, reminders to those going, and waitlist offers that lapsed. Each piece is
// claimed in the database (a lock or a conditional update, and unique message keys), so two processes
// or a restart never send anything twice.
import type { CoreServices } from '../services.js';
import { ANNOUNCE_AHEAD_DAYS } from './event-notices.js';

export async function runEventJobs(services: CoreServices, now: Date): Promise<void> {
  const announced = await services.events.announceDue(now, ANNOUNCE_AHEAD_DAYS);
  const reminded = await services.events.queueReminders(now, services.eventSettings.reminderMinutes);
  const offered = await services.events.sweepOffers(now);
  if (announced + reminded + offered > 0) services.outbox.wake();
}
