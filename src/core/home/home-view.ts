// The person's page at a glance, built once for both platforms: Slack's App Home tab (and `/cop home`)
// and Teams' personal welcome card (and `home`). A member sees their profile and region's channels,
// their next events and their region's with answer buttons, the latest digest's headline for their
// region, the newest case studies, and, for facilitators and admins, the review queues waiting for
// them. Someone who has not joined sees what the bot is for, Join, and where to look around first.
import { RUN_COMMAND_ACTION } from '../actions.js';
import { caseNamesOf, hitBlocks } from '../cases/case-views.js';
import type { RequestContext } from '../context.js';
import { digestHeadline } from '../digests/digest-message.js';
import { scopeWords } from '../digests/digest-scope.js';
import type { EventRecord, MyAnswer } from '../events/event.js';
import { listItem } from '../events/event-views.js';
import { ukDate } from '../events/london-time.js';
import { regionName } from '../regions/region-names.js';
import { organisationWithCode } from '../organisations/organisation-name.js';
import type { Translate } from '../i18n/translator.js';
import type { MemberRecord } from '../members/member.js';
import { channelSpans } from '../regions/regions-command.js';
import { message, type Block, type Button, type Message } from '../reply/reply.js';
import { permissionsOf } from '../roles/permissions.js';
import type { CoreServices } from '../services.js';

/** The services this module's handlers use. */
export type HomeServices = Pick<
  CoreServices,
  | 'cases'
  | 'clock'
  | 'configuredAdmins'
  | 'events'
  | 'members'
  | 'metrics'
  | 'organisations'
  | 'reference'
  | 'regions'
  | 'roles'
  | 'subscriptions'
>;

/** The member's own next events the page lists (going, maybe or waitlisted), soonest first. */
export const HOME_MY_EVENTS = 3;
/** Further events of the member's region (and national ones) it lists. */
export const HOME_REGION_EVENTS = 3;
/** The newest published case studies it shows. */
export const HOME_CASES = 3;

/** A home's answer buttons: the RSVP answer, after which Teams shows the clicker their page again. */
export const HOME_RSVP_ACTION = 'home.rsvp';

function eventRow(t: Translate, event: EventRecord, answer: MyAnswer | undefined): Block[] {
  const answerButton = (answer: 'going' | 'not_going', style?: 'primary'): Button => ({
    label: t(`events.answer.${answer}`),
    action: HOME_RSVP_ACTION,
    value: `${event.id}:${answer}`,
    ...(style ? { style } : {}),
  });
  return [
    { kind: 'list', items: [listItem(t, event, answer)] },
    {
      kind: 'buttons',
      buttons: [
        { label: t('events.button.open'), action: RUN_COMMAND_ACTION, value: `event ${event.number}` },
        answerButton('going', 'primary'),
        answerButton('not_going'),
      ],
    },
  ];
}

async function eventBlocks(t: Translate, member: MemberRecord, services: HomeServices): Promise<Block[]> {
  const now = services.clock.now();
  const region = member.region;
  const [mine, upcoming] = await Promise.all([
    services.events.ofMember(member.id, now, HOME_MY_EVENTS),
    region
      ? services.events.upcoming({ regionCode: region.code, from: now, page: 0, pageSize: HOME_MY_EVENTS + HOME_REGION_EVENTS })
      : Promise.resolve(undefined),
  ]);
  const answered = new Set(mine.map(({ event }) => event.id));
  const blocks: Block[] = [{ kind: 'heading', text: t('home.events.mine') }];
  if (mine.length === 0) blocks.push({ kind: 'text', text: t('home.events.mineNone') });
  for (const { event, answer } of mine) blocks.push(...eventRow(t, event, answer));
  if (region && upcoming) {
    const others = upcoming.entries.filter((event) => !answered.has(event.id)).slice(0, HOME_REGION_EVENTS);
    blocks.push({ kind: 'heading', text: t('home.events.region', { region: regionName(region, t.language) }) });
    if (others.length === 0) blocks.push({ kind: 'text', text: t('home.events.regionNone', { region: regionName(region, t.language) }) });
    for (const event of others) blocks.push(...eventRow(t, event, undefined));
  }
  return blocks;
}

async function digestBlocks(t: Translate, member: MemberRecord, services: HomeServices): Promise<Block[]> {
  const region = member.region;
  if (!region) return [];
  const heading: Block = { kind: 'heading', text: t('home.digest.heading') };
  const postedAt = await services.subscriptions.lastRegionDigestAt(region.code);
  if (!postedAt) return [heading, { kind: 'text', text: t('home.digest.none', { region: regionName(region, t.language) }) }];
  const headline = await digestHeadline({ kind: 'region', code: region.code }, services, t);
  return [
    heading,
    headline
      ? {
          kind: 'text',
          text: [
            `${t('home.digest.posted', { region: regionName(region, t.language), date: ukDate(postedAt, t.language) })} `,
            ...headline,
          ],
        }
      : { kind: 'text', text: t('home.digest.noFigures', { region: regionName(region, t.language) }) },
    {
      kind: 'buttons',
      buttons: [
        {
          label: t('home.button.digest'),
          action: RUN_COMMAND_ACTION,
          value: `digest preview ${scopeWords({ kind: 'region', code: region.code })}`,
        },
      ],
    },
  ];
}

