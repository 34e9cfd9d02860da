// The proactive messages of the events feature: announcements to community channels (re-rendered in
// place as answers come in), and the direct messages that must follow a change: a place from the
// waitlist, an offer to claim, a change of time or place, a cancellation, reminders. The store builds
// them inside the transaction that makes the change, so they are sent exactly when it commits.
import { translator, type Translate } from '../i18n/translator.js';
import type { OutgoingMessage } from '../outbox/outbox.js';
import { postKey } from '../outbox/post-key.js';
import { RUN_COMMAND_ACTION } from '../actions.js';
import { message, type Block, type Message } from '../reply/reply.js';
import type { EventRecord } from './event.js';
import type { EventSettings } from './event-settings.js';
import { announcement, CLAIM_ACTION, linkButtons, meetingButtons, RATE_ACTION, recordingButton, whereText } from './event-views.js';
import { ukClock, ukRange } from './london-time.js';

/** The post kind of an event's announcement (see post-key.ts). */
export const EVENT_POST_KIND = 'event';
export const eventPostKey = (eventId: string) => postKey(EVENT_POST_KIND, eventId);

export class EventNotices {
  constructor(
    private readonly t: Translate,
    private readonly settings: EventSettings,
  ) {}

  /** The announcement in one community channel, posted once (its key), updated in place later. */
  announce(event: EventRecord, conversationId: string): OutgoingMessage {
    return {
      recipient: { kind: 'conversation', conversationId },
      message: announcement(this.t, event, this.settings.publicUrl),
      key: `event-announce:${event.id}:${conversationId}`,
      postKey: eventPostKey(event.id),
    };
  }

  private direct(memberId: string, key: string, summary: string, blocks: readonly Block[]): OutgoingMessage {
    return { recipient: { kind: 'member', memberId }, message: message(summary, blocks), key };
  }

  private when(event: EventRecord): string {
    return `${ukRange(event.startsAt, event.endsAt, this.t.language)} ${this.t('events.ukTime')}`;
  }

  promoted(event: EventRecord, memberId: string, at: Date): OutgoingMessage {
    const text = this.t('events.notice.promoted', { title: event.title, when: this.when(event) });
    return this.direct(memberId, `event-promoted:${event.id}:${memberId}:${at.getTime()}`, text, [
      { kind: 'text', text },
      { kind: 'facts', facts: [{ label: this.t('events.fact.where'), value: whereText(this.t, event) }] },
      linkButtons(this.t, event, this.settings.publicUrl),
    ]);
  }

  offered(event: EventRecord, memberId: string, expiresAt: Date): OutgoingMessage {
    const text = this.t('events.notice.offered', {
      title: event.title,
      when: this.when(event),
      until: `${ukRange(expiresAt, expiresAt, this.t.language).split(',')[0] ?? ''} ${ukClock(expiresAt, this.t.language)}`,
    });
    return this.direct(memberId, `event-offer:${event.id}:${memberId}:${expiresAt.getTime()}`, text, [
      { kind: 'text', text },
      {
        kind: 'buttons',
        buttons: [{ label: this.t('events.button.claim'), action: CLAIM_ACTION, value: `${event.id}:${memberId}`, style: 'primary' }],
      },
    ]);
  }

  changed(before: EventRecord, after: EventRecord, memberIds: readonly string[]): OutgoingMessage[] {
    const text = this.t('events.notice.changed', {
      title: after.title,
      when: this.when(after),
      where: whereText(this.t, after),
      before: this.when(before),
    });
    return memberIds.map((memberId) =>
      this.direct(memberId, `event-changed:${after.id}:${after.sequence}:${memberId}`, text, [
        { kind: 'text', text },
        linkButtons(this.t, after, this.settings.publicUrl, 'update'),
      ]),
    );
  }

  cancelled(event: EventRecord, memberIds: readonly string[]): OutgoingMessage[] {
    const text = this.t('events.notice.cancelled', { title: event.title, when: this.when(event) });
    return memberIds.map((memberId) =>
      this.direct(memberId, `event-cancelled:${event.id}:${memberId}`, text, [
        { kind: 'text', text },
        linkButtons(this.t, event, this.settings.publicUrl, 'update'),
      ]),
    );
  }

