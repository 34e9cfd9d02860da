// `help`, `help <topic>` and `help <command>`. Alone: the topics the person may use (help-topics.ts),
// each with its commands and one example; a visitor sees Getting started, Events and Digests, a national
// admin every topic. `help events` shows one topic; `help regions` one command (its usage and examples).
import { z } from 'zod';
import type { RequestContext } from '../context.js';
import { defineCommand, nameIn, type Command } from '../commands/command.js';
import { message, type Block, type ListItem, type Message } from '../reply/reply.js';
import { RUN_COMMAND_ACTION } from '../actions.js';
import { unknownCommandReply } from '../commands/command-replies.js';
import type { Grammar } from '../commands/grammar.js';
import type { CoreServices } from '../services.js';
import { activeMember } from '../members/active-member.js';
import { permissionsOf } from '../roles/permissions.js';
import { findTopic, HELP_TOPICS, mayRead, type Audience, type HelpTopic } from './help-topics.js';

/** Help about one command: its summary, usage and examples. */
export function commandHelp(command: Command, { t }: RequestContext): Message {
  const name = nameIn(command, t.language);
  return message(
    t('help.commandTitle', { command: name }),
    [
      { kind: 'heading', text: t('help.commandTitle', { command: name }) },
      { kind: 'text', text: t(command.summary) },
      {
        kind: 'facts',
        facts: [
          { label: t('help.usage'), value: [{ kind: 'command', words: command.usage }] },
          { label: t('help.whoCanUse'), value: t(command.needs) },
        ],
      },
      { kind: 'list', items: command.examples.map((example) => ({ title: [{ kind: 'command', words: example }] })) },
    ],
    'open',
  );
}

/** The most a person may do: a national admin, a facilitator, a member, or anyone. */
export async function audienceOf(
  context: RequestContext,
  services: Pick<CoreServices, 'members' | 'roles' | 'configuredAdmins'>,
): Promise<Audience> {
  const [member, permissions] = await Promise.all([
    activeMember(context, services),
    permissionsOf(context.actor, services.roles, services.configuredAdmins),
  ]);
  if (permissions.nationalAdmin) return 'admin';
  if (permissions.facilitates.length > 0) return 'facilitator';
  return member ? 'member' : 'anyone';
}

/** A topic's commands this reader may use, each with its summary and one example. */
function topicItems(topic: HelpTopic, reader: Audience, grammar: Grammar, { t }: RequestContext): ListItem[] {
  return topic.entries.flatMap((entry) => {
    const command = grammar.find(entry.words);
    if (!command || !mayRead(reader, entry.audience)) return [];
    const example = entry.example ?? command.examples[0] ?? command.usage;
    // A Welsh reader sees the Welsh words (the reply shows command spans in their language) and the English beside them.
    const english = t.language === 'cy' && command.cy ? [` (${command.words})`] : [];
    return [
      {
        title: [{ kind: 'command', words: command.usage }, ...english],
        detail: [`${t(command.summary)}. ${t('help.forExample')} `, { kind: 'command', words: example }],
      },
    ];
  });
}

const topicButtons = (topics: readonly HelpTopic[], { t }: RequestContext): Block => ({
  kind: 'buttons',
  buttons: topics.map((topic) => ({ label: t(topic.title), action: RUN_COMMAND_ACTION, value: `help ${topic.id}` })),
});

function topicHelp(topic: HelpTopic, reader: Audience, grammar: Grammar, context: RequestContext): Message {
  const { t } = context;
  const items = topicItems(topic, reader, grammar, context);
  const blocks: Block[] = [
    { kind: 'heading', text: t(topic.title) },
    { kind: 'text', text: t(topic.intro) },
  ];
  if (items.length === 0) blocks.push({ kind: 'text', text: t('help.topicNotForYou') });
  else blocks.push({ kind: 'list', items });
  const others = HELP_TOPICS.filter((other) => other !== topic && mayRead(reader, other.audience));
  blocks.push({ kind: 'note', text: [`${t('help.moreTopics')} `, { kind: 'command', words: 'help' }, '.'] }, topicButtons(others, context));
  return message(t(topic.title), blocks, 'open');
}

function overview(reader: Audience, grammar: Grammar, context: RequestContext): Message {
  const { t } = context;
  const topics = HELP_TOPICS.filter((topic) => mayRead(reader, topic.audience));
  const blocks: Block[] = [
    { kind: 'heading', text: t('bot.name') },
    { kind: 'text', text: t('bot.tagline') },
    { kind: 'text', text: t(`help.askFreely`) },
  ];
  for (const topic of topics) {
    const items = topicItems(topic, reader, grammar, context);
    if (items.length === 0) continue;
    blocks.push({ kind: 'note', text: t(topic.title) }, { kind: 'list', items });
  }
  blocks.push(
    {
      kind: 'note',
      text: [
        t('help.moreAboutOne'),
        ' ',
        { kind: 'command', words: t.language === 'cy' ? 'help digwyddiadau' : 'help events' },
        ' ',
        t('help.orCommand'),
        ' ',
        { kind: 'command', words: t.language === 'cy' ? 'help rhanbarthau' : 'help regions' },
        '.',
      ],
    },
    topicButtons(topics, context),
  );
  return message(t('help.summary'), blocks, 'open');
}

/** `help`, reading the grammar it is part of when it runs (the grammar is built from every command, help included). */
export const createHelpCommand = (grammar: () => Grammar) =>
  defineCommand({
    words: 'help',
    aliases: ['?', 'commands'],
    cy: ['cymorth', 'gorchmynion'],
    args: z
      .array(z.string())
      .max(3)
      .transform((words) => ({ topic: words.length > 0 ? words.join(' ') : undefined })),
    usage: 'help [topic or command]',
    summary: 'help.commandSummary',
    needs: 'roles.needs.anyone',
    examples: ['help', 'help events', 'help regions'],
    async run({ topic }, context, services) {
      const reader = await audienceOf(context, services);
      if (topic === undefined) return overview(reader, grammar(), context);
      const found = findTopic(topic);
      if (found) return topicHelp(found, reader, grammar(), context);
      const command = grammar().find(topic) ?? grammar().closest(topic.toLowerCase());
      return command ? commandHelp(command, context) : unknownCommandReply(topic, undefined, context);
    },
  });
