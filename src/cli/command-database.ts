// The database a command-line tool works on. With the embedded database, while the bot (or another
// command) has the PGlite folder open, the command works on that process's database through the socket
// it serves, named in the folder's lock file: two processes never open one folder, so nothing a command
// reports as stored can be overwritten when the bot stops.
import { loadConfig } from '../config.js';
import { openDatabase, type Database } from '../db/database.js';

export async function openCommandDatabase(command: string): Promise<Database> {
  const database = await openDatabase(loadConfig().databaseUrl, { role: command, whenInUse: 'join' });
  if (database.servedBy !== undefined) console.error(`The embedded database is open in ${database.servedBy}: working on it there.`);
  return database;
}
