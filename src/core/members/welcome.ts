// The welcome a new or returning member gets: the greeting, their region's community channels, and the
// commands to start with.
import type { Translate } from '../i18n/translator.js';
import type { CommunityChannel } from '../regions/region-directory.js';
import { channelSpans } from '../regions/regions-command.js';
import { message, type Block, type Message } from '../reply/reply.js';
import type { EventRecord } from '../events/event.js';
import { listItem } from '../events/event-views.js';

/** How many of the region's next events the welcome lists. */
export const WELCOME_EVENTS = 3;

const FIRST_COMMANDS = [
  { words: 'events', summary: 'events.listSummary' },
  { words: 'cases flexible retirement', summary: 'cases.commandSummary' },
  { words: 'profile', summary: 'profile.commandSummary' },
  { words: 'regions', summary: 'regions.commandSummary' },
  { words: 'help', summary: 'help.commandSummary' },
] as const;

export function welcomeReply(
  t: Translate,
  member: { readonly name: string; readonly region: string },
  channels: readonly CommunityChannel[],
  events: readonly EventRecord[] = [],
): Message {
  const greeting = t('join.welcome', member);
  const blocks: Block[] = [
    { kind: 'text', text: greeting },
    channels.length > 0
      ? { kind: 'text', text: [`${t('welcome.channels', { region: member.region })} `, ...channelSpans(channels)] }
      : { kind: 'text', text: t('welcome.noChannel', { region: member.region }) },
    ...(events.length > 0
      ? [
          {
            kind: 'text' as const,
            text: [`${t('welcome.events', { region: member.region })} `, { kind: 'command' as const, words: 'event <number>' }],
          },
          { kind: 'list' as const, items: events.map((event) => listItem(t, event)) },
        ]
      : []),
    { kind: 'note', text: t('welcome.start') },
    {
      kind: 'list',
      items: FIRST_COMMANDS.map((command) => ({ title: [{ kind: 'command', words: command.words }], detail: t(command.summary) })),
    },
  ];
  return message(greeting, blocks);
}
