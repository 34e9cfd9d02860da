// An opt-in diagnostic for benchmarks and operators (COP_MEMORY_REPORT_SECONDS): every so many seconds
// one JSON line on standard error with the process's memory, split into what V8 holds (heap), what
// Node holds outside it (buffers), and the embedded database's WebAssembly memory. It carries no
// personal data and opens no port: whoever can read the bot's output already runs it.
import { monitorEventLoopDelay, type IntervalHistogram } from 'node:perf_hooks';
import { embeddedMemory } from '../db/embedded-postgres.js';

/** The prefix of each report line, so that a reader can pick them out of other output. */
export const MEMORY_REPORT_PREFIX = 'cop-memory ';

export interface MemoryReport {
  /** Resident memory of the process, as the kernel counts it (bytes). */
  readonly rss: number;
  readonly heapUsed: number;
  readonly heapTotal: number;
  /** Memory of C++ objects bound to JavaScript ones, buffers included. */
  readonly external: number;
  readonly arrayBuffers: number;
  /** The embedded database's WebAssembly memory; absent on a PostgreSQL server. */
  readonly wasm?: number;
  /** The V8 heap of the embedded database's thread (heapTotal above is the main thread's); absent on a server. */
  readonly databaseThreadHeap?: number;
  /**
   * How long callbacks waited for the event loop since the previous report (milliseconds, 99th percentile
   * and longest): what delays every acknowledgement. Absent from a single report outside startMemoryReports.
   */
  readonly loopDelayP99?: number;
  readonly loopDelayMax?: number;
}

export function memoryReport(): MemoryReport {
  const usage = process.memoryUsage();
  const embedded = embeddedMemory();
  return {
    rss: usage.rss,
    heapUsed: usage.heapUsed,
    heapTotal: usage.heapTotal,
    external: usage.external,
    arrayBuffers: usage.arrayBuffers,
    ...(embedded === undefined ? {} : { wasm: embedded.wasm, databaseThreadHeap: embedded.threadHeap }),
  };
}

/** Starts the reports; the returned function stops them. */
export function startMemoryReports(seconds: number, write: (line: string) => void = (line) => process.stderr.write(line)): () => void {
  const delays: IntervalHistogram = monitorEventLoopDelay({ resolution: 10 });
  delays.enable();
  const timer = setInterval(() => {
    const report: MemoryReport = { ...memoryReport(), loopDelayP99: delays.percentile(99) / 1e6, loopDelayMax: delays.max / 1e6 };
    delays.reset();
    write(`${MEMORY_REPORT_PREFIX}${JSON.stringify(report)}\n`);
  }, seconds * 1000);
  timer.unref();
  return () => {
    clearInterval(timer);
    delays.disable();
  };
}
