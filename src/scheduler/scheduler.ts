// Periodic work (node-cron). A job finds due work in the database and claims it there, so it is safe
// when several bot processes tick at the same moment; the scheduler only makes sure a job never
// overlaps itself in one process, that a failure is logged, not thrown, and that stopping waits for
// jobs in flight (before the database closes).
import cron, { type ScheduledTask } from 'node-cron';
import type { Logger } from '../logger.js';

export class Scheduler {
  private readonly tasks: ScheduledTask[] = [];
  /** Runs in flight, by job name. */
  private readonly running = new Map<string, Promise<void>>();

  constructor(private readonly logger: Logger) {}

  /** Runs `job` on the cron expression (seconds allowed as a sixth field first), in the given time zone. */
  every(name: string, expression: string, job: () => Promise<void>, timezone = 'Europe/London'): void {
    const task = cron.schedule(
      expression,
      () => {
        // A tick that comes while the last run is still going is skipped quietly (node-cron's own
        // noOverlap would print a warning each time): the next tick picks up whatever is due.
        if (this.running.has(name)) return;
        const run = job()
          .catch((error: unknown) => this.logger.error({ err: error, job: name }, 'scheduled job failed'))
          .finally(() => this.running.delete(name));
        this.running.set(name, run);
        return run;
      },
      { name, timezone },
    );
    this.tasks.push(task);
  }

  /** No more ticks; resolves once the jobs in flight have finished. */
  async stop(): Promise<void> {
    for (const task of this.tasks) await task.destroy();
    this.tasks.length = 0;
    await Promise.all(this.running.values());
  }
}
