import { describe, expect, it } from 'vitest';
import { ConcurrencyLimit } from '../../src/slack/after-ack.js';

describe('ConcurrencyLimit', () => {
  it('runs at most the limit at once, in the order asked, and frees a slot when work fails', async () => {
    const limit = new ConcurrencyLimit(3);
    let running = 0;
    let most = 0;
    const started: number[] = [];
    const gates = Array.from({ length: 10 }, () => {
      let resolve = () => {};
      const promise = new Promise<void>((done) => (resolve = done));
      return { promise, resolve };
    });
    const all = gates.map((gate, i) =>
      limit.run(async () => {
        started.push(i);
        running += 1;
        most = Math.max(most, running);
        await gate.promise;
        running -= 1;
        if (i === 1) throw new Error('failed');
        return i;
      }),
    );
    await new Promise((resolve) => setImmediate(resolve));
    expect(started).toEqual([0, 1, 2]);
    // One finishing (with an error) lets the next in line start.
    gates[1]!.resolve();
    await expect(all[1]).rejects.toThrow('failed');
    expect(started).toEqual([0, 1, 2, 3]);
    for (const gate of gates) gate.resolve();
    const results = await Promise.allSettled(all);
    expect(results.filter((result) => result.status === 'fulfilled').map((result) => result.value)).toEqual([0, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(started).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(most).toBe(3);
  });
});
