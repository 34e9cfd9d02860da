// A backup of the embedded database is the tarball PGlite's `dumpDataDir` writes (gzip-compressed): the
// PostgreSQL data folder as PGlite keeps it. Before a restore touches anything, the archive is read to
// check that it is one: every entry a plain relative path, and PG_VERSION naming the PostgreSQL major
// version this PGlite runs. Only the names are read here (ustar headers); PGlite itself unpacks it.
import { gunzipSync } from 'node:zlib';

/** The PostgreSQL major version PGlite 0.5 runs (PG_VERSION in its data folder). */
export const PGLITE_POSTGRES_MAJOR = '18';

/** Files the bot keeps in the data folder beside PostgreSQL's own, dropped from a restored folder. */
export const NOT_POSTGRES_FILES = ['cop-bot.lock', 'cop-socket'];

const BLOCK = 512;

export interface ArchiveCheck {
  readonly ok: boolean;
  /** Why it is not a PGlite data folder (one sentence), when it is not. */
  readonly problem?: string;
  /** The PostgreSQL major version the archive's data folder was made by. */
  readonly postgresMajor?: string;
}

function text(block: Uint8Array, start: number, length: number): string {
  const slice = block.subarray(start, start + length);
  const end = slice.indexOf(0);
  return new TextDecoder().decode(end === -1 ? slice : slice.subarray(0, end));
}

/** The entries of an uncompressed tarball: name, type flag and contents (for the small files read here). */
function* tarEntries(tarball: Uint8Array): Generator<{ name: string; type: string; data: Uint8Array }> {
  for (let offset = 0; offset + BLOCK <= tarball.length;) {
    const header = tarball.subarray(offset, offset + BLOCK);
    if (header.every((byte) => byte === 0)) return;
    const magic = text(header, 257, 6);
    const prefix = magic.startsWith('ustar') ? text(header, 345, 155) : '';
    const name = (prefix ? `${prefix}/` : '') + text(header, 0, 100);
    const size = Number.parseInt(text(header, 124, 12).trim() || '0', 8);
    if (!Number.isFinite(size) || size < 0) throw new Error('a header has no readable size');
    const type = text(header, 156, 1) || '0';
    const start = offset + BLOCK;
    if (start + size > tarball.length) throw new Error('the archive is cut short');
    yield { name, type, data: tarball.subarray(start, start + size) };
    offset = start + Math.ceil(size / BLOCK) * BLOCK;
  }
}

/** Checks that `archive` (gzip or plain tar bytes) is a PGlite data folder dump this PGlite can open. */
export function checkPgliteArchive(archive: Uint8Array): ArchiveCheck {
  let tarball: Uint8Array;
  try {
    tarball = archive[0] === 0x1f && archive[1] === 0x8b ? gunzipSync(archive) : archive;
  } catch {
    return { ok: false, problem: 'it is not a readable gzip file' };
  }
  const names = new Set<string>();
  let postgresMajor: string | undefined;
  try {
    for (const entry of tarEntries(tarball)) {
      const name = entry.name.replace(/^\/+/, '').replace(/\/+$/, '');
      if (name.split('/').some((part) => part === '..'))
        return { ok: false, problem: `it names a path outside its folder (${entry.name})` };
      if (!['0', '5'].includes(entry.type)) continue;
      names.add(name);
      if (name === 'PG_VERSION') postgresMajor = new TextDecoder().decode(entry.data).trim();
    }
  } catch (error) {
    return { ok: false, problem: `it is not a readable tar archive (${error instanceof Error ? error.message : String(error)})` };
  }
  if (names.size === 0) return { ok: false, problem: 'it is not a tar archive of a data folder' };
  const missing = ['PG_VERSION', 'global/pg_control', 'base'].filter((name) => !names.has(name));
  if (missing.length > 0) return { ok: false, problem: `it is not a PostgreSQL data folder (no ${missing.join(', ')})` };
  if (postgresMajor !== PGLITE_POSTGRES_MAJOR) {
    return {
      ok: false,
      problem: `its data folder is PostgreSQL ${postgresMajor ?? 'unknown'}, and this PGlite runs PostgreSQL ${PGLITE_POSTGRES_MAJOR}`,
      ...(postgresMajor ? { postgresMajor } : {}),
    };
  }
  return { ok: true, postgresMajor };
}
