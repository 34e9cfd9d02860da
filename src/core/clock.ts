// The one place the bot reads the time. Core, the outbox dispatcher, the scheduled jobs and the
// repositories take a Clock instead of calling Date.now() or new Date(), so that tests can move time on
// instead of waiting for it (a lint rule keeps it that way).

export interface Clock {
  /** The current time. */
  now(): Date;
  /** Resolves once `ms` milliseconds have passed on this clock. */
  sleep(ms: number): Promise<void>;
}

/** The wall clock and real timers. */
export const systemClock: Clock = {
  now: () => new Date(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms))),
};