  /**
   * To the member named as host (of a new event, or of a meeting whose host changed): which event, when,
   * and how to see or cancel it. `key` makes it once per naming.
   */
  hosting(meetings: readonly EventRecord[], memberId: string, key: string): OutgoingMessage | undefined {
    const first = meetings[0];
    const last = meetings.at(-1);
    if (!first || !last) return undefined;
    const text =
      meetings.length > 1
        ? this.t('events.notice.hostSeries', {
            title: first.title,
            count: meetings.length,
            when: this.when(first),
            first: first.number,
            last: last.number,
          })
        : this.t('events.notice.host', { title: first.title, when: this.when(first), number: first.number });
    return this.direct(memberId, key, text, [
      { kind: 'text', text },
      { kind: 'facts', facts: [{ label: this.t('events.fact.where'), value: whereText(this.t, first) }] },
      { kind: 'text', text: this.t('events.notice.hostManage', { number: first.number }) },
      {
        kind: 'buttons',
        buttons: [
          { label: this.t('events.button.see'), action: RUN_COMMAND_ACTION, value: `event ${first.number}` },
          { label: this.t('events.button.cancel'), action: RUN_COMMAND_ACTION, value: `event cancel ${first.number}` },
        ],
      },
    ]);
  }

  /** After the event, to those who attended: the recording and slides, and 1 to 5 rating buttons. */
  followUp(event: EventRecord, memberId: string, url: string): OutgoingMessage {
    const text = this.t('events.notice.followUp', { title: event.title });
    return this.direct(memberId, `event-followup:${event.id}:${memberId}`, text, [
      { kind: 'text', text },
      recordingButton(this.t, url),
      { kind: 'text', text: this.t('events.notice.rate') },
      {
        kind: 'buttons',
        buttons: [1, 2, 3, 4, 5].map((rating) => ({ label: String(rating), action: RATE_ACTION, value: `${event.id}:${rating}` })),
      },
    ]);
  }

  reminder(event: EventRecord, memberId: string, minutes: number): OutgoingMessage {
    const before = minutes % 60 === 0 ? this.t('events.hours', { count: minutes / 60 }) : this.t('events.minutes', { count: minutes });
    const text = this.t('events.notice.reminder', { title: event.title, when: this.when(event), before });
    const meeting = meetingButtons(this.t, event);
    return this.direct(memberId, `event-reminder:${event.id}:${memberId}:${minutes}m`, text, [
      { kind: 'text', text },
      { kind: 'facts', facts: [{ label: this.t('events.fact.where'), value: whereText(this.t, event) }] },
      ...(meeting.length > 0 ? [{ kind: 'buttons' as const, buttons: meeting }] : []),
    ]);
  }
}

/**
 * The same notices, each built in its recipient's language when the outbox queues it (a member's choice
 * or a channel's, Welsh then English for both): the keys and recipients do not depend on the language.
 */
export class LocalizedEventNotices {
  private readonly english: EventNotices;

  constructor(private readonly settings: EventSettings) {
    this.english = new EventNotices(translator('en'), settings);
  }

  private localized(build: (notices: EventNotices) => OutgoingMessage): OutgoingMessage {
    return { ...build(this.english), message: (t) => build(new EventNotices(t, this.settings)).message as Message };
  }

  /** Notices to many: each language's are built once, however many recipients share it. */
  private localizedAll(build: (notices: EventNotices) => OutgoingMessage[]): OutgoingMessage[] {
    const built = new Map<string, OutgoingMessage[]>();
    const inLanguage = (t: Translate) => {
      let found = built.get(t.language);
      if (!found) built.set(t.language, (found = build(new EventNotices(t, this.settings))));
      return found;
    };
    return build(this.english).map((outgoing, i) => ({ ...outgoing, message: (t: Translate) => inLanguage(t)[i]!.message as Message }));
  }

  announce(event: EventRecord, conversationId: string): OutgoingMessage {
    return this.localized((notices) => notices.announce(event, conversationId));
  }

  promoted(event: EventRecord, memberId: string, at: Date): OutgoingMessage {
    return this.localized((notices) => notices.promoted(event, memberId, at));
  }

  offered(event: EventRecord, memberId: string, expiresAt: Date): OutgoingMessage {
    return this.localized((notices) => notices.offered(event, memberId, expiresAt));
  }

  changed(before: EventRecord, after: EventRecord, memberIds: readonly string[]): OutgoingMessage[] {
    return this.localizedAll((notices) => notices.changed(before, after, memberIds));
  }

  cancelled(event: EventRecord, memberIds: readonly string[]): OutgoingMessage[] {
    return this.localizedAll((notices) => notices.cancelled(event, memberIds));
  }

  hosting(meetings: readonly EventRecord[], memberId: string, key: string): OutgoingMessage | undefined {
    if (!this.english.hosting(meetings, memberId, key)) return undefined;
    return this.localized((notices) => notices.hosting(meetings, memberId, key) as OutgoingMessage);
  }

  followUp(event: EventRecord, memberId: string, url: string): OutgoingMessage {
    return this.localized((notices) => notices.followUp(event, memberId, url));
  }

  reminder(event: EventRecord, memberId: string, minutes: number): OutgoingMessage {
    return this.localized((notices) => notices.reminder(event, memberId, minutes));
  }
}
