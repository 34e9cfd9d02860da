// Event commands: `event new`, `events [region]`, `event <number>`, `my events`, `event edit`,
// `event cancel` (with a confirmation button), and the event form's submission. Permissions are
// checked on every use and every click.
import { z } from 'zod';
import { RUN_COMMAND_ACTION } from '../actions.js';
import { defineCommand, noArguments } from '../commands/command.js';
import type { RequestContext } from '../context.js';
import { withSubmission, type ActionHandler, type FormHandler } from '../forms/form-handler.js';
import type { MemberRecord } from '../members/member.js';
import { findRegion, unknownRegionReply } from '../regions/region-names.js';
import { message, textMessage, type Block, type Message } from '../reply/reply.js';
import { permissionsOf, type Permissions } from '../roles/permissions.js';
import type { CoreServices } from '../services.js';
import type { EventRecord } from './event.js';
import { buildEventForm, EVENT_FORM_ID, parseEventForm, type EventFormChoices } from './event-form.js';
import { mayManage, mayOrganise } from './event-permissions.js';
import { CANCEL_ACTION, CANCEL_SERIES_ACTION, details, listItem, listRow } from './event-views.js';
import { ukDate, ukDateAndTime } from './london-time.js';
import { cancelEvent, cancelMeetings, createEvent, updateEvent } from './event-service.js';
import { activeMember } from '../members/active-member.js';

/** The services this module's handlers use. */
export type EventCommandsServices = Pick<
  CoreServices,
  'clock' | 'configuredAdmins' | 'eventSettings' | 'events' | 'members' | 'outbox' | 'reference' | 'roles' | 'transaction'
>;

export const EVENTS_PAGE_SIZE = 10;
export const HOST_OPTIONS_LIMIT = 500;
const PAGE = /^page:(\d{1,5})$/i;

/** `12` or `#12`: an event's number. */
export const eventNumber = z
  .array(z.string())
  .length(1)
  .transform((words, context) => {
    const match = /^#?(\d{1,9})$/.exec(words[0] ?? '');
    if (!match) {
      context.addIssue({ code: 'custom', message: 'an event number' });
      return z.NEVER;
    }
    return Number(match[1]);
  });

async function formChoices(services: EventCommandsServices, permissions: Permissions, extraHost?: string): Promise<EventFormChoices> {
  const [regions, hosts] = await Promise.all([services.reference.regions(), services.events.hosts('', HOST_OPTIONS_LIMIT)]);
  const extra = extraHost && !hosts.some((host) => host.value === extraHost) ? await services.events.host(extraHost) : undefined;
  return {
    // Only the regions the person may organise in are offered; national events for national admins.
    regions: regions.filter((region) => mayOrganise(permissions, region.value)),
    hosts: extra ? [extra, ...hosts] : hosts,
    national: permissions.nationalAdmin,
  };
}

/** The event a number names, with the asker's permissions; or the reply saying why not. */
export async function managedEvent(
  number: number,
  context: RequestContext,
  services: EventCommandsServices,
): Promise<{ event: EventRecord; member: MemberRecord | undefined } | Message> {
  const { t } = context;
  const event = await services.events.findByNumber(number);
  if (!event) return textMessage(t('events.unknown', { number }));
  const [permissions, member] = await Promise.all([
    permissionsOf(context.actor, services.roles, services.configuredAdmins),
    activeMember(context, services),
  ]);
  if (!mayManage(permissions, event, member?.id)) return textMessage(t('events.refusedManage'));
  return { event, member };
}

export const eventNewCommand = defineCommand({
  words: 'event new',
  aliases: ['events new'],
  cy: ['digwyddiad newydd'],
  args: noArguments,
  usage: 'event new',
  summary: 'events.newSummary',
  needs: 'events.needs.organisers',
  examples: ['event new'],
  async run(_args, context, services: EventCommandsServices) {
    const { t } = context;
    const member = await activeMember(context, services);
    if (!member) return textMessage(t('events.joinFirst'));
    const permissions = await permissionsOf(context.actor, services.roles, services.configuredAdmins);
    if (!permissions.nationalAdmin && permissions.facilitates.length === 0) return textMessage(t('events.refusedCreate'));
    return buildEventForm(t, await formChoices(services, permissions, member.id), { hostId: member.id });
  },
});

