// Work a Slack listener does after acknowledging a request (the core's answer, the reply to the
// response_url), a few at a time and with a bounded queue. Slack wants its acknowledgement within 3
// seconds, so listeners acknowledge first and work after; without a bound, requests arriving faster than
// the database answers them would each start their work at once and hold its data (query results, reply
// blocks, a digest's figures) in memory together, growing the process for as long as the load lasts.
// Here at most `concurrency` run at once and at most `waiting` more wait their turn (each waiting one
// holds only its request). When that queue is full the listener does not take the request on: it
// acknowledges at once with a "busy, try again" notice (see busy-notice.ts). Holding the acknowledgement
// back instead would only move the queue into unanswered HTTP requests, and make every acknowledgement
// wait as long as the backlog takes.
import pLimit, { type LimitFunction } from 'p-limit';

export class BoundedWork {
  private readonly limit: LimitFunction;

  constructor(
    concurrency: number,
    private readonly waiting: number,
  ) {
    this.limit = pLimit(concurrency);
  }

  /** Running and waiting work. */
  get size(): number {
    return this.limit.activeCount + this.limit.pendingCount;
  }

  /** True when no more work may wait: check it just before `run`, with no `await` between. */
  get full(): boolean {
    return this.size >= this.limit.concurrency + this.waiting;
  }

  /** Queues `work` at once (counted by `size` and `full` from this call) and runs it in its turn. */
  run<T>(work: () => Promise<T>): Promise<T> {
    return this.limit(work);
  }
}
