// Dynamic typeahead (`Input.ChoiceSet` with `Data.Query`, invoke `application/search`): the options
// matching what the person has typed, from the same search that feeds Slack's external selects. A
// dataset that names no form field, or any odd query, gets an empty list.
import type { ISearchInvokeActivity } from '@microsoft/teams.api';
import type { App } from '@microsoft/teams.apps';
import type { BotCore } from '../../core/bot-core.js';
import { parseDataset } from '../adaptive-card.js';
import { TEAMS_CARD_LIMITS } from '../card-limits.js';
import { teamsRequestContext, type InboundActivity } from '../teams-context.js';

export function registerTypeahead(app: App, core: BotCore): void {
  app.on('card.search', async (ctx) => {
    const activity = ctx.activity as ISearchInvokeActivity & InboundActivity;
    const field = parseDataset(typeof activity.value?.dataset === 'string' ? activity.value.dataset : '');
    const query = typeof activity.value?.queryText === 'string' ? activity.value.queryText : '';
    const options = field ? await core.formFieldOptions(field.formId, field.fieldId, query, teamsRequestContext(activity)) : [];
    const results = options.slice(0, TEAMS_CARD_LIMITS.typeaheadResults).map((option) => ({ title: option.label, value: option.value }));
    return { statusCode: 200, type: 'application/vnd.microsoft.search.searchResponse' as const, value: { results } };
  });
}