export const eventEditCommand = defineCommand({
  words: 'event edit',
  cy: ['golygu digwyddiad', 'digwyddiad golygu'],
  args: eventNumber,
  usage: 'event edit <number>',
  summary: 'events.editSummary',
  needs: 'events.needs.managers',
  examples: ['event edit 12'],
  async run(number, context, services: EventCommandsServices) {
    const found = await managedEvent(number, context, services);
    if ('kind' in found) return found;
    if (found.event.status === 'cancelled') return textMessage(context.t('events.isCancelled'));
    const permissions = await permissionsOf(context.actor, services.roles, services.configuredAdmins);
    const choices = await formChoices(services, permissions, found.event.host?.id);
    // A host who is not a facilitator keeps the event where it is.
    const region = found.event.region;
    const regions =
      region && !choices.regions.some((r) => r.value === region.code)
        ? [{ value: region.code, label: region.name }, ...choices.regions]
        : choices.regions;
    return buildEventForm(
      context.t,
      { ...choices, regions, national: choices.national || region === null },
      { hostId: found.event.host?.id ?? '' },
      found.event,
    );
  },
});

/** The meetings of `event`'s series still to come and scheduled (with `event` itself while scheduled), by start. */
async function meetingsToCome(event: EventRecord, services: EventCommandsServices): Promise<readonly EventRecord[]> {
  if (!event.series) return [];
  const now = services.clock.now();
  return (await services.events.seriesMeetings(event.series.id))
    .filter((meeting) => meeting.status === 'scheduled' && (meeting.startsAt > now || meeting.id === event.id))
    .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
}

export const eventCancelCommand = defineCommand({
  words: 'event cancel',
  cy: ['canslo digwyddiad', 'digwyddiad canslo'],
  args: eventNumber,
  usage: 'event cancel <number>',
  summary: 'events.cancelSummary',
  needs: 'events.needs.managers',
  examples: ['event cancel 12'],
  async run(number, context, services: EventCommandsServices) {
    const { t } = context;
    const found = await managedEvent(number, context, services);
    if ('kind' in found) return found;
    const { event } = found;
    if (event.status === 'cancelled') return textMessage(t('events.alreadyCancelled'));
    const series = await meetingsToCome(event, services);
    const last = series.at(-1);
    // A meeting of a series with others to come: this meeting, or the whole series?
    if (last && series.length > 1) {
      const text = t('events.cancelChoose', {
        title: event.title,
        when: ukDateAndTime(event.startsAt),
        count: series.length,
        last: ukDateAndTime(last.startsAt),
      });
      return message(text, [
        { kind: 'text', text },
        {
          kind: 'buttons',
          buttons: [
            {
              label: t('events.button.cancelMeeting', { date: ukDate(event.startsAt) }),
              action: CANCEL_ACTION,
              value: event.id,
              style: 'danger',
            },
            {
              label: t('events.button.cancelSeries', { count: series.length }),
              action: CANCEL_SERIES_ACTION,
              value: event.id,
              style: 'danger',
            },
          ],
        },
      ]);
    }
    const text = t('events.cancelConfirm', {
      title: event.title,
      people: event.counts.going + event.counts.maybe + event.counts.waitlisted,
    });
    return message(text, [
      { kind: 'text', text },
      {
        kind: 'buttons',
        buttons: [{ label: t('events.button.cancelConfirm'), action: CANCEL_ACTION, value: event.id, style: 'danger' }],
      },
    ]);
  },
});

/** The event a cancel button names, with the clicker's right to manage it checked again; or the reply saying why not. */
async function clickedEvent(value: string | undefined, context: RequestContext, services: EventCommandsServices) {
  const id = z.uuid().safeParse(value);
  const event = id.success ? await services.events.find(id.data) : undefined;
  if (!event) return textMessage(context.t('events.unknownButton'));
  return managedEvent(event.number, context, services);
}

export const cancelEventAction: ActionHandler = {
  id: CANCEL_ACTION,
  async run(value, context, services: EventCommandsServices) {
    const { t } = context;
    const found = await clickedEvent(value, context, services);
    if ('kind' in found) return found;
    const { event } = found;
    const by = found.member?.id ?? 'configured admin';
    const cancelled = await cancelEvent(services, event.id, by, services.clock.now());
    if (!cancelled) return textMessage(t('events.alreadyCancelled'));
    services.outbox.wake();
    return textMessage(
      event.series
        ? t('events.cancelledMeeting', { title: event.title, when: ukDateAndTime(event.startsAt) })
        : t('events.cancelled', { title: event.title }),
    );
  },
};

