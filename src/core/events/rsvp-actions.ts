// The RSVP buttons on an announcement (going, maybe, can't go) and the claim button of a place offered
// from the waitlist. A button's value is only a claim to be checked: the event must exist and be open,
// the person must be an active member, and a claim must be theirs.
import { z } from 'zod';
import type { ActionHandler } from '../forms/form-handler.js';
import type { Translate } from '../i18n/translator.js';
import { message, textMessage, type Message } from '../reply/reply.js';
import { ANSWERS, type EventLinks, type RsvpStatus } from './event.js';
import type { EventHeading } from './event-store.js';
import { claim, respond } from './event-service.js';
import { activeMember } from '../members/active-member.js';
import { ukRange } from './london-time.js';
import { CLAIM_ACTION, JOIN_TO_ANSWER_ACTION, linkButtons, RSVP_ACTION, details } from './event-views.js';
import type { RequestContext } from '../context.js';
import type { CoreServices } from '../services.js';
import { buildProfileForm } from '../members/profile-form.js';
import { refreshHome } from '../home/home-key.js';

/** The services this module's handlers use. */
export type RsvpActionsServices = Pick<
  CoreServices,
  'clock' | 'eventSettings' | 'events' | 'members' | 'outbox' | 'reference' | 'transaction'
>;

const rsvpValue = z
  .string()
  .max(100)
  .transform((value) => value.split(':'))
  .pipe(z.tuple([z.uuid(), z.enum(ANSWERS)]));

const claimValue = z
  .string()
  .max(100)
  .transform((value) => value.split(':'))
  .pipe(z.tuple([z.uuid(), z.uuid()]));

function recordedText(t: Translate, event: EventHeading, status: RsvpStatus, position: number | undefined, unchanged: boolean): string {
  const what = { title: event.title, when: ukRange(event.startsAt, event.endsAt, t.language) };
  const text =
    status === 'waitlisted'
      ? t('events.rsvp.waitlisted', { ...what, position: position ?? 0 })
      : status === 'going'
        ? t('events.rsvp.going', what)
        : status === 'maybe'
          ? t('events.rsvp.maybe', what)
          : t('events.rsvp.not_going', what);
  return unchanged ? `${t('events.rsvp.unchanged')} ${text}` : text;
}

function refusal(t: Translate, kind: 'unknown' | 'cancelled' | 'past' | 'not-member'): Message {
  return textMessage(
    kind === 'unknown'
      ? t('events.unknownButton')
      : kind === 'cancelled'
        ? t('events.rsvp.cancelled')
        : kind === 'past'
          ? t('events.rsvp.past')
          : t('events.joinFirst'),
  );
}

/** The answer of someone (maybe) going, with "Add to calendar" and, for an online event, "Join online" under it. */
function withLinks(text: string, event: EventLinks, context: RequestContext, services: RsvpActionsServices): Message {
  return message(text, [{ kind: 'text', text }, linkButtons(context.t, event, services.eventSettings.publicUrl)]);
}

/** The event as the clicker sees it now: their answer, the live counts and the buttons to change it. */
async function eventViewFor(eventId: string, context: RequestContext, services: RsvpActionsServices): Promise<Message | undefined> {
  const [event, member] = await Promise.all([services.events.find(eventId), activeMember(context, services)]);
  if (!event || !member) return undefined;
  const answer = await services.events.answerOf(event.id, member.id);
  return details(context.t, event, answer, services.eventSettings.publicUrl, false);
}

