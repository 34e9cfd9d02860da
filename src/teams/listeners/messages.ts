// Words typed to the bot (its @mention already removed by teams-ai) and Adaptive Card button clicks.
import type { Application } from '@microsoft/teams-ai';
import { ActivityTypes } from 'botbuilder';
import { RUN_COMMAND_ACTION } from '../../core/actions.js';
import type { BotCore } from '../../core/bot-core.js';
import type { Logger } from '../../logger.js';
import { FORM_SUBMIT_VERB, VERB_FIELD } from '../adaptive-card.js';
import { sendReply } from '../send-reply.js';
import { runFollowUps } from '../follow-ups.js';
import { teamsCommandWords, teamsRequestContext } from '../teams-context.js';
import { teamsVerifiedEmail } from '../verified-email.js';
import { sharedFiles, type FileUploads } from './file-uploads.js';

export function registerMessages(app: Application, core: BotCore, uploads: FileUploads, logger: Logger): void {
  // Card routes first: a button click arrives as a message with a value and no text.
  app.adaptiveCards.actionSubmit<Record<string, unknown>>(RUN_COMMAND_ACTION, async (context, _state, data) => {
    const value = typeof data['value'] === 'string' ? data['value'] : undefined;
    const request = teamsRequestContext(context.activity, () => teamsVerifiedEmail(context, logger));
    const reply = await core.handleAction(String(data[VERB_FIELD]), value, request);
    await sendReply(context, await core.withDownloadLinks(reply, request));
  });

  app.adaptiveCards.actionSubmit<Record<string, unknown>>(FORM_SUBMIT_VERB, async (context, _state, data) => {
    const { [VERB_FIELD]: _verb, form, state, ...inputs } = data;
    const values = Object.fromEntries(Object.entries(inputs).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
    const outcome = await core.handleFormSubmit(
      typeof form === 'string' ? form : '',
      values,
      typeof state === 'string' ? state : undefined,
      teamsRequestContext(context.activity),
    );
    // The reply (a new member's welcome) goes to the chat the form was in; then the follow-ups Teams can do.
    await sendReply(context, outcome.kind === 'invalid' ? outcome.form : outcome.reply);
    if (outcome.kind === 'done') await runFollowUps(outcome.followUps ?? [], context, core, logger);
  });

  // Other buttons with an action of the core's (e.g. confirming erasure, confirming an organisation).
  app.adaptiveCards.actionSubmit<Record<string, unknown>>(/^(member|organisation|case|event)\./, async (context, _state, data) => {
    const value = typeof data['value'] === 'string' ? data['value'] : undefined;
    const request = teamsRequestContext(context.activity);
    const reply = await core.handleAction(String(data[VERB_FIELD]), value, request);
    await sendReply(context, await core.withDownloadLinks(reply, request));
  });

  app.activity(ActivityTypes.Message, async (context) => {
    // A file sent in the personal chat: a metrics upload, answered with its report once imported.
    const files = sharedFiles(context);
    if (files.length > 0) {
      uploads.start(context, files);
      return;
    }
    const text = teamsCommandWords(context.activity);
    const submitted = context.activity.value as Record<string, unknown> | undefined;
    // A card submit whose verb no route above knows: answered politely by the core.
    const request = teamsRequestContext(context.activity, () => teamsVerifiedEmail(context, logger));
    const reply =
      text === '' && submitted !== undefined
        ? await core.handleAction(typeof submitted[VERB_FIELD] === 'string' ? submitted[VERB_FIELD] : '', undefined, request)
        : await core.handleText(text, request);
    await sendReply(context, await core.withDownloadLinks(reply, request));
  });
}
