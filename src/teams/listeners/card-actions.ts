// Card buttons (Universal Actions: `Action.Execute`, invoke `adaptiveCard/action`). The verb is the
// core's action id and `data.value` its payload; the core re-checks both, since anyone who can see a
// card can replay it. A form's submit carries the form id and state, with the inputs' values beside
// them. The answer comes back in the invoke response (see reply-delivery.ts).
import type { IAdaptiveCardActionInvokeActivity } from '@microsoft/teams.api';
import type { App } from '@microsoft/teams.apps';
import type { BotCore } from '../../core/bot-core.js';
import type { FormValues } from '../../core/forms/form-handler.js';
import type { Logger } from '../../logger.js';
import { FORM_SUBMIT_VERB } from '../adaptive-card.js';
import { runFollowUps } from '../follow-ups.js';
import { answerClick, cardResponse, turnOf } from '../reply-delivery.js';
import { teamsRequestContext, type InboundActivity } from '../teams-context.js';
import { teamsVerifiedEmail } from '../verified-email.js';

/** The form submit's own fields; every other string in `data` is an input's value. */
const FORM_FIELDS = new Set(['form', 'state', 'value']);

function stringOr(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function inputsOf(data: Record<string, unknown>): FormValues {
  return Object.fromEntries(
    Object.entries(data).filter((entry): entry is [string, string] => typeof entry[1] === 'string' && !FORM_FIELDS.has(entry[0])),
  );
}

export function registerCardActions(app: App, core: BotCore, logger: Logger): void {
  app.on('card.action', async (ctx) => {
    const activity = ctx.activity as IAdaptiveCardActionInvokeActivity & InboundActivity;
    const verb = stringOr(activity.value?.action?.verb) ?? '';
    const data = (activity.value?.action?.data ?? {}) as Record<string, unknown>;
    const request = teamsRequestContext(activity, () => teamsVerifiedEmail(ctx.api, activity, logger));
    const turn = turnOf(ctx, core, request.t);

    if (verb === FORM_SUBMIT_VERB) {
      const outcome = await core.handleFormSubmit(stringOr(data['form']) ?? '', inputsOf(data), stringOr(data['state']), request);
      if (outcome.kind === 'invalid') return cardResponse(outcome.form);
      await runFollowUps(outcome.followUps ?? [], ctx.api, activity, core, logger);
      return cardResponse(await core.withFileLinks(outcome.reply, request));
    }

    const value = stringOr(data['value']);
    const reply = await core.withFileLinks(await core.handleAction(verb, value, request), request);
    const view = await core.viewAfterAction(verb, value, request);
    return answerClick(turn, verb, reply, view);
  });
}
