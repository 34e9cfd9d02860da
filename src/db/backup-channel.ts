// How `npm run cli -- db backup` gets a snapshot of the embedded database while another process (the bot)
// holds its folder. Only the holder can take one: PGlite keeps the database in its own memory, and
// PGlite's PostgreSQL 18 is newer than the pg_dump an operator may have. So the holder serves a second
// Unix socket beside its database socket, in the same folder only its user may enter (0700), and
// answers there with `dumpDataDir`'s tarball.
//
// Who may ask: whoever can enter that folder (the bot's own user, and root) and also read the lock file
// (0600) in the data folder, since a request must carry the lock's token. Nothing listens on the network,
// and the channel does nothing else: it cannot run SQL or change anything.
//
// The exchange: the client sends `backup <token>\n`; the holder answers `ok <bytes>\n` and the archive,
// or `error <reason>\n`, and closes.
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { unlink } from 'node:fs/promises';
import { createConnection, createServer, type Socket } from 'node:net';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { Readable } from 'node:stream';
import { Transform } from 'node:stream';

/** The backup socket's name, in the folder that holds the database socket. */
export const BACKUP_SOCKET_NAME = '.cop-backup';
/** The longest request line accepted. */
const MAX_REQUEST = 200;

export interface BackupChannel {
  close(): Promise<void>;
}

/** Serves backups on a socket in `socketFolder` to requests carrying `token()` (the holder's lock token). */
export async function serveBackups(socketFolder: string, token: () => string, dump: () => Promise<Blob>): Promise<BackupChannel> {
  const path = join(socketFolder, BACKUP_SOCKET_NAME);
  await unlink(path).catch(() => undefined);
  const server = createServer((socket) => answer(socket, token, dump));
  server.listen(path);
  await once(server, 'listening');
  return {
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await unlink(path).catch(() => undefined);
    },
  };
}

function answer(socket: Socket, token: () => string, dump: () => Promise<Blob>): void {
  socket.on('error', () => undefined);
  let request = '';
  const onData = (chunk: Buffer) => {
    request += chunk.toString('utf8');
    if (!request.includes('\n') && request.length <= MAX_REQUEST) return;
    socket.off('data', onData);
    void reply(socket, request.split('\n')[0]!.trim(), token, dump);
  };
  socket.on('data', onData);
}

/** The reason a dump failed, in one line (PGlite's file-system errors are not Error objects). */
function reasonOf(error: unknown): string {
  if (error instanceof Error) return error.message.split('\n')[0] ?? error.name;
  const errno = (error as { errno?: unknown }).errno;
  return typeof errno === 'number' ? `file-system error ${errno}` : String(error);
}

async function reply(socket: Socket, request: string, token: () => string, dump: () => Promise<Blob>): Promise<void> {
  const [verb, given] = request.split(' ');
  if (verb !== 'backup' || given !== token()) {
    socket.end("error the request was not understood, or its token is not this holder's\n");
    return;
  }
  try {
    const archive = Buffer.from(await (await dump()).arrayBuffer());
    socket.write(`ok ${archive.length}\n`);
    socket.end(archive);
  } catch (error) {
    socket.end(`error ${reasonOf(error)}\n`);
  }
}

/** The holder's answer could not be had: no socket, or it refused. */
export class BackupChannelError extends Error {
  override readonly name = 'BackupChannelError';
}

/** Asks the holder serving in `socketFolder` for a backup and writes it to `file`; returns its size in bytes. */
export async function requestBackup(socketFolder: string, token: string, file: string): Promise<number> {
  const socket = createConnection(join(socketFolder, BACKUP_SOCKET_NAME));
  try {
    await once(socket, 'connect');
  } catch (error) {
    socket.destroy();
    throw new BackupChannelError(`its backup socket did not answer (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  socket.write(`backup ${token}\n`);
  // The first line says what follows; the rest is the archive.
  let head = Buffer.alloc(0);
  let expected: number | undefined;
  let received = 0;
  const body = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      if (expected !== undefined) {
        received += chunk.length;
        done(null, chunk);
        return;
      }
      head = Buffer.concat([head, chunk]);
      const end = head.indexOf(0x0a);
      if (end === -1) return done(head.length > MAX_REQUEST ? new BackupChannelError('the holder answered nonsense') : null);
      const line = head.subarray(0, end).toString('utf8');
      const match = /^ok (\d+)$/.exec(line);
      if (!match) return done(new BackupChannelError(line.replace(/^error /, '')));
      expected = Number(match[1]);
      const rest = head.subarray(end + 1);
      received += rest.length;
      done(null, rest);
    },
  });
  await pipeline(socket as Readable, body, createWriteStream(file, { mode: 0o600 }));
  if (expected === undefined || received !== expected) {
    throw new BackupChannelError(`the archive was cut short (${received} of ${expected ?? '?'} bytes)`);
  }
  return received;
}
