// The events feature's scheduled work, run by the scheduler in every bot process: announcing a series'
// meetings as they come near, reminders to those going, and waitlist offers that lapsed. Each piece is
// decided under the event's lock (event-service.ts), with unique message keys, so two processes or a
// restart never send anything twice.
import type { CoreServices } from '../services.js';
import { announceDue, queueReminders, sweepOffers } from './event-service.js';

/** The services this module's handlers use. */
export type EventJobsServices = Pick<CoreServices, 'eventSettings' | 'events' | 'outbox' | 'transaction'>;

export async function runEventJobs(services: EventJobsServices, now: Date): Promise<void> {
  const announced = await announceDue(services, now);
  const reminded = await queueReminders(services, now);
  const offered = await sweepOffers(services, now);
  if (announced + reminded + offered > 0) services.outbox.wake();
}
