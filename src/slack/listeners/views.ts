// Modal submissions (view_submission) and the options of searchable fields (block_suggestion). A
// submission with problems is answered with messages beside the fields and the modal stays open;
// otherwise the modal closes, the reply goes to the person as a direct message, and the form's follow-ups
// run (a new member is invited to their region's channels).
import type { App, ViewStateValue } from '@slack/bolt';
import type { BotCore } from '../../core/bot-core.js';
import type { FormValues } from '../../core/forms/form-handler.js';
import type { Logger } from '../../logger.js';
import { option, renderFormErrors, renderMessage } from '../block-kit.js';
import { runFollowUps } from '../follow-ups.js';
import { slackRequestContext } from '../slack-context.js';

/** The value of one input, whatever its element type. */
function inputValue(state: ViewStateValue): string | string[] | undefined {
  switch (state.type) {
    case 'multi_static_select':
    case 'multi_external_select':
    case 'checkboxes':
      return (state.selected_options ?? []).map((selected) => selected.value ?? '');
    case 'static_select':
    case 'external_select':
    case 'radio_buttons':
      return state.selected_option?.value ?? undefined;
    case 'datepicker':
      return state.selected_date ?? undefined;
    case 'timepicker':
      return state.selected_time ?? undefined;
    default:
      return state.value ?? undefined;
  }
}

export function formValues(values: Record<string, Record<string, ViewStateValue>>): FormValues {
  // Each input block's id is the field id; its element's action id is always `value`.
  return Object.fromEntries(
    Object.entries(values).map(([fieldId, elements]) => [fieldId, elements['value'] ? inputValue(elements['value']) : undefined]),
  );
}

export function registerViews(app: App, core: BotCore, logger: Logger): void {
  app.view(/.+/, async ({ view, body, ack, client }) => {
    const context = slackRequestContext(body.team?.id ?? body.user.team_id ?? '', body.user.id, body.user.id);
    const outcome = await core.handleFormSubmit(
      view.callback_id,
      formValues(view.state.values),
      view.private_metadata || undefined,
      context,
    );
    if (outcome.kind === 'invalid') {
      await ack(renderFormErrors(outcome.errors));
      return;
    }
    await ack();
    try {
      await client.chat.postMessage({ channel: body.user.id, ...renderMessage(outcome.reply) });
    } catch (error) {
      logger.error({ err: error, component: 'slack' }, 'could not send the form reply to Slack');
    }
    await runFollowUps(outcome.followUps ?? [], { teamId: context.actor.workspaceId, userId: body.user.id }, core, client, logger);
  });

  app.options<'block_suggestion'>({ type: 'block_suggestion', action_id: 'value' }, async ({ body, ack }) => {
    const formId = 'view' in body && body.view ? body.view.callback_id : '';
    const teamId = body.team?.id ?? body.user.team_id ?? '';
    const found = await core.formFieldOptions(formId, body.block_id, body.value, slackRequestContext(teamId, body.user.id, body.user.id));
    await ack({ options: found.map((o) => option(o.label, o.value)) });
  });
}
