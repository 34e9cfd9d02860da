// The embedded PostgreSQL: PGlite (PostgreSQL compiled to WebAssembly) kept in a folder and served on a
// local socket, so the bot reaches it through the same `pg` driver adapter as a PostgreSQL server, and
// so can a command-line tool while the bot runs (it finds the socket in the folder's lock file).
import { Buffer } from 'node:buffer';
import { chmod, mkdir, mkdtemp, rm, unlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// Types only here: PGlite and its socket server are loaded when a database is started, so a process on a
// PostgreSQL server (the command line's import) never loads their WebAssembly glue.
import type { PGlite } from '@electric-sql/pglite';
import type { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { serveBackups, type BackupChannel } from './backup-channel.js';
import type { FolderLock } from './folder-lock.js';

/**
 * PGlite's own start parameters (single-user backend, no parallel workers), plus smaller shared buffers:
 * PostgreSQL's 128 MB default costs the bot about 100 MB of memory that a community's data never needs.
 */
const EXTRA_START_PARAMETERS = ['-c', 'shared_buffers=32MB'];

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

/** The embedded databases running in this process, for their WebAssembly memory figure. */
const running = new Set<PGlite>();

/**
 * The WebAssembly memory of the embedded databases running in this process, in bytes: PostgreSQL's whole
 * address space (shared buffers, work memory, catalogue caches). It grows when PostgreSQL needs more and
 * never shrinks. Undefined when none runs here (a PostgreSQL server).
 */
export function embeddedMemoryBytes(): number | undefined {
  if (running.size === 0) return undefined;
  let bytes = 0;
  // HEAPU8 is a view over the whole WebAssembly memory (renewed when it grows).
  for (const db of running) bytes += (db.Module.HEAPU8 as Uint8Array).buffer.byteLength;
  return bytes;
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
 * Starts PGlite on `dataDir` (or in memory when it is undefined) and serves it on a Unix socket in a
 * folder only this user may enter (on Windows, on 127.0.0.1 on a free port). PGlite runs one backend;
 * its socket server queues statements and lets an open transaction finish before another connection's
 * statement runs, so `maxConnections` pooled clients are safe. The caller holds `lock` on `dataDir`;
 * the socket's place is written into it.
 */
export async function startEmbeddedPostgres(
  dataDir: string | undefined,
  maxConnections: number,
  lock?: FolderLock,
): Promise<EmbeddedPostgres> {
  if (dataDir !== undefined) await mkdir(dataDir, { recursive: true });
  const socket = await socketFolder(dataDir);
  const [{ PGlite }, { PGLiteSocketServer }] = await Promise.all([import('@electric-sql/pglite'), import('@electric-sql/pglite-socket')]);
  const startParams = [...PGlite.defaultStartParams, ...EXTRA_START_PARAMETERS];
  const db = await PGlite.create({ ...(dataDir === undefined ? {} : { dataDir }), startParams });
  const shared = keepSequencesTogether(db);
  let server: PGLiteSocketServer;
  try {
    if (socket) {
      const path = join(socket.folder, SOCKET_NAME);
      // A socket file left by a process that ended without removing it: the lock says it is gone.
      await unlink(path).catch(() => undefined);
      server = new PGLiteSocketServer({ db: shared, path, maxConnections });
    } else {
      server = new PGLiteSocketServer({ db: shared, host: '127.0.0.1', port: 0, maxConnections });
    }
    await server.start();
  } catch (error) {
    await db.close();
    throw error;
  }
  // A folder's holder also answers `db backup` (see backup-channel.ts), beside its database socket.
  let backups: BackupChannel | undefined;
  if (socket && lock) {
    try {
      backups = await serveBackups(
        socket.folder,
        () => lock.holder.token,
        () => db.dumpDataDir('gzip'),
      );
    } catch (error) {
      await server.stop();
      await db.close();
      throw error;
    }
  }
  const where = socket ? socket.folder : server.getServerConn();
  await lock?.setSocket(where);
  running.add(db);
  return {
    connectionString: socketConnectionString(where),
    async stop() {
      await backups?.close();
      await server.stop();
      await db.close();
      running.delete(db);
      if (socket?.temporary) await rm(socket.folder, { recursive: true, force: true });
    },
  };
}
