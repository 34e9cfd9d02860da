// The search message extension: case studies found from the compose box of any chat or channel. Each
// result is the case study's card (with its source), inserted into the conversation when picked.
import type { IMessageExtensionQueryInvokeActivity, MessagingExtensionResponse } from '@microsoft/teams.api';
import type { App } from '@microsoft/teams.apps';
import type { BotCore } from '../../core/bot-core.js';
import { renderMessageCard } from '../adaptive-card.js';
import { CASE_SEARCH_COMMAND_ID, CASE_SEARCH_PARAMETER } from '../message-extension-ids.js';
import { teamsRequestContext, type InboundActivity } from '../teams-context.js';

const ADAPTIVE_CARD = 'application/vnd.microsoft.card.adaptive';
const THUMBNAIL_CARD = 'application/vnd.microsoft.card.thumbnail';

function queryText(activity: IMessageExtensionQueryInvokeActivity): string {
  const parameter = activity.value?.parameters?.find((candidate) => candidate.name === CASE_SEARCH_PARAMETER);
  return typeof parameter?.value === 'string' ? parameter.value : '';
}

export function registerMessageExtension(app: App, core: BotCore): void {
  app.on('message.ext.query', async (ctx): Promise<MessagingExtensionResponse> => {
    const activity = ctx.activity as IMessageExtensionQueryInvokeActivity & InboundActivity;
    if (activity.value?.commandId !== CASE_SEARCH_COMMAND_ID)
      return { composeExtension: { type: 'result', attachmentLayout: 'list', attachments: [] } };
    const found = await core.composeCaseSearch(queryText(activity), teamsRequestContext(activity));
    const entries = found.kind === 'join' ? [{ title: found.card.summary, preview: found.card.summary, card: found.card }] : found.results;
    return {
      composeExtension: {
        type: 'result',
        attachmentLayout: 'list',
        attachments: entries.map((entry) => ({
          contentType: ADAPTIVE_CARD,
          content: renderMessageCard(entry.card),
          preview: { contentType: THUMBNAIL_CARD, content: { title: entry.title, text: entry.preview } },
        })),
      },
    };
  });
}
