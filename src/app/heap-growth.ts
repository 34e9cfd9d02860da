// How much garbage V8 lets pile up between full collections. After each one, V8 lets the heap grow to a
// multiple of what was live, and when the bot allocates fast (under load) it picks up to four times: in
// the soak benchmark (docs/benchmarks.md) about 90 MiB live let the heap reach 390 MiB, most of it
// garbage waiting to be collected. A fixed, smaller factor makes full collections more frequent (each
// costs little, since little is live) and keeps the resident memory near what is used. It is no cap: the
// heap still grows as far as live data needs, so load cannot turn into an out-of-memory crash.
import { setFlagsFromString } from 'node:v8';

/**
 * Sets V8's heap growing factor to 1 + percent/100, unless it was given to `node` itself (on its command
 * line or in NODE_OPTIONS); 0 leaves V8's own. Returns the flag set, if any.
 */
export function limitHeapGrowth(
  percent: number,
  given: readonly string[] = [...process.execArgv, process.env['NODE_OPTIONS'] ?? ''],
  setFlags: (flags: string) => void = setFlagsFromString,
): string | undefined {
  if (percent === 0 || given.some((argument) => /--heap[-_]growing[-_]percent/.test(argument))) return undefined;
  // Read by V8 at each full collection, so setting it once the process runs takes effect from the next one
  // (the soak benchmark shows it: docs/benchmarks.md#memory-under-load).
  const flag = `--heap-growing-percent=${percent}`;
  setFlags(flag);
  return flag;
}
