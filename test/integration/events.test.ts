// Events through the real Slack and Teams endpoints: the event form and every check beside its fields,
// lists and details, RSVP buttons with capacity and waitlist (200 clicks at once on 50 places), refused
// clicks that change nothing, the calendar file and the attendee CSV behind their unguessable links,
// and what leaving and erasure do to a member's answers.
import { createHash, createHmac, randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blockActionBody, postToSlackEndpoint, slackInput, viewSubmissionBody, type SlackIdentity } from '../../src/dev/slack-requests.js';
import { adaptiveCardToText, slackBlocksToText } from '../../src/dev/readable-text.js';
import { cardSubmitActivity, messageActivity, type TeamsIdentity } from '../../src/dev/teams-activities.js';
import { joinInSlack } from '../support/members.js';
import { SIGNING_SECRET, startTestBot, type TestBot } from '../support/test-bot.js';
import {
  calendarAt,
  calendarTokenOf,
  clockChangeDay,
  datePicked,
  eventValues,
  fetchBotLink,
  futureDate,
  PUBLIC_URL,
  submitEventForm,
  timePicked,
} from '../support/events.js';
import { slackClick, slackClickButton, slackClickText, slackCommandBlocks, slackCommandText, teamsCard } from '../support/chat.js';
import { cardLinkButtons, linkButton, slackLinkButtons } from '../support/links.js';
import { LINK_NOT_FOUND } from '../../src/server/links.js';

let harness: TestBot;
const prisma = () => harness.bot.database.prisma;
const person = (userId: string): SlackIdentity => ({ teamId: 'T0TEST', userId, channelId: 'C0EVENTS' });
const admin = person('U0ADMIN');
const facilitator = person('U0FACLON');
const member = person('U0MEMBER');
const empty = { type: 'plain_text_input', value: null };

async function memberIdOf(who: SlackIdentity): Promise<string> {
  return (await prisma().platformIdentity.findFirstOrThrow({ where: { userId: who.userId } })).memberId;
}

/** Creates an event as the London facilitator; returns its row. */
async function createEvent(overrides: Parameters<typeof eventValues>[1] = {}) {
  const before = await prisma().event.aggregate({ _max: { number: true } });
  expect(await submitEventForm(harness, facilitator, eventValues(await memberIdOf(facilitator), overrides))).toBeUndefined();
  return prisma().event.findFirstOrThrow({ where: { number: { gt: before._max.number ?? 0 } }, orderBy: { number: 'asc' } });
}

/** Members who joined straight in the database, each with a Slack identity, for clicks in bulk. */
async function bulkMembers(prefix: string, count: number): Promise<SlackIdentity[]> {
  const people: SlackIdentity[] = [];
  for (let i = 0; i < count; i++) {
    const who = person(`${prefix}${String(i).padStart(4, '0')}`);
    await prisma().member.create({
      data: {
        displayName: `Bulk ${prefix} ${i}`,
        regionCode: 'Y56',
        role: 'other',
        consentedAt: new Date(),
        identities: { create: { platform: 'slack', workspaceId: who.teamId, userId: who.userId } },
      },
    });
    people.push(who);
  }
  return people;
}

const rsvps = (eventId: string) => prisma().rsvp.findMany({ where: { eventId }, orderBy: { waitlistOrder: 'asc' } });

beforeAll(async () => {
  harness = await startTestBot({ COP_ADMINS: 'U0ADMIN', PUBLIC_URL });
  await joinInSlack(harness, admin, 'Ada Admin');
  await joinInSlack(harness, facilitator, 'Fran Facilitator', { region: 'Y56' });
  await joinInSlack(harness, member, 'Mo Member', { region: 'Y56' });
  expect(await slackCommandText(harness, admin, 'admin grant facilitator <@U0FACLON> london')).toContain('Done');
  // London's community channel, where events are announced.
  expect(await slackCommandText(harness, facilitator, 'channel link london')).toContain('London');
});
afterAll(async () => {
  await harness?.stop();
});

