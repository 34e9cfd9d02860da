// When the bot sets V8's heap growing factor (COP_HEAP_GROWTH_PERCENT), and when it leaves it to the
// operator or to V8. Its effect on memory is measured by `npm run bench:soak` (docs/benchmarks.md).
import { describe, expect, it } from 'vitest';
import { limitHeapGrowth } from '../../src/app/heap-growth.js';

describe('limitHeapGrowth', () => {
  it('sets --heap-growing-percent to the setting', () => {
    const set: string[] = [];
    expect(limitHeapGrowth(50, ['--enable-source-maps'], (flag) => set.push(flag))).toBe('--heap-growing-percent=50');
    expect(set).toEqual(['--heap-growing-percent=50']);
  });

  it("leaves V8's own choice at 0, and an operator's flag on node's command line or in NODE_OPTIONS", () => {
    const set: string[] = [];
    expect(limitHeapGrowth(0, [], (flag) => set.push(flag))).toBeUndefined();
    expect(limitHeapGrowth(50, ['--heap-growing-percent=20'], (flag) => set.push(flag))).toBeUndefined();
    expect(limitHeapGrowth(50, ['--max-old-space-size=512 --heap_growing_percent=80'], (flag) => set.push(flag))).toBeUndefined();
    expect(set).toEqual([]);
  });
});