export const cancelSeriesAction: ActionHandler = {
  id: CANCEL_SERIES_ACTION,
  async run(value, context, services: EventCommandsServices) {
    const { t } = context;
    const found = await clickedEvent(value, context, services);
    if ('kind' in found) return found;
    const permissions = await permissionsOf(context.actor, services.roles, services.configuredAdmins);
    // Each meeting is checked: a meeting given another host is not the clicker's to cancel unless they organise the region.
    const meetings = (await meetingsToCome(found.event, services)).filter((meeting) => mayManage(permissions, meeting, found.member?.id));
    const by = found.member?.id ?? 'configured admin';
    const cancelled = await cancelMeetings(
      services,
      meetings.map((meeting) => meeting.id),
      by,
      services.clock.now(),
    );
    if (cancelled.length === 0) return textMessage(t('events.alreadyCancelled'));
    services.outbox.wake();
    const text = t('events.cancelledSeries', { title: found.event.title, count: cancelled.length });
    return message(text, [
      { kind: 'text', text },
      { kind: 'list', items: cancelled.map((meeting) => ({ title: `#${meeting.number}`, detail: ukDateAndTime(meeting.startsAt) })) },
    ]);
  },
};

export const eventFormHandler: FormHandler = {
  id: EVENT_FORM_ID,
  async submit(values, state, context, services: EventCommandsServices) {
    const { t } = context;
    const member = await activeMember(context, services);
    if (!member) return { kind: 'done', reply: textMessage(t('events.joinFirst')) };
    const permissions = await permissionsOf(context.actor, services.roles, services.configuredAdmins);
    const existing = state ? await services.events.find(state) : undefined;
    if (state && !existing) return { kind: 'done', reply: textMessage(t('events.unknownButton')) };
    if (existing && !mayManage(permissions, existing, member.id)) return { kind: 'done', reply: textMessage(t('events.refusedManage')) };
    if (!existing && !permissions.nationalAdmin && permissions.facilitates.length === 0)
      return { kind: 'done', reply: textMessage(t('events.refusedCreate')) };

    const submittedHost = typeof values['host'] === 'string' ? values['host'] : undefined;
    const host = submittedHost ? await services.events.host(submittedHost) : undefined;
    const [regions, permitted] = await Promise.all([services.reference.regions(), formChoices(services, permissions, member.id)]);
    const keepRegion = existing?.region?.code;
    const allowedRegions = regions.filter((region) => mayOrganise(permissions, region.value) || region.value === keepRegion);
    const choices: EventFormChoices = { regions: allowedRegions, hosts: host ? [host] : [], national: true };
    const parsed = parseEventForm(values, t, choices, services.clock.now(), existing !== undefined);
    const invalid = (errors: Record<string, string>) => ({
      kind: 'invalid' as const,
      errors,
      form: withSubmission(buildEventForm(t, { ...permitted, regions: allowedRegions }, { hostId: member.id }, existing), values, errors),
    });
    if (!parsed.ok) return invalid(parsed.errors);
    const event = parsed.event;
    // National events, and regions the person does not facilitate, are refused beside the field.
    const regionUnchanged = existing !== undefined && (existing.region?.code ?? null) === event.regionCode;
    if (!regionUnchanged && !mayOrganise(permissions, event.regionCode)) return invalid({ region: t('events.error.regionRefused') });

    if (existing) {
      const meeting = event.meetings[0];
      if (!meeting) return invalid({ date: t('events.error.date') });
      const changed = await updateEvent(
        services,
        existing.id,
        { ...event, startsAt: meeting.startsAt, endsAt: meeting.endsAt },
        member.id,
        services.clock.now(),
      );
      services.outbox.wake();
      return { kind: 'done', reply: textMessage(t('events.changed', { title: changed.title, number: changed.number })) };
    }
    const created = await createEvent(services, event, member.id, services.clock.now());
    services.outbox.wake();
    const first = created[0];
    if (!first) return { kind: 'done', reply: textMessage(t('error.internal')) };
    const text =
      created.length > 1
        ? t('events.createdSeries', {
            title: first.title,
            count: created.length,
            first: first.number,
            last: created.at(-1)?.number ?? first.number,
          })
        : t('events.created', { title: first.title, number: first.number });
    return {
      kind: 'done',
      reply: message(text, [
        { kind: 'text', text },
        { kind: 'list', items: created.map((meeting) => listItem(t, meeting)) },
      ]),
    };
  },
  async options(fieldId, query, _context, services: EventCommandsServices) {
    if (fieldId !== 'host') return [];
    return services.events.hosts(query, 100);
  },
};

