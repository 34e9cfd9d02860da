// The embedded PostgreSQL: PGlite (PostgreSQL compiled to WebAssembly) kept in a folder and served on a
// local socket, so the bot reaches it through the same `pg` driver adapter as a PostgreSQL server, and
// so can a command-line tool while the bot runs (it finds the socket in the folder's lock file). PGlite
// itself runs in a worker thread (embedded-postgres-thread.ts), so that queries never block this one.
import { Buffer } from 'node:buffer';
import { chmod, mkdir, mkdtemp, rm, unlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { FolderLock } from './folder-lock.js';
import type { FromThread, ThreadOptions, ToThread } from './embedded-postgres-thread.js';

/** The memory cells of the embedded databases running in this process (see embedded-postgres-thread.ts). */
const running = new Set<Float64Array>();

export interface EmbeddedMemory {
  /**
   * WebAssembly memory, in bytes: PostgreSQL's whole address space (shared buffers, work memory,
   * catalogue caches). It grows when PostgreSQL needs more and never shrinks.
   */
  readonly wasm: number;
  /** The V8 heap of the databases' threads (PGlite's and its socket server's JavaScript), in bytes. */
  readonly threadHeap: number;
}

/** The memory of the embedded databases running in this process; undefined when none runs here (a PostgreSQL server). */
export function embeddedMemory(): EmbeddedMemory | undefined {
  if (running.size === 0) return undefined;
  let wasm = 0;
  let threadHeap = 0;
  for (const cell of running) {
    wasm += cell[0] ?? 0;
    threadHeap += cell[1] ?? 0;
  }
  return { wasm, threadHeap };
}

export interface EmbeddedPostgres {
  /** A postgresql:// URL for the socket. */
  readonly connectionString: string;
  stop(): Promise<void>;
}

/** The file name `pg` (like libpq) connects to inside a socket folder. */
const SOCKET_NAME = '.s.PGSQL.5432';
/**
 * The folder beside the PGlite folder that holds the sockets (`<folder>-socket`): only its owner may enter
 * it. Not inside the PGlite folder: PGlite's `dumpDataDir` (db backup) fails on a socket file there.
 */
const SOCKET_FOLDER_SUFFIX = '-socket';
/** Unix socket paths are limited to 104 bytes (macOS) or 108 (Linux), the final NUL included. */
const SOCKET_PATH_LIMIT = 100;

/** Where to serve: a Unix socket in a folder only this user may enter, or the loopback port on Windows. */
async function socketFolder(dataDir: string | undefined): Promise<{ folder: string; temporary: boolean } | undefined> {
  if (process.platform === 'win32') return undefined;
  if (dataDir !== undefined) {
    const folder = `${dataDir.replace(/\/+$/, '')}${SOCKET_FOLDER_SUFFIX}`;
    if (Buffer.byteLength(join(folder, SOCKET_NAME)) <= SOCKET_PATH_LIMIT) {
      try {
        await mkdir(folder, { recursive: true, mode: 0o700 });
        await chmod(folder, 0o700);
        return { folder, temporary: false };
      } catch {
        // The folder's parent is not writable by this user (a service's state folder): a temporary folder.
      }
    }
  }
  // In memory, or a folder whose path is too long for a socket: a private temporary folder.
  return { folder: await mkdtemp(join(tmpdir(), 'cop-db-')), temporary: true };
}

/** The `pg` connection string for a socket as the lock file names it: a Unix socket's folder, or host:port. */
export function socketConnectionString(socket: string): string {
  return socket.startsWith('/')
    ? `postgresql://postgres@/postgres?host=${encodeURIComponent(socket)}`
    : `postgresql://postgres@${socket}/postgres?sslmode=disable`;
}

/**
 * A worker thread running embedded-postgres-thread: the compiled module beside this file, or, under tsx
 * and vitest, the TypeScript source loaded through tsx (a development dependency, present wherever
 * sources run; see embedded-postgres-thread.tsx-loader.mjs).
 */
function startThread(options: ThreadOptions): Worker {
  const module = import.meta.url.endsWith('.ts') ? './embedded-postgres-thread.tsx-loader.mjs' : './embedded-postgres-thread.js';
  return new Worker(new URL(module, import.meta.url), { workerData: options });
}

/**
 * Starts PGlite on `dataDir` (or in memory when it is undefined) in a thread of its own, serving it on a
 * Unix socket in a folder only this user may enter (on Windows, on 127.0.0.1 on a free port). PGlite runs
 * one backend; its socket server queues statements and lets an open transaction finish before another
 * connection's statement runs, so `maxConnections` pooled clients are safe. The caller holds `lock` on
 * `dataDir`; the socket's place is written into it.
 */
export async function startEmbeddedPostgres(
  dataDir: string | undefined,
  maxConnections: number,
  lock?: FolderLock,
): Promise<EmbeddedPostgres> {
  if (dataDir !== undefined) await mkdir(dataDir, { recursive: true });
  const socket = await socketFolder(dataDir);
  const memory = new Float64Array(new SharedArrayBuffer(2 * Float64Array.BYTES_PER_ELEMENT));
  const options: ThreadOptions = {
    dataDir,
    socketFolder: socket?.folder,
    socketName: SOCKET_NAME,
    maxConnections,
    backupToken: lock?.holder.token,
    memoryCell: memory.buffer,
  };
  // A socket file left by a process that ended without removing it: the lock says it is gone.
  if (socket) await unlink(join(socket.folder, SOCKET_NAME)).catch(() => undefined);
  const thread = startThread(options);
  let stopping = false;
  const exited = new Promise<number>((resolve) => thread.once('exit', resolve));
  let where: string;
  try {
    where = await new Promise<string>((resolve, reject) => {
      thread.once('error', reject);
      void exited.then((code) => reject(new Error(`the embedded database's thread ended (code ${code}) before it was ready`)));
      thread.once('message', (message: FromThread) => {
        if (message.type === 'ready') resolve(message.where);
        else reject(new Error(message.type === 'failed' ? message.message : 'the embedded database stopped before it was ready'));
      });
    });
  } catch (error) {
    await thread.terminate();
    if (socket?.temporary) await rm(socket.folder, { recursive: true, force: true });
    throw error;
  }
  // Without its database the bot can do nothing: a thread that fails later ends the process, as PGlite
  // failing on the main thread did, so that the service manager restarts it.
  thread.on('error', (error) => {
    if (!stopping) throw new Error(`The embedded database failed: ${error.message}`);
  });
  void exited.then((code) => {
    if (!stopping) throw new Error(`The embedded database's thread ended unexpectedly (code ${code})`);
  });
  await lock?.setSocket(where);
  running.add(memory);
  return {
    connectionString: socketConnectionString(where),
    async stop() {
      if (stopping) return;
      stopping = true;
      const stopped = new Promise<void>((resolve) =>
        thread.on('message', (message: FromThread) => {
          if (message.type === 'stopped') resolve();
        }),
      );
      thread.postMessage({ type: 'stop' } satisfies ToThread);
      await Promise.race([stopped, exited]);
      await thread.terminate();
      running.delete(memory);
      if (socket?.temporary) await rm(socket.folder, { recursive: true, force: true });
    },
  };
}
