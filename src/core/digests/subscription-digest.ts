// A subscription's digest as posted to its channel: the digest itself (built once, shared with the
// channel), with a footer naming the subscription and its schedule, and the sentences that describe a
// schedule. Shared by `digest now` and the scheduler.
import { buildDigest, type DigestMessageServices } from './digest-message.js';
import type { Language } from '../i18n/catalogue.js';
import { languagesFor } from '../i18n/language-choice.js';
import { translator, type Translate } from '../i18n/translator.js';
import { joinLanguages } from '../reply/bilingual.js';
import type { Message } from '../reply/reply.js';
import type { CoreServices } from '../services.js';
import { parseSchedule, zonedText, type Schedule } from './schedule.js';
import type { Subscription } from './subscription-store.js';

/** What building a digest reads, and what puts the commands it shows in each language's words. */
export type SubscriptionDigestServices = DigestMessageServices & Pick<CoreServices, 'commandsIn'>;

/** `every Monday at 09:00 (Europe/London)`, `on the cron schedule 0 7 * * 1-5 (UTC)`. */
export function scheduleText(schedule: Pick<Schedule, 'kind' | 'given' | 'timeZone'>, t: Translate): string {
  if (schedule.kind === 'weekly') return t('subscriptions.when.weekly', { zone: schedule.timeZone });
  if (schedule.kind === 'monthly') return t('subscriptions.when.monthly', { zone: schedule.timeZone });
  return t('subscriptions.when.cron', { expression: schedule.given, zone: schedule.timeZone });
}

/** Schedules read back, by text and zone: many subscriptions share one, and the job reads them all every 30 seconds. */
const readSchedules = new Map<string, Schedule | undefined>();

/** The stored schedule read back; undefined only if it no longer parses (it was checked when saved). */
export function scheduleOf(subscription: Pick<Subscription, 'schedule' | 'timeZone'>): Schedule | undefined {
  const key = `${subscription.schedule}|${subscription.timeZone}`;
  if (!readSchedules.has(key)) {
    if (readSchedules.size >= 1_000) readSchedules.clear();
    const choice = parseSchedule(subscription.schedule, subscription.timeZone);
    readSchedules.set(key, choice.ok ? choice.schedule : undefined);
  }
  return readSchedules.get(key);
}

/** When the subscription is next due after `now`, as words in its zone. */
export function nextDueText(subscription: Subscription, now: Date, t: Translate): string {
  const next = scheduleOf(subscription)?.next(now);
  return next ? zonedText(next, subscription.timeZone, t.language) : t('subscriptions.noNext');
}

export interface PostingOptions {
  readonly now: Date;
  /** The period was due at this instant and is posted late. */
  readonly lateSince?: Date | undefined;
  /** When the previous digest went to this channel. */
  readonly since?: Date | undefined;
}

/**
 * Builds digests for the subscriptions of one run, once for each scope, staff group, options and language
 * (a tick can post many). Each digest is in its channel's language (its setting, else its region's
 * default: NHS Wales channels get Welsh first, then English, in one message).
 */
export class DigestBuilder {
  private readonly built = new Map<string, Promise<Message>>();

  constructor(private readonly services: SubscriptionDigestServices) {}

  async forSubscription(subscription: Subscription, options: PostingOptions): Promise<Message> {
    const languages = languagesFor(subscription.conversation.language);
    return joinLanguages(await Promise.all(languages.map((language) => this.inLanguage(subscription, options, language))));
  }

  private async inLanguage(subscription: Subscription, options: PostingOptions, language: Language): Promise<Message> {
    const t = translator(language);
    const key = JSON.stringify([
      subscription.scope,
      subscription.staffGroup,
      options.lateSince?.toISOString(),
      options.since?.toISOString(),
      language,
    ]);
    let digest = this.built.get(key);
    if (!digest) {
      digest = buildDigest(subscription.scope, this.services, t, {
        ...options,
        visibility: 'shared',
        staffGroup: subscription.staffGroup,
      });
      this.built.set(key, digest);
    }
    const message = await digest;
    const schedule = scheduleOf(subscription);
    const when = schedule ? scheduleText(schedule, t) : subscription.schedule;
    const withFooter: Message = {
      ...message,
      blocks: [...message.blocks, { kind: 'note', text: t('subscriptions.footer', { number: subscription.number, when }) }],
    };
    return this.services.commandsIn(withFooter, language);
  }
}
