// Button clicks are acknowledged at once and their work runs after, at most a few at a time. A burst
// of clicks (hundreds on one announcement) would otherwise start all their database work together:
// every query would wait in the connection pool's queue behind all the others, the announcement's
// updates among them, and the event loop would be busy compiling queries while new clicks wait for
// their acknowledgement. In turns, each click's work finishes sooner and acknowledgements stay fast.

export class ConcurrencyLimit {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly limit: number) {}

  /** Runs `work` once fewer than `limit` are running, in the order asked. */
  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.running >= this.limit) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.running += 1;
    try {
      return await work();
    } finally {
      // The slot passes straight to the next waiting, so it cannot be taken out of turn.
      const next = this.waiting.shift();
      if (next) next();
      else this.running -= 1;
    }
  }
}

/** Below the server pool's ten connections, so commands and the outbox dispatcher keep one. */
export const CLICKS_AT_ONCE = 8;
