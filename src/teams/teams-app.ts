// The Teams adapter: a Teams SDK (v2) App mounted on the bot's own Express server at /api/messages.
// Inbound activities carry a Bot Framework JWT, which the SDK checks whenever an app id is configured;
// without one, activities are accepted unauthenticated (development only: the configuration refuses
// that in production). A single-tenant app refuses activities from any other tenant.
import { App } from '@microsoft/teams.apps';
import type { Express } from 'express';
import type { TeamsConfig } from '../config.js';
import type { BotCore } from '../core/bot-core.js';
import { systemClock, type Clock } from '../core/clock.js';
import type { MessageSender } from '../core/outbox/dispatcher.js';
import type { Logger } from '../logger.js';
import { registerCardActions } from './listeners/card-actions.js';
import { registerConversationUpdates } from './listeners/conversation-updates.js';
import { teamsFileUploads } from './listeners/file-uploads.js';
import { registerMessageExtension } from './listeners/message-extension.js';
import { registerMessages } from './listeners/messages.js';
import { registerTypeahead } from './listeners/typeahead.js';
import { allowedTenant, teamsAuthOptions, teamsCloud } from './teams-auth.js';
import { tenantOf, type InboundActivity } from './teams-context.js';
import { ExpressRouteAdapter } from './teams-http.js';
import { teamsSdkLogger } from './teams-logger.js';
import { createTeamsSender } from './teams-sender.js';
import { EntraTokenSource, type TeamsConnection } from './teams-token.js';

export const TEAMS_MESSAGES_PATH = '/api/messages';

export interface TeamsAdapter {
  /** Sends the outbox's messages to Teams conversations. */
  readonly sender: MessageSender;
  /** Resolves when the metrics files being imported are done and their reports sent. */
  idle(): Promise<void>;
  /** Where signing in to Microsoft Entra stands, for /readyz; undefined without a client secret (no app id, or a managed identity). */
  connection(): TeamsConnection | undefined;
  /** Asks Entra for the bot's token in the background (readiness does not wait for it). */
  start(): void;
  stop(): void;
}

/** The bot's own Entra client, for an app that signs in with its password (SingleTenant, MultiTenant). */
function entraTokens(config: TeamsConfig, logger: Logger, clock: Clock): EntraTokenSource | undefined {
  if (!config.appId || !config.appPassword || (config.appType !== 'SingleTenant' && config.appType !== 'MultiTenant')) return undefined;
  const cloud = teamsCloud(config);
  return new EntraTokenSource({
    clientId: config.appId,
    clientSecret: config.appPassword,
    loginEndpoint: cloud.loginEndpoint,
    botTenant: (config.appType === 'SingleTenant' ? config.tenantId : undefined) ?? cloud.loginTenant,
    botScope: cloud.botScope,
    logger,
    clock,
  });
}

/** A sender for proactive messages only, with the bot's credentials (tools and tests that post without serving). */
export function createStandaloneTeamsSender(config: TeamsConfig, logger: Logger, clock: Clock = systemClock): MessageSender {
  const tokens = entraTokens(config, logger, clock);
  const app = new App({
    ...teamsAuthOptions(config, tokens && ((scope, tenant) => tokens.token(scope, tenant))),
    logger: teamsSdkLogger(logger),
  });
  return createTeamsSender(app.api.http);
}

/** Builds the Teams app and mounts its endpoint on `http` (before the server's 404 fallback). */
export async function createTeamsAdapter(
  config: TeamsConfig,
  core: BotCore,
  http: Express,
  logger: Logger,
  options: { readonly httpsDownloadsOnly: boolean; readonly clock?: Clock },
): Promise<TeamsAdapter> {
  const tokens = entraTokens(config, logger, options.clock ?? systemClock);
  const app = new App({
    ...teamsAuthOptions(config, tokens && ((scope, tenant) => tokens.token(scope, tenant))),
    logger: teamsSdkLogger(logger),
    httpServerAdapter: new ExpressRouteAdapter(http, logger),
    messagingEndpoint: TEAMS_MESSAGES_PATH,
    // The bot removes its own @mention itself and turns other people's into ids (teamsCommandWords).
    activity: { mentions: { stripText: false } },
  });

  const tenant = allowedTenant(config);
  if (tenant !== undefined) {
    app.use(async (ctx) => {
      if (tenantOf(ctx.activity as InboundActivity) === tenant) return ctx.next();
      logger.warn({ component: 'teams' }, 'refused an activity from another tenant');
      return { status: 403, body: { error: 'This app serves one organisation only.' } };
    });
  }
  registerConversationUpdates(app, core, logger);
  const sender = createTeamsSender(app.api.http);
  const uploads = teamsFileUploads(core, sender, { httpsOnly: options.httpsDownloadsOnly }, logger);
  registerMessages(app, core, uploads, logger);
  registerCardActions(app, core, logger);
  registerTypeahead(app, core);
  registerMessageExtension(app, core);
  // Route errors are logged by the SDK through teamsSdkLogger; the turn is answered with a 500.
  await app.initialize();

  return {
    sender,
    idle: () => uploads.idle(),
    connection: () => tokens?.connection(),
    start: () => tokens?.start(),
    stop: () => tokens?.stop(),
  };
}
