// `help` and `help <command>`: what the bot does, every command with its usage, and examples.
import { z } from 'zod';
import type { RequestContext } from '../context.js';
import { defineCommand, type Command } from '../commands/command.js';
import { message, type Message } from '../reply/reply.js';
import { RUN_COMMAND_ACTION } from '../actions.js';
import { unknownCommandReply } from '../commands/command-replies.js';
import type { Grammar } from '../commands/grammar.js';

/** Help about one command: its summary, usage and examples. */
export function commandHelp(command: Command, { t }: RequestContext): Message {
  return message(
    t('help.commandTitle', { command: command.words }),
    [
      { kind: 'heading', text: t('help.commandTitle', { command: command.words }) },
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

/** `help`, reading the grammar it is part of when it runs (the grammar is built from every command, help included). */
export const createHelpCommand = (grammar: () => Grammar) =>
  defineCommand({
    words: 'help',
    aliases: ['?', 'commands'],
    args: z
      .array(z.string())
      .max(3)
      .transform((words) => ({ topic: words.length > 0 ? words.join(' ') : undefined })),
    usage: 'help [command]',
    summary: 'help.commandSummary',
    needs: 'roles.needs.anyone',
    examples: ['help', 'help regions'],
    run({ topic }, context) {
      const { t } = context;
      if (topic !== undefined) {
        const command = grammar().find(topic) ?? grammar().closest(topic.toLowerCase());
        return Promise.resolve(command ? commandHelp(command, context) : unknownCommandReply(topic, undefined, context));
      }
      return Promise.resolve(
        message(
          t('help.summary'),
          [
            { kind: 'heading', text: t('bot.name') },
            { kind: 'text', text: t('bot.tagline') },
            { kind: 'note', text: t('help.commandsHeading') },
            {
              kind: 'list',
              items: grammar().commands.map((command) => ({
                title: [{ kind: 'command', words: command.usage }],
                detail: t(command.summary),
              })),
            },
            { kind: 'note', text: [t('help.moreAboutOne'), ' ', { kind: 'command', words: 'help regions' }, '.'] },
            { kind: 'buttons', buttons: [{ label: t('help.button.regions'), action: RUN_COMMAND_ACTION, value: 'regions' }] },
          ],
          'open',
        ),
      );
    },
  });
