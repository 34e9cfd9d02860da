// The Teams adapter: a teams-ai Application over its TeamsAdapter. Bot Framework JWTs are checked when
// an app id is configured; without one, activities are accepted unauthenticated (development only:
// the configuration refuses that in production).
import { Application, TeamsAdapter } from '@microsoft/teams-ai';
import { ConfigurationServiceClientCredentialFactory } from 'botbuilder';
import type { Request, Response } from 'express';
import type { TeamsConfig } from '../config.js';
import type { BotCore } from '../core/bot-core.js';
import { internalErrorReply } from '../core/commands/command-replies.js';
import type { MessageSender } from '../core/outbox/dispatcher.js';
import type { Logger } from '../logger.js';
import { registerConversationUpdates } from './listeners/conversation-updates.js';
import { teamsFileUploads } from './listeners/file-uploads.js';
import { registerMessages } from './listeners/messages.js';
import { sendReply } from './send-reply.js';
import { createTeamsSender } from './teams-sender.js';
import { teamsRequestContext } from './teams-context.js';

export const TEAMS_MESSAGES_PATH = '/api/messages';

export interface TeamsHandler {
  handle(request: Request, response: Response): Promise<void>;
  /** Sends the outbox's messages to Teams conversations. */
  readonly sender: MessageSender;
  /** Resolves when the metrics files being imported are done and their reports sent. */
  idle(): Promise<void>;
}

export function createTeamsAdapter(config: TeamsConfig, core: BotCore, logger: Logger, options: { readonly httpsDownloadsOnly: boolean }): TeamsHandler {
  const credentials = config.appId
    ? {
        MicrosoftAppId: config.appId,
        MicrosoftAppPassword: config.appPassword,
        MicrosoftAppType: config.appType,
        MicrosoftAppTenantId: config.tenantId,
      }
    : {};
  const adapter = new TeamsAdapter(credentials, new ConfigurationServiceClientCredentialFactory(credentials));
  adapter.onTurnError = async (context, error) => {
    logger.error({ err: error, component: 'teams', activityType: context.activity.type }, 'unhandled error in a Teams turn');
    if (context.activity.type === 'message') await sendReply(context, internalErrorReply(teamsRequestContext(context.activity)));
  };

  const app = new Application({ adapter, ...(config.appId ? { botAppId: config.appId } : {}), removeRecipientMention: true, startTypingTimer: false });
  registerConversationUpdates(app, core);
  const sender = createTeamsSender(adapter, config.appId);
  const uploads = teamsFileUploads(core, sender, { httpsOnly: options.httpsDownloadsOnly }, logger);
  registerMessages(app, core, uploads, logger);

  return {
    sender,
    idle: () => uploads.idle(),
    async handle(request, response) {
      await adapter.process(request, response, async (context) => {
        await app.run(context);
      });
    },
  };
}