describe('event new', () => {
  it('is for facilitators and national admins; the modal has every field', async () => {
    expect(await slackCommandText(harness, member, 'event new')).toContain('Only facilitators and national admins can create events');
    const opened = harness.slack.waitFor((request) => request.path === '/views.open');
    await postToSlackEndpoint(
      harness.url,
      new URLSearchParams({
        ...Object.fromEntries(
          new URLSearchParams(
            (await import('../../src/dev/slack-requests.js')).slashCommandBody('event new', `${harness.slack.url}/respond/x`, facilitator),
          ),
        ),
      }).toString(),
      SIGNING_SECRET,
    );
    const view = (
      (await opened).json as {
        view: { callback_id: string; blocks: { block_id?: string; element?: { type: string; options?: { value: string }[] } }[] };
      }
    ).view;
    expect(view.callback_id).toBe('event.form');
    const ids = view.blocks.map((block) => block.block_id).filter(Boolean);
    expect(ids).toEqual([
      'type',
      'title',
      'description',
      'region',
      'date',
      'start',
      'end',
      'onlineUrl',
      'venue',
      'capacity',
      'host',
      'recurrence',
      'meetings',
      'waitlist',
      'offerHours',
    ]);
    expect(view.blocks.find((block) => block.block_id === 'date')?.element?.type).toBe('datepicker');
    expect(view.blocks.find((block) => block.block_id === 'start')?.element?.type).toBe('timepicker');
    // A London facilitator is offered London only: national events are for national admins.
    expect(view.blocks.find((block) => block.block_id === 'region')?.element?.options?.map((o) => o.value)).toEqual(['Y56']);
  });

  it.each([
    ['the end before the start', { start: timePicked('11:00'), end: timePicked('10:00') }, 'end', 'The end must be after the start'],
    ['a date in the past', { date: datePicked('2024-05-01') }, 'date', 'already passed'],
    ['a capacity of 0', { capacity: slackInput.text('0') }, 'capacity', 'whole number from 1'],
    ['a negative capacity', { capacity: slackInput.text('-5') }, 'capacity', 'whole number from 1'],
    ['a malformed link', { onlineUrl: slackInput.text('teams meeting link') }, 'onlineUrl', 'https://'],
    ['a link without a host name', { onlineUrl: slackInput.text('https://nowhere') }, 'onlineUrl', 'https://'],
    ['no venue and no link', { onlineUrl: empty }, 'venue', 'venue or an online link'],
    [
      'a time skipped when the clocks go forward',
      { date: datePicked(clockChangeDay(3)), start: timePicked('01:30'), end: timePicked('03:00') },
      'start',
      'clocks go forward',
    ],
    [
      'a time repeated when the clocks go back',
      { date: datePicked(clockChangeDay(10)), start: timePicked('01:30'), end: timePicked('03:00') },
      'start',
      'clocks go back',
    ],
    [
      'a weekly series with a meeting in the spring gap',
      {
        date: datePicked(clockChangeDay(3).replace(/-(\d\d)$/, (_, d: string) => `-${String(Number(d) - 14).padStart(2, '0')}`)),
        start: timePicked('01:30'),
        end: timePicked('03:30'),
        recurrence: slackInput.select('weekly'),
        meetings: slackInput.text('4'),
      },
      'recurrence',
      'clocks go forward',
    ],
    ['a national event from a facilitator', { region: slackInput.select('national') }, 'region', 'national events are for national admins'],
    ['too many meetings', { recurrence: slackInput.select('weekly'), meetings: slackInput.text('99') }, 'meetings', 'from 2 to 26'],
  ])('refuses %s beside the field and creates nothing', async (_name, overrides, field, message) => {
    const before = await prisma().event.count();
    const errors = await submitEventForm(harness, facilitator, eventValues(await memberIdOf(facilitator), overrides));
    expect(errors?.[field]).toContain(message);
    expect(await prisma().event.count()).toBe(before);
  });

  it('creates the event in UTC from UK time, lists it and shows it', async () => {
    const summer = `${new Date().getFullYear() + 1}-07-01`;
    const event = await createEvent({
      date: datePicked(summer),
      start: timePicked('10:00'),
      end: timePicked('11:30'),
      capacity: slackInput.text('30'),
    });
    // 10:00 BST is 09:00 UTC.
    expect(event.startsAt.toISOString()).toBe(`${summer}T09:00:00.000Z`);
    expect(event).toMatchObject({ type: 'masterclass', regionCode: 'Y56', capacity: 30, status: 'scheduled', sequence: 0 });
    expect(calendarTokenOf(event)).toMatch(new RegExp(`^${event.id}\\.[A-Za-z0-9_-]{32}$`));
    const winter = `${new Date().getFullYear() + 1}-01-20`;
    const january = await createEvent({ date: datePicked(winter), start: timePicked('10:00'), end: timePicked('11:00') });
    expect(january.startsAt.toISOString()).toBe(`${winter}T10:00:00.000Z`);

    const list = await slackCommandText(harness, member, 'events');
    expect(list).toContain(`#${event.number} Flexible retirement: keeping experience`);
    expect(list).toContain('10:00 to 11:30');
    const blocks = await slackCommandBlocks(harness, member, `event ${event.number}`);
    const details = slackBlocksToText(blocks);
    expect(details).toContain('Your answer: none yet.');
    expect(details).toContain('0 going');
    expect(details).toContain('30 of 30 places left');
    // Its links are buttons; the text says where without printing an address.
    expect(details).toContain('Where\nOnline');
    expect(details).not.toContain('https://');
    expect(slackLinkButtons(blocks)).toEqual([
      { label: 'Add to calendar', actionId: 'link.calendar#0', url: `${PUBLIC_URL}/calendar/${calendarTokenOf(event)}.ics` },
      { label: 'Join online', actionId: 'link.meeting#1', url: 'https://teams.example.nhs.uk/meet/123' },
    ]);
    expect(await slackCommandText(harness, member, 'event 99999')).toContain('There is no event 99999');
  });

  it('lists the region’s next events in a new member’s welcome', async () => {
    const newcomer = person('U0NEWCOMER');
    await joinInSlack(harness, newcomer, 'Nia Newcomer', { region: 'Y56' });
    const posted = await harness.slack.waitFor(
      (r) =>
        r.path === '/chat.postMessage' &&
        (r.json as { channel?: string }).channel === 'U0NEWCOMER' &&
        JSON.stringify(r.json).includes('Welcome'),
    );
    const welcome = slackBlocksToText((posted.json as { blocks: unknown }).blocks);
    expect(welcome).toContain('Coming up in London and nationally');
    expect(welcome).toContain('Flexible retirement: keeping experience');
  });

  it('creates a monthly series on the same weekday, one row per meeting', async () => {
    const before = await prisma().event.count();
    expect(
      await submitEventForm(
        harness,
        facilitator,
        eventValues(await memberIdOf(facilitator), {
          title: slackInput.text('Retention leads monthly'),
          type: slackInput.select('community_meeting'),
          date: datePicked(futureDate(8)),
          recurrence: slackInput.select('monthly'),
          meetings: slackInput.text('3'),
        }),
      ),
    ).toBeUndefined();
    const meetings = await prisma().event.findMany({
      where: { title: 'Retention leads monthly' },
      orderBy: { startsAt: 'asc' },
      include: { series: true },
    });
    expect(meetings).toHaveLength(3);
    expect(await prisma().event.count()).toBe(before + 3);
    expect(meetings[0]?.series?.rule).toMatch(/RRULE:FREQ=MONTHLY;COUNT=3;BYDAY=-?\d[A-Z]{2}/);
    // Every meeting falls on the same weekday, at 10:00 UK time.
    const weekdays = new Set(
      meetings.map((m) => new Intl.DateTimeFormat('en-GB', { weekday: 'long', timeZone: 'Europe/London' }).format(m.startsAt)),
    );
    expect(weekdays.size).toBe(1);
    for (const m of meetings)
      expect(new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/London' }).format(m.startsAt)).toBe(
        '10:00',
      );
  });
});

