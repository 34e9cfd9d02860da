// Structured logging with pino. Personal data and secrets are never passed to the logger on purpose;
// redaction is the safety net for fields that could carry them by accident (request bodies, tokens).
import { pino, type Logger } from 'pino';

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

export function createLogger(level: string, pretty = false): Logger {
  return pino({
    level,
    base: { service: 'cop-bot' },
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    ...(pretty ? { transport: { target: 'pino-pretty', options: { translateTime: 'SYS:HH:MM:ss' } } } : {}),
  });
}
