// Structured logging with pino. Personal data and secrets are never passed to the logger on purpose;
// redaction is the safety net for fields that could carry them by accident (request bodies, tokens).
import { pino, type DestinationStream, type Logger } from 'pino';

export type { Logger } from 'pino';

const REDACTED_PATHS = [
  '*.token',
  '*.botToken',
  '*.appToken',
  '*.signingSecret',
  '*.password',
  '*.appPassword',
  '*.authorization',
  '*.headers.authorization',
  '*.headers["x-slack-signature"]',
  '*.body',
  '*.text',
  '*.user',
  '*.userId',
  '*.email',
  '*.name',
];

/** A logger at `level`, to standard output (pretty for a person at a terminal), or to `destination` (tests read their lines). */
export function createLogger(level: string, pretty = false, destination?: DestinationStream): Logger {
  const options = {
    level,
    base: { service: 'cop-bot' },
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    ...(pretty && !destination ? { transport: { target: 'pino-pretty', options: { translateTime: 'SYS:HH:MM:ss' } } } : {}),
  };
  return destination ? pino(options, destination) : pino(options);
}

/** Where a library's log message starts dumping data: JSON, an array or a quoted string. */
const PAYLOAD = /[{["]/;

/**
 * A library's log message without the data it dumps. Bolt's Web API client logs every request and
 * response body at debug level (`http request body: {…}`: messages, names, emails), and the Teams SDK
 * logs activities: the lead-in is kept, what follows the first brace, bracket or quote is dropped.
 */
export function withoutPayload(text: string, max = 300): string {
  const at = text.search(PAYLOAD);
  const kept = (at === -1 ? text : text.slice(0, at)).trimEnd();
  const cut = kept.length > max ? kept.slice(0, max) : kept;
  return at === -1 && kept.length <= max ? cut : `${cut} [payload omitted]`;
}
