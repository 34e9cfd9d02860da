// Backups of the embedded database (a PGlite folder): a snapshot taken by the process that holds the
// folder, and a restore into a folder no process holds. A PostgreSQL server is backed up with its own
// tools (pg_dump and pg_restore, see docs/operating.md).
//
// A snapshot is PGlite's `dumpDataDir`: it runs while no statement runs (PGlite's query lock), so it is
// what the files would be after a crash at that instant, and PostgreSQL's recovery at the next open
// makes it consistent: committed work is there, a transaction still open at that instant is not.
import { randomBytes } from 'node:crypto';
import { access, mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { systemClock } from '../core/clock.js';
import { BackupChannelError, requestBackup } from './backup-channel.js';
import { socketConnectionString } from './embedded-postgres.js';
import { lockFolder, type LockHolder } from './folder-lock.js';
import { migrationNames } from './migrations.js';
import { checkPgliteArchive, NOT_POSTGRES_FILES } from './pglite-archive.js';

/** A backup or restore that could not be done, said in one line for the operator; nothing was changed. */
export class BackupError extends Error {
  override readonly name = 'BackupError';
}

/** How long a backup waits for a holder that has not served its database yet (a bot still starting). */
const HOLDER_WAIT_MS = 60_000;
const HOLDER_POLL_MS = 250;

/** The folder a `pglite:<folder>` URL names; refuses anything else, saying what to do instead. */
export function embeddedFolder(databaseUrl: string, action: 'backup' | 'restore'): string {
  if (databaseUrl.startsWith('pglite:') && databaseUrl !== 'pglite:memory') return resolve(databaseUrl.slice('pglite:'.length));
  if (databaseUrl === 'pglite:memory')
    throw new BackupError(`DATABASE_URL is pglite:memory: an in-memory database has nothing to ${action}.`);
  throw new BackupError(
    `DATABASE_URL names a PostgreSQL server: ${action === 'backup' ? 'back it up with pg_dump' : 'restore it with pg_restore'} ` +
      '(see docs/operating.md#backups). This command is for the embedded database.',
  );
}

export interface BackupOutcome {
  readonly bytes: number;
  /** Who took the snapshot: this process (the folder was free) or the holder, in words. */
  readonly takenBy: string;
}

function describe(holder: LockHolder): string {
  return holder.role === 'bot' ? `CoP Bot (process ${holder.pid})` : `${holder.role} (process ${holder.pid})`;
}

/** Writes `file` whole or not at all: into a temporary name beside it, renamed into place when complete. */
async function writeAtomically(file: string, write: (temporary: string) => Promise<number>): Promise<number> {
  const temporary = join(dirname(file), `.${basename(file)}.${randomBytes(4).toString('hex')}.partial`);
  try {
    const bytes = await write(temporary);
    const check = checkPgliteArchive(await readFile(temporary));
    if (!check.ok) throw new BackupError(`The snapshot came out unreadable (${check.problem}); nothing was written to ${file}.`);
    await rename(temporary, file);
    return bytes;
  } finally {
    await rm(temporary, { force: true });
  }
}

/**
 * Takes a snapshot of the PGlite folder `folder` into `file` (a gzip-compressed tarball). When another
 * process holds the folder, the holder takes it and sends it over its backup socket; otherwise this
 * process opens the folder itself, under its lock.
 */
export async function backupEmbedded(folder: string, file: string): Promise<BackupOutcome> {
  try {
    await access(join(folder, 'PG_VERSION'));
  } catch {
    throw new BackupError(`${folder} holds no embedded database (no PG_VERSION): check DATABASE_URL.`);
  }
  await mkdir(dirname(resolve(file)), { recursive: true });
  for (let waited = 0; ; waited += HOLDER_POLL_MS) {
    const attempt = await lockFolder(folder, 'npm run cli -- db backup');
    if (attempt.kind === 'acquired') {
      try {
        const db = await PGlite.create({ dataDir: folder });
        try {
          await db.exec('CHECKPOINT');
          const bytes = await writeAtomically(file, async (temporary) => {
            const archive = Buffer.from(await (await db.dumpDataDir('gzip')).arrayBuffer());
            await writeFile(temporary, archive, { mode: 0o600 });
            return archive.length;
          });
          return { bytes, takenBy: 'this command' };
        } finally {
          await db.close();
        }
      } finally {
        await attempt.lock.release();
      }
    }
    const { holder } = attempt;
    if (holder.socket !== null) {
      if (!holder.socket.startsWith('/')) {
        throw new BackupError(
          `The embedded database is open in ${describe(holder)}, and on this system it has no backup socket: stop it, then back up.`,
        );
      }
      await checkpoint(holder.socket);
      try {
        const bytes = await writeAtomically(file, (temporary) => requestBackup(holder.socket!, holder.token, temporary));
        return { bytes, takenBy: describe(holder) };
      } catch (error) {
        if (!(error instanceof BackupChannelError)) throw error;
        throw new BackupError(
          `The embedded database is open in ${describe(holder)}, which did not give a backup: ${error.message}. ` +
            'Run this as the user that runs the bot. Nothing was written.',
        );
      }
    }
    if (waited >= HOLDER_WAIT_MS) {
      throw new BackupError(
        `The embedded database is open in ${describe(holder)}, which did not serve it within a minute. Nothing was written.`,
      );
    }
    await sleep(HOLDER_POLL_MS);
  }
}

/**
 * Asks the holder's PostgreSQL to write its changed pages to the data files first, through its database
 * socket (the socket server lets a transaction in progress finish first), so that less has to be
 * recovered from the write-ahead log when the backup is opened. A backup without it is still consistent.
 */
async function checkpoint(socketFolder: string): Promise<void> {
  const client = new pg.Client({ connectionString: socketConnectionString(socketFolder), connectionTimeoutMillis: 5_000 });
  try {
    await client.connect();
    await client.query('CHECKPOINT');
  } catch {
    // The backup socket's answer says whether the holder can be reached.
  } finally {
    await client.end().catch(() => undefined);
  }
}

export interface RestoreOutcome {
  /** Migrations recorded in the restored database. */
  readonly migrations: number;
  /** Migrations this version of the bot has that the backup lacks: applied at the next start. */
  readonly pending: number;
  /** Where the folder that was replaced was moved, or undefined when there was none. */
  readonly previous: string | undefined;
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

/**
 * Restores `file` (a `db backup` archive) into the PGlite folder `folder`, which no process may hold.
 * The archive is checked, unpacked into a new folder beside it and opened there (its migrations table
 * read); only then is the old folder moved aside (kept, named in the outcome) and the new one put in place.
 */
export async function restoreEmbedded(folder: string, file: string): Promise<RestoreOutcome> {
  let archive: Buffer;
  try {
    archive = await readFile(file);
  } catch {
    throw new BackupError(`Cannot read ${file}: is the path right? Nothing was changed.`);
  }
  const check = checkPgliteArchive(archive);
  if (!check.ok) throw new BackupError(`${file} is not a backup of the embedded database: ${check.problem}. Nothing was changed.`);

  const hadFolder = await exists(folder);
  if (!hadFolder) await mkdir(folder, { recursive: true, mode: 0o700 });
  const attempt = await lockFolder(folder, 'npm run cli -- db restore');
  if (attempt.kind === 'held') {
    throw new BackupError(
      `The embedded database ${folder} is open in ${describe(attempt.holder)}: stop the bot before restoring. Nothing was changed.`,
    );
  }
  const stamp = systemClock.now().toISOString().replace(/[:.]/g, '-');
  const staging = `${folder}.restoring-${stamp}`;
  try {
    await mkdir(staging, { mode: 0o700 });
    let outcome: { migrations: number; pending: number };
    try {
      outcome = await openRestored(staging, archive, basename(file));
    } catch (error) {
      await rm(staging, { recursive: true, force: true });
      throw error;
    }
    for (const name of NOT_POSTGRES_FILES) await rm(join(staging, name), { recursive: true, force: true });
    // The swap: the old folder aside (with this command's lock in it), the restored one in its place.
    const previous = hadFolder ? `${folder}.before-restore-${stamp}` : undefined;
    if (previous) await rename(folder, previous);
    else await rm(folder, { recursive: true, force: true });
    try {
      await rename(staging, folder);
    } catch (error) {
      if (previous) await rename(previous, folder).catch(() => undefined);
      throw new BackupError(
        `Could not put the restored database in place (${(error as NodeJS.ErrnoException).code ?? String(error)}); ` +
          `the old folder is back, the restored one is in ${staging}.`,
      );
    }
    if (previous) await rm(join(previous, 'cop-bot.lock'), { force: true });
    return { ...outcome, previous };
  } finally {
    await attempt.lock.release();
  }
}

/** Unpacks the archive into `staging` by opening it with PGlite, and reads its migrations table. */
async function openRestored(staging: string, archive: Buffer, name: string): Promise<{ migrations: number; pending: number }> {
  let db: PGlite;
  try {
    db = await PGlite.create({ dataDir: staging, loadDataDir: new Blob([archive], { type: 'application/x-gzip' }) });
  } catch (error) {
    throw new BackupError(
      `${name} could not be opened as a database (${error instanceof Error ? error.message.split('\n')[0] : String(error)}). Nothing was changed.`,
    );
  }
  try {
    const table = await db.query<{ present: boolean }>(`SELECT to_regclass('_prisma_migrations') IS NOT NULL AS present`);
    if (!table.rows[0]?.present) throw new BackupError(`${name} holds a database without CoP Bot's migrations table. Nothing was changed.`);
    const rows = await db.query<{ migration_name: string }>(
      'SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL',
    );
    const applied = new Set(rows.rows.map((row) => row.migration_name));
    const known = await migrationNames();
    const unknown = [...applied].filter((migration) => !known.includes(migration));
    if (unknown.length > 0) {
      throw new BackupError(
        `${name} was made by a newer CoP Bot (migrations this version does not have: ${unknown.join(', ')}): upgrade first. Nothing was changed.`,
      );
    }
    return { migrations: applied.size, pending: known.filter((migration) => !applied.has(migration)).length };
  } finally {
    await db.close();
  }
}
