// English sentences of digest subscriptions; part of the catalogue in src/core/i18n/en.ts.
import { plural } from '../i18n/plural.js';

export const subscriptionsEn = {
  'subscriptions.subscribeSummary':
    'Post a retention digest to this channel on a schedule: weekly (Mondays 09:00), monthly (the first working day, 09:00) or a cron expression, in a time zone (Europe/London if none); for all staff, or one staff group with staff:<group>',
  'subscriptions.listSummary': 'This channel’s digest subscriptions, with when each is next due',
  'subscriptions.pauseSummary': 'Pause one of this channel’s digest subscriptions',
  'subscriptions.resumeSummary': 'Resume a paused digest subscription (periods missed while paused are not posted)',
  'subscriptions.unsubscribeSummary': 'Stop one of this channel’s digest subscriptions',
  'subscriptions.scheduleSummary':
    'Change when one of this channel’s digests is posted: weekly, monthly or a cron expression, in a time zone (its own if none)',
  'subscriptions.nowSummary': 'Post a subscribed digest to this channel now',
  'subscriptions.needs': 'Facilitators of the digest’s region (national admins for the national digest), in the channel itself',
  'subscriptions.listNeeds': 'Anyone, in the channel itself',

  'subscriptions.notInChannel':
    'Digest subscriptions belong to channels: type this in the channel that should get the digest, not in a personal chat.',
  'subscriptions.unknownChannel':
    'I am not in this channel yet, so I could not post a digest here. Add me first (Slack: /invite @CoP Bot; Teams: add the app to the team), then try again.',
  'subscriptions.missingScope':
    'Say what the digest is about and when, for example: digest subscribe london weekly, or digest subscribe national monthly.',
  'subscriptions.missingSchedule': (p: { typed: string }) =>
    `Say when to post the digest after "${p.typed}": weekly (Mondays 09:00), monthly (the first working day of the month, 09:00) or a cron expression such as 0 9 * * 1.`,
  'subscriptions.unknownScope': (p: { typed: string }) =>
    `I don't know "${p.typed}" as a region, national or an organisation code or name. Try digest subscribe london weekly, digest subscribe RJ1 monthly or digest subscribe london weekly staff:nurses.`,
  'subscriptions.badTimeZone': (p: { typed: string }) =>
    `"${p.typed}" is not a time zone I know. Use an IANA name such as Europe/London (the default), Europe/Dublin or UTC.`,
  'subscriptions.badCron.fields': (p: { typed: string }) =>
    `"${p.typed}" is not a schedule. Use weekly, monthly, or a cron expression of five fields (minute hour day-of-month month day-of-week), such as 0 9 * * 1 for Mondays at 09:00.`,
  'subscriptions.badCron.invalid': (p: { typed: string; detail: string }) =>
    `"${p.typed}" is not a cron expression I can read (${p.detail}). For example, 0 9 * * 1 is Mondays at 09:00.`,
  'subscriptions.badCron.tooOften': (p: { typed: string }) =>
    `"${p.typed}" would post more than once a day. A digest can go at most once a day, so give one minute and one hour, such as 0 9 * * 1-5 (weekdays at 09:00).`,
  'subscriptions.badCron.hashed': (p: { typed: string }) =>
    `"${p.typed}" uses H (a time picked at random), which I cannot use: give the minute and hour as numbers.`,
  'subscriptions.refused': (p: { scope: string }) =>
    `Only a facilitator of the digest’s region or a national admin can change the ${p.scope} digest subscriptions, so nothing was changed.`,
  'subscriptions.refusedNational': 'Only a national admin can change the national digest subscriptions, so nothing was changed.',
  'subscriptions.exists': (p: { scope: string; number: number }) =>
    `This channel already gets the ${p.scope} digest (subscription ${p.number}), so nothing was changed. To change its schedule, type digest schedule ${p.number} and the new schedule.`,
  'subscriptions.full': (p: { max: number }) =>
    `This channel already has ${p.max} digest subscriptions, the most a channel can have, so nothing was changed.`,
  'subscriptions.subscribed': (p: { scope: string; number: number; when: string; next: string }) =>
    `Done: this channel gets the ${p.scope} retention digest ${p.when} (subscription ${p.number}). The first is due ${p.next}. This change is recorded.`,
  'subscriptions.when.weekly': (p: { zone: string }) => `every Monday at 09:00 (${p.zone})`,
  'subscriptions.when.monthly': (p: { zone: string }) => `at 09:00 on the first working day of each month (${p.zone})`,
  'subscriptions.when.cron': (p: { expression: string; zone: string }) => `on the cron schedule ${p.expression} (${p.zone})`,
  'subscriptions.noNext': 'never: the schedule names no date to come',

  'subscriptions.none': 'This channel has no digest subscriptions. A facilitator can add one: digest subscribe london weekly.',
  'subscriptions.listHeading': 'Digest subscriptions in this channel',
  'subscriptions.listSummaryLine': (p: { count: number }) =>
    `${plural(p.count, { one: 'digest subscription', other: 'digest subscriptions' })} in this channel`,
  'subscriptions.listTitle': (p: { number: number; scope: string }) => `${p.number}. ${p.scope}`,
  'subscriptions.listActive': (p: { when: string; next: string }) => `Posted ${p.when}. Next: ${p.next}.`,
  'subscriptions.listPaused': (p: { when: string; since: string }) => `Paused since ${p.since} by a facilitator (${p.when}).`,
  'subscriptions.listUnreachable': (p: { when: string; since: string }) =>
    `Paused since ${p.since}: I could not post in this channel (${p.when}). Resume it once I am back in the channel.`,
  'subscriptions.button.pause': 'Pause',
  'subscriptions.button.resume': 'Resume',
  'subscriptions.button.unsubscribe': 'Unsubscribe',
  'subscriptions.button.now': 'Post now',

  'subscriptions.whichOne': (p: { numbers: string; command: string }) =>
    `This channel has several digest subscriptions (${p.numbers}): say which, for example ${p.command}. digest list shows them.`,
  'subscriptions.notHere': (p: { number: string }) =>
    `This channel has no digest subscription ${p.number}. digest list shows this channel’s subscriptions.`,
  'subscriptions.paused': (p: { scope: string; number: number }) =>
    `Paused: the ${p.scope} digest (subscription ${p.number}) will not be posted here until a facilitator resumes it. This change is recorded.`,
  'subscriptions.alreadyPaused': (p: { number: number }) => `Subscription ${p.number} is already paused: nothing changed.`,
  'subscriptions.resumed': (p: { scope: string; number: number; next: string }) =>
    `Resumed: the ${p.scope} digest (subscription ${p.number}) is next due ${p.next}. Periods missed while it was paused are not posted. This change is recorded.`,
  'subscriptions.notPaused': (p: { number: number }) => `Subscription ${p.number} is not paused: nothing changed.`,
  'subscriptions.unsubscribed': (p: { scope: string; number: number }) =>
    `Done: this channel no longer gets the ${p.scope} digest (subscription ${p.number}). This change is recorded.`,
  'subscriptions.unsubscribeConfirm': (p: { scope: string; number: number; when: string }) =>
    `Stop the ${p.scope} digest (subscription ${p.number}) in this channel? It is posted ${p.when}. This cannot be undone: to have it again, someone subscribes afresh. To stop it for a while instead, pause it.`,
  'subscriptions.button.unsubscribeConfirm': 'Stop this digest',
  'subscriptions.button.pauseInstead': 'Pause instead',
  'subscriptions.goneNoNumber': 'That digest subscription is no longer in this channel: nothing changed.',
  'subscriptions.scheduleMissing':
    'Say the new schedule, for example: digest schedule 2 monthly, or digest schedule 2 0 8 * * 1-5 Europe/London. digest list shows the numbers.',
  'subscriptions.scheduleSame': (p: { number: number; when: string }) =>
    `Subscription ${p.number} is already posted ${p.when}: nothing changed.`,
  'subscriptions.rescheduled': (p: { scope: string; number: number; when: string; next: string }) =>
    `Done: the ${p.scope} digest (subscription ${p.number}) is now posted ${p.when}. The next is due ${p.next}. This change is recorded.`,
  'subscriptions.gone': (p: { number: number }) => `Subscription ${p.number} no longer exists: nothing changed.`,
  'subscriptions.queuedNow': (p: { scope: string }) => `The ${p.scope} digest is on its way to this channel. This is recorded.`,

  'subscriptions.footer': (p: { number: number; when: string }) =>
    `Subscription ${p.number}: posted ${p.when}. Facilitators can pause or stop it with digest list.`,
  'subscriptions.failedNotice': (p: { scope: string; number: number; due: string; error: string }) =>
    `The ${p.scope} retention digest (subscription ${p.number}, due ${p.due}) could not be posted in the channel below after several tries (the platform answered ${p.error}). The next period will be tried as usual; digest now in the channel posts it again.`,
  'subscriptions.unreachableNotice': (p: { scope: string; number: number }) =>
    `I can no longer post in the channel below (I was removed from it, or it was archived or deleted), so the ${p.scope} retention digest (subscription ${p.number}) is paused there. Add me back and type digest resume ${p.number} in the channel to start it again.`,
  'subscriptions.channelLine': 'Channel:',
} as const;
