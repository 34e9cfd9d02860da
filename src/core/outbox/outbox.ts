// Proactive messages: announcements to channels, direct messages to members, and in-place updates of
// posted messages. Features queue them here; a dispatcher (src/core/outbox/dispatcher.ts) sends them
// after the change that caused them has committed, with retries, so no Slack or Teams call is ever made
// inside a database transaction.
import type { Platform } from '../context.js';
import type { Translate } from '../i18n/translator.js';
import type { Message } from '../reply/reply.js';

/**
 * A message built in a given language: the outbox builds it in the recipient's (a member's choice, else
 * their region's default; a channel's setting, else its region's: see i18n/language-resolution.ts), and
 * for "both" once in Welsh and once in English, joined in one message, Welsh first (reply/bilingual.ts).
 */
export type LocalizedMessage = (t: Translate) => Message;

export type Recipient =
  /** A direct message on each platform the member has linked (Slack DM; Teams personal chat where the bot has one). */
  | { readonly kind: 'member'; readonly memberId: string }
  /** A conversation the bot is in (a Conversation row id), e.g. a region's community channel. */
  | { readonly kind: 'conversation'; readonly conversationId: string };

export interface OutgoingMessage {
  readonly recipient: Recipient;
  /** The message, best given as a LocalizedMessage so that it reaches each recipient in their language. */
  readonly message: Message | LocalizedMessage;
  /** Idempotency: a second message with the same key is dropped (unique in the database, so across processes and restarts). */
  readonly key?: string;
  /** Not sent before this time. */
  readonly notBefore?: Date;
  /** Names what the message shows (e.g. `event:<id>`), so `refresh` can re-render it in place later. */
  readonly postKey?: string;
}

/**
 * A view the bot keeps current that was not posted through the outbox: Slack's App Home, or the home
 * card Teams was sent in a personal chat as the answer to an activity.
 */
export interface RememberedPost {
  readonly postKey: string;
  readonly platform: Platform;
  readonly workspaceId: string;
  /** Slack: the user id the view is published for. */
  readonly address: string | undefined;
  /** Teams: the conversation the card is in (its stored reference is where the update goes). */
  readonly conversationExternalId: string | undefined;
  /** What the platform's sender updates (see the Slack sender's APP_HOME_MESSAGE_ID). */
  readonly messageId: string;
  /** The member it shows, so that erasing them removes it. */
  readonly memberId: string | undefined;
}

export interface Outbox {
  /** Queues messages in one transaction of their own; they are delivered after this returns, with retries. */
  send(messages: readonly OutgoingMessage[]): Promise<void>;
  /**
   * Marks every message posted with this postKey for re-rendering from current data. Coalesced: a burst
   * of refreshes causes few updates, and the last one always shows the final state.
   */
  refresh(postKey: string): Promise<void>;
  /** Keeps a view for later refreshes under its post key: one per key and platform (the latest), the member updated. */
  remember(post: RememberedPost): Promise<void>;
  /** Wakes the dispatcher after a repository committed a transaction that queued messages itself. */
  wake(): void;
}