async function caseBlocks(t: Translate, services: HomeServices): Promise<Block[]> {
  const [latest, regions, staffGroups, promiseElements] = await Promise.all([
    services.cases.publishedSince(new Date(0), HOME_CASES),
    services.reference.regions(),
    services.reference.staffGroups(),
    services.reference.promiseElements(),
  ]);
  const names = caseNamesOf(regions, staffGroups, promiseElements);
  return [
    { kind: 'heading', text: t('home.cases.heading') },
    ...(latest.hits.length === 0 ? [{ kind: 'text' as const, text: t('home.cases.none') }] : []),
    ...latest.hits.flatMap((hit) => hitBlocks(hit, names, t)),
  ];
}

/** For facilitators and national admins: what waits for their review, with buttons to the queues. */
async function queueBlocks(t: Translate, context: RequestContext, services: HomeServices): Promise<Block[]> {
  const permissions = await permissionsOf(context.actor, services.roles, services.configuredAdmins);
  if (!permissions.nationalAdmin && permissions.facilitates.length === 0) return [];
  const regions = permissions.nationalAdmin ? undefined : permissions.facilitates;
  const [cases, organisations] = await Promise.all([services.cases.pendingCount(regions), services.organisations.pendingCount(regions)]);
  return [
    { kind: 'heading', text: t('home.queues.heading') },
    {
      kind: 'list',
      items: [{ title: t('home.queues.cases', { count: cases }) }, { title: t('home.queues.organisations', { count: organisations }) }],
    },
    {
      kind: 'buttons',
      buttons: [
        { label: t('home.button.reviewCases'), action: RUN_COMMAND_ACTION, value: 'cases pending' },
        { label: t('home.button.confirmOrganisations'), action: RUN_COMMAND_ACTION, value: 'organisations pending' },
      ],
    },
  ];
}

function visitorView(t: Translate, member: MemberRecord | undefined): Message {
  return message(t('home.visitorSummary'), [
    { kind: 'heading', text: t('bot.name') },
    { kind: 'text', text: t('bot.tagline') },
    { kind: 'text', text: member?.status === 'left' ? t('profile.left') : t('home.joinPrompt') },
    { kind: 'text', text: t('home.visitor.suggest') },
    {
      kind: 'buttons',
      buttons: [
        { label: t('home.button.join'), action: RUN_COMMAND_ACTION, value: 'join', style: 'primary' },
        { label: t('home.button.cases'), action: RUN_COMMAND_ACTION, value: 'cases' },
        { label: t('home.button.events'), action: RUN_COMMAND_ACTION, value: 'events all' },
        { label: t('home.button.help'), action: RUN_COMMAND_ACTION, value: 'help' },
      ],
    },
  ]);
}

export async function homeView(context: RequestContext, services: HomeServices): Promise<Message> {
  const { t, actor } = context;
  const member = await services.members.findByIdentity(actor);
  if (member?.status !== 'active') return visitorView(t, member);

  const region = member.region;
  const channels = region ? (await services.regions.channelsOf(region.code)).filter((channel) => channel.platform === actor.platform) : [];
  const [events, digest, cases, queues] = await Promise.all([
    eventBlocks(t, member, services),
    digestBlocks(t, member, services),
    caseBlocks(t, services),
    queueBlocks(t, context, services),
  ]);
  const heading = t('home.heading', { name: member.displayName ?? '' });
  const blocks: Block[] = [
    { kind: 'heading', text: heading },
    {
      kind: 'facts',
      facts: [
        { label: t('profile.region'), value: region ? regionName(region, t.language) : t('profile.none') },
        {
          label: t('profile.organisation'),
          value: member.organisation ? organisationWithCode(member.organisation, t.language) : t('profile.none'),
        },
        { label: t('profile.role'), value: member.role ? t(`member.role.${member.role}`) : t('profile.none') },
      ],
    },
    region && channels.length > 0
      ? { kind: 'text', text: [`${t('welcome.channels', { region: regionName(region, t.language) })} `, ...channelSpans(channels)] }
      : { kind: 'text', text: t('welcome.noChannel', { region: region ? regionName(region, t.language) : t('profile.none') }) },
    ...queues,
    ...events,
    ...digest,
    ...cases,
    { kind: 'divider' },
    {
      kind: 'buttons',
      buttons: [
        { label: t('home.button.events'), action: RUN_COMMAND_ACTION, value: 'events' },
        { label: t('home.button.cases'), action: RUN_COMMAND_ACTION, value: 'cases' },
        { label: t('profile.button.edit'), action: RUN_COMMAND_ACTION, value: 'profile edit' },
        { label: t('home.button.members'), action: RUN_COMMAND_ACTION, value: 'members' },
        { label: t('home.button.help'), action: RUN_COMMAND_ACTION, value: 'help' },
      ],
    },
  ];
  return message(heading, blocks);
}
