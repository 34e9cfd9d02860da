// The embedded PostgreSQL's own thread. PGlite runs PostgreSQL's WebAssembly synchronously on the thread
// that calls it: on the bot's main thread every query held up everything else, Slack's and Teams'
// acknowledgements included (in the soak benchmark 42% of the main thread's time went to PGlite). Here,
// in a worker thread, it serves its socket while the main thread stays free; the bot reaches it through
// the `pg` driver as before. Started by startEmbeddedPostgres (embedded-postgres.ts), which this answers:
// `ready` with where it serves, or `failed`; on `stop` it closes everything and answers `stopped`.
import { join } from 'node:path';
import { getHeapStatistics } from 'node:v8';
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { serveBackups, type BackupChannel } from './backup-channel.js';

export interface ThreadOptions {
  /** The PGlite folder, or undefined for a database in memory. */
  readonly dataDir: string | undefined;
  /** The folder of the Unix socket, or undefined to serve on a loopback port (Windows). */
  readonly socketFolder: string | undefined;
  readonly socketName: string;
  readonly maxConnections: number;
  /** The folder lock's token: with it, a backup channel is served beside the socket. */
  readonly backupToken: string | undefined;
  /**
   * Two floats kept current for the main thread's memory report: the WebAssembly memory's size and this
   * thread's V8 heap (both in bytes).
   */
  readonly memoryCell: SharedArrayBuffer;
}

export type FromThread = { type: 'ready'; where: string } | { type: 'failed'; message: string } | { type: 'stopped' };
export type ToThread = { type: 'stop' };

/**
 * PGlite's own start parameters (single-user backend, no parallel workers), plus smaller shared buffers:
 * PostgreSQL's 128 MB default costs the bot about 100 MB of memory that a community's data never needs,
 * and 16 MB rather than 32 MB keeps the idle bot about 11 MiB smaller; pages beyond them are read from the
 * data folder through the operating system's file cache (docs/benchmarks.md, 2026-12-06).
 */
const EXTRA_START_PARAMETERS = ['-c', 'shared_buffers=16MB'];
/** How often the memory figure is refreshed (it only changes when PostgreSQL grows its memory). */
const MEMORY_FIGURE_MS = 1_000;

/** Frontend messages that continue an extended-query sequence: Parse, Bind, Describe, Execute, Close, Flush. */
const CONTINUES_SEQUENCE = new Set([0x50, 0x42, 0x44, 0x45, 0x43, 0x48]);

/**
 * The socket server's queue takes protocol messages one at a time from any connection unless PGlite is
 * inside a transaction. A `pg` query outside a transaction is several messages (Parse, Bind, Execute,
 * Sync), so under concurrency another connection's Parse could replace the unnamed statement in
 * between ("bind message supplies 2 parameters, but prepared statement requires 5"). Reporting an
 * unfinished sequence as "in a transaction" makes the queue keep taking that connection's messages until
 * its Sync, as it already does for transactions.
 */
function keepSequencesTogether(db: PGlite): PGlite {
  let midSequence = false;
  return new Proxy(db, {
    get(target, property) {
      if (property === 'isInTransaction') return () => midSequence || target.isInTransaction();
      if (property === 'execProtocolRawStream') {
        return (message: Uint8Array, options: Parameters<PGlite['execProtocolRawStream']>[1]) => {
          midSequence = CONTINUES_SEQUENCE.has(message[0] ?? 0);
          return target.execProtocolRawStream(message, options);
        };
      }
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}

async function serve(options: ThreadOptions, port: NonNullable<typeof parentPort>): Promise<void> {
  const startParams = [...PGlite.defaultStartParams, ...EXTRA_START_PARAMETERS];
  const db = await PGlite.create({ ...(options.dataDir === undefined ? {} : { dataDir: options.dataDir }), startParams });
  const memory = new Float64Array(options.memoryCell);
  // HEAPU8 is a view over the whole WebAssembly memory (renewed when it grows).
  const measure = () => {
    memory[0] = (db.Module.HEAPU8 as Uint8Array).buffer.byteLength;
    memory[1] = getHeapStatistics().total_heap_size;
  };
  measure();
  const timer = setInterval(measure, MEMORY_FIGURE_MS);
  timer.unref();
  const shared = keepSequencesTogether(db);
  const server = options.socketFolder
    ? new PGLiteSocketServer({ db: shared, path: join(options.socketFolder, options.socketName), maxConnections: options.maxConnections })
    : new PGLiteSocketServer({ db: shared, host: '127.0.0.1', port: 0, maxConnections: options.maxConnections });
  let backups: BackupChannel | undefined;
  try {
    await server.start();
    // A folder's holder also answers `db backup` (see backup-channel.ts), beside its database socket.
    const token = options.backupToken;
    if (options.socketFolder && token !== undefined) {
      backups = await serveBackups(
        options.socketFolder,
        () => token,
        () => db.dumpDataDir('gzip'),
      );
    }
  } catch (error) {
    await server.stop();
    await db.close();
    throw error;
  }
  port.on('message', (message: ToThread) => {
    if (message.type !== 'stop') return;
    clearInterval(timer);
    void (async () => {
      try {
        await backups?.close();
        await server.stop();
        await db.close();
      } finally {
        port.postMessage({ type: 'stopped' } satisfies FromThread);
      }
    })();
  });
  port.postMessage({ type: 'ready', where: options.socketFolder ?? server.getServerConn() } satisfies FromThread);
}

if (parentPort) {
  const port = parentPort;
  serve(workerData as ThreadOptions, port).catch((error: unknown) => {
    port.postMessage({ type: 'failed', message: error instanceof Error ? error.message : String(error) } satisfies FromThread);
  });
}
