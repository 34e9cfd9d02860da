// The transaction port (src/core/transaction.ts) over Prisma: an interactive transaction whose stores
// (events, members, the outbox) all use it. Work queued behind an event's lock waits its turn rather
// than fail; a unit of work is short (one event's answers, or one member's), so the limits are generous.
import type { PrismaClient } from './database.js';
import type { Transaction } from '../core/transaction.js';
import { PrismaEventWrites } from './repositories/event-repository.js';
import { PrismaMemberWrites } from './repositories/member-repository.js';
import { markForRefresh, queueMessages } from './repositories/outbox-repository.js';

/** How long a transaction may wait for a connection (PGlite has one) and then run, in milliseconds. */
const LIMITS = { maxWait: 20_000, timeout: 20_000 } as const;

/** `secret` (COP_SECRET) keys the calendar links of the events read inside. */
export function prismaTransaction(prisma: PrismaClient, secret: string): Transaction {
  return (work) =>
    prisma.$transaction(
      (tx) =>
        work({
          events: new PrismaEventWrites(tx, secret),
          members: new PrismaMemberWrites(tx, secret),
          outbox: { queue: (messages) => queueMessages(tx, messages), refresh: (postKey) => markForRefresh(tx, postKey) },
        }),
      LIMITS,
    );
}
