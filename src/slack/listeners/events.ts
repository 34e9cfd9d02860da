// Events that change where the bot is: joining or leaving a channel, and uninstalling the app.
import type { App } from '@slack/bolt';
import type { BotCore } from '../../core/bot-core.js';
import { slackConversation } from '../slack-context.js';

export function registerEvents(app: App, core: BotCore): void {
  app.event('member_joined_channel', async ({ event, context }) => {
    if (event.user !== context.botUserId) return;
    await core.conversationInstalled(slackConversation(event.team, event.channel), {});
  });

  // Sent to the bot itself when it is removed from a channel (public or private).
  app.event('channel_left', async ({ event, body }) => {
    await core.conversationRemoved(slackConversation(body.team_id, event.channel));
  });
  app.event('group_left', async ({ event, body }) => {
    await core.conversationRemoved(slackConversation(body.team_id, event.channel));
  });

  app.event('app_uninstalled', async ({ body }) => {
    await core.workspaceRemoved('slack', body.team_id);
  });

  // Revoking the bot's token has the same effect as uninstalling: the bot can no longer post anywhere.
  app.event('tokens_revoked', async ({ event, body }) => {
    if ((event.tokens.bot ?? []).length > 0) await core.workspaceRemoved('slack', body.team_id);
  });
}
