// Fetches a file uploaded to the chat as a stream for the metrics import, never holding it whole in memory.
// The size is checked before reading (Content-Length, when given) and counted while streaming: past the
// limit the stream fails with UploadTooLarge, the import's transaction rolls back, and nothing is stored.
import { pipeline, Readable, Transform, type TransformCallback } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { UploadTooLarge, UploadUnavailable } from '../core/metrics/upload.js';

export interface UploadFetchOptions {
  readonly headers?: Readonly<Record<string, string>>;
  readonly maxBytes: number;
}

/** Fails the stream as soon as more than `maxBytes` have passed through. */
function byteLimit(maxBytes: number): Transform {
  let seen = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, done: TransformCallback) {
      seen += chunk.length;
      if (seen > maxBytes) done(new UploadTooLarge());
      else done(null, chunk);
    },
  });
}

/** The body of `url`, as UTF-8 text chunks (a character split across network chunks stays whole). */
export async function fetchUploadText(url: string, options: UploadFetchOptions): Promise<Readable> {
  let response: Response;
  try {
    response = await fetch(url, { headers: { ...options.headers }, redirect: 'follow' });
  } catch (error) {
    throw new UploadUnavailable(error instanceof Error ? error.message : 'network error');
  }
  if (!response.ok || !response.body) {
    await response.body?.cancel();
    throw new UploadUnavailable(`HTTP ${response.status}`);
  }
  // Slack answers a download without the files:read scope with its sign-in page, not an error.
  if ((response.headers.get('content-type') ?? '').startsWith('text/html')) {
    await response.body.cancel();
    throw new UploadUnavailable('a web page came back instead of the file');
  }
  const length = Number(response.headers.get('content-length'));
  if (Number.isFinite(length) && length > options.maxBytes) {
    await response.body.cancel();
    throw new UploadTooLarge();
  }
  const limited = byteLimit(options.maxBytes);
  // pipeline passes a failure of either stream on to `limited`, which the CSV parser reads and listens to.
  pipeline(Readable.fromWeb(response.body as WebReadableStream<Uint8Array>), limited, () => undefined);
  limited.setEncoding('utf8');
  return limited;
}
