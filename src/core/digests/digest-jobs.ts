// The scheduled work of digest subscriptions, run by the scheduler in every bot process with the time
// it is (tests pass a simulated one):
//   1. subscriptions in channels the bot was removed from are paused, and the subscriber told;
//   2. digest posts the outbox gave up on are reported to the subscriber (or who asked), once;
//   3. each active subscription's latest due period (after it was created or resumed) is posted, once:
//      the digest is built outside any transaction, then the period is claimed with a unique row and
//      the post queued in the outbox in one short transaction. Of several processes ticking together,
//      one claims it; after a restart the period is found unclaimed and posted, marked late when it is
//      more than LATE_AFTER_MS old. After downtime spanning several periods only the latest is posted.
import pLimit from 'p-limit';
import { targetName } from './digest-message.js';
import { translator, type Translate } from '../i18n/translator.js';
import type { OutgoingMessage } from '../outbox/outbox.js';
import { message, type Message } from '../reply/reply.js';
import type { CoreServices } from '../services.js';
import { LATE_AFTER_MS, duePeriod, zonedText } from './schedule.js';
import { DigestBuilder, scheduleOf } from './subscription-digest.js';
import type { ScheduledSubscription, Subscription } from './subscription-store.js';

/** The services this module's handlers use. */
export type DigestJobsServices = Pick<
  CoreServices,
  'cases' | 'charts' | 'commandsIn' | 'digestSections' | 'events' | 'metrics' | 'outbox' | 'reference' | 'subscriptions'
>;

export interface DigestJobResult {
  readonly posted: number;
  readonly paused: number;
  readonly reported: number;
}

/** A direct message about a subscription, naming its channel. */
function notice(subscription: Subscription, text: string, t: Translate): Message {
  const { conversation } = subscription;
  return message(text, [
    { kind: 'text', text },
    {
      kind: 'text',
      text: [
        `${t('subscriptions.channelLine')} `,
        { kind: 'channel', platform: conversation.platform, id: conversation.externalId, name: conversation.name },
      ],
    },
  ]);
}

async function notices(
  subscription: Subscription,
  preferred: string | undefined,
  key: string,
  body: Message,
  services: DigestJobsServices,
): Promise<OutgoingMessage[]> {
  const recipients = await services.subscriptions.noticeRecipients(subscription, preferred);
  return recipients.map((memberId) => ({ recipient: { kind: 'member', memberId }, message: body, key: `${key}:${memberId}` }));
}

async function pauseUnreachable(services: DigestJobsServices, t: Translate): Promise<number> {
  let paused = 0;
  for (const subscription of await services.subscriptions.unreachable()) {
    const name = await targetName(subscription, services, t);
    const body = notice(subscription, t('subscriptions.unreachableNotice', { scope: name, number: subscription.number }), t);
    const queued = await notices(
      subscription,
      subscription.subscribedBy,
      `digest-unreachable:${subscription.id}:${subscription.activeSince.toISOString()}`,
      body,
      services,
    );
    if (await services.subscriptions.pauseUnreachable(subscription.id, queued)) paused += 1;
  }
  return paused;
}

async function reportFailures(services: DigestJobsServices, t: Translate): Promise<number> {
  let reported = 0;
  for (const failed of await services.subscriptions.failedPosts()) {
    const { subscription } = failed;
    // A channel the bot was removed from has its own notice (the pause); the failure adds nothing.
    let queued: OutgoingMessage[] = [];
    if (!failed.conversationGone) {
      const name = await targetName(subscription, services, t);
      const due = zonedText(failed.dueAt, subscription.timeZone, t.language);
      const body = notice(
        subscription,
        t('subscriptions.failedNotice', { scope: name, number: subscription.number, due, error: failed.error }),
        t,
      );
      queued = await notices(
        subscription,
        failed.requestedBy ?? subscription.subscribedBy,
        `digest-failed:${failed.postId}`,
        body,
        services,
      );
    }
    if (await services.subscriptions.reportFailure(failed.postId, queued)) reported += 1;
  }
  return reported;
}

/** Periods claimed at once: on a PostgreSQL server each claim is its own short transaction on a pooled connection. */
const CLAIMS_AT_ONCE = 4;

async function postDue(services: DigestJobsServices, now: Date): Promise<number> {
  const builder = new DigestBuilder(services);
  const due: { subscription: ScheduledSubscription; dueAt: Date }[] = [];
  for (const subscription of await services.subscriptions.scheduled()) {
    const schedule = scheduleOf(subscription);
    const dueAt = schedule && duePeriod(schedule, now, subscription.activeSince);
    if (dueAt && !(subscription.lastDueAt && subscription.lastDueAt.getTime() >= dueAt.getTime())) due.push({ subscription, dueAt });
  }
  const claimed = await pLimit(CLAIMS_AT_ONCE).map(due, async ({ subscription, dueAt }) => {
    // Late is judged from the tick's time, not the claim's: a long run does not make its last posts late.
    const late = now.getTime() - dueAt.getTime() > LATE_AFTER_MS;
    const digest = await builder.forSubscription(subscription, {
      now,
      lateSince: late ? dueAt : undefined,
      since: subscription.lastPostedAt,
    });
    return services.subscriptions.claimPeriod({ subscriptionId: subscription.id, dueAt, late, message: digest });
  });
  return claimed.filter(Boolean).length;
}

export async function runDigestJobs(services: DigestJobsServices, now: Date): Promise<DigestJobResult> {
  // Notices to subscribers are in the default language; digests are in their channel's (DigestBuilder).
  const t = translator(undefined);
  const paused = await pauseUnreachable(services, t);
  const reported = await reportFailures(services, t);
  const posted = await postDue(services, now);
  if (paused + reported + posted > 0) services.outbox.wake();
  return { posted, paused, reported };
}
