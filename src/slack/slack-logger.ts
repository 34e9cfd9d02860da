// Bolt (and its Web API client) log through their own Logger interface; this hands their lines to our pino
// logger, without the payloads they dump (at debug level, every request and response body: messages,
// names, emails), so that no level of logging holds personal data.
import { LogLevel, type Logger as BoltLogger } from '@slack/bolt';
import { withoutPayload, type Logger } from '../logger.js';

/**
 * Bolt's logger for Socket Mode's connection: the library's own lines (one per try when Slack cannot be
 * reached) go to debug; the adapter logs one line per change of the connection's state instead.
 */
export function quietBoltLogger(logger: Logger): BoltLogger {
  const log = boltLogger(logger);
  const debug = (...parts: unknown[]) => log.debug(...parts);
  return { ...log, info: debug, warn: debug, error: debug };
}

export function boltLogger(logger: Logger): BoltLogger {
  const log = logger.child({ component: 'slack' });
  let level = LogLevel.INFO;
  // Objects are never passed on; errors by their message, which is cut like the rest.
  const text = (parts: unknown[]) =>
    withoutPayload(parts.map((part) => (part instanceof Error ? part.message : typeof part === 'string' ? part : '[object]')).join(' '));
  return {
    debug: (...parts) => log.debug(text(parts)),
    info: (...parts) => log.info(text(parts)),
    warn: (...parts) => log.warn(text(parts)),
    error: (...parts) => log.error(text(parts)),
    setLevel: (next) => {
      level = next;
    },
    getLevel: () => level,
    setName: () => undefined,
  };
}