describe('RSVP buttons', () => {
  it('records an answer once, changes it, and waitlists past capacity; a withdrawal promotes the first waiting', async () => {
    const event = await createEvent({ capacity: slackInput.text('1') });
    const [first, second, third] = await bulkMembers('U0RS', 3);
    expect(await slackClickText(harness, first!, 'event.rsvp#0', `${event.id}:going`)).toContain("You're going to");
    expect(await slackClickText(harness, first!, 'event.rsvp#0', `${event.id}:going`)).toContain('Nothing changed');
    expect(await slackClickText(harness, second!, 'event.rsvp#0', `${event.id}:going`)).toContain('waitlist: number 1');
    expect(await slackClickText(harness, third!, 'event.rsvp#0', `${event.id}:going`)).toContain('waitlist: number 2');
    expect(await slackClickText(harness, third!, 'event.rsvp#0', `${event.id}:going`)).toContain('Nothing changed');
    expect((await rsvps(event.id)).map((r) => r.status).sort()).toEqual(['going', 'waitlisted', 'waitlisted']);

    // The one going withdraws: the first waiting is promoted, the second moves up.
    expect(await slackClickText(harness, first!, 'event.rsvp#1', `${event.id}:maybe`)).toContain('You might go');
    const after = await prisma().rsvp.findMany({ where: { eventId: event.id }, include: { member: { select: { displayName: true } } } });
    expect(Object.fromEntries(after.map((r) => [r.member.displayName, r.status]))).toEqual({
      'Bulk U0RS 0': 'maybe',
      'Bulk U0RS 1': 'going',
      'Bulk U0RS 2': 'waitlisted',
    });
    expect(await slackCommandText(harness, third!, `event ${event.number}`)).toContain('waitlisted, number 1 in the queue');
    expect(await slackCommandText(harness, second!, 'my events')).toContain(`#${event.number}`);
  });

  it('refuses tampered and unknown button values without changing anything', async () => {
    const event = await createEvent();
    const before = await prisma().rsvp.count();
    for (const value of ['not-an-id:going', `${event.id}:yes`, `${randomUUID()}:going`, `${event.id}`, `${event.id}:going:extra`, '']) {
      expect(await slackClickText(harness, member, 'event.rsvp#0', value)).toContain('does not name an event');
    }
    // A claim made for someone else takes nothing.
    expect(await slackClickText(harness, member, 'event.claim#0', `${event.id}:${await memberIdOf(facilitator)}`)).toContain(
      'offered to someone else',
    );
    expect(await prisma().rsvp.count()).toBe(before);
  });

  it('offers someone who has not joined to join first, and records nothing', async () => {
    const event = await createEvent();
    const stranger = person('U0STRANGER');
    const text = await slackClickText(harness, stranger, 'event.rsvp#0', `${event.id}:going`);
    expect(text).toContain('please join the community first');
    expect(text).toContain('Join the community');
    expect(await prisma().rsvp.count({ where: { eventId: event.id } })).toBe(0);
  });

  describe('joining from an answer', () => {
    /** Clicks an answer as someone who has not joined, then the offered button; returns the join modal. */
    async function openJoinFromAnswer(who: SlackIdentity, eventId: string, answer: string) {
      const path = `/respond/join-answer-${who.userId}`;
      await postToSlackEndpoint(
        harness.url,
        blockActionBody('event.rsvp#0', `${eventId}:${answer}`, `${harness.slack.url}${path}`, who),
        SIGNING_SECRET,
      );
      const offer = (await harness.slack.waitFor((request) => request.path === path)).json as { blocks: Record<string, unknown>[] };
      const button = offer.blocks.flatMap((b) =>
        b['type'] === 'actions' ? (b['elements'] as { action_id: string; value: string }[]) : [],
      )[0]!;
      expect(button.action_id.split('#')[0]).toBe('event.join');
      const opened = harness.slack.waitFor((request) => request.path === '/views.open' && JSON.stringify(request.json).includes(eventId));
      await postToSlackEndpoint(
        harness.url,
        blockActionBody(button.action_id, button.value, `${harness.slack.url}${path}-form`, who),
        SIGNING_SECRET,
      );
      return ((await opened).json as { view: { callback_id: string; private_metadata: string; blocks: unknown } }).view;
    }

    /** Submits the join modal with its private metadata; resolves with the direct message that follows. */
    async function submitJoin(who: SlackIdentity, name: string, privateMetadata: string): Promise<string> {
      const leeds = await prisma().organisation.findFirstOrThrow({ where: { odsCode: 'RR8' } });
      const values = {
        displayName: slackInput.text(name),
        organisation: slackInput.search(leeds.id),
        region: slackInput.select('Y56'),
        role: slackInput.select('retention_lead'),
        staffGroups: slackInput.multi([]),
        inDirectory: slackInput.checkbox(false),
        consent: slackInput.checkbox(true),
      };
      const dm = harness.slack.waitFor(
        (request) => request.path === '/chat.postMessage' && (request.json as { channel?: string }).channel === who.userId,
      );
      const response = await postToSlackEndpoint(
        harness.url,
        viewSubmissionBody('member.profile', values, privateMetadata, who),
        SIGNING_SECRET,
      );
      expect(await response.text()).toBe('');
      return slackBlocksToText(((await dm).json as { blocks: unknown }).blocks);
    }

    it('records the answer once the join form is saved, with no second click', async () => {
      const event = await createEvent();
      const who = person('U0JOINANSWER');
      const view = await openJoinFromAnswer(who, event.id, 'going');
      expect(view.callback_id).toBe('member.profile');
      expect(slackBlocksToText(view.blocks)).toContain(
        'Once you have joined, your answer to Flexible retirement: keeping experience (Going) is recorded.',
      );
      expect(await prisma().rsvp.count({ where: { eventId: event.id } })).toBe(0);
      const dm = await submitJoin(who, 'Jo Joiner', view.private_metadata);
      expect(dm).toContain('Welcome, Jo Joiner');
      expect(dm).toContain("You're going to Flexible retirement: keeping experience");
      expect(await rsvps(event.id)).toMatchObject([{ memberId: await memberIdOf(who), status: 'going' }]);
    });

    it('says so when the event filled or was cancelled while the form was open', async () => {
      const full = await createEvent({ capacity: slackInput.text('1') });
      const cancelled = await createEvent();
      const late = person('U0JOINFULL');
      const unlucky = person('U0JOINCANCEL');
      const fullForm = await openJoinFromAnswer(late, full.id, 'going');
      const cancelledForm = await openJoinFromAnswer(unlucky, cancelled.id, 'maybe');
      // Meanwhile the one place goes, and the other event is cancelled.
      const [first] = await bulkMembers('U0JOINRACE', 1);
      expect(await slackClickText(harness, first!, 'event.rsvp#0', `${full.id}:going`)).toContain("You're going");
      await prisma().event.update({ where: { id: cancelled.id }, data: { status: 'cancelled' } });

      expect(await submitJoin(late, 'Lee Late', fullForm.private_metadata)).toContain("is full, so you're on the waitlist: number 1");
      expect(
        await prisma().rsvp.findUniqueOrThrow({ where: { eventId_memberId: { eventId: full.id, memberId: await memberIdOf(late) } } }),
      ).toMatchObject({ status: 'waitlisted', waitlistOrder: 1 });
      expect(await prisma().rsvp.count({ where: { eventId: full.id, status: 'going' } })).toBe(1);
      const dm = await submitJoin(unlucky, 'Una Unlucky', cancelledForm.private_metadata);
      expect(dm).toContain('Welcome, Una Unlucky');
      expect(dm).toContain('That event is cancelled, so nothing was recorded.');
      expect(await prisma().rsvp.count({ where: { eventId: cancelled.id } })).toBe(0);
    });

    it('runs nothing but an answer from the form: a tampered state changes nothing else', async () => {
      const who = person('U0JOINTAMPER');
      const victim = await memberIdOf(member);
      const dm = await submitJoin(who, 'Tam Tamper', JSON.stringify({ then: { action: 'member.erase', value: victim } }));
      expect(dm).toContain('Welcome, Tam Tamper');
      expect(await prisma().member.findUniqueOrThrow({ where: { id: victim } })).toMatchObject({ status: 'active' });
      const garbled = await submitJoin(
        person('U0JOINGARBLE'),
        'Gar Garble',
        JSON.stringify({ then: { action: 'event.rsvp', value: 'not-an-id:going' } }),
      );
      expect(garbled).toContain('does not name an event');
    });
  });

  it('refuses answers to cancelled and past events', async () => {
    const cancelled = await createEvent();
    const past = await createEvent();
    expect(await slackCommandText(harness, member, `event cancel ${cancelled.number}`)).toContain('Only the event’s host');
    const confirm = await slackCommandBlocks(harness, facilitator, `event cancel ${cancelled.number}`);
    const button = confirm.flatMap((b) => (b['type'] === 'actions' ? (b['elements'] as { action_id: string; value: string }[]) : []))[0]!;
    expect(await slackClickText(harness, member, button.action_id, button.value)).toContain('Only the event’s host');
    expect(await slackClickText(harness, facilitator, button.action_id, button.value)).toContain('is cancelled');
    expect(await slackClickText(harness, facilitator, button.action_id, button.value)).toContain('already cancelled');
    expect(await slackClickText(harness, member, 'event.rsvp#0', `${cancelled.id}:going`)).toContain('That event is cancelled');
    // The event started a minute ago.
    await prisma().event.update({ where: { id: past.id }, data: { startsAt: new Date(Date.now() - 60_000) } });
    expect(await slackClickText(harness, member, 'event.rsvp#0', `${past.id}:going`)).toContain('already started');
    expect(await prisma().rsvp.count({ where: { eventId: { in: [cancelled.id, past.id] } } })).toBe(0);
  });

  it('takes exactly the capacity when 200 click "going" at once; the rest wait in order', async () => {
    const event = await createEvent({ capacity: slackInput.text('50') });
    const people = await bulkMembers('U0BURST', 200);
    const answers = await Promise.all(
      people.map(async (who, i) => {
        const body = blockActionBody('event.rsvp#0', `${event.id}:going`, `${harness.slack.url}/respond/burst-${i}`, who);
        const response = await postToSlackEndpoint(harness.url, body, SIGNING_SECRET);
        return response.status;
      }),
    );
    expect(answers.every((status) => status === 200)).toBe(true);
    await Promise.all(people.map((_, i) => harness.slack.waitFor((request) => request.path === `/respond/burst-${i}`, 120_000)));
    const rows = await rsvps(event.id);
    expect(rows).toHaveLength(200);
    expect(rows.filter((r) => r.status === 'going')).toHaveLength(50);
    const waiting = rows.filter((r) => r.status === 'waitlisted');
    expect(waiting).toHaveLength(150);
    // One place in the queue each, in the order the clicks were taken: 1 to 150, no gaps, no duplicates.
    expect(waiting.map((r) => r.waitlistOrder)).toEqual(Array.from({ length: 150 }, (_, i) => i + 1));
    expect(new Set(rows.map((r) => r.memberId)).size).toBe(200);
    const counts = '50 going · 0 maybe · 0 can’t go · 150 waitlisted · 0 of 50 places left';
    expect(await slackCommandText(harness, facilitator, `event ${event.number}`)).toContain(counts);
    // The announcement in the channel ends showing the true counts.
    await harness.drainOutbox();
    const posted = await prisma().postedMessage.findFirstOrThrow({ where: { postKey: `event:${event.id}` } });
    const updates = harness.slack.requests.filter((r) => r.path === '/chat.update' && (r.json as { ts?: string }).ts === posted.messageId);
    expect(updates.length).toBeGreaterThan(0);
    expect(slackBlocksToText((updates.at(-1)!.json as { blocks: unknown }).blocks)).toContain(counts);
  }, 180_000);
});

