// After the event: the host (or a facilitator of the region, or a national admin) marks attendance,
// defaulting to those who said they were going, and can send the recording and slides to those who
// attended, with 1-to-5 rating buttons; `event summary` shows the answers, attendance and ratings;
// `my record` gives a member the events they attended, with dates and hours, as CPD evidence (CSV too).
import { z } from 'zod';
import type { CoreServices } from '../services.js';
import { defineCommand, noArguments } from '../commands/command.js';
import { withSubmission, type ActionHandler, type FormHandler } from '../forms/form-handler.js';
import type { Translate } from '../i18n/translator.js';
import { message, textMessage, type Form } from '../reply/reply.js';
import { permissionsOf } from '../roles/permissions.js';
import { DOWNLOAD_MINUTES, downloadBlocks, hoursOf } from './event-files.js';
import { activeMember } from '../members/active-member.js';
import { eventNumber, managedEvent } from './event-commands.js';
import { recordAttendance } from './event-service.js';
import { isWebLink, MAX_URL_LENGTH } from './event-form.js';
import { mayManage } from './event-permissions.js';
import { placesText, RATE_ACTION, recordingButton } from './event-views.js';
import type { Attendee, EventRecord } from './event.js';
import { ukDate, ukRange, ukTimes } from './london-time.js';

/** The services this module's handlers use. */
export type AfterEventServices = Pick<
  CoreServices,
  'clock' | 'configuredAdmins' | 'eventSettings' | 'events' | 'fileLinks' | 'members' | 'outbox' | 'reference' | 'roles' | 'transaction'
>;

export const ATTENDANCE_FORM_ID = 'event.attendance';

function attendanceForm(t: Translate, event: EventRecord, attendees: readonly Attendee[]): Form {
  const candidates = attendees.filter((a) => a.status !== 'not_going');
  return {
    kind: 'form',
    id: ATTENDANCE_FORM_ID,
    title: t('events.attendance.title'),
    submitLabel: t('events.attendance.submit'),
    intro: t('events.attendance.intro', { title: event.title, when: ukRange(event.startsAt, event.endsAt, t.language) }),
    fields: [
      {
        kind: 'select',
        id: 'attended',
        label: t('events.attendance.field'),
        required: false,
        multiple: true,
        options: candidates.map((a) => ({ label: a.organisation ? `${a.name}, ${a.organisation}` : a.name, value: a.memberId })),
        // Those who said they were going, unless attendance was marked before.
        initial: candidates.filter((a) => (a.attended === null ? a.status === 'going' : a.attended)).map((a) => a.memberId),
      },
      {
        kind: 'text',
        id: 'followUp',
        label: t('events.attendance.followUp'),
        required: false,
        maxLength: MAX_URL_LENGTH,
        placeholder: 'https://',
      },
    ],
    state: event.id,
    requiredMessage: t('form.required'),
  };
}

export const eventAttendanceCommand = defineCommand({
  words: 'event attendance',
  cy: ['presenoldeb digwyddiad', 'digwyddiad presenoldeb'],
  args: eventNumber,
  usage: 'event attendance <number>',
  summary: 'events.attendanceSummary',
  needs: 'events.needs.managers',
  examples: ['event attendance 12'],
  async run(number, context, services: AfterEventServices) {
    const { t } = context;
    const managed = await managedEvent(number, context, services);
    if ('kind' in managed) return managed;
    const { event } = managed;
    if (event.status === 'cancelled') return textMessage(t('events.isCancelled'));
    if (event.startsAt > services.clock.now()) return textMessage(t('events.attendance.notYet'));
    return attendanceForm(t, event, await services.events.attendees(event.id));
  },
});

const list = z.preprocess((value) => (typeof value === 'string' ? value.split(',') : (value ?? [])), z.array(z.string()));
const attendanceValues = z.object({
  attended: list,
  followUp: z.preprocess((v) => (Array.isArray(v) ? (v[0] as unknown) : v), z.string().trim().optional()),
});

export const attendanceFormHandler: FormHandler = {
  id: ATTENDANCE_FORM_ID,
  async submit(values, state, context, services: AfterEventServices) {
    const { t } = context;
    const event = state ? await services.events.find(state) : undefined;
    if (!event) return { kind: 'done', reply: textMessage(t('events.unknownButton')) };
    const [permissions, member] = await Promise.all([
      permissionsOf(context.actor, services.roles, services.configuredAdmins),
      activeMember(context, services),
    ]);
    if (!mayManage(permissions, event, member?.id)) return { kind: 'done', reply: textMessage(t('events.refusedManage')) };
    if (event.startsAt > services.clock.now()) return { kind: 'done', reply: textMessage(t('events.attendance.notYet')) };
    const attendees = await services.events.attendees(event.id);
    const parsed = attendanceValues.safeParse(values);
    const errors: Record<string, string> = {};
    const picked = parsed.success ? parsed.data.attended.filter((id) => id !== '') : [];
    if (!parsed.success || picked.some((id) => !attendees.some((a) => a.memberId === id)))
      errors['attended'] = t('events.attendance.unknown');
    const followUp = parsed.success && parsed.data.followUp ? parsed.data.followUp : undefined;
    if (followUp !== undefined && (followUp.length > MAX_URL_LENGTH || !isWebLink(followUp)))
      errors['followUp'] = t('events.error.onlineUrl');
    if (Object.keys(errors).length > 0)
      return { kind: 'invalid', errors, form: withSubmission(attendanceForm(t, event, attendees), values, errors) };
    await recordAttendance(services, event.id, [...new Set(picked)], followUp, services.clock.now());
    if (followUp) services.outbox.wake();
    return {
      kind: 'done',
      reply: textMessage(
        t(followUp ? 'events.attendance.doneSent' : 'events.attendance.done', { count: new Set(picked).size, title: event.title }),
      ),
    };
  },
};

