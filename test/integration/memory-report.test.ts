// COP_MEMORY_REPORT_SECONDS's lines: the process's memory, the event loop's delays, and, while an embedded
// database runs (in its own thread), PostgreSQL's WebAssembly memory and that thread's V8 heap.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MEMORY_REPORT_PREFIX, memoryReport, startMemoryReports, type MemoryReport } from '../../src/app/memory-report.js';
import { startEmbeddedPostgres, type EmbeddedPostgres } from '../../src/db/embedded-postgres.js';

let embedded: EmbeddedPostgres;
beforeAll(async () => {
  embedded = await startEmbeddedPostgres(undefined, 2);
});
afterAll(async () => {
  await embedded?.stop();
});

describe('memory reports', () => {
  it('give the embedded database’s WebAssembly memory and its thread’s heap, and the event loop’s delays', async () => {
    const line = await new Promise<string>((resolve) => {
      const stop = startMemoryReports(1, (written) => {
        stop();
        resolve(written);
      });
    });
    expect(line.startsWith(MEMORY_REPORT_PREFIX)).toBe(true);
    expect(line.endsWith('\n')).toBe(true);
    const report = JSON.parse(line.slice(MEMORY_REPORT_PREFIX.length)) as MemoryReport;
    expect(report.rss).toBeGreaterThan(report.heapUsed);
    // PGlite starts with Emscripten's 128 MiB.
    expect(report.wasm).toBeGreaterThanOrEqual(128 * 2 ** 20);
    expect(report.databaseThreadHeap).toBeGreaterThan(0);
    expect(report.loopDelayMax).toBeGreaterThanOrEqual(report.loopDelayP99 ?? Infinity);
  });

  it('leave the database figures out once no embedded database runs', async () => {
    const other = await startEmbeddedPostgres(undefined, 1);
    await other.stop();
    expect(memoryReport().wasm).toBeGreaterThan(0);
    await embedded.stop();
    expect(memoryReport().wasm).toBeUndefined();
    expect(memoryReport().databaseThreadHeap).toBeUndefined();
  });
});
