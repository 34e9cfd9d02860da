// Who is asking, from where, and in which language: what every feature receives from the adapters.
import type { Translate } from './i18n/translator.js';

export type Platform = 'slack' | 'teams';

export interface Actor {
  readonly platform: Platform;
  /** Slack team id or Teams tenant id. */
  readonly workspaceId: string;
  /** Slack user id (U…) or Teams Bot Framework user id (29:…). */
  readonly userId: string;
}

export interface ConversationAddress {
  readonly platform: Platform;
  readonly workspaceId: string;
  /** Slack channel id or Teams conversation id. */
  readonly externalId: string;
  readonly kind: 'channel' | 'group' | 'personal';
}

export interface RequestContext {
  readonly actor: Actor;
  readonly conversation: ConversationAddress;
  readonly locale: string;
  readonly t: Translate;
}
