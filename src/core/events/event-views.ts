// How events look: the announcement posted to community channels (live counts and RSVP buttons), the
// details a member asks for (with their own answer), and a line in a list.
import { regionName } from '../regions/region-names.js';
import { linkButton, RUN_COMMAND_ACTION } from '../actions.js';
import type { Language } from '../i18n/catalogue.js';
import type { Translate } from '../i18n/translator.js';
import type { CoreServices } from '../services.js';
import { message, type Block, type Button, type ListItem, type Message } from '../reply/reply.js';
import type { EventLinks, EventRecord, MyAnswer } from './event.js';
import { typedTitle } from './event-title.js';
import { ukDateField, ukRange } from './london-time.js';
import { weekdayOfMonth } from './recurrence.js';
import { placesLeft } from './rules.js';

/** The services this module's handlers use. */
export type EventViewsServices = Pick<CoreServices, 'eventSettings' | 'events'>;

export const RSVP_ACTION = 'event.rsvp';
/** Under an answer refused to someone who has not joined: the join form, carrying the answer. */
export const JOIN_TO_ANSWER_ACTION = 'event.join';
export const CLAIM_ACTION = 'event.claim';
export const CANCEL_ACTION = 'event.cancel';
/** Cancels every meeting still to come of the series of the meeting the button names. */
export const CANCEL_SERIES_ACTION = 'event.cancelSeries';
export const RATE_ACTION = 'event.rate';

/** Where the bot's files are served: `<publicUrl>calendar/<token>.ics`, with `?lang=cy` for the Welsh file. */
export function calendarLink(publicUrl: string, event: Pick<EventRecord, 'calendarToken'>, language: Language = 'en'): string {
  return `${publicUrl}calendar/${event.calendarToken}.ics${language === 'cy' ? '?lang=cy' : ''}`;
}

/** The venue and whether it is online; the online meeting's address is a button (meetingButtons), not text. */
export function whereText(t: Translate, event: EventRecord): string {
  return (
    [event.venue, event.onlineUrl ? t('events.online') : null].filter((part): part is string => Boolean(part)).join(' · ') ||
    t('events.whereUnknown')
  );
}

/** "Join online", while the event is on and has an online meeting; none otherwise. */
export function meetingButtons(t: Translate, event: EventLinks): Button[] {
  return event.onlineUrl && event.status === 'scheduled' ? [linkButton('meeting', t('events.button.meeting'), event.onlineUrl)] : [];
}

/**
 * The event's calendar file and online meeting as buttons. The calendar button reads "Update your
 * calendar" for those told of a change or a cancellation, and on a cancelled event: opening the file
 * again replaces (or removes) their copy.
 */
export function linkButtons(
  t: Translate,
  event: EventLinks,
  publicUrl: string,
  calendar: 'add' | 'update' = event.status === 'cancelled' ? 'update' : 'add',
): Block {
  const label = calendar === 'add' ? t('events.button.calendar') : t('events.button.calendarUpdate');
  return {
    kind: 'buttons',
    buttons: [linkButton('calendar', label, calendarLink(publicUrl, event, t.language)), ...meetingButtons(t, event)],
  };
}

/** The recording and slides sent after the event (its follow-up link). */
export function recordingButton(t: Translate, followUpUrl: string): Block {
  return { kind: 'buttons', buttons: [linkButton('recording', t('events.button.recording'), followUpUrl)] };
}

/** "n of m places left" (places offered from the waitlist count as taken), or no limit. */
export function placesText(t: Translate, event: EventRecord): string {
  const left = placesLeft(event.capacity, event.counts);
  return event.capacity === null || left === undefined
    ? t('events.counts.noLimit')
    : t('events.counts.places', { left, capacity: event.capacity });
}

function countsText(t: Translate, event: EventRecord): string {
  const { going, maybe, notGoing, waitlisted } = event.counts;
  return t('events.counts', { going, maybe, notGoing, waitlisted, places: placesText(t, event) });
}

/** "Weekly", or for a monthly series "Monthly, on the first Tuesday of the month" (from the meeting's own date). */
export function repeatsText(t: Translate, event: Pick<EventRecord, 'startsAt'>, recurrence: 'weekly' | 'fortnightly' | 'monthly'): string {
  if (recurrence !== 'monthly') return t(`events.recurrence.${recurrence}`);
  const { ordinal, weekday } = weekdayOfMonth(ukDateField(event.startsAt));
  return t('events.recurrence.monthlyOn', {
    ordinal: t(`events.ordinal.${ordinal === -1 ? 'last' : ordinal}`),
    weekday: t(`events.weekday.${weekday as 1 | 2 | 3 | 4 | 5 | 6 | 7}`),
  });
}

