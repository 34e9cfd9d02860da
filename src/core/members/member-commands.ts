// Membership commands: join, profile, profile edit, leave, erase my data, my data; the profile form's
// submission; and the erase confirmation button.
import { regionName } from '../regions/region-names.js';
import { organisationWithCode } from '../organisations/organisation-name.js';
import { RUN_COMMAND_ACTION } from '../actions.js';
import { defineCommand, noArguments } from '../commands/command.js';
import type { RequestContext } from '../context.js';
import { withSubmission, type ActionHandler, type FormHandler } from '../forms/form-handler.js';
import { message, type Block, type Message, textMessage } from '../reply/reply.js';
import { inLanguages, settled } from '../reply/bilingual.js';
import type { Translate } from '../i18n/translator.js';
import type { CoreServices } from '../services.js';
import type { MemberRecord } from './member.js';
import { eraseMember, leaveCommunity } from './membership.js';
import { myDataDownload, myDataSections } from './my-data.js';
import { buildProfileForm, decodeProfileState, parseProfile, PROFILE_FORM_ID } from './profile-form.js';
import { welcomeReply, WELCOME_EVENTS } from './welcome.js';
import { refreshHome } from '../home/home-key.js';
import { typedTitle } from '../events/event-title.js';
import { ukRange } from '../events/london-time.js';

/** The services this module's handlers use. */
export type MemberCommandsServices = Pick<
  CoreServices,
  | 'clock'
  | 'commandsIn'
  | 'eventSettings'
  | 'events'
  | 'fileLinks'
  | 'members'
  | 'organisations'
  | 'outbox'
  | 'personalData'
  | 'reference'
  | 'regions'
  | 'transaction'
>;

export const ERASE_ACTION = 'member.erase';
export const LEAVE_ACTION = 'member.leave';

function labels(codes: readonly string[], choices: readonly { value: string; label: string }[], none: string): string {
  const names = codes.map((code) => choices.find((choice) => choice.value === code)?.label ?? code);
  return names.length > 0 ? names.join(', ') : none;
}

async function profileReply(member: MemberRecord, { t }: RequestContext, services: MemberCommandsServices): Promise<Message> {
  const [staffGroups, promiseElements] = await Promise.all([services.reference.staffGroups(), services.reference.promiseElements()]);
  const organisation = member.organisation
    ? `${organisationWithCode(member.organisation, t.language)}${member.organisation.verified ? '' : ` ${t('profile.unverified')}`}`
    : t('profile.none');
  const blocks: Block[] = [
    { kind: 'heading', text: t('profile.heading') },
    {
      kind: 'facts',
      facts: [
        { label: t('profile.name'), value: member.displayName ?? t('profile.none') },
        { label: t('profile.organisation'), value: organisation },
        { label: t('profile.region'), value: member.region ? regionName(member.region, t.language) : t('profile.none') },
        { label: t('profile.role'), value: member.role ? t(`member.role.${member.role}`) : t('profile.none') },
        { label: t('profile.staffGroups'), value: labels(member.staffGroups, staffGroups, t('profile.none')) },
        { label: t('profile.promiseElements'), value: labels(member.promiseElements, promiseElements, t('profile.none')) },
        { label: t('profile.directory'), value: member.inDirectory ? t('profile.yes') : t('profile.no') },
        { label: t('profile.language'), value: member.language ? t(`language.name.${member.language}`) : t('profile.language.notChosen') },
      ],
    },
    ...(member.status === 'left' ? [{ kind: 'note' as const, text: t('profile.left') }] : []),
    {
      kind: 'buttons',
      buttons: [
        { label: t('profile.button.edit'), action: RUN_COMMAND_ACTION, value: 'profile edit' },
        { label: t('profile.button.myData'), action: RUN_COMMAND_ACTION, value: 'my data' },
      ],
    },
  ];
  return message(t('profile.heading'), blocks);
}

/** The member behind the person asking, unless they were erased (then they are nobody to us). */
async function currentMember(context: RequestContext, services: MemberCommandsServices): Promise<MemberRecord | undefined> {
  const member = await services.members.findByIdentity(context.actor);
  return member?.status === 'erased' ? undefined : member;
}

export const joinCommand = defineCommand({
  words: 'join',
  cy: ['ymuno'],
  args: noArguments,
  usage: 'join',
  summary: 'join.commandSummary',
  needs: 'roles.needs.anyone',
  examples: ['join'],
  async run(_args, context, services: MemberCommandsServices) {
    return buildProfileForm(context.t, services.reference, await currentMember(context, services));
  },
});

