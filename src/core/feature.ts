// What a feature brings to the bot, declared once in its `index.ts`: commands (typed, or the same words
// in Teams), buttons' actions, forms, renderers for posts that show live data, sections it adds to
// digests, and scheduled jobs. BotCore combines the list in features.ts; the adapters route whatever
// it declares. A feature's sentences live beside it in `messages.en.ts`, combined in i18n/en.ts.
import type { Command } from './commands/command.js';
import type { DigestSection } from './digests/digest-section.js';
import type { ActionHandler, FormHandler } from './forms/form-handler.js';
import type { Translate } from './i18n/translator.js';
import type { Message } from './reply/reply.js';
import type { CoreServices } from './services.js';

/**
 * The message a post shows now, re-rendered from the database in one language (BotCore calls it once per
 * language of the channel's choice), or undefined to leave the posted one.
 */
export type PostRenderer = (id: string, services: CoreServices, t: Translate) => Promise<Message | undefined>;

/** Periodic work that claims what is due in the database, so every bot process can run it safely. */
export interface ScheduledJob {
  readonly name: string;
  /** A node-cron expression with seconds, in UK time. */
  readonly schedule: string;
  run(services: CoreServices, now: Date): Promise<void>;
}

export interface Feature {
  readonly name: string;
  /** In the order `help` lists them. */
  readonly commands?: readonly Command[];
  readonly actions?: readonly ActionHandler[];
  readonly forms?: readonly FormHandler[];
  /** By post kind (see outbox/post-key.ts). */
  readonly postRenderers?: Readonly<Record<string, PostRenderer>>;
  readonly digestSections?: readonly DigestSection[];
  readonly jobs?: readonly ScheduledJob[];
}
