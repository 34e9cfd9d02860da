// Words typed to the bot (in a channel, after its @mention) and files sent in its personal chat.
// A card from before Universal Actions submits as a message with a value and no text: it is still
// answered, by the core's action it names.
import type { App } from '@microsoft/teams.apps';
import type { BotCore } from '../../core/bot-core.js';
import type { Logger } from '../../logger.js';
import { internalErrorReply } from '../../core/commands/command-replies.js';
import { renderMessageActivity } from '../adaptive-card.js';
import { deliverReply, turnOf } from '../reply-delivery.js';
import { teamsCommandWords, teamsRequestContext, type InboundActivity } from '../teams-context.js';
import { teamsVerifiedEmail } from '../verified-email.js';
import { sharedFiles, type FileUploads } from './file-uploads.js';

/** The verb field of the Action.Submit cards the bot sent before it used Universal Actions. */
const LEGACY_VERB_FIELD = 'verb';

export function registerMessages(app: App, core: BotCore, uploads: FileUploads, logger: Logger): void {
  app.on('message', async (ctx) => {
    const activity = ctx.activity as InboundActivity & { value?: unknown; attachments?: unknown };
    const request = teamsRequestContext(activity, () => teamsVerifiedEmail(ctx.api, activity, logger));
    const turn = turnOf(ctx, core, request.t);
    // A file sent in the personal chat: a metrics upload, answered with its report once imported.
    const files = sharedFiles(ctx.activity);
    if (files.length > 0) {
      uploads.start(ctx.activity, files);
      return;
    }
    const text = teamsCommandWords(activity);
    const submitted = activity.value as Record<string, unknown> | undefined;
    const reply =
      text === '' && submitted !== undefined && typeof submitted === 'object'
        ? await core.handleAction(
            typeof submitted[LEGACY_VERB_FIELD] === 'string' ? submitted[LEGACY_VERB_FIELD] : '',
            typeof submitted['value'] === 'string' ? submitted['value'] : undefined,
            request,
          )
        : await core.handleText(text, request);
    try {
      await deliverReply(turn, await core.withFileLinks(reply, request), logger);
    } catch (error) {
      // The core never throws; sending can. Say so where the person asked, without the answer.
      logger.error({ err: error, component: 'teams' }, 'could not send an answer to Teams');
      await turn.send(renderMessageActivity(internalErrorReply(request)));
    }
  });
}
