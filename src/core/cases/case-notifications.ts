// Who hears about a case study, through the outbox (sent after the change is saved, with retries): a
// new or revised submission goes by direct message to the facilitators of its region and to national
// admins, with the review buttons; the outcome of a review goes to the submitter. Keys make each
// notice go once, even if the same step is retried.
import { RUN_COMMAND_ACTION } from '../actions.js';
import type { Translate } from '../i18n/translator.js';
import { message } from '../reply/reply.js';
import type { CoreServices } from '../services.js';
import type { ReviewDecision } from './case-store.js';
import type { CaseStudy } from './case-study.js';
import { reviewActions, shorten, type CaseNames } from './case-views.js';

/** The services this module's handlers use. */
export type CaseNotificationsServices = Pick<CoreServices, 'cases' | 'configuredAdmins' | 'outbox'>;

export async function notifyReviewers(
  found: CaseStudy,
  names: CaseNames,
  submitterName: string,
  _t: Translate,
  services: CaseNotificationsServices,
): Promise<void> {
  const reviewers = await services.cases.reviewers(found.regionCode, services.configuredAdmins);
  // Built in each reviewer's language when queued (see outbox.ts).
  const notice = (t: Translate) => {
    const region = names.regions.find((choice) => choice.value === found.regionCode)?.label ?? t('cases.noRegion');
    return message(t('cases.notice.toReview', { number: found.number, title: found.title }), [
      { kind: 'text', text: [{ kind: 'strong', text: t('cases.notice.toReview', { number: found.number, title: found.title }) }] },
      { kind: 'text', text: t('cases.notice.toReviewDetail', { name: submitterName, region }) },
      { kind: 'text', text: shorten(found.summary, 300) },
      {
        kind: 'buttons',
        buttons: [{ label: t('cases.open'), action: RUN_COMMAND_ACTION, value: `case ${found.number}` }, ...reviewActions(found.number, t)],
      },
    ]);
  };
  // A resubmission is a new round of review: its time is part of the key.
  const round = found.submittedAt?.getTime() ?? 0;
  await services.outbox.send(
    reviewers
      .filter((memberId) => memberId !== found.submittedById)
      .map((memberId) => ({
        recipient: { kind: 'member', memberId },
        message: notice,
        key: `case-review:${found.id}:${round}:${memberId}`,
      })),
  );
}

export async function notifyOutcome(
  found: CaseStudy,
  decision: ReviewDecision,
  _t: Translate,
  services: CaseNotificationsServices,
): Promise<void> {
  if (!found.submittedById) return;
  const params = { number: found.number, title: found.title, reason: found.reviewNote ?? '' };
  // Built in the submitter's language when queued (see outbox.ts), not the reviewer's.
  const notice = (t: Translate) => {
    const text = t(`cases.notice.${decision}`, params);
    const button =
      decision === 'approve'
        ? { label: t('cases.open'), action: RUN_COMMAND_ACTION, value: `case ${found.number}` }
        : decision === 'changes'
          ? { label: t('cases.editButton'), action: RUN_COMMAND_ACTION, value: `case edit ${found.number}` }
          : undefined;
    return message(text, [{ kind: 'text', text }, ...(button ? [{ kind: 'buttons' as const, buttons: [button] }] : [])]);
  };
  await services.outbox.send([
    {
      recipient: { kind: 'member', memberId: found.submittedById },
      message: notice,
      key: `case-outcome:${found.id}:${decision}:${found.submittedAt?.getTime() ?? 0}`,
    },
  ]);
}
