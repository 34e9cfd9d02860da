// `attendees <event>`: for the host, the region's facilitators and national admins, who answered what
// (names, organisations, waitlist in order) and a CSV download link valid for a few minutes.
import { defineCommand } from '../commands/command.js';
import type { CoreServices } from '../services.js';
import { message, type Block } from '../reply/reply.js';
import { eventNumber, managedEvent } from './event-commands.js';
import type { Attendee, RsvpStatus } from './event.js';
import { DOWNLOAD_MINUTES, downloadBlocks } from './event-files.js';

/** The services this module's handlers use. */
export type AttendeesCommandServices = Pick<
  CoreServices,
  'clock' | 'configuredAdmins' | 'eventSettings' | 'events' | 'fileLinks' | 'members' | 'outbox' | 'reference' | 'roles' | 'transaction'
>;

const ORDER: readonly RsvpStatus[] = ['going', 'waitlisted', 'maybe', 'not_going'];
/** More names than this are left to the CSV file. */
export const ATTENDEES_SHOWN = 100;

export const attendeesCommand = defineCommand({
  words: 'attendees',
  cy: ['mynychwyr'],
  args: eventNumber,
  usage: 'attendees <event number>',
  summary: 'events.attendeesSummary',
  needs: 'events.needs.managers',
  examples: ['attendees 12'],
  async run(number, context, services: AttendeesCommandServices) {
    const { t } = context;
    const managed = await managedEvent(number, context, services);
    if ('kind' in managed) return managed;
    const { event } = managed;
    const attendees = await services.events.attendees(event.id);
    const heading = t('events.attendeesHeading', { title: event.title, number: event.number });
    const blocks: Block[] = [{ kind: 'heading', text: heading }];
    let shown = 0;
    for (const status of ORDER) {
      const group = attendees.filter((attendee) => attendee.status === status);
      if (group.length === 0) continue;
      const room = Math.max(0, ATTENDEES_SHOWN - shown);
      const line = (a: Attendee) => ({
        title: [{ kind: 'strong' as const, text: a.position ? `${a.position}. ${a.name}` : a.name }],
        ...(a.organisation ? { detail: a.organisation } : {}),
      });
      blocks.push({
        kind: 'text',
        text: [{ kind: 'strong', text: t('events.attendeesGroup', { status: t(`events.status.${status}`), count: group.length }) }],
      });
      if (room > 0) blocks.push({ kind: 'list', items: group.slice(0, room).map(line) });
      shown += Math.min(room, group.length);
    }
    if (attendees.length === 0) blocks.push({ kind: 'text', text: t('events.attendeesNone') });
    else {
      if (shown < attendees.length) blocks.push({ kind: 'note', text: t('events.attendeesMore', { shown, total: attendees.length }) });
      blocks.push(
        ...(await downloadBlocks(
          t,
          t('events.attendeesCsv', { minutes: DOWNLOAD_MINUTES }),
          { kind: 'attendees', eventId: event.id, eventNumber: event.number },
          services,
          services.clock.now(),
        )),
      );
    }
    return message(heading, blocks);
  },
});