/** `events all`, in English or Welsh (`digwyddiadau i gyd`). */
const ALL_REGIONS = new Set(['all', 'pob', 'popeth', 'i gyd', 'y cyfan']);

export const eventsCommand = defineCommand({
  words: 'events',
  cy: ['digwyddiadau'],
  args: z.array(z.string()).transform((words) => {
    const page = words.map((word) => PAGE.exec(word)?.[1]).find((n) => n !== undefined);
    return { region: words.filter((word) => !PAGE.test(word)).join(' '), page: page === undefined ? 0 : Math.max(0, Number(page) - 1) };
  }),
  usage: 'events [region | all]',
  summary: 'events.listSummary',
  needs: 'roles.needs.anyone',
  examples: ['events', 'events london', 'events all'],
  async run({ region: typed, page }, context, services) {
    const { t } = context;
    const regions = await services.reference.regions();
    let region: { value: string; label: string } | undefined;
    if (typed !== '' && !ALL_REGIONS.has(typed.toLowerCase())) {
      region = findRegion(typed, regions);
      if (!region) return unknownRegionReply(typed, regions, t, (name) => `events ${name}`);
    } else if (typed === '') {
      const member = await activeMember(context, services);
      region = regions.find((candidate) => candidate.value === member?.region?.code);
    }
    const result = await services.events.upcoming({
      regionCode: region?.value,
      from: services.clock.now(),
      page,
      pageSize: EVENTS_PAGE_SIZE,
    });
    const heading = region ? t('events.listHeading', { region: region.label }) : t('events.listHeadingAll');
    const shown = page * EVENTS_PAGE_SIZE + result.entries.length;
    const blocks: Block[] = [
      { kind: 'heading', text: heading },
      ...(result.entries.length === 0
        ? [{ kind: 'text' as const, text: t('events.listEmpty') }]
        : result.entries.flatMap((event) => listRow(t, event))),
      ...(result.entries.length > 0
        ? [{ kind: 'note' as const, text: t('events.listRange', { from: page * EVENTS_PAGE_SIZE + 1, to: shown, total: result.total }) }]
        : []),
      ...(shown < result.total
        ? [
            {
              kind: 'buttons' as const,
              buttons: [
                { label: t('events.more'), action: RUN_COMMAND_ACTION, value: `events ${region?.value ?? 'all'} page:${page + 2}` },
              ],
            },
          ]
        : []),
      { kind: 'note', text: [`${t('events.listHint')} `, { kind: 'command', words: 'event <number>' }] },
    ];
    // Without a region typed, the list is the asker's own region: that says where they work.
    return message(heading, blocks, typed === '' ? 'private' : 'open');
  },
});

export const eventCommand = defineCommand({
  words: 'event',
  cy: ['digwyddiad'],
  args: eventNumber,
  usage: 'event <number>',
  summary: 'events.detailSummary',
  needs: 'roles.needs.anyone',
  examples: ['event 12'],
  async run(number, context, services: EventCommandsServices) {
    const { t } = context;
    const event = await services.events.findByNumber(number);
    if (!event) return textMessage(t('events.unknown', { number }));
    const [member, permissions] = await Promise.all([
      activeMember(context, services),
      permissionsOf(context.actor, services.roles, services.configuredAdmins),
    ]);
    const answer = member ? await services.events.answerOf(event.id, member.id) : undefined;
    return details(t, event, answer, services.eventSettings.publicUrl, mayManage(permissions, event, member?.id));
  },
});

export const myEventsCommand = defineCommand({
  words: 'my events',
  cy: ['fy nigwyddiadau'],
  args: noArguments,
  usage: 'my events',
  summary: 'events.mineSummary',
  needs: 'roles.needs.member',
  examples: ['my events'],
  async run(_args, context, services: EventCommandsServices) {
    const { t } = context;
    const member = await activeMember(context, services);
    if (!member) return textMessage(t('events.joinFirst'));
    const mine = await services.events.ofMember(member.id, services.clock.now(), 50);
    if (mine.length === 0) return textMessage(t('events.mineEmpty'));
    return message(t('events.mineHeading'), [
      { kind: 'heading', text: t('events.mineHeading') },
      { kind: 'list', items: mine.map(({ event, answer }) => listItem(t, event, answer)) },
    ]);
  },
});