describe('waitlist offers', () => {
  /** Direct messages to a person with a Claim button, once the outbox has sent what is due. */
  async function claimButtons(who: SlackIdentity): Promise<{ text: string; value: string }[]> {
    await harness.drainOutbox();
    return harness.slack.requests
      .filter((request) => request.path === '/chat.postMessage' && (request.json as { channel?: string }).channel === who.userId)
      .flatMap((request) => {
        const blocks = (request.json as { blocks: Record<string, unknown>[] }).blocks;
        const buttons = blocks.flatMap((b) => (b['type'] === 'actions' ? (b['elements'] as { action_id: string; value: string }[]) : []));
        return buttons
          .filter((button) => button.action_id.startsWith('event.claim'))
          .map((button) => ({ text: slackBlocksToText(blocks), value: button.value }));
      });
  }

  /** Places taken (going, or offered and still held) never exceed the capacity. */
  async function placesTaken(eventId: string, now = harness.clock.now()): Promise<number> {
    return prisma().rsvp.count({ where: { eventId, OR: [{ status: 'going' }, { status: 'waitlisted', offerExpiresAt: { gt: now } }] } });
  }

  it('offers a freed place to the first waiting for the set hours; only they can claim it, in time; a lapsed offer goes to the next', async () => {
    const event = await createEvent({
      capacity: slackInput.text('1'),
      waitlist: slackInput.select('offer'),
      offerHours: slackInput.text('2'),
    });
    const [first, second, third, fourth] = await bulkMembers('U0OFFER', 4);
    expect(await slackClickText(harness, first!, 'event.rsvp#0', `${event.id}:going`)).toContain("You're going");
    expect(await slackClickText(harness, second!, 'event.rsvp#0', `${event.id}:going`)).toContain('waitlist: number 1');
    expect(await slackClickText(harness, third!, 'event.rsvp#0', `${event.id}:going`)).toContain('waitlist: number 2');

    // The one going gives up: the first waiting is offered the place (not given it) for two hours.
    const freed = harness.clock.now().getTime();
    await slackClickText(harness, first!, 'event.rsvp#0', `${event.id}:not_going`);
    const secondRow = await prisma().rsvp.findUniqueOrThrow({
      where: { eventId_memberId: { eventId: event.id, memberId: await memberIdOf(second!) } },
    });
    expect(secondRow.status).toBe('waitlisted');
    expect(secondRow.offerExpiresAt!.getTime() - freed).toBeGreaterThan(2 * 3_600_000 - 60_000);
    expect(secondRow.offerExpiresAt!.getTime() - freed).toBeLessThanOrEqual(2 * 3_600_000 + 60_000);
    const [offer] = await claimButtons(second!);
    expect(offer?.text).toContain('Flexible retirement: keeping experience');
    expect(offer?.value).toBe(`${event.id}:${secondRow.memberId}`);
    expect(await claimButtons(third!)).toEqual([]);
    // The held place counts: someone clicking now waits, and nobody else is going.
    expect(await slackClickText(harness, fourth!, 'event.rsvp#0', `${event.id}:going`)).toContain('waitlist: number 3');
    expect(await placesTaken(event.id)).toBe(1);
    expect(await prisma().rsvp.count({ where: { eventId: event.id, status: 'going' } })).toBe(0);

    // Anyone else clicking the offer's button takes nothing; the one offered claims it in time.
    expect(await slackClickText(harness, third!, 'event.claim#0', offer!.value)).toContain('offered to someone else');
    expect(await slackClickText(harness, second!, 'event.claim#0', offer!.value)).toContain("You're going");
    expect(await slackClickText(harness, second!, 'event.claim#0', offer!.value)).toContain("You're going");
    expect(await prisma().rsvp.findMany({ where: { eventId: event.id, status: 'going' }, select: { memberId: true } })).toEqual([
      { memberId: secondRow.memberId },
    ]);
    expect(await placesTaken(event.id)).toBe(1);

    // The place comes free again: offered to the next (the third). Nobody claims it within the two hours.
    await slackClickText(harness, second!, 'event.rsvp#0', `${event.id}:maybe`);
    const [thirdOffer] = await claimButtons(third!);
    expect(thirdOffer?.value).toBe(`${event.id}:${await memberIdOf(third!)}`);
    const later = new Date(harness.clock.now().getTime() + 2 * 3_600_000 + 60_000);
    await harness.bot.runEventJobs(later);
    // The lapsed offer sends the third to the back of the queue; the fourth is offered the place from then.
    const rows = await prisma().rsvp.findMany({ where: { eventId: event.id, status: 'waitlisted' }, orderBy: { waitlistOrder: 'asc' } });
    expect(rows.map((row) => row.memberId)).toEqual([await memberIdOf(fourth!), await memberIdOf(third!)]);
    expect(rows[0]!.offerExpiresAt?.getTime()).toBe(later.getTime() + 2 * 3_600_000);
    expect(rows[1]!.offerExpiresAt).toBeNull();
    expect(await claimButtons(fourth!)).toHaveLength(1);
    expect(await placesTaken(event.id, later)).toBe(1);
    // Claiming after the lapse takes nothing: the offer is gone.
    expect(await slackClickText(harness, third!, 'event.claim#0', thirdOffer!.value)).toContain('no place offered to you');
    expect(await prisma().rsvp.count({ where: { eventId: event.id, status: 'going' } })).toBe(0);

    // An offer whose time ran out before any sweep: the claim is refused, the place stays unclaimed.
    await prisma().rsvp.update({ where: { id: rows[0]!.id }, data: { offerExpiresAt: new Date(harness.clock.now().getTime() - 60_000) } });
    expect(await slackClickText(harness, fourth!, 'event.claim#0', `${event.id}:${await memberIdOf(fourth!)}`)).toContain(
      'offer has run out',
    );
    expect(await prisma().rsvp.count({ where: { eventId: event.id, status: 'going' } })).toBe(0);
    expect(await placesTaken(event.id)).toBeLessThanOrEqual(1);
  });

  it('shows the place offered from the waitlist as taken, as a Going click counts it: the announcement and the answer agree', async () => {
    const event = await createEvent({
      capacity: slackInput.text('2'),
      waitlist: slackInput.select('offer'),
      offerHours: slackInput.text('2'),
    });
    const [first, second, third, fourth] = await bulkMembers('U0AGREE', 4);
    await slackClickText(harness, first!, 'event.rsvp#0', `${event.id}:going`);
    await slackClickText(harness, second!, 'event.rsvp#0', `${event.id}:going`);
    expect(await slackClickText(harness, third!, 'event.rsvp#0', `${event.id}:going`)).toContain('waitlist: number 1');
    // The first gives up their place: it is offered to the third, and held for them.
    await slackClickText(harness, first!, 'event.rsvp#0', `${event.id}:not_going`);
    expect(await claimButtons(third!)).toHaveLength(1);
    // The announcement in the channel says no place is left, and a Going click is waitlisted: they agree.
    await harness.drainOutbox();
    const posted = await prisma().postedMessage.findFirstOrThrow({ where: { postKey: `event:${event.id}` } });
    const updates = harness.slack.requests.filter((r) => r.path === '/chat.update' && (r.json as { ts?: string }).ts === posted.messageId);
    expect(slackBlocksToText((updates.at(-1)!.json as { blocks: unknown }).blocks)).toContain(
      '1 going · 0 maybe · 1 can’t go · 1 waitlisted · 0 of 2 places left',
    );
    expect(await slackCommandText(harness, fourth!, `event ${event.number}`)).toContain('0 of 2 places left');
    expect(await slackClickText(harness, fourth!, 'event.rsvp#0', `${event.id}:going`)).toContain('waitlist: number 2');
    // Once the third claims it, the place is theirs; the count of places left does not change.
    expect(await slackClickText(harness, third!, 'event.claim#0', `${event.id}:${await memberIdOf(third!)}`)).toContain("You're going");
    expect(await slackCommandText(harness, fourth!, `event ${event.number}`)).toContain(
      '2 going · 0 maybe · 1 can’t go · 1 waitlisted · 0 of 2 places left',
    );
  });
});

