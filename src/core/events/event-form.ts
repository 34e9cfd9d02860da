// The event form (`event new`, `event edit`): a Slack modal or a Teams card. Every field is checked
// with zod and the UK-time rules; problems show beside their fields and nothing is saved until all
// are right.
import { z } from 'zod';
import type { FormValues } from '../forms/form-handler.js';
import type { Translate } from '../i18n/translator.js';
import type { Choice } from '../members/member.js';
import { cleanText } from '../members/profile-form.js';
import type { Field, Form } from '../reply/reply.js';
import { EVENT_TYPES, WAITLIST_MODES, type EventDetails, type EventRecord } from './event.js';
import { ukDateField, ukInstant, ukTime, type LocalTimeProblem } from './london-time.js';
import { DEFAULT_MEETINGS, MAX_MEETINGS, meetingStarts, MIN_MEETINGS, RECURRENCES, type Recurrence } from './recurrence.js';

export const EVENT_FORM_ID = 'event.form';
export const NATIONAL = 'national';
export const MAX_TITLE_LENGTH = 150;
export const MAX_DESCRIPTION_LENGTH = 2000;
export const MAX_VENUE_LENGTH = 200;
export const MAX_URL_LENGTH = 500;
export const MAX_CAPACITY = 10_000;
export const DEFAULT_OFFER_HOURS = 12;
export const MAX_OFFER_HOURS = 168;

const single = z.preprocess((value: unknown) => (Array.isArray(value) ? (value[0] as unknown) : value), z.string().trim().optional());
const submission = z.object({
  type: single,
  title: single,
  description: single,
  region: single,
  date: single,
  start: single,
  end: single,
  onlineUrl: single,
  venue: single,
  capacity: single,
  host: single,
  recurrence: single,
  meetings: single,
  waitlist: single,
  offerHours: single,
});

export interface EventFormChoices {
  readonly regions: readonly Choice[];
  /** Members who can host, for the host field (the current host first when editing). */
  readonly hosts: readonly Choice[];
  /** National events may be chosen (national admins). */
  readonly national: boolean;
}

/** The form, empty for `event new` (the asker hosts by default) or filled in for `event edit`. */
export function buildEventForm(t: Translate, choices: EventFormChoices, defaults: { readonly hostId: string }, event?: EventRecord): Form {
  const text = (id: string, label: string, required: boolean, maxLength: number, initial: string | undefined, extra: { multiline?: boolean; placeholder?: string } = {}): Field => ({
    kind: 'text',
    id,
    label,
    required,
    maxLength,
    ...extra,
    ...(initial !== undefined ? { initial } : {}),
  });
  const fields: Field[] = [
    {
      kind: 'select',
      id: 'type',
      label: t('events.field.type'),
      required: true,
      options: EVENT_TYPES.map((type) => ({ label: t(`events.type.${type}`), value: type })),
      initial: [event?.type ?? 'masterclass'],
    },
    text('title', t('events.field.title'), true, MAX_TITLE_LENGTH, event?.title),
    text('description', t('events.field.description'), true, MAX_DESCRIPTION_LENGTH, event?.description, { multiline: true }),
    {
      kind: 'select',
      id: 'region',
      label: t('events.field.region'),
      required: true,
      options: [...(choices.national ? [{ label: t('events.national'), value: NATIONAL }] : []), ...choices.regions.map((region) => ({ label: region.label, value: region.value }))],
      ...(event ? { initial: [event.region?.code ?? NATIONAL] } : {}),
    },
    { kind: 'date', id: 'date', label: t('events.field.date'), required: true, ...(event ? { initial: ukDateField(event.startsAt) } : {}) },
    { kind: 'time', id: 'start', label: t('events.field.start'), required: true, ...(event ? { initial: ukTime(event.startsAt) } : {}) },
    { kind: 'time', id: 'end', label: t('events.field.end'), required: true, ...(event ? { initial: ukTime(event.endsAt) } : {}) },
    text('onlineUrl', t('events.field.onlineUrl'), false, MAX_URL_LENGTH, event?.onlineUrl ?? undefined, { placeholder: 'https://' }),
    text('venue', t('events.field.venue'), false, MAX_VENUE_LENGTH, event?.venue ?? undefined),
    text('capacity', t('events.field.capacity'), false, 6, event?.capacity?.toString()),
    {
      kind: 'select',
      id: 'host',
      label: t('events.field.host'),
      required: true,
      options: choices.hosts.map((host) => ({ label: host.label, value: host.value })),
      initial: [event?.host?.id ?? defaults.hostId],
    },
    ...(event
      ? []
      : ([
          {
            kind: 'select',
            id: 'recurrence',
            label: t('events.field.recurrence'),
            required: true,
            options: RECURRENCES.map((recurrence) => ({ label: t(`events.recurrence.${recurrence}`), value: recurrence })),
            initial: ['none'],
          },
          text('meetings', t('events.field.meetings', { min: MIN_MEETINGS, max: MAX_MEETINGS }), false, 2, undefined, { placeholder: String(DEFAULT_MEETINGS) }),
        ] satisfies Field[])),
    {
      kind: 'select',
      id: 'waitlist',
      label: t('events.field.waitlist'),
      required: true,
      options: WAITLIST_MODES.map((mode) => ({ label: t(`events.waitlist.${mode}`), value: mode })),
      initial: [event?.waitlistMode ?? 'automatic'],
    },
    text('offerHours', t('events.field.offerHours'), false, 3, event ? String(event.offerMinutes / 60) : undefined, { placeholder: String(DEFAULT_OFFER_HOURS) }),
  ];
  return {
    kind: 'form',
    id: EVENT_FORM_ID,
    title: event ? t('events.form.editTitle') : t('events.form.title'),
    submitLabel: event ? t('events.form.save') : t('events.form.submit'),
    intro: t('events.form.intro'),
    fields,
    ...(event ? { state: event.id } : {}),
    requiredMessage: t('form.required'),
  };
}

