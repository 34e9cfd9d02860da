// CSV files as row sources for the metrics import: papaparse reading a stream (never the whole file in
// memory), as UTF-8 text so that a multi-byte character split across chunks stays whole. A byte-order
// mark and Windows line endings are handled by papaparse; the header's mark is also cleaned by the import.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { Readable } from 'node:stream';
import Papa from 'papaparse';
import type { RecordSource } from '../core/metrics/importer.js';

/** Chunks parsed ahead of the reader before the parser pauses: memory stays small for any file size. */
const CHUNKS_AHEAD = 4;

/**
 * The rows of a CSV stream. Papaparse parses a chunk at a time (its chunk callback is several times
 * faster than its stream interface, which hands rows over one by one); the parser pauses while the
 * reader is behind.
 */
async function* parseStream(input: Readable): AsyncGenerator<readonly string[]> {
  const chunks: string[][][] = [];
  let finished = false;
  let failure: unknown;
  let parser: Papa.Parser | undefined;
  let paused = false;
  let wake: (() => void) | undefined;
  const notify = () => {
    wake?.();
    wake = undefined;
  };
  input.on('error', (error) => {
    failure = error;
    notify();
  });
  Papa.parse<string[]>(input as unknown as Papa.LocalFile, {
    header: false,
    skipEmptyLines: false,
    chunk(results, chunkParser) {
      parser = chunkParser;
      chunks.push(results.data);
      if (chunks.length >= CHUNKS_AHEAD && !paused) {
        paused = true;
        chunkParser.pause();
      }
      notify();
    },
    complete() {
      finished = true;
      notify();
    },
    error(error: Error) {
      failure = error;
      notify();
    },
  });
  try {
    for (;;) {
      const chunk = chunks.shift();
      if (chunk) {
        if (paused && chunks.length < CHUNKS_AHEAD) {
          paused = false;
          parser?.resume();
        }
        yield* chunk;
        continue;
      }
      if (failure) throw failure instanceof Error ? failure : new Error('reading the CSV failed');
      if (finished) return;
      await new Promise<void>((resolve) => (wake = resolve));
    }
  } finally {
    if (!finished) {
      parser?.abort();
      input.destroy();
    }
  }
}

export interface FileSource extends RecordSource {
  readonly size: number;
  /** Bytes read so far by the current pass. */
  bytesRead(): number;
}

export async function csvFileSource(path: string): Promise<FileSource> {
  const { size } = await stat(path);
  let read = 0;
  return {
    name: basename(path),
    size,
    bytesRead: () => read,
    rows() {
      read = 0;
      const stream = createReadStream(path, { encoding: 'utf8' });
      stream.on('data', (chunk) => {
        read = Math.min(size, read + Buffer.byteLength(chunk));
      });
      return parseStream(stream);
    },
  };
}

/** A CSV already in memory (an upload from chat, a test). */
export function csvTextSource(name: string, text: string): RecordSource {
  return { name, rows: () => parseStream(Readable.from([text])) };
}

/**
 * A CSV read from a stream opened when the rows are first asked for (a download from chat): an error
 * while opening or reading, such as UploadTooLarge, reaches the import, whose transaction rolls back.
 */
export function csvStreamSource(name: string, open: () => Promise<Readable>): RecordSource {
  return {
    name,
    async *rows() {
      yield* parseStream(await open());
    },
  };
}
