// `digest subscribe|list|pause|resume|unsubscribe|now`, typed in a channel: a channel's scheduled
// retention digests. Changes are for facilitators of the digest's region (an organisation's region for
// an organisation's digest) and national admins; the national digest is for national admins. Each
// refusal says why and changes nothing; each change is audited with member ids.
import { z } from 'zod';
import { RUN_COMMAND_ACTION } from '../actions.js';
import { defineCommand } from '../commands/command.js';
import type { RequestContext } from '../context.js';
import type { ActionHandler } from '../forms/form-handler.js';
import { staffGroupProblem, targetName } from './digest-message.js';
import { organisationByPartOfName, targetFromWords, unknownScopeReply } from './digest-scope.js';
import { STAFF_PREFIX, takeStaffWords } from './staff-groups.js';
import type { Scope } from '../metrics/metric-store.js';
import { message, textMessage, type Block, type Message, type Reply } from '../reply/reply.js';
import { permissionsOf } from '../roles/permissions.js';
import type { CoreServices } from '../services.js';
import { DEFAULT_TIME_ZONE, parseSchedule, timeZoneNamed, zonedText, type Schedule } from './schedule.js';
import { DigestBuilder, nextDueText, scheduleOf, scheduleText } from './subscription-digest.js';
import type { KnownConversation, Subscription } from './subscription-store.js';

/** The services this module's handlers use. */
export type SubscriptionCommandsServices = Pick<
  CoreServices,
  | 'cases'
  | 'charts'
  | 'clock'
  | 'configuredAdmins'
  | 'commandsIn'
  | 'digestSections'
  | 'events'
  | 'members'
  | 'metrics'
  | 'outbox'
  | 'reference'
  | 'roles'
  | 'subscriptions'
>;

/** A channel can have this many subscriptions (a digest each; and `digest list` stays within Slack's blocks). */
export const MAX_SUBSCRIPTIONS_PER_CHANNEL = 10;

const SCHEDULE_WORDS = new Set(['weekly', 'monthly', 'wythnosol', 'misol']);
/** The schedule words in Welsh, read as the English. */
const WELSH_SCHEDULE_WORDS: Readonly<Record<string, string>> = { wythnosol: 'weekly', misol: 'monthly' };

export interface SubscribeWords {
  readonly scope: string;
  readonly schedule: string;
  readonly timeZone: string | undefined;
}

/** A word that starts a schedule or is a time zone: where a `staff:` group's words end. */
const isScheduleWord = (word: string) =>
  SCHEDULE_WORDS.has(word.toLowerCase()) || /^[\d*?]/.test(word) || word.includes('/') || word.toUpperCase() === 'UTC';

/**
 * Splits `<scope words> <weekly|monthly|five cron fields> [time zone]`. The schedule starts at the first
 * word after the scope that is `weekly`, `monthly` or begins like a cron minute (a digit, `*` or `?`); a
 * last word with a `/` (or `UTC`) after a cron expression is its time zone.
 */
export function splitSubscribeWords(
  words: readonly string[],
): SubscribeWords | { readonly missing: 'scope' | 'schedule'; readonly scope: string } {
  if (words.length === 0) return { missing: 'scope', scope: '' };
  const start = words.findIndex((word, i) => i > 0 && (SCHEDULE_WORDS.has(word.toLowerCase()) || /^[\d*?]/.test(word)));
  if (start < 0) return { missing: 'schedule', scope: words.join(' ') };
  const scope = words.slice(0, start).join(' ');
  const rest = words.slice(start);
  if (SCHEDULE_WORDS.has(rest[0]!.toLowerCase())) {
    const word = rest[0]!.toLowerCase();
    return { scope, schedule: WELSH_SCHEDULE_WORDS[word] ?? word, timeZone: rest.length > 1 ? rest.slice(1).join(' ') : undefined };
  }
  const last = rest.at(-1)!;
  const zoned = rest.length > 1 && ((last.includes('/') && /^[A-Za-z]/.test(last)) || last.toUpperCase() === 'UTC');
  return { scope, schedule: (zoned ? rest.slice(0, -1) : rest).join(' '), timeZone: zoned ? last : undefined };
}

/** The region whose facilitators look after a digest of this scope (none for the nation). */
async function regionOfScope(scope: Scope, services: SubscriptionCommandsServices): Promise<string | undefined> {
  if (scope.kind === 'region') return scope.code;
  if (scope.kind === 'organisation') return (await services.metrics.organisations([scope.code]))[0]?.regionCode ?? undefined;
  return undefined;
}

