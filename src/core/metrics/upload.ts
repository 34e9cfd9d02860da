// A metrics CSV shared with the bot in chat (Slack direct message, Teams personal chat): the same import
// and the same report as `npm run cli -- metrics import`. Facilitators may import figures of their
// regions' organisations only (other rows are bad rows, listed), national admins any. Anyone else is
// refused before the file is read, and nothing is stored. The size is checked before reading where the
// platform gives it, and again while the download streams into the importer.
import type { RequestContext } from '../context.js';
import { message, textMessage, type Block, type Message } from '../reply/reply.js';
import { permissionsOf } from '../roles/permissions.js';
import type { CoreServices } from '../services.js';
import { importMetrics, type RecordSource } from './importer.js';
import { importReportLines } from './import-report.js';
import { monthOfDate } from './period.js';

/** The services this module's handlers use. */
export type UploadServices = Pick<CoreServices, 'clock' | 'configuredAdmins' | 'metrics' | 'roles'>;

/** The largest file read from chat. */
export const UPLOAD_MAX_BYTES = 50 * 1024 * 1024;
/** Lines of a report shown in chat; the command line shows up to 1,000. */
export const UPLOAD_REPORT_LINES = 25;
/** Words sent with the file (or typed with it) that import the good rows and leave the bad ones out. */
const SKIP_INVALID = /(^|\s)(--)?skip[- ]invalid(\s|$)/i;

/** Thrown by a download that passes UPLOAD_MAX_BYTES. */
export class UploadTooLarge extends Error {
  constructor() {
    super('the file is larger than the upload limit');
    this.name = 'UploadTooLarge';
  }
}

/** Thrown when the platform would not hand the file over (an HTTP error, a sign-in page instead of the file). */
export class UploadUnavailable extends Error {
  constructor(reason: string) {
    super(`the file could not be downloaded: ${reason}`);
    this.name = 'UploadUnavailable';
  }
}

export interface MetricsUpload {
  /** The file's name as shared (shown in the report and stored as the figures' source). */
  readonly name: string;
  /** In bytes, where the platform says before the download (Slack does; Teams does not). */
  readonly size: number | undefined;
  /** The message sent with the file. */
  readonly text: string;
  /** Starts the download: the file's rows, streamed; throws UploadTooLarge past the limit. */
  open(): RecordSource;
}

const megabytes = (bytes: number) => `${Math.ceil(bytes / (1024 * 1024))} MB`;

/** Whether words sent with a file ask for the good rows only (`skip invalid`, as --skip-invalid). */
export function asksToSkipInvalid(text: string): boolean {
  return SKIP_INVALID.test(text);
}

export async function importUpload(
  upload: MetricsUpload,
  context: RequestContext,
  services: UploadServices,
  now: Date = services.clock.now(),
): Promise<Message> {
  const { t, actor } = context;
  const permissions = await permissionsOf(actor, services.roles, services.configuredAdmins);
  if (!permissions.nationalAdmin && permissions.facilitates.length === 0) return textMessage(t('metrics.upload.refused'));
  if (!/\.csv$/i.test(upload.name)) return textMessage(t('metrics.upload.notCsv', { name: upload.name }));
  if (upload.size !== undefined && upload.size > UPLOAD_MAX_BYTES) {
    return textMessage(
      t('metrics.upload.tooLarge', { name: upload.name, size: megabytes(upload.size), limit: megabytes(UPLOAD_MAX_BYTES) }),
    );
  }
  const skipInvalid = asksToSkipInvalid(upload.text);
  let report;
  try {
    report = await importMetrics(
      upload.open(),
      { skipInvalid, currentMonth: monthOfDate(now), regions: permissions.nationalAdmin ? undefined : new Set(permissions.facilitates) },
      services.metrics,
    );
  } catch (error) {
    // The import's transaction was rolled back: nothing of the file is stored.
    if (error instanceof UploadTooLarge)
      return textMessage(
        t('metrics.upload.tooLarge', { name: upload.name, size: t('metrics.upload.moreThan'), limit: megabytes(UPLOAD_MAX_BYTES) }),
      );
    if (error instanceof UploadUnavailable) return textMessage(t('metrics.upload.unavailable', { name: upload.name }));
    throw error;
  }

  const [first, ...rest] = importReportLines(report, t);
  const shown = rest.slice(0, UPLOAD_REPORT_LINES);
  const blocks: Block[] = [
    { kind: 'heading', text: t('metrics.upload.heading', { name: upload.name }) },
    { kind: 'text', text: [{ kind: 'strong', text: first ?? '' }] },
  ];
  if (shown.length > 0) blocks.push({ kind: 'text', text: shown.join('\n') });
  if (rest.length > shown.length) blocks.push({ kind: 'note', text: t('metrics.upload.moreLines', { count: rest.length - shown.length }) });
  // Rejected for bad rows with some good ones: the chat way of --skip-invalid.
  if (report.outcome === 'rejected' && report.badRows > 0 && report.rowsRead > report.badRows)
    blocks.push({ kind: 'note', text: t('metrics.upload.skipHint') });
  if (report.outcome === 'imported')
    blocks.push({ kind: 'note', text: [t('metrics.upload.preview'), ' ', { kind: 'command', words: 'digest preview' }] });
  return message(first ?? upload.name, blocks);
}
