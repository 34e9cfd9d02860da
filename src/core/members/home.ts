// The member's page at a glance: Slack's App Home tab and the card Teams shows when the bot is added to
// a personal chat. A member sees their profile, their region's channels and what to do next; someone
// who has not joined sees what the bot is for and a button to join.
import { regionName } from '../regions/region-names.js';
import { organisationWithCode } from '../organisations/organisation-name.js';
import { RUN_COMMAND_ACTION } from '../actions.js';
import type { RequestContext } from '../context.js';
import { channelSpans } from '../regions/regions-command.js';
import { message, type Block, type Message } from '../reply/reply.js';
import type { CoreServices } from '../services.js';

/** The services this module's handlers use. */
export type HomeServices = Pick<CoreServices, 'members' | 'regions'>;

export async function homeView(context: RequestContext, services: HomeServices): Promise<Message> {
  const { t, actor } = context;
  const member = await services.members.findByIdentity(actor);
  if (member?.status !== 'active') {
    return message(t('home.visitorSummary'), [
      { kind: 'heading', text: t('bot.name') },
      { kind: 'text', text: t('bot.tagline') },
      { kind: 'text', text: member?.status === 'left' ? t('profile.left') : t('home.joinPrompt') },
      {
        kind: 'buttons',
        buttons: [
          { label: t('home.button.join'), action: RUN_COMMAND_ACTION, value: 'join', style: 'primary' },
          { label: t('home.button.help'), action: RUN_COMMAND_ACTION, value: 'help' },
        ],
      },
    ]);
  }

  const region = member.region;
  const channels = region ? (await services.regions.channelsOf(region.code)).filter((channel) => channel.platform === actor.platform) : [];
  const blocks: Block[] = [
    { kind: 'heading', text: t('home.heading', { name: member.displayName ?? '' }) },
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
    {
      kind: 'buttons',
      buttons: [
        { label: t('profile.button.edit'), action: RUN_COMMAND_ACTION, value: 'profile edit' },
        { label: t('home.button.members'), action: RUN_COMMAND_ACTION, value: 'members' },
        { label: t('home.button.help'), action: RUN_COMMAND_ACTION, value: 'help' },
      ],
    },
  ];
  return message(t('home.heading', { name: member.displayName ?? '' }), blocks);
}