/** A refusal when the asker may not change this scope's subscriptions; undefined when they may. */
async function refusal(
  scope: Scope,
  name: string,
  context: RequestContext,
  services: SubscriptionCommandsServices,
): Promise<Message | undefined> {
  const permissions = await permissionsOf(context.actor, services.roles, services.configuredAdmins);
  if (permissions.nationalAdmin) return undefined;
  if (scope.kind === 'national') return textMessage(context.t('subscriptions.refusedNational'));
  const region = await regionOfScope(scope, services);
  return region !== undefined && permissions.facilitates.includes(region)
    ? undefined
    : textMessage(context.t('subscriptions.refused', { scope: name }));
}

/** The conversation the command was typed in, or the reply explaining why it cannot have subscriptions. */
async function channelOf(context: RequestContext, services: SubscriptionCommandsServices): Promise<KnownConversation | Message> {
  if (context.conversation.kind === 'personal') return textMessage(context.t('subscriptions.notInChannel'));
  return (await services.subscriptions.knownConversation(context.conversation)) ?? textMessage(context.t('subscriptions.unknownChannel'));
}

const isMessage = (value: unknown): value is Message =>
  typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === 'message';

async function memberIdOf(context: RequestContext, services: SubscriptionCommandsServices): Promise<string | undefined> {
  return (await services.members.findByIdentity(context.actor))?.id;
}

function scheduleRefusal(problem: { problem: string; detail?: string | undefined }, typed: string, context: RequestContext): Message {
  const { t } = context;
  switch (problem.problem) {
    case 'fields':
      return textMessage(t('subscriptions.badCron.fields', { typed }));
    case 'tooOften':
      return textMessage(t('subscriptions.badCron.tooOften', { typed }));
    case 'hashed':
      return textMessage(t('subscriptions.badCron.hashed', { typed }));
    default:
      return textMessage(t('subscriptions.badCron.invalid', { typed, detail: problem.detail ?? '' }));
  }
}

export const digestSubscribeCommand = defineCommand({
  words: 'digest subscribe',
  cy: ['tanysgrifio crynodeb'],
  args: z.array(z.string()),
  usage: 'digest subscribe <region|national|organisation code or name> [staff:<staff group>] <weekly|monthly|cron expression> [time zone]',
  summary: 'subscriptions.subscribeSummary',
  needs: 'subscriptions.needs',
  examples: [
    'digest subscribe london weekly',
    'digest subscribe national monthly',
    'digest subscribe RJ1 0 8 * * 1-5 Europe/London',
    'digest subscribe wales 30 9 * * 2 UTC',
    'digest subscribe north-west weekly staff:nurses',
    'digest subscribe RJ1 midwives monthly',
  ],
  run: subscribe,
});

function listEntry(subscription: Subscription, name: string, schedule: Schedule | undefined, now: Date, context: RequestContext): Block[] {
  const { t } = context;
  const when = schedule ? scheduleText(schedule, t) : subscription.schedule;
  const since = subscription.pausedAt ? zonedText(subscription.pausedAt, subscription.timeZone, t.language) : '';
  const state =
    subscription.pauseReason === 'unreachable'
      ? t('subscriptions.listUnreachable', { when, since })
      : subscription.pausedAt
        ? t('subscriptions.listPaused', { when, since })
        : t('subscriptions.listActive', { when, next: nextDueText(subscription, now, t) });
  const run = (words: string) => `digest ${words} ${subscription.number}`;
  return [
    {
      kind: 'text',
      text: [{ kind: 'strong', text: t('subscriptions.listTitle', { number: subscription.number, scope: name }) }, ` ${state}`],
    },
    {
      kind: 'buttons',
      buttons: [
        subscription.pausedAt
          ? { label: t('subscriptions.button.resume'), action: RUN_COMMAND_ACTION, value: run('resume'), style: 'primary' }
          : { label: t('subscriptions.button.pause'), action: RUN_COMMAND_ACTION, value: run('pause') },
        { label: t('subscriptions.button.now'), action: RUN_COMMAND_ACTION, value: run('now') },
        { label: t('subscriptions.button.unsubscribe'), action: RUN_COMMAND_ACTION, value: run('unsubscribe'), style: 'danger' },
      ],
    },
  ];
}

