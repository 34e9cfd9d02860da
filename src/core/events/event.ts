// Events (masterclasses, community meetings, launch events, webinars) and members' answers to them:
// plain data shared by the events feature and its store.
import type { Recurrence } from './recurrence.js';

export const EVENT_TYPES = ['masterclass', 'community_meeting', 'launch_event', 'webinar'] as const;
export type EventType = (typeof EVENT_TYPES)[number];

/** What a member can answer with a button. */
export const ANSWERS = ['going', 'maybe', 'not_going'] as const;
export type Answer = (typeof ANSWERS)[number];
/** What is recorded: past capacity, "going" becomes "waitlisted". */
export type RsvpStatus = Answer | 'waitlisted';

export const WAITLIST_MODES = ['automatic', 'offer'] as const;
export type WaitlistMode = (typeof WAITLIST_MODES)[number];

/** What the event form gives, for one meeting or every meeting of a series. */
export interface EventDetails {
  readonly type: EventType;
  readonly title: string;
  readonly description: string;
  /** Null for a national event (announced in every region). */
  readonly regionCode: string | null;
  readonly onlineUrl: string | undefined;
  readonly venue: string | undefined;
  readonly capacity: number | undefined;
  readonly hostId: string;
  readonly waitlistMode: WaitlistMode;
  /** How long an offered place is held, in minutes. */
  readonly offerMinutes: number;
}

export interface NewEvent extends EventDetails {
  readonly recurrence: Recurrence;
  /** The series rule (DTSTART and RRULE lines) for a recurring event. */
  readonly rule: string | undefined;
  /** Every meeting's start and end. */
  readonly meetings: readonly { readonly startsAt: Date; readonly endsAt: Date }[];
}

export interface EventChanges extends EventDetails {
  readonly startsAt: Date;
  readonly endsAt: Date;
}

export interface RsvpCounts {
  readonly going: number;
  readonly maybe: number;
  readonly notGoing: number;
  /** Of those waitlisted, how many hold a place offered to them (offer mode). */
  readonly offered: number;
  readonly waitlisted: number;
}

export interface EventRecord {
  readonly id: string;
  /** The short number people type: `event 12`. */
  readonly number: number;
  readonly type: EventType;
  readonly title: string;
  readonly description: string;
  readonly region: { readonly code: string; readonly name: string } | null;
  readonly startsAt: Date;
  readonly endsAt: Date;
  readonly onlineUrl: string | null;
  readonly venue: string | null;
  readonly capacity: number | null;
  readonly waitlistMode: WaitlistMode;
  readonly offerMinutes: number;
  readonly host: { readonly id: string; readonly name: string | null } | null;
  readonly series: {
    readonly id: string;
    readonly recurrence: Exclude<Recurrence, 'none'>;
    readonly rule: string;
    readonly sequence: number;
  } | null;
  /** For a meeting of a series: its start as the series first set it (the calendar's RECURRENCE-ID). */
  readonly seriesStart: Date | null;
  readonly status: 'scheduled' | 'cancelled';
  readonly sequence: number;
  /** The token of the calendar file's link, derived from the id (src/core/links/calendar-links.ts); never stored. */
  readonly calendarToken: string;
  readonly followUpUrl: string | null;
  readonly attendanceAt: Date | null;
  readonly counts: RsvpCounts;
}

/** What an event's link buttons need: its calendar file, and its online meeting while it is on. */
export type EventLinks = Pick<EventRecord, 'calendarToken' | 'onlineUrl' | 'status'>;

export interface MyAnswer {
  readonly status: RsvpStatus;
  /** 1 for the first on the waitlist. */
  readonly position: number | undefined;
  readonly offerExpiresAt: Date | null;
  readonly attended: boolean | null;
  readonly rating: number | null;
}

export interface Attendee {
  readonly memberId: string;
  readonly name: string;
  readonly organisation: string | null;
  readonly status: RsvpStatus;
  readonly position: number | undefined;
  readonly attended: boolean | null;
  readonly rating: number | null;
  readonly respondedAt: Date;
}