/** The form's details, with the recurrence and the meetings it gives. */
export interface ParsedEvent extends EventDetails {
  readonly recurrence: Recurrence;
  readonly rule: string | undefined;
  readonly meetings: readonly { readonly startsAt: Date; readonly endsAt: Date }[];
}

export type EventParse = { readonly ok: true; readonly event: ParsedEvent } | { readonly ok: false; readonly errors: Record<string, string> };

/** A web link people can open: http(s), a host with a dot (or localhost), no spaces. */
export function isWebLink(value: string): boolean {
  if (/\s/.test(value)) return false;
  try {
    const url = new URL(value);
    return (url.protocol === 'https:' || url.protocol === 'http:') && (url.hostname.includes('.') || url.hostname === 'localhost') && !url.hostname.startsWith('.');
  } catch {
    return false;
  }
}

const WHOLE = /^\d+$/;

/**
 * Checks a submission. `editing` leaves out the recurrence (one meeting is changed at a time);
 * `now` is when it was submitted: events start in the future.
 */
export function parseEventForm(values: FormValues, t: Translate, choices: EventFormChoices, now: Date, editing: boolean): EventParse {
  const parsed = submission.safeParse(values);
  if (!parsed.success) return { ok: false, errors: { title: t('events.error.form') } };
  const input = parsed.data;
  const errors: Record<string, string> = {};

  const type = EVENT_TYPES.find((candidate) => candidate === input.type);
  if (!type) errors['type'] = t('events.error.type');
  const title = cleanText(input.title ?? '');
  if (title.length < 3 || title.length > MAX_TITLE_LENGTH) errors['title'] = t('events.error.title', { max: MAX_TITLE_LENGTH });
  // The description keeps its lines; other control characters go.
  const description = (input.description ?? '').replace(/[\p{Cf}]|[^\P{Cc}\n]/gu, ' ').trim();
  if (description.length < 1 || description.length > MAX_DESCRIPTION_LENGTH) errors['description'] = t('events.error.description', { max: MAX_DESCRIPTION_LENGTH });

  const region = input.region === NATIONAL ? NATIONAL : choices.regions.find((choice) => choice.value === input.region)?.value;
  if (!region) errors['region'] = t('events.error.region');

  const onlineUrl = input.onlineUrl ? input.onlineUrl : undefined;
  if (onlineUrl !== undefined && (onlineUrl.length > MAX_URL_LENGTH || !isWebLink(onlineUrl))) errors['onlineUrl'] = t('events.error.onlineUrl');
  const venue = input.venue ? cleanText(input.venue) : undefined;
  if (venue !== undefined && venue.length > MAX_VENUE_LENGTH) errors['venue'] = t('events.error.venueLength', { max: MAX_VENUE_LENGTH });
  if (!onlineUrl && !venue && !errors['onlineUrl']) errors['venue'] = t('events.error.where');

  let capacity: number | undefined;
  if (input.capacity) {
    capacity = WHOLE.test(input.capacity) ? Number(input.capacity) : Number.NaN;
    if (!Number.isInteger(capacity) || capacity < 1 || capacity > MAX_CAPACITY) errors['capacity'] = t('events.error.capacity', { max: MAX_CAPACITY });
  }

  const hostId = choices.hosts.find((host) => host.value === input.host)?.value;
  if (!hostId) errors['host'] = t('events.error.host');

  const waitlistMode = WAITLIST_MODES.find((mode) => mode === (input.waitlist ?? 'automatic'));
  if (!waitlistMode) errors['waitlist'] = t('events.error.waitlist');
  let offerHours = DEFAULT_OFFER_HOURS;
  if (input.offerHours) {
    offerHours = WHOLE.test(input.offerHours) ? Number(input.offerHours) : Number.NaN;
    if (!Number.isInteger(offerHours) || offerHours < 1 || offerHours > MAX_OFFER_HOURS) errors['offerHours'] = t('events.error.offerHours', { max: MAX_OFFER_HOURS });
  }

  const recurrence = editing ? 'none' : RECURRENCES.find((candidate) => candidate === (input.recurrence ?? 'none'));
  if (!recurrence) errors['recurrence'] = t('events.error.recurrence');
  let count = 1;
  if (recurrence && recurrence !== 'none') {
    count = DEFAULT_MEETINGS;
    if (input.meetings) {
      count = WHOLE.test(input.meetings) ? Number(input.meetings) : Number.NaN;
      if (!Number.isInteger(count) || count < MIN_MEETINGS || count > MAX_MEETINGS) errors['meetings'] = t('events.error.meetings', { min: MIN_MEETINGS, max: MAX_MEETINGS });
    }
  }

  const timeProblem = (problem: LocalTimeProblem, date?: string) =>
    problem === 'skipped'
      ? t('events.error.timeSkipped', { date: date ?? input.date ?? '' })
      : problem === 'repeated'
        ? t('events.error.timeRepeated', { date: date ?? input.date ?? '' })
        : t('events.error.time');
  const date = input.date ?? '';
  const start = ukInstant(date, input.start ?? '');
  const end = ukInstant(date, input.end ?? '');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !ukInstant(date, '12:00').ok) errors['date'] = t('events.error.date');
  else if (!start.ok) errors['start'] = timeProblem(start.problem);
  if (!errors['date'] && !end.ok) errors['end'] = timeProblem(end.problem);
  let meetings: { startsAt: Date; endsAt: Date }[] = [];
  let rule: string | undefined;
  if (start.ok && end.ok && !errors['date']) {
    const minutes = (end.instant.getTime() - start.instant.getTime()) / 60_000;
    if (start.instant <= now) errors['date'] = t('events.error.past');
    else if (minutes <= 0) errors['end'] = t('events.error.endBeforeStart');
    else if (recurrence && !errors['meetings']) {
      const series = meetingStarts(recurrence, date, input.start ?? '', count);
      if (!series.ok) errors['recurrence'] = timeProblem(series.problem, series.date);
      else {
        rule = series.rule;
        // Each meeting keeps the typed wall-clock end: its length is the same in UK time.
        for (const startsAt of series.starts) {
          const day = ukDateField(startsAt);
          const ends = ukInstant(day, input.end ?? '');
          if (!ends.ok) {
            errors['recurrence'] = timeProblem(ends.problem, day);
            break;
          }
          meetings.push({ startsAt, endsAt: ends.instant });
        }
      }
    }
  }

  if (Object.keys(errors).length > 0 || !type || !region || !hostId || !waitlistMode || !recurrence || meetings.length === 0) {
    if (Object.keys(errors).length === 0) errors['date'] = t('events.error.date');
    meetings = [];
    return { ok: false, errors };
  }
  return {
    ok: true,
    event: {
      type,
      title,
      description,
      regionCode: region === NATIONAL ? null : region,
      onlineUrl,
      venue,
      capacity,
      hostId,
      waitlistMode,
      offerMinutes: offerHours * 60,
      recurrence,
      rule,
      meetings,
    },
  };
}
