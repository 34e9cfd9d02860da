// Settings of the events feature, from the environment (see src/config.ts).
export interface EventSettings {
  /** The bot's public address, ending in `/`: calendar files and downloads are served under it. */
  readonly publicUrl: string;
  /** Reminders to those going, in minutes before the start (24 hours and 1 hour by default). */
  readonly reminderMinutes: readonly number[];
  /** The organiser of every event in calendar files: the bot, under its configured name and address. */
  readonly organizer: CalendarOrganizer;
}

export interface CalendarOrganizer {
  readonly name: string;
  readonly email: string;
}