const rateValue = z
  .string()
  .max(100)
  .transform((value) => value.split(':'))
  .pipe(z.tuple([z.uuid(), z.enum(['1', '2', '3', '4', '5'])]));

export const rateAction: ActionHandler = {
  id: RATE_ACTION,
  async run(value, context, services: AfterEventServices) {
    const { t } = context;
    const parsed = rateValue.safeParse(value ?? '');
    if (!parsed.success) return textMessage(t('events.unknownButton'));
    const member = await activeMember(context, services);
    if (!member) return textMessage(t('events.joinFirst'));
    const rated = await services.events.rate(parsed.data[0], member.id, Number(parsed.data[1]));
    return textMessage(rated ? t('events.rate.thanks', { rating: Number(parsed.data[1]) }) : t('events.rate.notAttended'));
  },
};

export const eventSummaryCommand = defineCommand({
  words: 'event summary',
  cy: ['crynodeb digwyddiad', 'digwyddiad crynodeb'],
  args: eventNumber,
  usage: 'event summary <number>',
  summary: 'events.summarySummary',
  needs: 'events.needs.managers',
  examples: ['event summary 12'],
  async run(number, context, services: AfterEventServices) {
    const { t } = context;
    const managed = await managedEvent(number, context, services);
    if ('kind' in managed) return managed;
    const { event } = managed;
    const attendees = await services.events.attendees(event.id);
    const ratings = attendees.flatMap((a) => (a.rating === null ? [] : [a.rating]));
    const average = ratings.length > 0 ? (ratings.reduce((sum, r) => sum + r, 0) / ratings.length).toFixed(1) : '';
    const heading = t('events.summaryHeading', { title: event.title, number: event.number });
    return message(heading, [
      { kind: 'heading', text: heading },
      {
        kind: 'facts',
        facts: [
          { label: t('events.fact.when'), value: ukRange(event.startsAt, event.endsAt, t.language) },
          { label: t('events.summary.answers'), value: t('events.counts', { ...event.counts, places: placesText(t, event) }) },
          {
            label: t('events.summary.attended'),
            value: event.attendanceAt ? String(attendees.filter((a) => a.attended).length) : t('events.summary.notMarked'),
          },
          {
            label: t('events.summary.ratings'),
            value:
              ratings.length > 0
                ? t('events.summary.ratingValue', {
                    average,
                    count: ratings.length,
                    spread: [1, 2, 3, 4, 5].map((n) => `${n}: ${ratings.filter((r) => r === n).length}`).join(', '),
                  })
                : t('events.summary.noRatings'),
          },
          ...(event.followUpUrl ? [{ label: t('events.summary.followUp'), value: t('events.summary.followUpSent') }] : []),
        ],
      },
      ...(event.followUpUrl ? [recordingButton(t, event.followUpUrl)] : []),
    ]);
  },
});

export const myRecordCommand = defineCommand({
  words: 'my record',
  cy: ['fy nghofnod'],
  args: noArguments,
  usage: 'my record',
  summary: 'events.recordSummary',
  needs: 'roles.needs.member',
  examples: ['my record'],
  async run(_args, context, services: AfterEventServices) {
    const { t } = context;
    const member = await activeMember(context, services);
    if (!member) return textMessage(t('events.joinFirst'));
    const attended = await services.events.attendedBy(member.id);
    if (attended.length === 0) return textMessage(t('events.recordEmpty'));
    const hours = attended.reduce((sum, event) => sum + hoursOf(event), 0);
    const heading = t('events.recordHeading');
    return message(heading, [
      { kind: 'heading', text: heading },
      {
        kind: 'list',
        items: attended.map((event) => ({
          title: [{ kind: 'strong', text: event.title }],
          detail: `${ukDate(event.startsAt, t.language)}, ${ukTimes(event.startsAt, event.endsAt, t.language)} (${t('events.recordHours', { hours: hoursOf(event) })}), ${t(`events.type.${event.type}`)}`,
        })),
      },
      { kind: 'text', text: t('events.recordTotal', { count: attended.length, hours: Math.round(hours * 100) / 100 }) },
      ...(await downloadBlocks(
        t,
        t('events.recordCsv', { minutes: DOWNLOAD_MINUTES }),
        { kind: 'record', memberId: member.id },
        services,
        services.clock.now(),
      )),
    ]);
  },
});
