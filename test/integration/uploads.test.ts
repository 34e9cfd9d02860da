// Fetching files uploaded to the chat, against a local server: the size limit is checked from
// Content-Length before reading and counted while streaming when there is none, an HTTP error or a
// sign-in page is reported as unavailable, and multi-byte characters split across chunks stay whole.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UploadTooLarge, UploadUnavailable } from '../../src/core/metrics/upload.js';
import { fetchUploadText } from '../../src/metrics/uploads.js';

let server: Server;
let base: string;
const requested: string[] = [];

beforeAll(async () => {
  server = createServer((request, response) => {
    requested.push(request.url ?? '');
    switch (request.url) {
      case '/chunked': {
        // No Content-Length: 3 chunks of 1,000 bytes.
        response.writeHead(200, { 'content-type': 'text/csv' });
        for (let i = 0; i < 3; i += 1) response.write('x'.repeat(1_000));
        response.end();
        return;
      }
      case '/declared':
        response.writeHead(200, { 'content-type': 'text/csv', 'content-length': '5000' });
        response.end('y'.repeat(5_000));
        return;
      case '/split': {
        // "é" is two bytes in UTF-8: written one byte at a time.
        const bytes = Buffer.from('a,é\n', 'utf8');
        response.writeHead(200, { 'content-type': 'text/csv' });
        for (const byte of bytes) response.write(Buffer.from([byte]));
        response.end();
        return;
      }
      case '/login':
        response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        response.end('<html>Sign in</html>');
        return;
      default:
        response.writeHead(404);
        response.end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  let text = '';
  for await (const chunk of stream) text += String(chunk);
  return text;
}

describe('fetchUploadText', () => {
  it('streams a file within the limit, keeping characters split across chunks whole', async () => {
    expect(await readAll(await fetchUploadText(`${base}/chunked`, { maxBytes: 3_000 }))).toBe('x'.repeat(3_000));
    expect(await readAll(await fetchUploadText(`${base}/split`, { maxBytes: 100 }))).toBe('a,é\n');
  });

  it('fails while streaming once more than the limit has arrived, when no size was declared', async () => {
    await expect(readAll(await fetchUploadText(`${base}/chunked`, { maxBytes: 2_999 }))).rejects.toBeInstanceOf(UploadTooLarge);
  });

  it('refuses a declared size over the limit before reading', async () => {
    await expect(fetchUploadText(`${base}/declared`, { maxBytes: 4_999 })).rejects.toBeInstanceOf(UploadTooLarge);
  });

  it('reports an HTTP error or a sign-in page as unavailable', async () => {
    await expect(fetchUploadText(`${base}/missing`, { maxBytes: 100 })).rejects.toBeInstanceOf(UploadUnavailable);
    await expect(fetchUploadText(`${base}/login`, { maxBytes: 100 })).rejects.toBeInstanceOf(UploadUnavailable);
    await expect(fetchUploadText('http://127.0.0.1:1/nothing', { maxBytes: 100 })).rejects.toBeInstanceOf(UploadUnavailable);
  });
});
