// Periodic work (node-cron). A job finds due work in the database and claims it there, so it is safe
// when several bot processes tick at the same moment; the scheduler only makes sure a job never
// overlaps itself in one process and that a failure is logged, not thrown.
import cron, { type ScheduledTask } from 'node-cron';
import type { Logger } from '../logger.js';

export class Scheduler {
  private readonly tasks: ScheduledTask[] = [];

  constructor(private readonly logger: Logger) {}

  /** Runs `job` on the cron expression (seconds allowed as a sixth field first), in the given time zone. */
  every(name: string, expression: string, job: () => Promise<void>, timezone = 'Europe/London'): void {
    const task = cron.schedule(
      expression,
      async () => {
        try {
          await job();
        } catch (error) {
          this.logger.error({ err: error, job: name }, 'scheduled job failed');
        }
      },
      { name, timezone, noOverlap: true },
    );
    this.tasks.push(task);
  }

  async stop(): Promise<void> {
    for (const task of this.tasks) await task.destroy();
    this.tasks.length = 0;
  }
}