describe('calendar file and attendee list', () => {
  it('answers "going" with Add to calendar and Join online buttons; the calendar button downloads the event', async () => {
    const event = await createEvent({ title: slackInput.text('Stay conversations that work') });
    const reply = await slackClick(harness, member, 'event.rsvp#0', `${event.id}:going`);
    expect(slackBlocksToText(reply.blocks)).toContain("You're going to Stay conversations that work");
    const buttons = slackLinkButtons(reply.blocks);
    expect(buttons.map((button) => [button.label, button.actionId])).toEqual([
      ['Add to calendar', 'link.calendar#0'],
      ['Join online', 'link.meeting#1'],
    ]);
    const ics = await calendarAt(harness, linkButton(buttons, 'Add to calendar').url);
    expect(ics).toContain(`UID:event-${event.id}@cop-bot`);
    expect(ics).toContain('SUMMARY:Masterclass: Stay conversations that work');
    expect(linkButton(buttons, 'Join online').url).toBe('https://teams.example.nhs.uk/meet/123');
    // Not going: nothing to add to a calendar.
    expect(slackLinkButtons((await slackClick(harness, member, 'event.rsvp#2', `${event.id}:not_going`)).blocks)).toEqual([]);

    // Slack sends the click on a url button as well: acknowledged at once (else Slack warns the clicker), and nothing said.
    const responseUrl = `${harness.slack.url}/respond/link-click`;
    const started = Date.now();
    const click = await postToSlackEndpoint(harness.url, blockActionBody('link.calendar#0', '', responseUrl, member), SIGNING_SECRET);
    expect(click.status).toBe(200);
    expect(Date.now() - started).toBeLessThan(2_000);
    await harness.idle();
    expect(harness.slack.requests.filter((request) => request.path === '/respond/link-click')).toEqual([]);
  });

  it('serves the .ics with the UK time zone, a stable UID and a SEQUENCE raised by changes; cancelled at the end', async () => {
    const day = `${new Date().getFullYear() + 1}-07-02`;
    const event = await createEvent({ date: datePicked(day), start: timePicked('14:00'), end: timePicked('15:00') });
    const url = `${harness.url}/calendar/${calendarTokenOf(event)}.ics`;
    const first = await fetch(url);
    expect(first.status).toBe(200);
    expect(first.headers.get('content-type')).toContain('text/calendar');
    const ics = await first.text();
    expect(ics).toContain('BEGIN:VTIMEZONE');
    expect(ics).toContain('TZID:Europe/London');
    expect(ics).toContain(`DTSTART;TZID=Europe/London:${day.replaceAll('-', '')}T140000`);
    expect(ics).toContain(`UID:event-${event.id}@cop-bot`);
    expect(ics).toContain('SEQUENCE:0');
    expect(ics).toContain('METHOD:PUBLISH');
    // DTSTAMP is in UTC (RFC 5545), whatever the zone of the event's times.
    expect(ics).toMatch(/^DTSTAMP:\d{8}T\d{6}Z\r?$/m);

    // Changed through the form: the same UID, SEQUENCE 1, the new time.
    expect(
      await submitEventForm(
        harness,
        facilitator,
        eventValues(await memberIdOf(facilitator), { date: datePicked(day), start: timePicked('15:00'), end: timePicked('16:00') }),
        event.id,
      ),
    ).toBeUndefined();
    const changed = await (await fetch(url)).text();
    expect(changed).toContain(`UID:event-${event.id}@cop-bot`);
    expect(changed).toContain('SEQUENCE:1');
    expect(changed).toContain(`DTSTART;TZID=Europe/London:${day.replaceAll('-', '')}T150000`);

    const confirm = await slackCommandBlocks(harness, facilitator, `event cancel ${event.number}`);
    const button = confirm.flatMap((b) => (b['type'] === 'actions' ? (b['elements'] as { action_id: string; value: string }[]) : []))[0]!;
    expect(await slackClickText(harness, facilitator, button.action_id, button.value)).toContain('is cancelled');
    const cancelled = await (await fetch(url)).text();
    expect(cancelled).toContain('METHOD:CANCEL');
    expect(cancelled).toContain('STATUS:CANCELLED');
    expect(cancelled).toContain('SEQUENCE:2');

    expect((await fetch(`${harness.url}/calendar/${'x'.repeat(32)}.ics`)).status).toBe(404);
    expect((await fetch(`${harness.url}/calendar/${calendarTokenOf(event)}.txt`)).status).toBe(404);
  });

  it('opens a calendar link only with the MAC derived for its event, and answers a forged one as an unknown one', async () => {
    const event = await createEvent();
    const other = await createEvent({ title: slackInput.text('Another masterclass') });
    const token = calendarTokenOf(event);
    const mac = token.slice(event.id.length + 1);
    expect((await fetch(`${harness.url}/calendar/${token}.ics`)).status).toBe(200);
    const unknown = await fetch(`${harness.url}/calendar/${'x'.repeat(32)}.ics`);
    expect(unknown.status).toBe(404);
    const unknownText = await unknown.text();
    expect(unknownText).toBe(LINK_NOT_FOUND);
    const flipped = `${mac[0] === 'A' ? 'B' : 'A'}${mac.slice(1)}`;
    const forged = [
      `${event.id}.${flipped}`,
      `${event.id}.${'A'.repeat(32)}`,
      `${other.id}.${mac}`,
      `${event.id}.${createHmac('sha256', 'another-secret-of-at-least-32-characters').update(`calendar:${event.id}`).digest().subarray(0, 24).toString('base64url')}`,
      `${event.id}.${mac.slice(0, 31)}`,
      event.id,
    ];
    for (const forgedToken of forged) {
      const response = await fetch(`${harness.url}/calendar/${forgedToken}.ics`);
      expect(response.status, forgedToken).toBe(404);
      expect(response.headers.get('cache-control')).toBe('no-store');
      expect(await response.text()).toBe(unknownText);
    }
  });

  it('keeps serving an event made before the tokens were derived at its old link, from the hash of its token only', async () => {
    const event = await createEvent({ title: slackInput.text('Made before derived links') });
    // What the migration (calendar_token_hashes) leaves for an event made before, with its SQL: the SHA-256 of its old random token.
    const oldToken = randomBytes(24).toString('base64url');
    await prisma()
      .$executeRaw`UPDATE "Event" SET "legacyCalendarTokenHash" = 'sha256:' || encode(sha256(convert_to(${oldToken}, 'UTF8')), 'hex') WHERE id = ${event.id}`;
    const ics = await calendarAt(harness, `${PUBLIC_URL}/calendar/${oldToken}.ics`);
    expect(ics).toContain(`UID:event-${event.id}@cop-bot`);
    // Its derived link works too (posts re-render to it); a token of the old shape that was never stored does not.
    expect(await calendarAt(harness, `${PUBLIC_URL}/calendar/${calendarTokenOf(event)}.ics`)).toContain(`UID:event-${event.id}@cop-bot`);
    expect((await fetch(`${harness.url}/calendar/${randomBytes(24).toString('base64url')}.ics`)).status).toBe(404);
  });

  it('keeps no calendar token in the database', async () => {
    const event = await createEvent({ title: slackInput.text('Nothing stored') });
    const mac = calendarTokenOf(event).slice(event.id.length + 1);
    const oldToken = randomBytes(24).toString('base64url');
    await prisma().event.update({
      where: { id: event.id },
      data: { legacyCalendarTokenHash: `sha256:${createHash('sha256').update(oldToken, 'utf8').digest('hex')}` },
    });
    expect(await calendarAt(harness, `${PUBLIC_URL}/calendar/${calendarTokenOf(event)}.ics`)).toContain(`UID:event-${event.id}@cop-bot`);
    expect(await calendarAt(harness, `${PUBLIC_URL}/calendar/${oldToken}.ics`)).toContain(`UID:event-${event.id}@cop-bot`);
    // Every row of every table, as text: neither the derived token's MAC nor the old token is there.
    const tables = await prisma().$queryRaw<
      { name: string }[]
    >`SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'`;
    expect(tables.map((table) => table.name)).toContain('Event');
    for (const { name } of tables) {
      for (const secret of [mac, oldToken]) {
        const [found] = await prisma().$queryRawUnsafe<{ count: bigint }[]>(
          `SELECT count(*) AS count FROM "${name.replaceAll('"', '""')}" AS t WHERE strpos(t::text, $1) > 0`,
          secret,
        );
        expect(Number(found?.count), `${name} holds a calendar token`).toBe(0);
      }
    }
  });

  it('gives a series its recurrence rule in the calendar file', async () => {
    const event = await createEvent({
      title: slackInput.text('Fortnightly huddle'),
      recurrence: slackInput.select('fortnightly'),
      meetings: slackInput.text('4'),
    });
    const ics = await (await fetch(`${harness.url}/calendar/${calendarTokenOf(event)}.ics`)).text();
    expect(ics).toMatch(/RRULE:FREQ=WEEKLY;COUNT=4;INTERVAL=2/);
    expect(ics).toContain(`UID:series-${event.seriesId}@cop-bot`);
  });

  it("gives a series' changed meeting as its own VEVENT (RECURRENCE-ID) and a cancelled one as an EXDATE, SEQUENCE raised", async () => {
    const year = new Date().getFullYear() + 1;
    const first = await createEvent({
      title: slackInput.text('Weekly huddle'),
      date: datePicked(`${year}-06-01`),
      start: timePicked('10:00'),
      end: timePicked('11:00'),
      recurrence: slackInput.select('weekly'),
      meetings: slackInput.text('4'),
    });
    const meetings = await prisma().event.findMany({ where: { seriesId: first.seriesId }, orderBy: { startsAt: 'asc' } });
    expect(meetings.map((m) => m.startsAt.toISOString().slice(0, 10))).toEqual([
      `${year}-06-01`,
      `${year}-06-08`,
      `${year}-06-15`,
      `${year}-06-22`,
    ]);
    const url = `${harness.url}/calendar/${calendarTokenOf(first)}.ics`;
    const vevents = (ics: string) =>
      ics
        .split('BEGIN:VEVENT')
        .slice(1)
        .map((part) => part.split('END:VEVENT')[0]!);
    const before = vevents(await (await fetch(url)).text());
    expect(before).toHaveLength(1);
    expect(before[0]).toContain('SEQUENCE:0');
    expect(before[0]).not.toContain('EXDATE');

    // The second meeting moves an hour later (BST: 10:00 is 09:00 UTC); the third is cancelled.
    const [, second, third] = meetings;
    const values = eventValues(await memberIdOf(facilitator), {
      title: slackInput.text('Weekly huddle'),
      date: datePicked(`${year}-06-08`),
      start: timePicked('11:00'),
      end: timePicked('12:00'),
    });
    expect(await submitEventForm(harness, facilitator, values, second!.id)).toBeUndefined();
    const confirm = await slackCommandBlocks(harness, facilitator, `event cancel ${third!.number}`);
    const button = confirm.flatMap((b) => (b['type'] === 'actions' ? (b['elements'] as { action_id: string; value: string }[]) : []))[0]!;
    expect(await slackClickText(harness, facilitator, button.action_id, button.value)).toContain('is cancelled');

    // Any meeting's link gives the whole series.
    const ics = await (await fetch(`${harness.url}/calendar/${calendarTokenOf(meetings[3]!)}.ics`)).text();
    expect(ics).toContain('METHOD:PUBLISH');
    const [master, ...overrides] = vevents(ics);
    const uid = `UID:series-${first.seriesId}@cop-bot`;
    expect(master).toContain(uid);
    expect(master).toMatch(/RRULE:FREQ=WEEKLY;COUNT=4/);
    expect(master).toContain(`DTSTART;TZID=Europe/London:${year}0601T100000`);
    expect(master).toContain(`EXDATE;TZID=Europe/London:${year}0615T100000`);
    expect(master).toContain('SEQUENCE:2');
    expect(master).toContain('STATUS:CONFIRMED');
    expect(overrides).toHaveLength(1);
    const moved = overrides[0]!;
    expect(moved).toContain(uid);
    expect(moved).toContain(`RECURRENCE-ID;TZID=Europe/London:${year}0608T100000`);
    expect(moved).toContain(`DTSTART;TZID=Europe/London:${year}0608T110000`);
    expect(moved).toContain(`DTEND;TZID=Europe/London:${year}0608T120000`);
    expect(moved).toContain('SEQUENCE:2');
    expect(moved).not.toContain('RRULE');
    expect(ics.match(/^DTSTAMP:.*$/gm)?.every((line) => /^DTSTAMP:\d{8}T\d{6}Z\r?$/.test(line))).toBe(true);
  });

  it('lists attendees for the host and gives a CSV whose formula-like cells are neutralised', async () => {
    const event = await createEvent();
    const [tricky] = await bulkMembers('U0CSV', 1);
    await prisma().member.update({
      where: { id: await memberIdOf(tricky!) },
      data: { displayName: '=HYPERLINK("http://x.test","click")' },
    });
    await slackClickText(harness, tricky!, 'event.rsvp#0', `${event.id}:going`);
    await slackClickText(harness, member, 'event.rsvp#0', `${event.id}:maybe`);
    expect(await slackCommandText(harness, member, `attendees ${event.number}`)).toContain('Only the event’s host');
    const blocks = await slackCommandBlocks(harness, facilitator, `attendees ${event.number}`);
    const text = slackBlocksToText(blocks);
    expect(text).toContain('Going: 1');
    expect(text).toContain('Maybe: 1');
    expect(text).toContain('Mo Member');
    expect(text).toContain('the download link works for 15 minutes');
    const link = linkButton(slackLinkButtons(blocks), 'Download CSV');
    expect(link.actionId).toMatch(/^link\.download#/);
    expect(link.url).toMatch(/^https:\/\/cop\.example\.nhs\.uk\/links\/[A-Za-z0-9_-]{43}\/event-\d+-attendees\.csv$/);
    const response = await fetchBotLink(harness, link.url);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toContain('no-store');
    const bytes = Buffer.from(await response.arrayBuffer());
    expect(bytes.subarray(0, 3).toString('hex')).toBe('efbbbf');
    const csv = bytes.subarray(3).toString('utf8');
    expect(csv.split('\r\n')[0]).toBe('"Name","Organisation","Answer","Waitlist position","Attended","Rating"');
    expect(csv).toContain(`"'=HYPERLINK(""http://x.test"",""click"")"`);
    expect(csv).toContain('"Mo Member","Leeds Teaching Hospitals NHS Trust","Maybe"');
    expect((await fetch(`${harness.url}/links/${'y'.repeat(43)}/attendees.csv`)).status).toBe(404);
    // Expired links give nothing.
    await prisma().fileLink.updateMany({ data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await fetchBotLink(harness, link.url)).status).toBe(404);
  });
});

/** Every Action.Execute button in a card (Universal Actions), with its verb and data. */
function executeActions(card: unknown): { verb: string; data: Record<string, unknown> }[] {
  const found: { verb: string; data: Record<string, unknown> }[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const action = node as { type?: unknown; verb?: unknown; data?: unknown };
      if (action.type === 'Action.Execute' && typeof action.verb === 'string')
        found.push({ verb: action.verb, data: (action.data ?? {}) as Record<string, unknown> });
      Object.values(node).forEach(walk);
    }
  };
  walk(card);
  return found;
}

