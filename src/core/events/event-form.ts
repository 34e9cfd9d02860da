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
  const text = (
    id: string,
    label: string,
    required: boolean,
    maxLength: number,
    initial: string | undefined,
    extra: { multiline?: boolean; placeholder?: string } = {},
  ): Field => ({
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
      options: [
        ...(choices.national ? [{ label: t('events.national'), value: NATIONAL }] : []),
        ...choices.regions.map((region) => ({ label: region.label, value: region.value })),
      ],
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
          text('meetings', t('events.field.meetings', { min: MIN_MEETINGS, max: MAX_MEETINGS }), false, 2, undefined, {
            placeholder: String(DEFAULT_MEETINGS),
          }),
        ] satisfies Field[])),
    {
      kind: 'select',
      id: 'waitlist',
      label: t('events.field.waitlist'),
      required: true,
      options: WAITLIST_MODES.map((mode) => ({ label: t(`events.waitlist.${mode}`), value: mode })),
      initial: [event?.waitlistMode ?? 'automatic'],
    },
    text('offerHours', t('events.field.offerHours'), false, 3, event ? String(event.offerMinutes / 60) : undefined, {
      placeholder: String(DEFAULT_OFFER_HOURS),
    }),
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

export type EventParse =
  { readonly ok: true; readonly event: ParsedEvent } | { readonly ok: false; readonly errors: Record<string, string> };

/** A web link people can open: http(s), a host with a dot (or localhost), no spaces. */
export function isWebLink(value: string): boolean {
  if (/\s/.test(value)) return false;
  try {
    const url = new URL(value);
    return (
      (url.protocol === 'https:' || url.protocol === 'http:') &&
      (url.hostname.includes('.') || url.hostname === 'localhost') &&
      !url.hostname.startsWith('.')
    );
  } catch {
    return false;
  }
}

const WHOLE = /^\d+$/;

type Submission = z.infer<typeof submission>;
/** Problems by field id, in the user's language; a reader that finds one records it and gives undefined. */
type Errors = Record<string, string>;

/** A whole number from `min` to `max` typed in an optional field: `value` is undefined when the field was left empty. */
function wholeNumber(
  text: string | undefined,
  min: number,
  max: number,
): { readonly ok: true; readonly value: number | undefined } | { readonly ok: false } {
  if (!text) return { ok: true, value: undefined };
  const value = Number(text);
  return WHOLE.test(text) && value >= min && value <= max ? { ok: true, value } : { ok: false };
}

/** What the event is, and who hosts it where: the type, title, description, region and host. */
function readAbout(
  input: Submission,
  t: Translate,
  choices: EventFormChoices,
  errors: Errors,
): Pick<ParsedEvent, 'type' | 'title' | 'description' | 'regionCode' | 'hostId'> | undefined {
  const type = EVENT_TYPES.find((candidate) => candidate === input.type);
  if (!type) errors['type'] = t('events.error.type');
  const title = cleanText(input.title ?? '');
  if (title.length < 3 || title.length > MAX_TITLE_LENGTH) errors['title'] = t('events.error.title', { max: MAX_TITLE_LENGTH });
  // The description keeps its lines; other control characters go.
  const description = (input.description ?? '').replace(/[\p{Cf}]|[^\P{Cc}\n]/gu, ' ').trim();
  if (description.length < 1 || description.length > MAX_DESCRIPTION_LENGTH)
    errors['description'] = t('events.error.description', { max: MAX_DESCRIPTION_LENGTH });
  const region = input.region === NATIONAL ? NATIONAL : choices.regions.find((choice) => choice.value === input.region)?.value;
  if (!region) errors['region'] = t('events.error.region');
  const hostId = choices.hosts.find((host) => host.value === input.host)?.value;
  if (!hostId) errors['host'] = t('events.error.host');
  if (!type || !region || !hostId || errors['title'] || errors['description']) return undefined;
  return { type, title, description, regionCode: region === NATIONAL ? null : region, hostId };
}

/** Where it happens: an online meeting's link, a venue, or both (one at least). */
function readWhere(input: Submission, t: Translate, errors: Errors): Pick<ParsedEvent, 'onlineUrl' | 'venue'> | undefined {
  const onlineUrl = input.onlineUrl ? input.onlineUrl : undefined;
  if (onlineUrl !== undefined && (onlineUrl.length > MAX_URL_LENGTH || !isWebLink(onlineUrl)))
    errors['onlineUrl'] = t('events.error.onlineUrl');
  const venue = input.venue ? cleanText(input.venue) : undefined;
  if (venue !== undefined && venue.length > MAX_VENUE_LENGTH) errors['venue'] = t('events.error.venueLength', { max: MAX_VENUE_LENGTH });
  if (!onlineUrl && !venue && !errors['onlineUrl']) errors['venue'] = t('events.error.where');
  return errors['onlineUrl'] || errors['venue'] ? undefined : { onlineUrl, venue };
}

