// What the Slack stand-in received for one file upload (files.getUploadURLExternal, the bytes at the
// upload address it handed out, files.completeUploadExternal), found by the file id a message names.
import type { RecordedRequest, RecordingServer } from '../../src/dev/recording-server.js';

export interface SlackUpload {
  readonly asked: RecordedRequest;
  readonly bytes: Buffer;
  readonly completed: RecordedRequest;
}

/** The file's bytes as posted to the upload address (multipart form data, as the Web client sends them). */
async function uploadedBytes(request: RecordedRequest): Promise<Buffer> {
  const form = await new Response(new Uint8Array(request.bytes), {
    headers: { 'content-type': String(request.headers['content-type']) },
  }).formData();
  const file = [...form.values()].find((value) => typeof value !== 'string');
  if (file === undefined || typeof file === 'string') throw new Error('no file in the upload');
  return Buffer.from(await file.arrayBuffer());
}

/** The upload of the file with this id; fails when any of its three steps did not reach the stand-in. */
export async function slackUpload(slack: RecordingServer, fileId: string): Promise<SlackUpload> {
  const uploads = slack.requests.filter((request) => request.path === `/upload/${fileId}`);
  const completed = slack.requests.filter(
    (request) =>
      request.path === '/files.completeUploadExternal' &&
      JSON.stringify((request.json as { files?: unknown }).files ?? '').includes(`"${fileId}"`),
  );
  if (uploads.length !== 1 || completed.length !== 1)
    throw new Error(`file ${fileId}: ${uploads.length} uploads, ${completed.length} completions`);
  // The request that asked for the upload address came before the upload, naming the file's length.
  const upload = uploads[0]!;
  const bytes = await uploadedBytes(upload);
  const asked = slack.requests
    .slice(0, slack.requests.indexOf(upload))
    .reverse()
    .find(
      (request) => request.path === '/files.getUploadURLExternal' && Number((request.json as { length?: unknown }).length) === bytes.length,
    );
  if (!asked) throw new Error(`file ${fileId}: no files.getUploadURLExternal before its upload`);
  return { asked, bytes, completed: completed[0]! };
}

/** How many uploads the stand-in has been asked for. */
export function uploadsAsked(slack: RecordingServer): number {
  return slack.requests.filter((request) => request.path === '/files.getUploadURLExternal').length;
}

/** The Slack file id the image block of these blocks names, or undefined. */
export function imageFileId(blocks: readonly Record<string, unknown>[]): string | undefined {
  const image = blocks.find((block) => block['type'] === 'image');
  return (image?.['slack_file'] as { id?: string } | undefined)?.id;
}
