// The `/cop` slash command. Acknowledged at once (Slack allows 3 seconds); the reply follows through
// the command's response_url once the core has done its work. With no room to take it on, the
// acknowledgement itself says the bot is busy.
import type { App } from '@slack/bolt';
import type { BotCore } from '../../core/bot-core.js';
import type { Logger } from '../../logger.js';
import { SLASH_COMMAND } from '../block-kit.js';
import { BoundedWork } from '../bounded-work.js';
import { busyNotice } from '../busy-notice.js';
import { sendReply } from '../send-reply.js';
import { commandWords, slackRequestContext } from '../slack-context.js';
import { slackVerifiedEmail } from '../verified-email.js';
import { slackUserLocale } from '../user-locale.js';

/** Commands worked on at once after their acknowledgement, and how many more may wait (see bounded-work.ts). */
const COMMANDS_AT_ONCE = 8;
const COMMANDS_WAITING = 200;

export function registerCommands(app: App, core: BotCore, logger: Logger): void {
  const work = new BoundedWork(COMMANDS_AT_ONCE, COMMANDS_WAITING);
  app.command(SLASH_COMMAND, async ({ command, ack, respond, client }) => {
    if (work.full) {
      await ack(busyNotice());
      return;
    }
    const context = slackRequestContext(
      command.team_id,
      command.user_id,
      command.channel_id,
      command.channel_name,
      () => slackVerifiedEmail(client, command.user_id, logger),
      () => slackUserLocale(client, core.services.clock, command.team_id, command.user_id, logger),
    );
    // Queued before the acknowledgement, so that the place is taken; it starts once Slack has its answer.
    // The reply's delivery is part of the work: replies cannot pile up behind a slow response_url either.
    const acknowledged = ack();
    await work.run(async () => {
      await acknowledged;
      const reply = await core.handleText(commandWords(command.text), context);
      await sendReply(
        reply,
        { respond, client, triggerId: command.trigger_id, userId: command.user_id, channelId: command.channel_id },
        logger,
      );
    });
  });
}