function facts(t: Translate, event: EventRecord): Block {
  return {
    kind: 'facts',
    facts: [
      { label: t('events.fact.when'), value: `${ukRange(event.startsAt, event.endsAt, t.language)} ${t('events.ukTime')}` },
      { label: t('events.fact.where'), value: whereText(t, event) },
      { label: t('events.fact.type'), value: t(`events.type.${event.type}`) },
      { label: t('events.fact.region'), value: event.region ? regionName(event.region, t.language) : t('events.national') },
      { label: t('events.fact.host'), value: event.host?.name ?? t('events.noHost') },
      ...(event.series ? [{ label: t('events.fact.repeats'), value: repeatsText(t, event, event.series.recurrence) }] : []),
    ],
  };
}

export function rsvpButtons(t: Translate, event: EventRecord): Block {
  const button = (answer: 'going' | 'maybe' | 'not_going', style?: 'primary'): Button => ({
    label: t(`events.answer.${answer}`),
    action: RSVP_ACTION,
    value: `${event.id}:${answer}`,
    ...(style ? { style } : {}),
  });
  return { kind: 'buttons', buttons: [button('going', 'primary'), button('maybe'), button('not_going')] };
}

const title = (t: Translate, event: EventRecord) => `${typedTitle(t, event)} (#${event.number})`;

/** The post in community channels, re-rendered in place as answers come in. */
export function announcement(t: Translate, event: EventRecord, publicUrl: string): Message {
  const heading = title(t, event);
  if (event.status === 'cancelled') {
    return message(
      t('events.cancelledHeading', { title: heading }),
      [
        { kind: 'heading', text: t('events.cancelledHeading', { title: heading }) },
        { kind: 'text', text: t('events.cancelledText', { when: ukRange(event.startsAt, event.endsAt, t.language) }) },
      ],
      'shared',
    );
  }
  return message(
    heading,
    [
      { kind: 'heading', text: heading },
      { kind: 'text', text: event.description },
      facts(t, event),
      linkButtons(t, event, publicUrl),
      { kind: 'note', text: countsText(t, event) },
      rsvpButtons(t, event),
    ],
    'shared',
  );
}

export function answerText(t: Translate, answer: MyAnswer | undefined): string {
  if (!answer) return t('events.myAnswer.none');
  if (answer.status === 'waitlisted') {
    return answer.offerExpiresAt ? t('events.myAnswer.offered') : t('events.myAnswer.waitlisted', { position: answer.position ?? 0 });
  }
  return t(`events.myAnswer.${answer.status}`);
}

/** `event <number>`: the details, the asker's answer and what they can do. */
export function details(t: Translate, event: EventRecord, answer: MyAnswer | undefined, publicUrl: string, mayManage: boolean): Message {
  const heading = title(t, event);
  const blocks: Block[] = [
    { kind: 'heading', text: heading },
    ...(event.status === 'cancelled' ? [{ kind: 'text' as const, text: t('events.isCancelled') }] : []),
    { kind: 'text', text: event.description },
    facts(t, event),
    linkButtons(t, event, publicUrl),
    { kind: 'note', text: countsText(t, event) },
    { kind: 'text', text: [{ kind: 'strong', text: t('events.myAnswer') }, ` ${answerText(t, answer)}`] },
  ];
  if (event.status === 'scheduled') blocks.push(rsvpButtons(t, event));
  if (mayManage) {
    blocks.push({
      kind: 'buttons',
      buttons: [
        { label: t('events.button.attendees'), action: RUN_COMMAND_ACTION, value: `attendees ${event.number}` },
        { label: t('events.button.edit'), action: RUN_COMMAND_ACTION, value: `event edit ${event.number}` },
        ...(event.status === 'scheduled'
          ? [
              {
                label: t('events.button.cancel'),
                action: RUN_COMMAND_ACTION,
                value: `event cancel ${event.number}`,
                style: 'danger' as const,
              },
            ]
          : []),
      ],
    });
  }
  return message(heading, blocks);
}

export function listItem(t: Translate, event: EventRecord, answer?: MyAnswer): ListItem {
  return {
    title: [{ kind: 'strong', text: `#${event.number} ${event.title}` }],
    detail: [
      `${ukRange(event.startsAt, event.endsAt, t.language)}, ${event.region ? regionName(event.region, t.language) : t('events.national')}, ${t(`events.type.${event.type}`)}`,
      answer ? `. ${answerText(t, answer)}` : '',
    ].join(''),
  };
}

/**
 * A row of the `events` list: the line, then Open (the details) and Going (the announcement's answer).
 * Two buttons a row keeps a page of ten within Slack's 50 blocks and Teams' actions per set.
 */
export function listRow(t: Translate, event: EventRecord): Block[] {
  return [
    { kind: 'list', items: [listItem(t, event)] },
    {
      kind: 'buttons',
      buttons: [
        { label: t('events.button.open'), action: RUN_COMMAND_ACTION, value: `event ${event.number}` },
        { label: t('events.answer.going'), action: RSVP_ACTION, value: `${event.id}:going`, style: 'primary' },
      ],
    },
  ];
}

/** The announcement as it should look now, for in-place updates (in one language of the channel's, as posted). */
export async function renderEventAnnouncement(id: string, services: EventViewsServices, t: Translate): Promise<Message | undefined> {
  const event = await services.events.find(id);
  return event ? announcement(t, event, services.eventSettings.publicUrl) : undefined;
}