export const profileEditCommand = defineCommand({
  words: 'profile edit',
  cy: ['golygu proffil', 'proffil golygu'],
  args: noArguments,
  usage: 'profile edit',
  summary: 'profileEdit.commandSummary',
  needs: 'roles.needs.member',
  examples: ['profile edit'],
  async run(_args, context, services: MemberCommandsServices) {
    const member = await currentMember(context, services);
    if (!member) return textMessage(context.t('profile.notMember'));
    return buildProfileForm(context.t, services.reference, member);
  },
});

export const profileCommand = defineCommand({
  words: 'profile',
  cy: ['proffil', 'fy mhroffil'],
  args: noArguments,
  usage: 'profile',
  summary: 'profile.commandSummary',
  needs: 'roles.needs.member',
  examples: ['profile'],
  async run(_args, context, services: MemberCommandsServices) {
    const member = await currentMember(context, services);
    return member ? profileReply(member, context, services) : textMessage(context.t('profile.notMember'));
  },
});

/** How many of the member's coming events a leave confirmation names. */
const LEAVE_EVENTS_SHOWN = 10;

export const leaveCommand = defineCommand({
  words: 'leave',
  cy: ['gadael'],
  args: noArguments,
  usage: 'leave',
  summary: 'leave.commandSummary',
  needs: 'roles.needs.member',
  examples: ['leave'],
  async run(_args, context, services: MemberCommandsServices) {
    const { t } = context;
    const member = await currentMember(context, services);
    if (member?.status !== 'active') return textMessage(t('leave.notMember'));
    // Leaving gives up their answers to events still to come: say which, before they decide.
    const now = services.clock.now();
    const answered = (await services.events.ofMember(member.id, now, LEAVE_EVENTS_SHOWN + 1)).filter(({ event }) => event.startsAt > now);
    const blocks: Block[] = [{ kind: 'text', text: t('leave.confirm') }];
    if (answered.length > 0) {
      blocks.push(
        { kind: 'text', text: t('leave.confirmEvents') },
        {
          kind: 'list',
          items: answered.slice(0, LEAVE_EVENTS_SHOWN).map(({ event, answer }) => ({
            title: [{ kind: 'strong', text: `#${event.number} ${typedTitle(t, event)}` }],
            detail: `${ukRange(event.startsAt, event.endsAt, t.language)} ${t('events.ukTime')}. ${t(`events.status.${answer.status}`)}`,
          })),
        },
      );
      if (answered.length > LEAVE_EVENTS_SHOWN) blocks.push({ kind: 'note', text: t('leave.confirmMore') });
    } else {
      blocks.push({ kind: 'text', text: t('leave.confirmNoEvents') });
    }
    blocks.push({ kind: 'buttons', buttons: [{ label: t('leave.button'), action: LEAVE_ACTION, value: member.id, style: 'danger' }] });
    return message(t('leave.confirm'), blocks);
  },
});

export const eraseCommand = defineCommand({
  words: 'erase my data',
  aliases: ['erase'],
  cy: ['dileu fy nata', 'dileu'],
  args: noArguments,
  usage: 'erase my data',
  summary: 'erase.commandSummary',
  needs: 'roles.needs.anyone',
  examples: ['erase my data'],
  async run(_args, context, services: MemberCommandsServices) {
    const { t } = context;
    const member = await currentMember(context, services);
    if (!member) return textMessage(t('erase.nothing'));
    return message(t('erase.confirm'), [
      { kind: 'text', text: t('erase.confirm') },
      { kind: 'buttons', buttons: [{ label: t('erase.button'), action: ERASE_ACTION, value: member.id, style: 'danger' }] },
    ]);
  },
});

export const myDataCommand = defineCommand({
  words: 'my data',
  cy: ['fy nata'],
  args: noArguments,
  usage: 'my data',
  summary: 'myData.commandSummary',
  needs: 'roles.needs.anyone',
  examples: ['my data'],
  async run(_args, context, services: MemberCommandsServices) {
    const { t } = context;
    const member = await currentMember(context, services);
    if (!member) return textMessage(t('myData.nothing'));
    const [profile, data] = await Promise.all([
      profileReply(member, context, services),
      services.personalData.personalData(member.id, services.clock.now()),
    ]);
    if (!data) return textMessage(t('myData.nothing'));
    const date = (value: Date | null) => (value ? value.toISOString().slice(0, 10) : t('profile.none'));
    // The download comes first: whatever a platform's size limit cuts from a long reply, the file is there whole.
    return message(t('myData.heading'), [
      { kind: 'heading', text: t('myData.heading') },
      ...(await myDataDownload(t, member.id, services)),
      ...profile.blocks.filter((block) => block.kind === 'facts'),
      {
        kind: 'facts',
        facts: [
          { label: t('myData.status'), value: member.status === 'active' ? t('myData.status.active') : t('myData.status.left') },
          { label: t('myData.joined'), value: date(member.joinedAt) },
          { label: t('myData.updated'), value: date(member.updatedAt) },
          { label: t('myData.consented'), value: date(member.consentedAt) },
          {
            label: t('myData.accounts'),
            value: member.identities.map((identity) => `${identity.platform} ${identity.workspaceId} ${identity.userId}`).join('; '),
          },
          {
            label: t('myData.roles'),
            value:
              member.roles.length > 0
                ? member.roles.map((role) => [role.role, role.regionCode].filter(Boolean).join(' ')).join('; ')
                : t('profile.none'),
          },
        ],
      },
      ...myDataSections(t, data),
    ]);
  },
});

