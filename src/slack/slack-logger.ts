// Bolt logs through its own Logger interface; this hands its lines to our pino logger.
import { LogLevel, type Logger as BoltLogger } from '@slack/bolt';
import type { Logger } from '../logger.js';

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
  const text = (parts: unknown[]) => parts.map((part) => (part instanceof Error ? part.message : String(part))).join(' ');
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
