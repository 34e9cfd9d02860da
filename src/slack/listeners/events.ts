// Events: the App Home tab, and what changes where the bot is (joining or leaving a channel, uninstalling).
import type { App } from '@slack/bolt';
import type { BotCore } from '../../core/bot-core.js';
import type { Logger } from '../../logger.js';
import { renderMessage } from '../block-kit.js';
import { APP_HOME_MESSAGE_ID } from '../slack-sender.js';
import { slackConversation, slackRequestContext } from '../slack-context.js';

export function registerEvents(app: App, core: BotCore, logger: Logger): void {
  // The App Home tab: the person's page at a glance, published each time they open it.
  app.event('app_home_opened', async ({ event, body, client }) => {
    if (event.tab !== 'home') return;
    const context = slackRequestContext(body.team_id, event.user, event.channel);
    const reply = await core.home(context);
    if (reply.kind !== 'message') return;
    try {
      await client.views.publish({ user_id: event.user, view: { type: 'home', blocks: renderMessage(reply).blocks } });
    } catch (error) {
      logger.error({ err: error, component: 'slack' }, 'could not publish the App Home tab');
      return;
    }
    // Kept, so that the person's own changes (an answer, a profile edit) re-publish it; never anyone else's.
    try {
      await core.homeShown(context, APP_HOME_MESSAGE_ID, event.user);
    } catch (error) {
      logger.error({ err: error, component: 'slack' }, 'could not keep the App Home tab for refreshes');
    }
  });

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
