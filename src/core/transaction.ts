// The transaction port: a unit of work runs against stores bound to one database transaction, so the
// core can read, decide with its rules and write, with the locks it asks for, and queue the messages
// that follow, all committed together or not at all. `src/db/transactions.ts` implements it over Prisma.
import type { EventWrites } from './events/event-store.js';
import type { MemberWrites } from './members/member-store.js';
import type { OutgoingMessage } from './outbox/outbox.js';

/** The outbox inside a transaction: messages and refreshes are committed with the change that caused them. */
export interface OutboxWrites {
  /** Queues messages (a key already queued is dropped); returns how many were queued. */
  queue(messages: readonly OutgoingMessage[]): Promise<number>;
  /** Marks every message posted under this key for re-rendering. */
  refresh(postKey: string): Promise<void>;
}

/** The stores a unit of work uses, all bound to the same transaction. */
export interface UnitOfWork {
  readonly events: EventWrites;
  readonly members: MemberWrites;
  readonly outbox: OutboxWrites;
}

/**
 * Runs `work` in one database transaction: committed when it resolves, rolled back when it throws.
 * Transactions queued behind a lock wait their turn (for a while) rather than fail.
 */
export type Transaction = <T>(work: (unit: UnitOfWork) => Promise<T>) => Promise<T>;
