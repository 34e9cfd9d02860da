// `npm run cli -- db backup <file>`: a snapshot of the embedded database, also while the bot runs (the
// bot takes it and hands it over, see src/db/backup-channel.ts). `npm run cli -- db restore <file>`: puts
// a snapshot back into the folder of a stopped bot, after checking it. A PostgreSQL server is backed up
// with pg_dump and pg_restore instead (docs/operating.md#backups).
import { loadConfig } from '../../config.js';
import { backupEmbedded, BackupError, embeddedFolder, restoreEmbedded } from '../../db/backup.js';
import type { Subcommand } from '../subcommand.js';

const USAGE = `Usage:
  npm run cli -- db backup <file.tar.gz>    a snapshot of the embedded database (the bot may keep running)
  npm run cli -- db restore <file.tar.gz>   puts a snapshot back (stop the bot first)`;

const megabytes = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;

async function run(args: readonly string[]): Promise<number> {
  const [action, file, ...extra] = args;
  if ((action !== 'backup' && action !== 'restore') || !file || extra.length > 0) {
    console.error(USAGE);
    return 2;
  }
  try {
    const folder = embeddedFolder(loadConfig().databaseUrl, action);
    if (action === 'backup') {
      const outcome = await backupEmbedded(folder, file);
      const by = outcome.takenBy === 'this command' ? '' : ` (taken by ${outcome.takenBy}, which kept running)`;
      console.log(`Backed up ${folder} to ${file}: ${megabytes(outcome.bytes)}${by}.`);
      return 0;
    }
    const outcome = await restoreEmbedded(folder, file);
    console.log(`Restored ${file} into ${folder}: ${outcome.migrations} migrations recorded.`);
    if (outcome.pending > 0) console.log(`${outcome.pending} newer migrations will be applied when the bot starts.`);
    if (outcome.previous) console.log(`The folder it replaced is kept in ${outcome.previous}: delete it once the bot runs well.`);
    return 0;
  } catch (error) {
    if (!(error instanceof BackupError)) throw error;
    console.error(error.message);
    return 1;
  }
}

export const subcommand: Subcommand = {
  description: 'back up or restore the embedded database (db backup <file>, db restore <file>)',
  run,
};