/** The data of a form card's one submit button (verb cop.form): the form id and state it carries. */
function submitData(card: unknown): { form: string; state: string } {
  const found = executeActions(card).filter((action) => action.verb === 'cop.form');
  expect(found).toHaveLength(1);
  return found[0]!.data as { form: string; state: string };
}

describe('Teams', () => {
  const teamsPerson: TeamsIdentity = {
    tenantId: '11111111-2222-3333-4444-555555555555',
    userId: '29:teams-events-person',
    aadObjectId: 'aaaaaaaa-0000-0000-0000-00000000e0e0',
    conversationId: 'a:events-personal',
    conversationType: 'personal',
  };

  async function cards(activity: { id: string }): Promise<unknown[]> {
    return [await teamsCard(harness, activity)];
  }

  async function send(activity: { id: string }): Promise<string> {
    return (await cards(activity)).map(adaptiveCardToText).join('\n');
  }

  it('answers with the card buttons and shows the answer in event <number>', async () => {
    const event = await createEvent();
    const leeds = await prisma().organisation.findFirstOrThrow({ where: { odsCode: 'RR8' } });
    const joined = await send(
      cardSubmitActivity(
        {
          verb: 'cop.form',
          form: 'member.profile',
          displayName: 'Tess Teams',
          organisation: leeds.id,
          region: 'Y56',
          role: 'retention_lead',
          consent: 'true',
          inDirectory: 'false',
        },
        harness.connector.url,
        teamsPerson,
      ),
    );
    expect(joined).toContain('Welcome');
    const detailCards = await cards(messageActivity(`event ${event.number}`, harness.connector.url, teamsPerson));
    expect(detailCards.map(adaptiveCardToText).join('\n')).toContain('Your answer: none yet.');
    // The calendar file and the meeting open from Action.OpenUrl buttons.
    expect(linkButton(cardLinkButtons(detailCards), 'Add to calendar').url).toBe(`${PUBLIC_URL}/calendar/${calendarTokenOf(event)}.ics`);
    expect(linkButton(cardLinkButtons(detailCards), 'Join online').url).toBe('https://teams.example.nhs.uk/meet/123');
    expect(
      await send(cardSubmitActivity({ verb: 'event.rsvp', value: `${event.id}:going` }, harness.connector.url, teamsPerson)),
    ).toContain("You're going to");
    expect(
      await send(cardSubmitActivity({ verb: 'event.rsvp', value: `${event.id}:going` }, harness.connector.url, teamsPerson)),
    ).toContain('Nothing changed');
    expect(await send(messageActivity(`event ${event.number}`, harness.connector.url, teamsPerson))).toContain('Your answer: going.');
    expect(
      await send(
        cardSubmitActivity({ verb: 'event.rsvp', value: `${event.id}:maybe'; DROP TABLE "Rsvp";--` }, harness.connector.url, teamsPerson),
      ),
    ).toContain('does not name an event');
    expect(await prisma().rsvp.count({ where: { eventId: event.id } })).toBe(1);
  });

  it('records the answer of someone who joins from it, once the join card is submitted', async () => {
    const event = await createEvent();
    const stranger: TeamsIdentity = {
      ...teamsPerson,
      userId: '29:teams-events-stranger',
      aadObjectId: 'aaaaaaaa-0000-0000-0000-00000000e0e1',
      conversationId: 'a:events-stranger',
    };
    // Clicked by someone who has not joined: the clicker's own view offers to join first.
    const offered = await teamsCard(
      harness,
      cardSubmitActivity({ verb: 'event.rsvp', value: `${event.id}:maybe` }, harness.connector.url, stranger),
    );
    expect(await prisma().rsvp.count({ where: { eventId: event.id } })).toBe(0);
    const joinButtons = executeActions(offered).filter((action) => action.verb === 'event.join');
    expect(joinButtons.map((action) => action.data)).toEqual([{ value: `${event.id}:maybe` }]);
    const form = await teamsCard(
      harness,
      cardSubmitActivity({ verb: joinButtons[0]!.verb, ...joinButtons[0]!.data }, harness.connector.url, stranger),
    );
    expect(adaptiveCardToText(form)).toContain(
      'Once you have joined, your answer to Flexible retirement: keeping experience (Maybe) is recorded.',
    );
    const data = submitData(form);
    expect(data.form).toBe('member.profile');
    expect(await prisma().rsvp.count({ where: { eventId: event.id } })).toBe(0);
    const leeds = await prisma().organisation.findFirstOrThrow({ where: { odsCode: 'RR8' } });
    const joined = await send(
      cardSubmitActivity(
        {
          verb: 'cop.form',
          form: data.form,
          state: data.state,
          displayName: 'Sam Stranger',
          organisation: leeds.id,
          region: 'Y56',
          role: 'retention_lead',
          consent: 'true',
          inDirectory: 'false',
        },
        harness.connector.url,
        stranger,
      ),
    );
    expect(joined).toContain('Welcome, Sam Stranger');
    expect(joined).toContain('You might go to Flexible retirement: keeping experience');
    const answer = await prisma().rsvp.findFirstOrThrow({
      where: { eventId: event.id },
      include: { member: { select: { displayName: true } } },
    });
    expect(answer).toMatchObject({ status: 'maybe', member: { displayName: 'Sam Stranger' } });
  });
});

