// One process at a time opens a PGlite folder. PGlite keeps the database's pages in the memory of the
// process that opened it, so a second process on the same folder would overwrite the first one's writes
// (or have its own overwritten) without an error. The holder keeps a lock file in the folder that says
// who it is and where its socket is, so that a command-line tool can reach the holder's database instead.
//
// Hand-written rather than proper-lockfile: that library tells a dead holder only by the lock's age, so
// a bot restarted at once after a crash would be refused until the lock went stale, and PGlite's
// synchronous WebAssembly work (creating a folder takes seconds) can hold the event loop past its update
// deadline, which it treats as a lost lock. A process id tells a dead holder at once on the same host;
// the age of the lock file (touched every HEARTBEAT_MS) does for a holder on another host.
import { randomBytes } from 'node:crypto';
import { link, readFile, rename, stat, unlink, utimes, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { systemClock } from '../core/clock.js';

/** The lock file's name inside the PGlite folder. */
export const LOCK_FILE = 'cop-bot.lock';
/** How often the holder touches its lock file. */
const HEARTBEAT_MS = 10_000;
/** A lock from another host not touched for this long is stale (its holder has gone without removing it). */
const STALE_MS = 60_000;

/** Who holds a folder, as its lock file says. */
export interface LockHolder {
  /** What holds it: `bot` (npm start) or a command (`cli`, `migrate`). */
  readonly role: string;
  readonly pid: number;
  readonly host: string;
  /** When it took the lock (ISO 8601). */
  readonly since: string;
  /** Where its database is served: a Unix socket's folder, or host:port on the loopback interface; null while starting. */
  readonly socket: string | null;
  /** Tells this holder's lock from a later one's. */
  readonly token: string;
}

export interface FolderLock {
  readonly path: string;
  readonly holder: LockHolder;
  /** Records where the holder's database is served, for other processes to find. */
  setSocket(socket: string): Promise<void>;
  release(): Promise<void>;
}

export type LockAttempt = { readonly kind: 'acquired'; readonly lock: FolderLock } | { readonly kind: 'held'; readonly holder: LockHolder };

function parseHolder(text: string): LockHolder | undefined {
  try {
    const value = JSON.parse(text) as Partial<LockHolder>;
    if (typeof value.pid !== 'number' || typeof value.host !== 'string' || typeof value.token !== 'string') return undefined;
    return {
      role: typeof value.role === 'string' ? value.role : 'unknown',
      pid: value.pid,
      host: value.host,
      since: typeof value.since === 'string' ? value.since : '',
      socket: typeof value.socket === 'string' ? value.socket : null,
      token: value.token,
    };
  } catch {
    return undefined;
  }
}

/** The tokens of the locks this process holds (a second open in the same process is refused too). */
const heldHere = new Set<string>();

/** Whether the process a lock names is running (on this host), or has touched its lock lately (on another). */
function holderAlive(holder: LockHolder | undefined, ageMs: number): boolean {
  if (holder !== undefined && heldHere.has(holder.token)) return true;
  if (holder === undefined || holder.host !== hostname()) return ageMs < STALE_MS;
  // Our own id (or our parent's, the npm that started us) in a lock we do not hold: left by an earlier
  // process that had the same id, as in a restarted container.
  if (holder.pid === process.pid || holder.pid === process.ppid) return false;
  try {
    process.kill(holder.pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Writes a file whole under a temporary name, for a link or rename into place. */
async function writeTemporary(path: string, holder: LockHolder): Promise<string> {
  const temporary = `${path}.${process.pid}.${randomBytes(4).toString('hex')}`;
  await writeFile(temporary, `${JSON.stringify(holder, null, 2)}\n`, { mode: 0o600 });
  return temporary;
}

/** The lock's holder and age, or undefined when there is no lock file. */
async function readLock(path: string): Promise<{ text: string; holder: LockHolder | undefined; ageMs: number } | undefined> {
  try {
    const [text, stats] = await Promise.all([readFile(path, 'utf8'), stat(path)]);
    return { text, holder: parseHolder(text), ageMs: systemClock.now().getTime() - stats.mtimeMs };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/**
 * Takes the lock on `folder`, or says who holds it. A stale lock (its process gone) is taken over.
 * `onLost` is called if the lock file stops being this process's (removed by hand, or taken over after
 * this process had not touched it for a minute): the process must then stop writing at once.
 */
export async function lockFolder(folder: string, role: string, onLost: () => void = () => undefined): Promise<LockAttempt> {
  const path = join(folder, LOCK_FILE);
  let holder: LockHolder = {
    role,
    pid: process.pid,
    host: hostname(),
    since: systemClock.now().toISOString(),
    socket: null,
    token: randomBytes(16).toString('hex'),
  };
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const temporary = await writeTemporary(path, holder);
    try {
      // link() puts the whole file in place, or fails if a lock is there: no one reads a half-written lock.
      await link(temporary, path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const found = await readLock(path);
      if (found === undefined) continue;
      if (holderAlive(found.holder, found.ageMs)) {
        return found.holder ? { kind: 'held', holder: found.holder } : { kind: 'held', holder: unknownHolder(found.text) };
      }
      // Stale: remove it, unless another process has meanwhile replaced it with a lock of its own.
      if ((await readLock(path))?.text === found.text) await unlink(path).catch(() => undefined);
      continue;
    } finally {
      await unlink(temporary).catch(() => undefined);
    }
    heldHere.add(holder.token);
    let lost = false;
    const heartbeat = setInterval(() => {
      void (async () => {
        const now = systemClock.now();
        const current = await readLock(path).catch(() => undefined);
        if (current?.holder?.token !== holder.token) {
          if (!lost) {
            lost = true;
            heldHere.delete(holder.token);
            clearInterval(heartbeat);
            onLost();
          }
          return;
        }
        await utimes(path, now, now).catch(() => undefined);
      })();
    }, HEARTBEAT_MS);
    heartbeat.unref();
    const lock: FolderLock = {
      path,
      get holder() {
        return holder;
      },
      async setSocket(socket) {
        holder = { ...holder, socket };
        const replacement = await writeTemporary(path, holder);
        await rename(replacement, path);
      },
      async release() {
        clearInterval(heartbeat);
        heldHere.delete(holder.token);
        if (lost) return;
        if ((await readLock(path))?.holder?.token === holder.token) await unlink(path).catch(() => undefined);
      },
    };
    return { kind: 'acquired', lock };
  }
  throw new Error(`Could not take the lock ${path}: other processes kept taking it.`);
}

function unknownHolder(text: string): LockHolder {
  return { role: 'unknown', pid: 0, host: 'unknown', since: '', socket: null, token: text.slice(0, 32) };
}
