// A clock tests drive: it reads the wall clock plus an offset that only the test moves on, so time
// passes as usual (the database's own now() stays close behind) and jumps forward when the test says.
import type { Clock } from '../../src/core/clock.js';

export class TestClock implements Clock {
  private offsetMs = 0;

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  /** Moves the time on by `ms`. */
  advance(ms: number): void {
    if (ms < 0) throw new Error('a test clock only moves forward');
    this.offsetMs += ms;
  }

  /** Moves the time on to `date` (not back: rows the database stamps with its own now() would be in the future). */
  set(date: Date): void {
    this.advance(Math.max(0, date.getTime() - this.now().getTime()));
  }

  /** Moves the time on instead of waiting, then lets other work in flight take its turn. */
  async sleep(ms: number): Promise<void> {
    this.advance(Math.max(0, ms));
    await new Promise((resolve) => setImmediate(resolve));
  }
}
