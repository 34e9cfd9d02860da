// Where the bot is: when it is added to a team, channel or chat, the conversation reference is stored
// so that later features can post proactively (and a personal chat gets the welcome card); removal and
// uninstall are recorded too. Every activity keeps the stored service URL current.
import type { App } from '@microsoft/teams.apps';
import type { BotCore } from '../../core/bot-core.js';
import type { Logger } from '../../logger.js';
import { renderMessageActivity } from '../adaptive-card.js';
import { deliverReply, turnOf } from '../reply-delivery.js';
import {
  teamsConversation,
  teamsConversationName,
  teamsConversationReference,
  teamsRequestContext,
  type InboundActivity,
} from '../teams-context.js';

function includesBot(activity: InboundActivity, members: readonly { id: string }[] | undefined): boolean {
  return (members ?? []).some((member) => member.id === activity.recipient.id);
}

export function registerConversationUpdates(app: App, core: BotCore, logger: Logger): void {
  // The connector's service URL can change; keep stored references current from every activity.
  app.use(async (ctx) => {
    const { serviceUrl, conversation } = ctx.activity;
    if (serviceUrl && conversation?.id) await core.refreshServiceUrl(teamsConversation(ctx.activity as InboundActivity), serviceUrl);
    return ctx.next();
  });

  app.on('conversationUpdate', async (ctx) => {
    const activity = ctx.activity as InboundActivity & { membersAdded?: { id: string }[]; membersRemoved?: { id: string }[] };
    if (includesBot(activity, activity.membersRemoved)) {
      await core.conversationRemoved(teamsConversation(activity));
      return;
    }
    if (!includesBot(activity, activity.membersAdded)) return;
    const address = teamsConversation(activity);
    await core.conversationInstalled(address, { name: teamsConversationName(activity), reference: teamsConversationReference(activity) });
    // In a personal chat, the person gets their page at a glance (or the invitation to join) at once,
    // kept current after their own changes (an answer, joining, a profile edit) by updating this card.
    if (address.kind === 'personal') {
      const request = teamsRequestContext(activity);
      const home = await core.withFileLinks(await core.home(request), request);
      if (home.kind !== 'message') {
        await deliverReply(turnOf(ctx, core, request.t), home, logger);
        return;
      }
      const sent = await ctx.send({ ...renderMessageActivity(home), replyToId: activity.id });
      try {
        await core.homeShown(request, sent.id);
      } catch (error) {
        logger.error({ err: error, component: 'teams' }, 'could not keep the home card for refreshes');
      }
    }
  });

  app.on('installationUpdate', async (ctx) => {
    const activity = ctx.activity as InboundActivity & { action?: string };
    if (activity.action === 'remove') await core.conversationRemoved(teamsConversation(activity));
  });
}
