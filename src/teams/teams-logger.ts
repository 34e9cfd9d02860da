// The Teams SDK's logger, routed through the bot's own. The SDK passes whole activities, response bodies
// and request paths as extra log arguments (its debug log holds every inbound activity): those can name
// people and hold what they typed, so only the message text of the first argument and, for errors, their
// name and HTTP status are kept.
import type { ILogger, ILoggerOptions, LogLevel } from '@microsoft/teams.common';
import { withoutPayload, type Logger } from '../logger.js';
import { httpStatusOf } from './http-status.js';

/** What may be logged of one SDK log argument. */
function safeDetail(argument: unknown): Record<string, unknown> | undefined {
  if (!(argument instanceof Error)) return undefined;
  const status = httpStatusOf(argument) ?? (argument as { status?: unknown }).status;
  return { errorName: argument.name, ...(typeof status === 'number' ? { status } : {}) };
}

function write(logger: Logger, level: LogLevel, args: readonly unknown[]): void {
  const [first, ...rest] = args;
  // The SDK's own sentences are fixed text, cut where they start dumping data; anything else (objects,
  // errors) is reduced to safe details.
  const text = typeof first === 'string' ? withoutPayload(first) : 'Teams SDK event';
  const details = [first, ...rest].map(safeDetail).find((detail) => detail !== undefined) ?? {};
  const dropped = rest.filter((argument) => !(argument instanceof Error)).length;
  const fields = { component: 'teams-sdk', ...details, ...(dropped > 0 ? { omittedArguments: dropped } : {}) };
  switch (level) {
    case 'error':
      logger.error(fields, text);
      break;
    case 'warn':
      logger.warn(fields, text);
      break;
    case 'info':
      logger.info(fields, text);
      break;
    default:
      logger.debug(fields, text);
  }
}

export function teamsSdkLogger(logger: Logger, name = 'teams'): ILogger {
  const child = logger.child({ sdk: name });
  return {
    loggerOptions: { level: 'debug' } satisfies ILoggerOptions,
    debug: (...args: unknown[]) => write(child, 'debug', args),
    info: (...args: unknown[]) => write(child, 'info', args),
    warn: (...args: unknown[]) => write(child, 'warn', args),
    error: (...args: unknown[]) => write(child, 'error', args),
    trace: (...args: unknown[]) => write(child, 'trace', args),
    log: (level: LogLevel, ...args: unknown[]) => write(child, level, args),
    child: (childName: string) => teamsSdkLogger(logger, `${name}/${childName}`),
  };
}
