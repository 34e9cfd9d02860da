// Where the bot is: when it is added to a team, channel or chat, the conversation reference is stored
// so that later features can post proactively (and a personal chat gets the welcome card); removal and
// uninstall are recorded too.
import type { Application } from '@microsoft/teams-ai';
import type { Activity } from 'botbuilder';
import type { BotCore } from '../../core/bot-core.js';
import { sendReply } from '../send-reply.js';
import { teamsConversation, teamsConversationName, teamsConversationReference, teamsRequestContext } from '../teams-context.js';

function includesBot(activity: Partial<Activity>, members: Activity['membersAdded'] | undefined): boolean {
  return (members ?? []).some((member) => member.id === activity.recipient?.id);
}

export function registerConversationUpdates(app: Application, core: BotCore): void {
  app.conversationUpdate('membersAdded', async (context) => {
    const { activity } = context;
    if (!includesBot(activity, activity.membersAdded)) return;
    const address = teamsConversation(activity);
    await core.conversationInstalled(address, {
      name: teamsConversationName(activity),
      reference: teamsConversationReference(activity),
    });
    // In a personal chat, the person gets their page at a glance (or the invitation to join) at once.
    if (address.kind === 'personal') {
      const request = teamsRequestContext(activity);
      await sendReply(context, await core.withDownloadLinks(await core.home(request), request));
    }
  });

  app.conversationUpdate('membersRemoved', async (context) => {
    const { activity } = context;
    if (includesBot(activity, activity.membersRemoved)) await core.conversationRemoved(teamsConversation(activity));
  });

  app.activity('installationUpdate', async (context) => {
    if (context.activity.action === 'remove') await core.conversationRemoved(teamsConversation(context.activity));
  });

  // The connector's service URL can change; keep stored references current from every activity.
  app.turn('beforeTurn', async (context) => {
    const { serviceUrl } = context.activity;
    if (serviceUrl && context.activity.conversation?.id) await core.refreshServiceUrl(teamsConversation(context.activity), serviceUrl);
    return true;
  });
}
