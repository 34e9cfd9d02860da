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

/** What the platform says about the conversation a request came from, for commands that record it. */
export interface ConversationDetails {
  /** Channel or team name when the platform gives one. */
  readonly name?: string | undefined;
  /** What a later proactive post needs: the Bot Framework conversation reference for Teams. */
  readonly reference?: Readonly<Record<string, unknown>> | undefined;
}

export interface RequestContext {
  readonly actor: Actor;
  readonly conversation: ConversationAddress;
  /** Given by adapters that know more about the conversation than its address (e.g. `channel link`). */
  readonly conversationDetails?: ConversationDetails | undefined;
  readonly locale: string;
  readonly t: Translate;
  /**
   * The person's email address as their platform has verified it, looked up only when called (Slack
   * users.info, Teams conversation member). Undefined when the platform does not give one or the lookup
   * failed (the adapter logs that, without personal data). Used for matching only; never stored.
   */
  readonly verifiedEmail?: (() => Promise<string | undefined>) | undefined;
  /**
   * The person's locale as their platform gives it: with each activity (Teams), or looked up only when
   * called (Slack users.info), for the language rule (i18n/language-resolution.ts). Undefined: none known.
   */
  readonly platformLocale?: (() => Promise<string | undefined>) | undefined;
}