export const profileFormHandler: FormHandler = {
  id: PROFILE_FORM_ID,
  async submit(values, state, context, services: MemberCommandsServices) {
    const { t } = context;
    const existing = await services.members.findByIdentity(context.actor);
    const carried = decodeProfileState(state);
    const invalid = async (errors: Record<string, string>) => {
      // Teams sends a new copy of the form: it keeps carrying the waiting click.
      const form = await buildProfileForm(t, services.reference, existing);
      return { kind: 'invalid' as const, errors, form: withSubmission({ ...form, ...(state ? { state } : {}) }, values, errors) };
    };
    // The form carries the id of the member it was opened for. If that member is gone (erased while the
    // form was open), the submission is no consent to keep data again: they must start again.
    if (carried.memberId !== undefined && carried.memberId !== existing?.id) return invalid({ displayName: t('join.error.erased') });
    const then = carried.then ? { then: carried.then } : {};
    const parsed = await parseProfile(values, t, services.reference, services.organisations);
    if (!parsed.ok) return invalid(parsed.errors);
    const { created } = await services.members.saveProfile(context.actor, parsed.profile);
    await refreshHome(context.actor, existing, services);
    // The verified email (as a keyed hash) is recorded after the reply, so that `link` can match it on the other platform.
    if (!created && existing?.status !== 'left')
      return { kind: 'done', reply: textMessage(t('join.updated')), followUps: [{ kind: 'record-verified-email' }], ...then };
    // A new member, or one coming back: the welcome, and an invitation to the region's channels where the platform can.
    const { regionCode } = parsed.profile;
    const [regions, channels, upcoming] = await Promise.all([
      services.reference.regions(),
      services.regions.channelsOf(regionCode),
      services.events.upcoming({ regionCode, from: services.clock.now(), page: 0, pageSize: WELCOME_EVENTS }),
    ]);
    const region = regions.find((r) => r.value === regionCode)?.label ?? regionCode;
    // Channels of another Slack workspace or Teams tenant are of no use to the person: theirs, and other platforms'.
    const reachable = channels.filter(
      (channel) => channel.platform !== context.actor.platform || channel.workspaceId === context.actor.workspaceId,
    );
    const welcome = (tt: Translate) => welcomeReply(tt, { name: parsed.profile.displayName, region }, reachable, upcoming.entries);
    // In the language just chosen, when the form gave one (the request's language was decided before it was saved).
    const { language } = parsed.profile;
    return {
      kind: 'done',
      reply: language ? settled(inLanguages(language, (tt) => services.commandsIn(welcome(tt), tt.language))) : welcome(t),
      followUps: [{ kind: 'invite-to-region-channels', regionCode }, { kind: 'record-verified-email' }],
      ...then,
    };
  },
  async options(fieldId, query, { t }, services: MemberCommandsServices) {
    if (fieldId !== 'organisation') return [];
    const found = await services.reference.searchOrganisations(query, 100);
    return found.map((organisation) => ({
      label: t.language === 'cy' ? (organisation.welshLabel ?? organisation.label) : organisation.label,
      value: organisation.value,
    }));
  },
};

export const eraseAction: ActionHandler = {
  id: ERASE_ACTION,
  async run(value, context, services: MemberCommandsServices) {
    const { t } = context;
    const member = await services.members.findByIdentity(context.actor);
    if (!member || member.status === 'erased') return textMessage(t('erase.nothing'));
    // The button carries the member id it was made for: someone else clicking it erases nothing.
    if (member.id !== value) return textMessage(t('erase.notYours'));
    await eraseMember(services, member.id, services.clock.now());
    services.outbox.wake();
    return textMessage(t('erase.done'));
  },
};

export const leaveAction: ActionHandler = {
  id: LEAVE_ACTION,
  async run(value, context, services: MemberCommandsServices) {
    const { t } = context;
    const member = await currentMember(context, services);
    if (member?.status !== 'active') return textMessage(t('leave.notMember'));
    // The button carries the member id it was made for: someone else clicking it changes nothing.
    if (member.id !== value) return textMessage(t('leave.notYours'));
    await leaveCommunity(services, member.id, services.clock.now());
    await refreshHome(context.actor, member, services);
    // Their places at events went to the waitlists; those promoted are told.
    services.outbox.wake();
    return textMessage(t('leave.done'));
  },
};
