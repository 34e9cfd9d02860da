// Work a Slack listener does after acknowledging a request (the core's answer, the reply to the
// response_url), a few at a time and with a bounded queue. Slack wants its acknowledgement within 3
// seconds, so listeners acknowledge first and work after; without a bound, requests arriving faster than
// the database answers them would each start their work at once and hold its data (query results, reply
// blocks, a digest's figures) in memory together, growing the process for as long as the load lasts.
// Here at most `concurrency` run at once and at most `waiting` more wait their turn (each waiting one
// holds only its request); when that queue is full, the next request is acknowledged only once there is
// room, which slows a sender who outpaces the bot instead of letting its backlog grow.
import pLimit, { type LimitFunction } from 'p-limit';

export class BoundedWork {
  private readonly limit: LimitFunction;
  private readonly roomWaiters: (() => void)[] = [];

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

  /** Resolves once the queue has room for one more: await it before acknowledging. */
  async room(): Promise<void> {
    while (this.size >= this.limit.concurrency + this.waiting) await new Promise<void>((resolve) => this.roomWaiters.push(resolve));
  }

  /** Runs `work` in its turn. */
  async run<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await this.limit(work);
    } finally {
      this.roomWaiters.shift()?.();
    }
  }
}