export const rsvpAction = {
  id: RSVP_ACTION,
  runsAfterJoining: true,
  async viewAfter(value, context, services: RsvpActionsServices) {
    const parsed = rsvpValue.safeParse(value ?? '');
    return parsed.success ? eventViewFor(parsed.data[0], context, services) : undefined;
  },
  async run(value, context, services: RsvpActionsServices) {
    const { t } = context;
    const parsed = rsvpValue.safeParse(value ?? '');
    if (!parsed.success) return textMessage(t('events.unknownButton'));
    const [eventId, answer] = parsed.data;
    const member = await activeMember(context, services);
    if (!member) {
      // Someone who has not joined (or has left) is offered the join form; their answer waits for them.
      const event = await services.events.find(eventId);
      if (!event) return textMessage(t('events.unknownButton'));
      const text = t('events.rsvp.joinFirst', { title: event.title, answer: t(`events.answer.${answer}`) });
      return message(text, [
        { kind: 'text', text },
        {
          kind: 'buttons',
          buttons: [{ label: t('events.button.join'), action: JOIN_TO_ANSWER_ACTION, value: `${eventId}:${answer}`, style: 'primary' }],
        },
      ]);
    }
    const outcome = await respond(services, eventId, member.id, answer, services.clock.now());
    if (outcome.kind !== 'recorded' && outcome.kind !== 'unchanged') return refusal(t, outcome.kind);
    // The announcement's counts (and any promotion) were queued with the answer; the person's own home follows.
    if (outcome.kind === 'recorded') {
      services.outbox.wake();
      await refreshHome(context.actor, member, services);
    }
    const text = recordedText(t, outcome.event, outcome.status, outcome.position, outcome.kind === 'unchanged');
    const links = outcome.status === 'going' || outcome.status === 'maybe' ? await services.events.linksOf(eventId) : undefined;
    return links ? withLinks(text, links, context, services) : textMessage(text);
  },
} satisfies ActionHandler;

export const claimAction: ActionHandler = {
  id: CLAIM_ACTION,
  async viewAfter(value, context, services: RsvpActionsServices) {
    const parsed = claimValue.safeParse(value ?? '');
    return parsed.success ? eventViewFor(parsed.data[0], context, services) : undefined;
  },
  async run(value, context, services: RsvpActionsServices) {
    const { t } = context;
    const parsed = claimValue.safeParse(value ?? '');
    if (!parsed.success) return textMessage(t('events.unknownButton'));
    const [eventId, memberId] = parsed.data;
    const member = await activeMember(context, services);
    if (!member) return textMessage(t('events.joinFirst'));
    // The offer names the member it was made to: anyone else clicking it takes nothing.
    if (member.id !== memberId) return textMessage(t('events.claim.notYours'));
    const outcome = await claim(services, eventId, member.id, services.clock.now());
    if (outcome.kind === 'claimed') {
      services.outbox.wake();
      await refreshHome(context.actor, member, services);
    }
    switch (outcome.kind) {
      case 'claimed':
      case 'already-going':
        return withLinks(
          t('events.rsvp.going', { title: outcome.event.title, when: ukRange(outcome.event.startsAt, outcome.event.endsAt, t.language) }),
          outcome.event,
          context,
          services,
        );
      case 'no-offer':
        return textMessage(t('events.claim.none'));
      case 'expired':
        return textMessage(t('events.claim.expired'));
      default:
        return refusal(t, outcome.kind);
    }
  },
};

/**
 * "Join the community" under a refused answer: the join form, carrying the answer, which is recorded
 * (checked again: the event may have filled or been cancelled meanwhile) once the form is saved.
 */
export const joinToAnswerAction: ActionHandler = {
  id: JOIN_TO_ANSWER_ACTION,
  async run(value, context, services: RsvpActionsServices) {
    const { t } = context;
    const parsed = rsvpValue.safeParse(value ?? '');
    if (!parsed.success) return textMessage(t('events.unknownButton'));
    const [eventId, answer] = parsed.data;
    // Joined meanwhile (another tab, the other platform): the answer is simply recorded.
    if (await activeMember(context, services)) return rsvpAction.run(value, context, services);
    const [event, existing] = await Promise.all([services.events.find(eventId), services.members.findByIdentity(context.actor)]);
    if (!event) return textMessage(t('events.unknownButton'));
    return buildProfileForm(t, services.reference, existing, {
      then: { action: RSVP_ACTION, value: `${eventId}:${answer}` },
      intro: t('events.rsvp.joinIntro', { title: event.title, answer: t(`events.answer.${answer}`) }),
    });
  },
};
