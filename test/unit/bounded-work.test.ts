// The bounded queue of Slack listeners' work after acknowledging: at most so many at once, at most so
// many more waiting, and room for the next request only once something has finished.
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
    const runs = gates.map((gate, i) =>
      work.run(async () => {
        started.push(i);
        await gate.promise;
        return i;
      }),
    );
    await Promise.resolve();
    await Promise.resolve();
    expect(started).toEqual([0, 1]);
    expect(work.size).toBe(3);

    let roomGiven = false;
    const room = work.room().then(() => (roomGiven = true));
    await Promise.resolve();
    expect(roomGiven).toBe(false);

    gates[0]!.resolve();
    expect(await runs[0]).toBe(0);
    await room;
    expect(roomGiven).toBe(true);
    expect(started).toEqual([0, 1, 2]);
    gates[1]!.resolve();
    gates[2]!.resolve();
    expect(await Promise.all(runs)).toEqual([0, 1, 2]);
    expect(work.size).toBe(0);
    await work.room();
  });

  it('gives room after work that failed too', async () => {
    const work = new BoundedWork(1, 0);
    const failing = work.run(() => Promise.reject(new Error('no')));
    await expect(failing).rejects.toThrow('no');
    await work.room();
    expect(work.size).toBe(0);
  });
});
