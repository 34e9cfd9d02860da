// What happens when a form is submitted: the feature that built the form validates the values and
// either answers with messages beside fields (nothing saved) or does the work and replies.
import type { RequestContext } from '../context.js';
import type { Field, Form, Message, Reply } from '../reply/reply.js';
import type { CoreServices } from '../services.js';

/** Submitted values by field id: one value, several (multi-selects, checkboxes) or none. */
export type FormValues = Readonly<Record<string, string | readonly string[] | undefined>>;

export type FormOutcome =
  | {
      readonly kind: 'invalid';
      readonly errors: Readonly<Record<string, string>>;
      /** The form again, as submitted and with the errors, for platforms that send a new copy (Teams). */
      readonly form: Form;
    }
  | {
      readonly kind: 'done';
      readonly reply: Message;
      /** Work the adapter does after replying, with what only its platform can do. */
      readonly followUps?: readonly FollowUp[];
      /** A click that waited for this form (see ActionHandler.runsAfterJoining): BotCore runs it and adds its reply. */
      readonly then?: { readonly action: string; readonly value: string };
    };

/**
 * Platform work that follows a form: `invite-to-region-channels` asks the adapter to add the person to
 * the region's community channels where its platform can (Slack's conversations.invite; Teams has no
 * such API). The adapter finds the channels with BotCore.regionChannels.
 */
export type FollowUp =
  | { readonly kind: 'invite-to-region-channels'; readonly regionCode: string }
  /**
   * `record-verified-email`: the adapter looks up the person's verified email (where its platform gives
   * one) and hands it to BotCore.recordVerifiedEmail, which keeps only a keyed hash of it.
   */
  | { readonly kind: 'record-verified-email' };

export interface FormHandler {
  /** The form id it handles (Form.id). */
  readonly id: string;
  submit(values: FormValues, state: string | undefined, context: RequestContext, services: CoreServices): Promise<FormOutcome>;
  /** Options matching what a person typed in a searchable field (Slack loads long option lists this way). */
  options?(
    fieldId: string,
    query: string,
    context: RequestContext,
    services: CoreServices,
  ): Promise<readonly { label: string; value: string }[]>;
}

export interface ActionHandler {
  /** The button's action id. */
  readonly id: string;
  /**
   * A click by someone who has not joined may ride through the join form and run once they have: only
   * actions marked so (answering an event), re-checked then like any click.
   */
  readonly runsAfterJoining?: boolean;
  run(value: string | undefined, context: RequestContext, services: CoreServices): Promise<Reply>;
  /**
   * The clicked post as this person should see it after the click (an announcement with their own
   * answer and the live counts). Teams shows it to the clicker in place of the card they clicked.
   */
  viewAfter?(value: string | undefined, context: RequestContext, services: CoreServices): Promise<Message | undefined>;
}

function asList(value: string | readonly string[] | undefined): string[] {
  if (value === undefined) return [];
  return typeof value === 'string' ? value.split(',').filter((v) => v !== '') : [...value];
}

/** The form with what was submitted as its values and the errors beside the fields. */
export function withSubmission(form: Form, values: FormValues, errors: Readonly<Record<string, string>>): Form {
  const fields = form.fields.map((field): Field => {
    const value = values[field.id];
    switch (field.kind) {
      case 'select':
        return { ...field, initial: asList(value) };
      case 'checkbox':
        return { ...field, initial: asList(value).includes('true') };
      default:
        return { ...field, initial: asList(value)[0] ?? '' };
    }
  });
  return { ...form, fields, errors };
}