/** The places: a capacity (none for no limit) and how the waitlist moves up, with how long an offer is held. */
function readPlaces(
  input: Submission,
  t: Translate,
  errors: Errors,
): Pick<ParsedEvent, 'capacity' | 'waitlistMode' | 'offerMinutes'> | undefined {
  const capacity = wholeNumber(input.capacity, 1, MAX_CAPACITY);
  if (!capacity.ok) errors['capacity'] = t('events.error.capacity', { max: MAX_CAPACITY });
  const waitlistMode = WAITLIST_MODES.find((mode) => mode === (input.waitlist ?? 'automatic'));
  if (!waitlistMode) errors['waitlist'] = t('events.error.waitlist');
  const offerHours = wholeNumber(input.offerHours, 1, MAX_OFFER_HOURS);
  if (!offerHours.ok) errors['offerHours'] = t('events.error.offerHours', { max: MAX_OFFER_HOURS });
  if (!capacity.ok || !waitlistMode || !offerHours.ok) return undefined;
  return { capacity: capacity.value, waitlistMode, offerMinutes: (offerHours.value ?? DEFAULT_OFFER_HOURS) * 60 };
}

/** How often it repeats and how many meetings (one when editing: one meeting is changed at a time). */
function readRecurrence(
  input: Submission,
  t: Translate,
  editing: boolean,
  errors: Errors,
): { readonly recurrence: Recurrence; readonly count: number } | undefined {
  const recurrence = editing ? 'none' : RECURRENCES.find((candidate) => candidate === (input.recurrence ?? 'none'));
  if (!recurrence) {
    errors['recurrence'] = t('events.error.recurrence');
    return undefined;
  }
  if (recurrence === 'none') return { recurrence, count: 1 };
  const count = wholeNumber(input.meetings, MIN_MEETINGS, MAX_MEETINGS);
  if (!count.ok) {
    errors['meetings'] = t('events.error.meetings', { min: MIN_MEETINGS, max: MAX_MEETINGS });
    return undefined;
  }
  return { recurrence, count: count.value ?? DEFAULT_MEETINGS };
}

/** Why a UK wall-clock time on `date` names no single instant. */
function timeProblem(t: Translate, problem: LocalTimeProblem, date: string): string {
  if (problem === 'skipped') return t('events.error.timeSkipped', { date });
  if (problem === 'repeated') return t('events.error.timeRepeated', { date });
  return t('events.error.time');
}

/**
 * The meetings' starts and ends in UTC, from the UK date and times typed: in the future, ending after
 * they start, each meeting of a series keeping the typed wall-clock times. Without a recurrence (it was
 * refused) the times are still checked.
 */
function readMeetings(
  input: Submission,
  t: Translate,
  now: Date,
  plan: { readonly recurrence: Recurrence; readonly count: number } | undefined,
  errors: Errors,
): Pick<ParsedEvent, 'rule' | 'meetings'> | undefined {
  const date = input.date ?? '';
  if (!ukInstant(date, '12:00').ok) {
    errors['date'] = t('events.error.date');
    return undefined;
  }
  const start = ukInstant(date, input.start ?? '');
  const end = ukInstant(date, input.end ?? '');
  if (!start.ok) errors['start'] = timeProblem(t, start.problem, date);
  if (!end.ok) errors['end'] = timeProblem(t, end.problem, date);
  if (!start.ok || !end.ok) return undefined;
  if (start.instant <= now) errors['date'] = t('events.error.past');
  else if (end.instant <= start.instant) errors['end'] = t('events.error.endBeforeStart');
  if (errors['date'] || errors['end'] || !plan) return undefined;
  const series = meetingStarts(plan.recurrence, date, input.start ?? '', plan.count);
  if (!series.ok) {
    errors['recurrence'] = timeProblem(t, series.problem, series.date);
    return undefined;
  }
  const meetings: { startsAt: Date; endsAt: Date }[] = [];
  for (const startsAt of series.starts) {
    const day = ukDateField(startsAt);
    const ends = ukInstant(day, input.end ?? '');
    if (!ends.ok) {
      errors['recurrence'] = timeProblem(t, ends.problem, day);
      return undefined;
    }
    meetings.push({ startsAt, endsAt: ends.instant });
  }
  return { rule: series.rule, meetings };
}

/**
 * Checks a submission. `editing` leaves out the recurrence (one meeting is changed at a time);
 * `now` is when it was submitted: events start in the future.
 */
export function parseEventForm(values: FormValues, t: Translate, choices: EventFormChoices, now: Date, editing: boolean): EventParse {
  const parsed = submission.safeParse(values);
  if (!parsed.success) return { ok: false, errors: { title: t('events.error.form') } };
  const input = parsed.data;
  const errors: Errors = {};
  const about = readAbout(input, t, choices, errors);
  const where = readWhere(input, t, errors);
  const places = readPlaces(input, t, errors);
  const plan = readRecurrence(input, t, editing, errors);
  const when = readMeetings(input, t, now, plan, errors);
  if (!about || !where || !places || !plan || !when) return { ok: false, errors };
  return { ok: true, event: { ...about, ...where, ...places, recurrence: plan.recurrence, ...when } };
}
