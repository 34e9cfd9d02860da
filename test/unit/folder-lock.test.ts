// The PGlite folder's lock file, on a real folder: one holder at a time, a dead holder's lock taken over,
// another host's lock judged by its age, and a holder told when its lock is no longer its own.
import { mkdtemp, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LOCK_FILE, lockFolder, type FolderLock } from '../../src/db/folder-lock.js';

let folder: string;
const locks: FolderLock[] = [];

beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'cop-lock-'));
});

afterEach(async () => {
  vi.useRealTimers();
  for (const lock of locks.splice(0)) await lock.release();
  await rm(folder, { recursive: true, force: true });
});

async function acquire(role = 'bot', onLost?: () => void): Promise<FolderLock> {
  const attempt = await lockFolder(folder, role, onLost);
  if (attempt.kind !== 'acquired') throw new Error(`held by ${JSON.stringify(attempt.holder)}`);
  locks.push(attempt.lock);
  return attempt.lock;
}

const lockPath = () => join(folder, LOCK_FILE);

describe('lockFolder', () => {
  it('lets one holder in, names it to the next, with its socket once set, and lets go on release', async () => {
    const lock = await acquire('bot');
    expect((await stat(lockPath())).mode & 0o777).toBe(0o600);
    const second = await lockFolder(folder, 'npm run cli -- metrics import');
    expect(second).toMatchObject({ kind: 'held', holder: { role: 'bot', pid: process.pid, host: hostname(), socket: null } });
    await lock.setSocket('/tmp/somewhere');
    expect(await lockFolder(folder, 'cli')).toMatchObject({ kind: 'held', holder: { socket: '/tmp/somewhere' } });
    await lock.release();
    await expect(stat(lockPath())).rejects.toThrow(/ENOENT/);
    const third = await acquire('cli');
    expect(third.holder.role).toBe('cli');
  });

  it('takes over a lock from this host whose process has gone', async () => {
    // Not running: process ids are below 2^22 on Linux.
    await writeFile(lockPath(), JSON.stringify({ role: 'bot', pid: 2 ** 22 + 1, host: hostname(), since: '', socket: '/x', token: 'old' }));
    const lock = await acquire('bot');
    expect(JSON.parse(await readFile(lockPath(), 'utf8'))).toMatchObject({ pid: process.pid, socket: null, token: lock.holder.token });
  });

  it('judges a lock from another host by its age: held while touched in the last minute, taken over after', async () => {
    const other = { role: 'bot', pid: 1234, host: 'another-host', since: '', socket: '/x', token: 'theirs' };
    await writeFile(lockPath(), JSON.stringify(other));
    expect(await lockFolder(folder, 'bot')).toMatchObject({ kind: 'held', holder: { host: 'another-host' } });
    const twoMinutesAgo = new Date(Date.now() - 120_000);
    await utimes(lockPath(), twoMinutesAgo, twoMinutesAgo);
    await acquire('bot');
  });

  it('tells the holder when its lock file has been replaced', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const onLost = vi.fn();
    await acquire('bot', onLost);
    await writeFile(lockPath(), JSON.stringify({ role: 'bot', pid: 1, host: 'h', since: '', socket: null, token: 'someone-else' }));
    await vi.advanceTimersByTimeAsync(10_000);
    await vi.waitFor(() => expect(onLost).toHaveBeenCalledTimes(1));
  });
});
