// The embedded PostgreSQL: PGlite (PostgreSQL compiled to WebAssembly) kept in a folder and served on a
// loopback port, so the bot reaches it through the same `pg` driver adapter as a PostgreSQL server.
import { mkdir } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

/**
 * PGlite's own start parameters (single-user backend, no parallel workers), plus smaller shared buffers:
 * PostgreSQL's 128 MB default costs the bot about 100 MB of memory that a community's data never needs.
 */
const START_PARAMETERS = [
  ...PGlite.defaultStartParams,
  '-c',
  'shared_buffers=32MB',
];

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

export interface EmbeddedPostgres {
  /** A postgresql:// URL for the loopback socket. */
  readonly connectionString: string;
  stop(): Promise<void>;
}

/**
 * Starts PGlite on `dataDir` (or in memory when it is undefined) and serves it on 127.0.0.1 on a free
 * port. PGlite runs one backend; its socket server queues statements and lets an open transaction
 * finish before another connection's statement runs, so `maxConnections` pooled clients are safe.
 */
export async function startEmbeddedPostgres(dataDir: string | undefined, maxConnections: number): Promise<EmbeddedPostgres> {
  if (dataDir !== undefined) await mkdir(dataDir, { recursive: true });
  const db = await PGlite.create({ ...(dataDir === undefined ? {} : { dataDir }), startParams: START_PARAMETERS });
  const server = new PGLiteSocketServer({ db: keepSequencesTogether(db), host: '127.0.0.1', port: 0, maxConnections });
  await server.start();
  return {
    connectionString: `postgresql://postgres@${server.getServerConn()}/postgres?sslmode=disable`,
    async stop() {
      await server.stop();
      await db.close();
    },
  };
}
