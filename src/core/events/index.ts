// Masterclasses and meetings: scheduling, announcements with RSVP buttons kept up to date, waitlists,
// reminders, attendance and feedback, and the digest's "coming up" section.
import type { Feature } from '../feature.js';
import { attendanceFormHandler, eventAttendanceCommand, eventSummaryCommand, myRecordCommand, rateAction } from './after-event.js';
import { attendeesCommand } from './attendees-command.js';
import { comingUpSection } from './digest-coming-up.js';
import {
  cancelEventAction,
  cancelSeriesAction,
  eventCancelCommand,
  eventCommand,
  eventEditCommand,
  eventFormHandler,
  eventNewCommand,
  eventsCommand,
  myEventsCommand,
} from './event-commands.js';
import { runEventJobs } from './event-jobs.js';
import { EVENT_POST_KIND } from './event-notices.js';
import { renderEventAnnouncement } from './event-views.js';
import { claimAction, joinToAnswerAction, rsvpAction } from './rsvp-actions.js';

export const eventsFeature: Feature = {
  name: 'events',
  commands: [
    eventsCommand,
    eventCommand,
    myEventsCommand,
    eventNewCommand,
    eventEditCommand,
    eventCancelCommand,
    attendeesCommand,
    eventAttendanceCommand,
    eventSummaryCommand,
    myRecordCommand,
  ],
  actions: [rsvpAction, joinToAnswerAction, claimAction, cancelEventAction, cancelSeriesAction, rateAction],
  forms: [eventFormHandler, attendanceFormHandler],
  postRenderers: { [EVENT_POST_KIND]: renderEventAnnouncement },
  digestSections: [{ order: 20, build: comingUpSection }],
  // Announcements coming near, reminders and lapsed waitlist offers: checked every 30 seconds.
  jobs: [{ name: 'events', schedule: '*/30 * * * * *', run: runEventJobs }],
};
