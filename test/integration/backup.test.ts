// Backups of the embedded database: `npm run cli -- db backup` while the bot runs (the bot takes the
// snapshot and hands it over its backup socket) and while it is stopped, `db restore` into a stopped
// bot's folder, the refusals (a running bot, a file that is not a backup, a PostgreSQL server), and a
// round trip of data: what was committed before the backup is back after the restore, what came after is not.
// The bot runs in this process (startBot, as npm start runs it); the commands run as real processes.
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBot, type RunningBot } from '../../src/app/bot.js';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/logger.js';
import { testDatabase } from '../support/test-database.js';

const run = promisify(execFile);
const root = new URL('../../', import.meta.url).pathname;
/** Each command starts Node and PGlite on a shared, slow machine. */
const LONG = 300_000;
const onPglite = testDatabase().kind === 'pglite';

let folder: string;
let work: string;

async function cli(args: string[], databaseUrl = `pglite:${folder}`): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    // Through a shell, as npm would run it: a lock naming the command's own parent is taken for a restarted
    // container's leftover (folder-lock.ts), and the bot here runs in this test's process.
    const { stdout, stderr } = await run('sh', ['-c', 'node --import tsx src/cli/cli.ts "$@"; exit $?', 'cli', ...args], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: databaseUrl, NODE_ENV: 'test', COP_DEMO_DATA: 'false' },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

async function startFolderBot(): Promise<RunningBot> {
  const config = loadConfig({ PORT: '0', NODE_ENV: 'test', LOG_LEVEL: 'silent', DATABASE_URL: `pglite:${folder}`, COP_DEMO_DATA: 'false' });
  const bot = await startBot(config, createLogger(config.logLevel));
  await bot.ready;
  return bot;
}

async function notes(bot: RunningBot): Promise<string[]> {
  const rows = await bot.database.prisma.$queryRawUnsafe<{ note: string }[]>('SELECT note FROM backup_probe ORDER BY note');
  return rows.map((row) => row.note);
}

describe.skipIf(!onPglite)('db backup and db restore (embedded database)', () => {
  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'cop-backup-'));
    folder = join(work, 'cop');
  });
  afterAll(async () => {
    await rm(work, { recursive: true, force: true });
  });

  it(
    'backs up while the bot runs, refuses to restore under it, and restores into the stopped folder',
    async () => {
      let bot = await startFolderBot();
      try {
        await bot.database.prisma.$executeRawUnsafe('CREATE TABLE backup_probe (note text)');
        await bot.database.prisma.$executeRawUnsafe(`INSERT INTO backup_probe VALUES ('before the backup, café')`);

        const backup = await cli(['db', 'backup', join(work, 'running.tar.gz')]);
        expect(backup.stderr).toBe('');
        expect(backup.code).toBe(0);
        expect(backup.stdout).toMatch(/Backed up .* \(taken by CoP Bot \(process \d+\), which kept running\)\./);
        // The bot went on serving its database.
        await bot.database.prisma.$executeRawUnsafe(`INSERT INTO backup_probe VALUES ('after the backup')`);
        expect(await notes(bot)).toEqual(['after the backup', 'before the backup, café']);

        const refused = await cli(['db', 'restore', join(work, 'running.tar.gz')]);
        expect(refused.code).toBe(1);
        expect(refused.stderr).toMatch(/is open in CoP Bot \(process \d+\): stop the bot before restoring\. Nothing was changed\./);
      } finally {
        await bot.stop();
      }

      const restored = await cli(['db', 'restore', join(work, 'running.tar.gz')]);
      expect(restored.stderr).toBe('');
      expect(restored.code).toBe(0);
      expect(restored.stdout).toMatch(/Restored .* migrations recorded\./);
      const previous = /kept in (\S+):/.exec(restored.stdout)?.[1];
      expect(previous).toBeDefined();
      expect(await readdir(work)).toContain(previous!.slice(work.length + 1));

      bot = await startFolderBot();
      try {
        expect(await notes(bot)).toEqual(['before the backup, café']);
        expect(await bot.database.readinessProblem()).toBeUndefined();
      } finally {
        await bot.stop();
      }
    },
    LONG,
  );

  it(
    'backs up a stopped folder itself, and the backup restores',
    async () => {
      const backup = await cli(['db', 'backup', join(work, 'stopped.tar.gz')]);
      expect(backup.code).toBe(0);
      expect(backup.stdout).not.toMatch(/taken by/);
      const restored = await cli(['db', 'restore', join(work, 'stopped.tar.gz')]);
      expect(restored.code).toBe(0);
      const bot = await startFolderBot();
      try {
        expect(await notes(bot)).toEqual(['before the backup, café']);
      } finally {
        await bot.stop();
      }
    },
    LONG,
  );

  it(
    'refuses a file that is not a backup, a missing file and a PostgreSQL server, changing nothing',
    async () => {
      await writeFile(join(work, 'not-a-backup.tar.gz'), 'member,region\nSam,London\n');
      const before = await readdir(work);
      const garbage = await cli(['db', 'restore', join(work, 'not-a-backup.tar.gz')]);
      expect(garbage.code).toBe(1);
      expect(garbage.stderr).toMatch(/is not a backup of the embedded database: .*Nothing was changed\./);
      const missing = await cli(['db', 'restore', join(work, 'nowhere.tar.gz')]);
      expect(missing.code).toBe(1);
      expect(missing.stderr).toMatch(/Cannot read .*nowhere\.tar\.gz/);
      const server = await cli(['db', 'backup', join(work, 'server.tar.gz')], 'postgresql://postgres@127.0.0.1:5432/test');
      expect(server.code).toBe(1);
      expect(server.stderr).toMatch(/back it up with pg_dump/);
      expect(await readdir(work)).toEqual(before);
      const usage = await cli(['db', 'copy']);
      expect(usage.code).toBe(2);
    },
    LONG,
  );
});