export const digestListCommand = defineCommand({
  words: 'digest list',
  aliases: ['digest subscriptions'],
  cy: ['rhestr crynodebau', 'crynodebau'],
  args: z.array(z.string()).max(0),
  usage: 'digest list',
  summary: 'subscriptions.listSummary',
  needs: 'subscriptions.listNeeds',
  examples: ['digest list'],
  async run(_args, context, services: SubscriptionCommandsServices) {
    const { t } = context;
    const channel = await channelOf(context, services);
    if (isMessage(channel)) return channel;
    const subscriptions = await services.subscriptions.inConversation(channel.id);
    if (subscriptions.length === 0) return textMessage(t('subscriptions.none'));
    const now = services.clock.now();
    const blocks: Block[] = [{ kind: 'heading', text: t('subscriptions.listHeading') }];
    for (const subscription of subscriptions) {
      blocks.push(...listEntry(subscription, await targetName(subscription, services, t), scheduleOf(subscription), now, context));
    }
    return message(t('subscriptions.listSummaryLine', { count: subscriptions.length }), blocks);
  },
});

/** `[n]`: a subscription number (as `digest list` shows it), optional when the channel has one. */
const numberArgs = z
  .array(z.string().regex(/^#?\d{1,9}$/))
  .max(1)
  .transform((words) => ({ number: words[0] === undefined ? undefined : Number(words[0].replace('#', '')) }));

interface Target {
  readonly channel: KnownConversation;
  readonly subscription: Subscription;
  readonly name: string;
  readonly memberId: string | undefined;
}

/** The subscription a command names, checked against the channel and the asker's roles. */
async function target(
  number: number | undefined,
  words: string,
  context: RequestContext,
  services: SubscriptionCommandsServices,
): Promise<Target | Message> {
  const { t } = context;
  const channel = await channelOf(context, services);
  if (isMessage(channel)) return channel;
  const subscriptions = await services.subscriptions.inConversation(channel.id);
  if (subscriptions.length === 0) return textMessage(t('subscriptions.none'));
  if (number === undefined && subscriptions.length > 1) {
    const numbers = subscriptions.map((one) => one.number).join(', ');
    return textMessage(t('subscriptions.whichOne', { numbers, command: `digest ${words} ${subscriptions[0]!.number}` }));
  }
  const subscription = number === undefined ? subscriptions[0] : subscriptions.find((one) => one.number === number);
  if (!subscription) return textMessage(t('subscriptions.notHere', { number: String(number) }));
  const name = await targetName(subscription, services, t);
  const refused = await refusal(subscription.scope, name, context, services);
  if (refused) return refused;
  return { channel, subscription, name, memberId: await memberIdOf(context, services) };
}

export const digestPauseCommand = defineCommand({
  words: 'digest pause',
  cy: ['oedi crynodeb'],
  args: numberArgs,
  usage: 'digest pause [n]',
  summary: 'subscriptions.pauseSummary',
  needs: 'subscriptions.needs',
  examples: ['digest pause', 'digest pause 3'],
  async run(args, context, services: SubscriptionCommandsServices) {
    const found = await target(args.number, 'pause', context, services);
    if (isMessage(found)) return found;
    const { subscription, name } = found;
    const changed = await services.subscriptions.setPaused(subscription.id, true, found.memberId, services.clock.now());
    if (!changed) return textMessage(context.t('subscriptions.alreadyPaused', { number: subscription.number }));
    return textMessage(context.t('subscriptions.paused', { scope: name, number: subscription.number }), 'shared');
  },
});

export const digestResumeCommand = defineCommand({
  words: 'digest resume',
  cy: ['ailddechrau crynodeb'],
  args: numberArgs,
  usage: 'digest resume [n]',
  summary: 'subscriptions.resumeSummary',
  needs: 'subscriptions.needs',
  examples: ['digest resume', 'digest resume 3'],
  async run(args, context, services: SubscriptionCommandsServices) {
    const found = await target(args.number, 'resume', context, services);
    if (isMessage(found)) return found;
    const { subscription, name } = found;
    const now = services.clock.now();
    const changed = await services.subscriptions.setPaused(subscription.id, false, found.memberId, now);
    if (!changed) return textMessage(context.t('subscriptions.notPaused', { number: subscription.number }));
    return textMessage(
      context.t('subscriptions.resumed', { scope: name, number: subscription.number, next: nextDueText(subscription, now, context.t) }),
      'shared',
    );
  },
});

export const UNSUBSCRIBE_ACTION = 'digest.unsubscribe';

export const digestUnsubscribeCommand = defineCommand({
  words: 'digest unsubscribe',
  aliases: ['digest stop'],
  cy: ['dad-danysgrifio crynodeb'],
  args: numberArgs,
  usage: 'digest unsubscribe [n]',
  summary: 'subscriptions.unsubscribeSummary',
  needs: 'subscriptions.needs',
  examples: ['digest unsubscribe', 'digest unsubscribe 3'],
  async run(args, context, services: SubscriptionCommandsServices) {
    const { t } = context;
    const found = await target(args.number, 'unsubscribe', context, services);
    if (isMessage(found)) return found;
    // Deleting is not undone by a click: ask first, and offer pausing instead. Asked in the channel (Teams
    // would otherwise take it to the personal chat, where a click could not name the channel).
    const { subscription, name } = found;
    const schedule = scheduleOf(subscription);
    const question = t('subscriptions.unsubscribeConfirm', {
      scope: name,
      number: subscription.number,
      when: schedule ? scheduleText(schedule, t) : subscription.schedule,
    });
    return message(
      question,
      [
        { kind: 'text', text: question },
        {
          kind: 'buttons',
          buttons: [
            { label: t('subscriptions.button.unsubscribeConfirm'), action: UNSUBSCRIBE_ACTION, value: subscription.id, style: 'danger' },
            ...(subscription.pausedAt
              ? []
              : [
                  {
                    label: t('subscriptions.button.pauseInstead'),
                    action: RUN_COMMAND_ACTION,
                    value: `digest pause ${subscription.number}`,
                  },
                ]),
          ],
        },
      ],
      'shared',
    );
  },
});

/** The confirmed unsubscribe: checked again (the channel clicked in, the clicker's roles) before it deletes. */
export const unsubscribeAction: ActionHandler = {
  id: UNSUBSCRIBE_ACTION,
  async run(value, context, services: SubscriptionCommandsServices) {
    const { t } = context;
    const channel = await channelOf(context, services);
    if (isMessage(channel)) return channel;
    // The button names the subscription by id; only one of this channel's subscriptions is acted on.
    const subscription = (await services.subscriptions.inConversation(channel.id)).find((one) => one.id === value);
    if (!subscription) return textMessage(t('subscriptions.goneNoNumber'));
    const found = await target(subscription.number, 'unsubscribe', context, services);
    if (isMessage(found)) return found;
    if (!(await services.subscriptions.unsubscribe(subscription.id, found.memberId)))
      return textMessage(t('subscriptions.gone', { number: subscription.number }));
    return textMessage(t('subscriptions.unsubscribed', { scope: found.name, number: subscription.number }), 'shared');
  },
};

/** A time zone word after a schedule: a name with a `/`, or UTC. */
const isZoneWord = (word: string) => (word.includes('/') && /^[A-Za-z]/.test(word)) || word.toUpperCase() === 'UTC';

/**
 * `digest schedule [n] <weekly|monthly|cron expression> [time zone]`. A cron expression begins with a
 * number too, so the first word is the subscription's number when `weekly` or `monthly` follows it, when
 * five cron fields follow it, or when too few words follow it to be a cron expression of their own.
 */
export function rescheduleWords(words: readonly string[]): { readonly number: number | undefined; readonly words: readonly string[] } {
  const fields = words.length > 0 && isZoneWord(words.at(-1)!) ? words.length - 1 : words.length;
  const numbered = /^#?\d{1,9}$/.test(words[0] ?? '') && (SCHEDULE_WORDS.has((words[1] ?? '').toLowerCase()) || fields >= 6 || fields < 5);
  return { number: numbered ? Number(words[0]!.replace('#', '')) : undefined, words: numbered ? words.slice(1) : words };
}

const rescheduleArgs = z.array(z.string()).transform(rescheduleWords);

export const digestScheduleCommand = defineCommand({
  words: 'digest schedule',
  aliases: ['digest reschedule'],
  cy: ['amserlen crynodeb'],
  args: rescheduleArgs,
  usage: 'digest schedule [n] <weekly|monthly|cron expression> [time zone]',
  summary: 'subscriptions.scheduleSummary',
  needs: 'subscriptions.needs',
  examples: ['digest schedule 2 monthly', 'digest schedule 1 0 8 * * 1-5 Europe/London', 'digest schedule weekly'],
  async run(args, context, services: SubscriptionCommandsServices) {
    const { t } = context;
    // The schedule is read as `digest subscribe` reads it after the scope.
    const split = splitSubscribeWords(['-', ...args.words]);
    if ('missing' in split) return textMessage(t('subscriptions.scheduleMissing'));
    const found = await target(args.number, 'schedule', context, services);
    if (isMessage(found)) return found;
    const timeZone = split.timeZone === undefined ? found.subscription.timeZone : timeZoneNamed(split.timeZone);
    if (timeZone === undefined) return textMessage(t('subscriptions.badTimeZone', { typed: split.timeZone ?? '' }));
    const parsed = parseSchedule(split.schedule, timeZone);
    if (!parsed.ok) return scheduleRefusal(parsed, split.schedule, context);
    const { subscription, name } = found;
    if (subscription.schedule === parsed.schedule.given && subscription.timeZone === timeZone)
      return textMessage(t('subscriptions.scheduleSame', { number: subscription.number, when: scheduleText(parsed.schedule, t) }));
    const now = services.clock.now();
    if (!(await services.subscriptions.reschedule(subscription.id, parsed.schedule.given, timeZone, found.memberId, now)))
      return textMessage(t('subscriptions.gone', { number: subscription.number }));
    const next = parsed.schedule.next(now);
    return textMessage(
      t('subscriptions.rescheduled', {
        scope: name,
        number: subscription.number,
        when: scheduleText(parsed.schedule, t),
        next: next ? zonedText(next, timeZone, t.language) : t('subscriptions.noNext'),
      }),
      'shared',
    );
  },
});

export const digestNowCommand = defineCommand({
  words: 'digest now',
  cy: ['crynodeb nawr'],
  args: numberArgs,
  usage: 'digest now [n]',
  summary: 'subscriptions.nowSummary',
  needs: 'subscriptions.needs',
  examples: ['digest now', 'digest now 3'],
  async run(args, context, services: SubscriptionCommandsServices) {
    const found = await target(args.number, 'now', context, services);
    if (isMessage(found)) return found;
    const { subscription, name } = found;
    const now = services.clock.now();
    // Built before the short transaction that records and queues it: a digest reads a lot.
    const since = await services.subscriptions.lastPostedAt(subscription.id);
    const digest = await new DigestBuilder(services).forSubscription(subscription, { now, since });
    if (!(await services.subscriptions.postNow(subscription.id, digest, found.memberId, now)))
      return textMessage(context.t('subscriptions.unknownChannel'));
    services.outbox.wake();
    return textMessage(context.t('subscriptions.queuedNow', { scope: name }));
  },
});

async function subscribe(words: string[], context: RequestContext, services: SubscriptionCommandsServices): Promise<Reply> {
  const { t } = context;
  const channel = await channelOf(context, services);
  if (isMessage(channel)) return channel;
  // `staff:<group>` may come anywhere: before or after the schedule.
  const { words: rest, staff } = takeStaffWords(words, isScheduleWord);
  const split = splitSubscribeWords(rest);
  if ('missing' in split)
    return textMessage(
      split.missing === 'scope' ? t('subscriptions.missingScope') : t('subscriptions.missingSchedule', { typed: split.scope }),
    );
  const scopeWords = split.scope.split(' ').filter((word) => word !== '');
  const choice = await targetFromWords(
    staff === undefined ? scopeWords : [...scopeWords, `${STAFF_PREFIX}${staff}`],
    context.actor,
    services,
  );
  if (choice.kind === 'unknown') {
    const named = await organisationByPartOfName(choice.typed, words, 'digest subscribe', services, t);
    if (named?.kind === 'words') return subscribe(named.words, context, services);
    if (named) return named.reply;
    return unknownScopeReply(
      choice.typed,
      words,
      'digest subscribe',
      t('subscriptions.unknownScope', { typed: choice.typed }),
      services,
      t,
    );
  }
  if (choice.kind === 'unknownStaffGroup') return staffGroupProblem(choice, services, t);
  const timeZone = split.timeZone === undefined ? DEFAULT_TIME_ZONE : timeZoneNamed(split.timeZone);
  if (timeZone === undefined) return textMessage(t('subscriptions.badTimeZone', { typed: split.timeZone ?? '' }));
  const parsed = parseSchedule(split.schedule, timeZone);
  if (!parsed.ok) return scheduleRefusal(parsed, split.schedule, context);
  const { scope, staffGroup } = choice.target;
  const name = await targetName(choice.target, services, t);
  const refused = await refusal(scope, name, context, services);
  if (refused) return refused;

  const outcome = await services.subscriptions.subscribe({
    conversationId: channel.id,
    scope,
    staffGroup,
    schedule: parsed.schedule.given,
    timeZone,
    byMemberId: await memberIdOf(context, services),
  });
  if (outcome.kind === 'full') return textMessage(t('subscriptions.full', { max: MAX_SUBSCRIPTIONS_PER_CHANNEL }));
  if (outcome.kind === 'exists') return textMessage(t('subscriptions.exists', { scope: name, number: outcome.subscription.number }));
  const next = parsed.schedule.next(services.clock.now());
  return textMessage(
    t('subscriptions.subscribed', {
      scope: name,
      number: outcome.subscription.number,
      when: scheduleText(parsed.schedule, t),
      next: next ? zonedText(next, timeZone, t.language) : t('subscriptions.noNext'),
    }),
    'shared',
  );
}