describe('leaving and erasure', () => {
  it('leave withdraws answers to events to come and promotes the waitlist', async () => {
    const event = await createEvent({ capacity: slackInput.text('1') });
    const [leaver, waiting] = await bulkMembers('U0LEAVE', 2);
    await slackClickText(harness, leaver!, 'event.rsvp#0', `${event.id}:going`);
    expect(await slackClickText(harness, waiting!, 'event.rsvp#0', `${event.id}:going`)).toContain('waitlist: number 1');
    // Leave asks first and names the event whose place goes to the waitlist; nothing changes until the click.
    const asked = await slackCommandBlocks(harness, leaver!, 'leave');
    const askedText = slackBlocksToText(asked);
    expect(askedText).toContain('places you hold go to the people on the waitlist');
    expect(askedText).toContain(`#${event.number} `);
    expect(askedText).toContain('Going');
    expect(await rsvps(event.id)).toHaveLength(2);
    // Someone else's click on that button changes nothing.
    expect(slackBlocksToText((await slackClickButton(harness, waiting!, asked, 'member.leave')).blocks)).toContain(
      'belongs to someone else',
    );
    expect(await rsvps(event.id)).toHaveLength(2);
    expect(slackBlocksToText((await slackClickButton(harness, leaver!, asked, 'member.leave')).blocks)).toContain('left');
    const rows = await rsvps(event.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ memberId: await memberIdOf(waiting!), status: 'going' });
  });

  it('erasure removes every answer and download link of the member, and no event row keeps them', async () => {
    const event = await createEvent({ capacity: slackInput.text('1') });
    const [erased, waiting] = await bulkMembers('U0ERASE', 2);
    const erasedId = await memberIdOf(erased!);
    await slackClickText(harness, erased!, 'event.rsvp#0', `${event.id}:going`);
    await slackClickText(harness, waiting!, 'event.rsvp#0', `${event.id}:going`);
    await prisma().event.update({ where: { id: event.id }, data: { hostId: erasedId } });
    await prisma().fileLink.create({
      data: {
        kind: 'record',
        filename: 'cpd-record.csv',
        mediaType: 'text/csv; charset=utf-8',
        memberId: erasedId,
        tokenHash: 'h'.repeat(64),
        expiresAt: new Date(harness.clock.now().getTime() + 60_000),
      },
    });
    const confirm = await slackCommandBlocks(harness, erased!, 'erase my data');
    const button = confirm.flatMap((b) => (b['type'] === 'actions' ? (b['elements'] as { action_id: string; value: string }[]) : []))[0]!;
    expect(await slackClickText(harness, erased!, button.action_id, button.value)).toContain('erased');
    for (const table of ['Event', 'EventSeries', 'Rsvp', 'FileLink']) {
      const rows = await prisma().$queryRawUnsafe<{ row: string }[]>(`SELECT to_jsonb(t)::text AS row FROM "${table}" t`);
      for (const { row } of rows) {
        expect(row, table).not.toContain(erasedId);
        expect(row, table).not.toContain('Bulk U0ERASE 0');
        expect(row, table).not.toContain(erased!.userId);
      }
    }
    expect((await rsvps(event.id)).map((r) => [r.memberId, r.status])).toEqual([[await memberIdOf(waiting!), 'going']]);
    // Their old button does nothing now.
    expect(await slackClickText(harness, erased!, 'event.rsvp#0', `${event.id}:going`)).toContain('join the community first');
    expect(await prisma().rsvp.count({ where: { memberId: erasedId } })).toBe(0);
  });
});

