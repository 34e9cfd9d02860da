// The bounded queue of Slack listeners' work after acknowledging: at most so many at once, at most so
// many more waiting, full until something has finished, and a place taken from the moment `run` is called.
import { describe, expect, it } from 'vitest';
import { BoundedWork } from '../../src/slack/bounded-work.js';

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve = () => undefined as void;
  const promise = new Promise<void>((settle) => (resolve = settle));
  return { promise, resolve };
}

describe('BoundedWork', () => {
  it('runs so many at once, lets so many more wait, and has room again once one finishes', async () => {
    const work = new BoundedWork(2, 1);
    const gates = [deferred(), deferred(), deferred()];
    const started: number[] = [];
    expect(work.full).toBe(false);
    const runs = gates.map((gate, i) =>
      work.run(async () => {
        started.push(i);
        await gate.promise;
        return i;
      }),
    );
    // Counted at once, before any of them has started.
    expect(work.size).toBe(3);
    expect(work.full).toBe(true);
    await Promise.resolve();
    await Promise.resolve();
    expect(started).toEqual([0, 1]);

    gates[0]!.resolve();
    expect(await runs[0]).toBe(0);
    expect(work.full).toBe(false);
    await Promise.resolve();
    expect(started).toEqual([0, 1, 2]);
    gates[1]!.resolve();
    gates[2]!.resolve();
    expect(await Promise.all(runs)).toEqual([0, 1, 2]);
    expect(work.size).toBe(0);
  });

  it('frees the place of work that failed too', async () => {
    const work = new BoundedWork(1, 0);
    const failing = work.run(() => Promise.reject(new Error('no')));
    expect(work.full).toBe(true);
    await expect(failing).rejects.toThrow('no');
    expect(work.full).toBe(false);
    expect(work.size).toBe(0);
  });
});