describe('after the event', () => {
  it('marks attendance (those going by default), sends the follow-up with rating buttons, summarises, and gives members their CPD record', async () => {
    const event = await createEvent({
      title: slackInput.text('Legacy mentoring masterclass'),
      start: timePicked('09:00'),
      end: timePicked('10:30'),
    });
    const [came, stayedAway, maybe] = await bulkMembers('U0AFTER', 3);
    await slackClickText(harness, came!, 'event.rsvp#0', `${event.id}:going`);
    await slackClickText(harness, stayedAway!, 'event.rsvp#0', `${event.id}:going`);
    await slackClickText(harness, maybe!, 'event.rsvp#1', `${event.id}:maybe`);
    expect(await slackCommandText(harness, facilitator, `event attendance ${event.number}`)).toContain('once the event has started');
    // The event took place yesterday.
    const day = 86_400_000;
    await prisma().event.update({
      where: { id: event.id },
      data: { startsAt: new Date(Date.now() - day), endsAt: new Date(Date.now() - day + 90 * 60_000) },
    });

    // The form ticks those who said they were going.
    const opened = harness.slack.waitFor(
      (request) => request.path === '/views.open' && JSON.stringify(request.json).includes('event.attendance'),
    );
    await postToSlackEndpoint(
      harness.url,
      (await import('../../src/dev/slack-requests.js')).slashCommandBody(
        `event attendance ${event.number}`,
        `${harness.slack.url}/respond/attendance`,
        facilitator,
      ),
      SIGNING_SECRET,
    );
    const view = (
      (await opened).json as {
        view: { private_metadata: string; blocks: { block_id?: string; element?: { initial_options?: { value: string }[] } }[] };
      }
    ).view;
    const ticked = view.blocks
      .find((block) => block.block_id === 'attended')
      ?.element?.initial_options?.map((o) => o.value)
      .sort();
    expect(ticked).toEqual([await memberIdOf(came!), await memberIdOf(stayedAway!)].sort());

    const send = async (values: Record<string, Record<string, unknown>>, who: SlackIdentity = facilitator) => {
      const response = await postToSlackEndpoint(
        harness.url,
        viewSubmissionBody('event.attendance', values, event.id, who),
        SIGNING_SECRET,
      );
      const body = await response.text();
      return body === '' ? undefined : (JSON.parse(body) as { errors: Record<string, string> }).errors;
    };
    expect((await send({ attended: slackInput.multi([randomUUID()]), followUp: empty }))?.['attended']).toContain(
      'only people who answered',
    );
    expect(
      (await send({ attended: slackInput.multi([await memberIdOf(came!)]), followUp: slackInput.text('not a link') }))?.['followUp'],
    ).toContain('https://');
    expect(await prisma().rsvp.count({ where: { eventId: event.id, attended: { not: null } } })).toBe(0);
    expect(
      await send({
        attended: slackInput.multi([await memberIdOf(came!), await memberIdOf(maybe!)]),
        followUp: slackInput.text('https://media.example.nhs.uk/legacy'),
      }),
    ).toBeUndefined();
    await harness.drainOutbox();
    const followUps = harness.slack.requests.filter(
      (r) => r.path === '/chat.postMessage' && JSON.stringify(r.json).includes('media.example.nhs.uk/legacy'),
    );
    expect(followUps.map((r) => (r.json as { channel: string }).channel).sort()).toEqual([came!.userId, maybe!.userId].sort());
    const followUp = (followUps[0]!.json as { blocks: Record<string, unknown>[] }).blocks;
    expect(slackBlocksToText(followUp)).toContain('Thank you for coming to Legacy mentoring masterclass.');
    expect(slackLinkButtons(followUp)).toEqual([
      { label: 'Recording and slides', actionId: 'link.recording#0', url: 'https://media.example.nhs.uk/legacy' },
    ]);
    expect(JSON.stringify(followUp)).toContain('event.rate');

    expect(await slackClickText(harness, came!, 'event.rate#3', `${event.id}:4`)).toContain('rated it 4 out of 5');
    expect(await slackClickText(harness, maybe!, 'event.rate#4', `${event.id}:5`)).toContain('rated it 5 out of 5');
    expect(await slackClickText(harness, stayedAway!, 'event.rate#0', `${event.id}:1`)).toContain('Only those who attended');
    expect(await slackClickText(harness, came!, 'event.rate#0', `${event.id}:9`)).toContain('does not name an event');
    const summaryBlocks = await slackCommandBlocks(harness, facilitator, `event summary ${event.number}`);
    const summary = slackBlocksToText(summaryBlocks);
    expect(summary).toContain('4.5 out of 5 from 2');
    expect(summary).toContain('Attended');
    expect(summary).toContain('Follow-up sent\nYes');
    expect(linkButton(slackLinkButtons(summaryBlocks), 'Recording and slides').url).toBe('https://media.example.nhs.uk/legacy');
    expect(await slackCommandText(harness, member, `event summary ${event.number}`)).toContain('Only the event’s host');

    const recordBlocks = await slackCommandBlocks(harness, came!, 'my record');
    const record = slackBlocksToText(recordBlocks);
    expect(record).toContain('Legacy mentoring masterclass');
    expect(record).toContain('1.5 hours');
    const csv = await (await fetchBotLink(harness, linkButton(slackLinkButtons(recordBlocks), 'Download CSV').url)).text();
    expect(csv.replace(/^\uFEFF/, '').split('\r\n')[0]).toBe('"Date","Start (UK time)","End (UK time)","Hours","Type","Title","Host"');
    expect(csv).toContain('"1.5","Masterclass","Legacy mentoring masterclass","Fran Facilitator"');
    expect(await slackCommandText(harness, stayedAway!, 'my record')).toContain('No attended events');
  });
});
