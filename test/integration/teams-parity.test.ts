// Teams does what Slack does, as people use Teams: members join from their personal chat, a channel is
// London's community channel, and everything goes over the real /api/messages endpoint to the Bot
// Connector stand-in. An RSVP burst on a full event (waitlist, promotion told in the personal chat, the
// announcement's counts updated in place), attendees with their CSV, a case study submitted, approved
// and shared into the channel, and a digest preview asked for in the channel and answered privately.
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importMetrics } from '../../src/core/metrics/importer.js';
import { PrismaMetricStore } from '../../src/db/repositories/metric-repository.js';
import { adaptiveCardToText, cardsOf } from '../../src/dev/readable-text.js';
import type { RecordedRequest } from '../../src/dev/recording-server.js';
import {
  botAddedActivity,
  cardSubmitActivity,
  mentionActivity,
  messageActivity,
  postActivity,
  type TeamsIdentity,
} from '../../src/dev/teams-activities.js';
import { csvTextSource } from '../../src/metrics/csv-source.js';
import { teamsAnswer, teamsCard, teamsInvoke, type Card } from '../support/chat.js';
import { fetchBotLink, futureDate, PUBLIC_URL } from '../support/events.js';
import { cardLinkButtons, linkButton } from '../support/links.js';
import { personalChatId, startTestBot, type TestBot } from '../support/test-bot.js';

type Json = Record<string, unknown>;

const TENANT = '22222222-3333-4444-5555-666666666666';
const CHANNEL = '19:parity-london@thread.tacv2';
const NEUTRAL_LINE = "I've sent you the details in our private chat.";
const EVENT_TITLE = 'Parity masterclass: flexible working that keeps people';

/** A person in their personal chat with the bot: Teams gives the same chat every time, as the stand-in does. */
function personal(userId: string, aadSuffix: string): TeamsIdentity {
  return {
    tenantId: TENANT,
    userId,
    aadObjectId: `aaaaaaaa-0000-0000-0000-${aadSuffix.padStart(12, '0')}`,
    conversationId: personalChatId(userId),
    conversationType: 'personal',
  };
}
const inChannel = (who: TeamsIdentity): TeamsIdentity => ({ ...who, conversationId: CHANNEL, conversationType: 'channel' });

const admin = personal('29:parity-admin', 'ad01');
const MEMBER_NAMES = [
  'Orla Quennell',
  'Piran Vasquez-Hale',
  'Sunniva Okonkwo',
  'Tobiah Marchetti',
  'Wren Adeyemi-Lund',
  'Ximena Holloway',
  'Yusuf Brannigan',
  'Zelda Fairbrook',
];
const members = MEMBER_NAMES.map((name, i) => ({ name, who: personal(`29:parity-member-${i}`, `b0${i}`) }));

let harness: TestBot;
const prisma = () => harness.bot.database.prisma;
const text = (card: unknown) => adaptiveCardToText(card);
const path = (request: RecordedRequest) => decodeURIComponent(request.path);
const activitiesOf = (conversationId: string) => `/v3/conversations/${conversationId}/activities`;
/**
 * An update of someone's home card in their own personal chat (the welcome card, kept current after
 * their own answers: src/core/home/home-key.ts), made only for the person who clicked.
 */
const homeUpdateOf = (request: RecordedRequest, clickers: readonly { conversationId: string }[]) =>
  request.method === 'PUT' && clickers.some((who) => path(request).startsWith(`${activitiesOf(who.conversationId)}/`));
const everyone = () => [admin, ...members.map((m) => m.who)];
/** Every call the bot made to the channel (or a thread of it) from request `from` on. */
const channelCalls = (from: number) =>
  harness.connector.requests.slice(from).filter((request) => path(request).startsWith(`/v3/conversations/${CHANNEL}`));

/** Every Action.Execute anywhere in a card. */
function executeActions(card: unknown): { title: string; verb: string; data: Json }[] {
  const found: { title: string; verb: string; data: Json }[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const element = node as Json;
      if (element['type'] === 'Action.Execute')
        found.push({ title: element['title'] as string, verb: element['verb'] as string, data: (element['data'] ?? {}) as Json });
      Object.values(element).forEach(walk);
    }
  };
  walk(card);
  return found;
}

/** Every element of a card's body, depth first (containers and column sets opened). */
function elementsOf(card: unknown): Json[] {
  const found: Json[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const element = node as Json;
      if (typeof element['type'] === 'string') found.push(element);
      for (const key of ['body', 'items', 'columns']) if (key in element) walk(element[key]);
    }
  };
  walk((card as Json)['body']);
  return found;
}

/** The form's submit button's data (form id and state). */
function submitData(card: unknown): Json {
  const submits = executeActions(card).filter((action) => action.verb === 'cop.form');
  expect(submits).toHaveLength(1);
  return submits[0]!.data;
}

/**
 * Words typed in the channel (after the bot's @mention) whose answer is for the asker alone: the
 * channel gets the neutral line only, as a reply to the message, and nothing else; resolves with the
 * card that reached the asker's personal chat, and what the channel got.
 */
async function askInChannel(who: TeamsIdentity, words: string): Promise<{ card: Card; channel: RecordedRequest[] }> {
  const before = harness.connector.requests.length;
  const activity = mentionActivity(words, harness.connector.url, inChannel(who));
  expect(text(await teamsCard(harness, activity))).toBe(NEUTRAL_LINE);
  // The answer went to the personal chat before the neutral line was posted.
  const privately = harness.connector.requests
    .slice(before)
    .filter((request) => request.method === 'POST' && path(request) === activitiesOf(personalChatId(who.userId)));
  expect(privately).toHaveLength(1);
  const channel = channelCalls(before);
  expect(channel.map((request) => [request.method, path(request), (request.json as Json)['replyToId']])).toEqual([
    ['POST', activitiesOf(CHANNEL), activity.id],
  ]);
  return { card: cardsOf(privately[0]!.json)[0] as Card, channel };
}

beforeAll(async () => {
  harness = await startTestBot({ COP_ADMINS: admin.userId, PUBLIC_URL });
  const leeds = await prisma().organisation.findFirstOrThrow({ where: { odsCode: 'RR8' } });
  // Everyone has the app in their personal chat, and joins there with the membership card.
  for (const [name, who] of [['Adaeze Parity-Admin', admin] as const, ...members.map((m) => [m.name, m.who] as const)]) {
    expect((await postActivity(harness.url, botAddedActivity(harness.connector.url, who))).status).toBeLessThan(300);
    const joined = await teamsCard(
      harness,
      cardSubmitActivity(
        {
          verb: 'cop.form',
          form: 'member.profile',
          displayName: name,
          organisation: leeds.id,
          region: 'Y56',
          role: 'retention_lead',
          consent: 'true',
        },
        harness.connector.url,
        who,
      ),
    );
    expect(text(joined)).toContain(`Welcome, ${name}`);
  }
  // The bot is added to a team's channel, which the admin makes London's community channel.
  expect((await postActivity(harness.url, botAddedActivity(harness.connector.url, inChannel(admin), 'Retention'))).status).toBeLessThan(
    300,
  );
  const link = mentionActivity('channel link london', harness.connector.url, inChannel(admin));
  const linked = await teamsCard(harness, link);
  expect(text(linked)).toContain('London');
  expect(path(await harness.connector.waitFor((request) => (request.json as Json | undefined)?.['replyToId'] === link.id))).toBe(
    activitiesOf(CHANNEL),
  );
  await harness.drainOutbox();
}, 120_000);

afterAll(async () => {
  await harness?.stop();
});

const COUNTS = /(\d+) going · (\d+) maybe · (\d+) can’t go · (\d+) waitlisted · (\d+) of (\d+) places left/;
/** The last counts line in a text, as numbers: going, maybe, can't go, waitlisted, places left, capacity. */
function countsIn(value: string): number[] {
  const all = [...value.matchAll(new RegExp(COUNTS.source, 'g'))];
  expect(all.length, value).toBeGreaterThan(0);
  return all.at(-1)!.slice(1).map(Number);
}

/** The event the admin creates with the Teams form, and its announcement in the channel. */
let event: { id: string; number: number };
let announcementId: string;
/** Members going and waitlisted, as the burst left them. */
let goingNames: string[] = [];

describe('an RSVP burst on a full event, in a channel', () => {
  it('creates the event with the Teams form and announces it in the linked channel', async () => {
    const form = await teamsCard(harness, messageActivity('event new', harness.connector.url, admin));
    const data = submitData(form);
    expect(data['form']).toBe('event.form');
    // The host defaults to the person creating it.
    const host = elementsOf(form).find((element) => element['id'] === 'host');
    const adminId = (await prisma().platformIdentity.findFirstOrThrow({ where: { userId: admin.userId } })).memberId;
    expect(host?.['value']).toBe(adminId);
    const inputs = {
      type: 'masterclass',
      title: EVENT_TITLE,
      description: 'Three London trusts on flexible working.\nBring questions.',
      region: 'Y56',
      date: futureDate(),
      start: '10:00',
      end: '11:30',
      onlineUrl: 'https://teams.example.nhs.uk/meet/parity',
      venue: '',
      capacity: '3',
      host: adminId,
      recurrence: 'none',
      meetings: '',
      waitlist: 'automatic',
      offerHours: '',
    };
    // A mistake first: the same form comes back with the error beside the field, and nothing is saved.
    const wrong = await teamsCard(
      harness,
      cardSubmitActivity({ verb: 'cop.form', ...data, ...inputs, capacity: 'three' }, harness.connector.url, admin),
    );
    expect(submitData(wrong)['form']).toBe('event.form');
    const fields = elementsOf(wrong);
    const capacityAt = fields.findIndex((element) => element['id'] === 'capacity');
    expect(fields[capacityAt + 1]).toMatchObject({ type: 'TextBlock', color: 'Attention' });
    expect(await prisma().event.count()).toBe(0);

    const saved = await teamsCard(harness, cardSubmitActivity({ verb: 'cop.form', ...data, ...inputs }, harness.connector.url, admin));
    expect(text(saved)).toContain(EVENT_TITLE);
    const row = await prisma().event.findFirstOrThrow({ where: { title: EVENT_TITLE } });
    expect(row).toMatchObject({ capacity: 3, waitlistMode: 'automatic', regionCode: 'Y56', hostId: adminId });
    event = { id: row.id, number: row.number };

    await harness.drainOutbox();
    const posts = harness.connector.requests.filter(
      (request) => request.method === 'POST' && path(request) === activitiesOf(CHANNEL) && request.body.includes(EVENT_TITLE),
    );
    expect(posts).toHaveLength(1);
    const announcement = cardsOf(posts[0]!.json)[0];
    expect(countsIn(text(announcement))).toEqual([0, 0, 0, 0, 3, 3]);
    expect(
      executeActions(announcement)
        .filter((action) => action.verb === 'event.rsvp')
        .map((action) => action.data['value']),
    ).toEqual([`${event.id}:going`, `${event.id}:maybe`, `${event.id}:not_going`]);
    announcementId = (await prisma().postedMessage.findFirstOrThrow({ where: { postKey: `event:${event.id}`, platform: 'teams' } }))
      .messageId;
    expect(announcementId).toMatch(/^activity-\d+$/);
  });

  it('takes 8 clicks on Going at once: 3 going, 5 waitlisted, each clicker answered privately, the channel only updated in place', async () => {
    const before = harness.connector.requests.length;
    const bodies = await Promise.all(
      members.map(({ who }) =>
        teamsInvoke(harness, cardSubmitActivity({ verb: 'event.rsvp', value: `${event.id}:going` }, harness.connector.url, inChannel(who))),
      ),
    );
    const answers = bodies.map((body, i) => {
      expect(body['type'], JSON.stringify(body)).toBe('application/vnd.microsoft.card.adaptive');
      const seen = text(body['value']);
      // The clicker's own view: their answer and the live counts (never the others' names).
      expect(seen).toContain(EVENT_TITLE);
      const [going, maybe, notGoing, waitlisted, left, capacity] = countsIn(seen);
      expect([maybe, notGoing, capacity]).toEqual([0, 0, 3]);
      expect(going).toBeLessThanOrEqual(3);
      expect(left).toBe(3 - going!);
      expect(going! + waitlisted!).toBeLessThanOrEqual(8);
      for (const [j, other] of MEMBER_NAMES.entries()) if (j !== i) expect(seen).not.toContain(other);
      if (seen.includes("You're going to")) {
        expect(seen).toContain('Your answer: going.');
        return 'going';
      }
      const position = /is full, so you're on the waitlist: number ([1-5])\./.exec(seen)?.[1];
      expect(seen).toContain(`Your answer: waitlisted, number ${position} in the queue.`);
      return `waitlisted ${position}`;
    });
    expect(answers.filter((answer) => answer === 'going')).toHaveLength(3);
    // Five places in the queue, one each.
    expect(answers.filter((answer) => answer !== 'going').sort()).toEqual([1, 2, 3, 4, 5].map((n) => `waitlisted ${n}`));

    const rows = await prisma().rsvp.findMany({
      where: { eventId: event.id },
      include: { member: { select: { displayName: true } } },
      orderBy: { waitlistOrder: 'asc' },
    });
    expect(rows.filter((row) => row.status === 'going')).toHaveLength(3);
    const waiting = rows.filter((row) => row.status === 'waitlisted');
    expect(waiting).toHaveLength(5);
    // The queue in the database is in the order each was told.
    for (const [k, row] of waiting.entries()) expect(answers[MEMBER_NAMES.indexOf(row.member.displayName!)]).toBe(`waitlisted ${k + 1}`);
    // Each clicker was told the answer the database holds.
    for (const [i, { name }] of members.entries())
      expect(rows.find((row) => row.member.displayName === name)?.status).toBe(answers[i]!.split(' ')[0]);
    goingNames = rows.filter((row) => row.status === 'going').map((row) => row.member.displayName!);

    await harness.drainOutbox();
    // Nothing new was posted anywhere: the answers were in the invoke responses; the announcement was updated in place
    // (and each clicker's own home card in their personal chat, no one else's).
    const homeUpdates = harness.connector.requests.slice(before).filter((call) => homeUpdateOf(call, everyone()));
    for (const update of homeUpdates)
      expect(
        homeUpdateOf(
          update,
          members.map((m) => m.who),
        ),
      ).toBe(true);
    const calls = harness.connector.requests.slice(before).filter((call) => !homeUpdateOf(call, everyone()));
    expect(calls.length).toBeGreaterThan(0);
    for (const call of calls) {
      expect([call.method, path(call)]).toEqual(['PUT', `${activitiesOf(CHANNEL)}/${announcementId}`]);
      for (const name of MEMBER_NAMES) expect(call.body).not.toContain(name);
    }
    expect(countsIn(text(cardsOf(calls.at(-1)!.json)[0]))).toEqual([3, 0, 0, 5, 0, 3]);
  });

  it('promotes the first on the waitlist when someone going can’t go, and tells them in their personal chat', async () => {
    const rows = await prisma().rsvp.findMany({
      where: { eventId: event.id },
      include: { member: { include: { identities: true } } },
      orderBy: { waitlistOrder: 'asc' },
    });
    const leaver = rows.find((row) => row.status === 'going')!;
    const first = rows.find((row) => row.status === 'waitlisted')!;
    const second = rows.filter((row) => row.status === 'waitlisted')[1]!;
    const leaverWho = members.find((m) => m.name === leaver.member.displayName)!.who;
    const firstWho = members.find((m) => m.name === first.member.displayName)!.who;
    const before = harness.connector.requests.length;

    const body = await teamsInvoke(
      harness,
      cardSubmitActivity({ verb: 'event.rsvp', value: `${event.id}:not_going` }, harness.connector.url, inChannel(leaverWho)),
    );
    expect(body['type']).toBe('application/vnd.microsoft.card.adaptive');
    expect(text(body['value'])).toContain(`Noted: you can't go to ${EVENT_TITLE}.`);
    expect(text(body['value'])).toContain('Your answer: can’t go.');

    const after = await prisma().rsvp.findMany({ where: { eventId: event.id } });
    expect(after.find((row) => row.memberId === leaver.memberId)?.status).toBe('not_going');
    expect(after.find((row) => row.memberId === first.memberId)?.status).toBe('going');
    expect(after.find((row) => row.memberId === second.memberId)?.status).toBe('waitlisted');
    expect(after.filter((row) => row.status === 'going')).toHaveLength(3);
    expect(after.filter((row) => row.status === 'waitlisted')).toHaveLength(4);

    await harness.drainOutbox();
    const homeUpdates = harness.connector.requests.slice(before).filter((call) => homeUpdateOf(call, everyone()));
    for (const update of homeUpdates) expect(homeUpdateOf(update, [leaverWho])).toBe(true);
    const calls = harness.connector.requests.slice(before).filter((call) => !homeUpdateOf(call, everyone()));
    // The promoted member is told in their own personal chat, and no one else is messaged.
    const posts = calls.filter((call) => call.method === 'POST');
    expect(posts.map(path)).toEqual([activitiesOf(firstWho.conversationId)]);
    expect(text(cardsOf(posts[0]!.json)[0])).toContain(`Good news: a place came free and it is yours. You're going to ${EVENT_TITLE}`);
    // The channel's announcement shows the new counts, in place.
    const updates = calls.filter((call) => call.method === 'PUT');
    expect(updates.length).toBeGreaterThan(0);
    for (const update of updates) expect(path(update)).toBe(`${activitiesOf(CHANNEL)}/${announcementId}`);
    expect(countsIn(text(cardsOf(updates.at(-1)!.json)[0]))).toEqual([3, 0, 1, 4, 0, 3]);
    goingNames = (await prisma().rsvp.findMany({ where: { eventId: event.id, status: 'going' }, include: { member: true } })).map(
      (row) => row.member.displayName!,
    );
  });
});

describe('attendees in Teams', () => {
  it('gives the admin the names and a CSV download in the personal chat', async () => {
    const card = await teamsCard(harness, messageActivity(`attendees ${event.number}`, harness.connector.url, admin));
    const seen = text(card);
    expect(seen).toContain(`Attendees: ${EVENT_TITLE} (#${event.number})`);
    expect(seen).toContain('Going: 3');
    expect(seen).toContain('Waitlisted: 4');
    expect(seen).toContain('Can’t go: 1');
    for (const name of goingNames) expect(seen).toContain(name);
    const download = linkButton(cardLinkButtons(card), 'Download CSV');
    expect(download.url).toMatch(new RegExp(`^${PUBLIC_URL}/links/[A-Za-z0-9_-]{43}/event-${event.number}-attendees\\.csv$`));
    expect(seen).not.toContain(download.url);

    const response = await fetchBotLink(harness, download.url);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/csv');
    const parsed = Papa.parse<Record<string, string>>(await response.text(), { header: true, skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.meta.fields).toEqual(['Name', 'Organisation', 'Answer', 'Waitlist position', 'Attended', 'Rating']);
    expect(parsed.data).toHaveLength(8);
    const going = parsed.data.filter((row) => row['Answer'] === 'Going');
    expect(going.map((row) => row['Name']).sort()).toEqual([...goingNames].sort());
    for (const row of going) expect(row['Organisation']).toBe('Leeds Teaching Hospitals NHS Trust');
    expect(
      parsed.data
        .filter((row) => row['Answer'] === 'Waitlisted')
        .map((row) => row['Waitlist position'])
        .sort(),
    ).toEqual(['1', '2', '3', '4']);
  });

  it('typed in the channel, sends the names to the personal chat; the channel sees none', async () => {
    const { card, channel } = await askInChannel(admin, `attendees ${event.number}`);
    const seen = text(card);
    for (const name of goingNames) expect(seen).toContain(name);
    expect(linkButton(cardLinkButtons(card), 'Download CSV').url).toMatch(new RegExp(`^${PUBLIC_URL}/links/`));
    for (const call of channel) for (const name of [...MEMBER_NAMES, 'links/']) expect(call.body).not.toContain(name);
  });
});

describe('a case study submitted, reviewed and shared in Teams', () => {
  const author = members[7]!;
  const CASE_TITLE = 'Parity retire and return scheme in a London trust';
  const inputs = {
    title: CASE_TITLE,
    summary: 'Retire and return offered to every nurse approaching retirement.',
    challenge: 'Experienced nurses were retiring with no route back.',
    actions: 'A retire and return conversation at 55, flexible rotas and a named contact.',
    results: 'Twelve nurses came back on flexible contracts within a year.',
    organisationName: 'Parity Community Trust',
    organisationType: 'Acute',
    region: 'Y56',
    staffGroups: 'nurses-health-visitors',
    promiseElements: 'work-flexibly',
    tags: 'retire and return',
    links: 'https://example.org/parity-retire-return',
    contactConsent: 'false',
  };

  it('submits through the form card, approved with the card button, found and shared into the channel', async () => {
    const form = await teamsCard(harness, messageActivity('case submit', harness.connector.url, author.who));
    expect(text(form)).toContain('Title: ____');
    const data = submitData(form);
    expect(data['form']).toBe('case.submit');

    // A mistake: the same form again, the error beside the field, nothing saved.
    const wrong = await teamsCard(
      harness,
      cardSubmitActivity({ verb: 'cop.form', ...data, ...inputs, title: '' }, harness.connector.url, author.who),
    );
    expect(submitData(wrong)['form']).toBe('case.submit');
    const fields = elementsOf(wrong);
    const titleAt = fields.findIndex((element) => element['id'] === 'title');
    expect(fields[titleAt]).toMatchObject({ type: 'Input.Text', errorMessage: 'Please fill this in.' });
    expect(fields[titleAt + 1]).toMatchObject({ type: 'TextBlock', text: 'Please fill this in.', color: 'Attention' });
    // What was typed stays in the form.
    expect(fields.find((element) => element['id'] === 'summary')?.['value']).toBe(inputs.summary);
    expect(await prisma().caseStudy.count({ where: { title: CASE_TITLE } })).toBe(0);

    // Right: the form is replaced by its result.
    const submittedFrom = harness.connector.requests.length;
    const done = await teamsCard(harness, cardSubmitActivity({ verb: 'cop.form', ...data, ...inputs }, harness.connector.url, author.who));
    expect(text(done)).toContain('is with the facilitators of London for review');
    expect(executeActions(done).filter((action) => action.verb === 'cop.form')).toEqual([]);
    const row = await prisma().caseStudy.findFirstOrThrow({ where: { title: CASE_TITLE } });
    expect(row).toMatchObject({ status: 'submitted', regionCode: 'Y56' });

    // The admin (a reviewer for every region) is told in their personal chat.
    await harness.drainOutbox();
    const toReview = harness.connector.requests
      .slice(submittedFrom)
      .filter((request) => request.method === 'POST' && path(request) === activitiesOf(admin.conversationId));
    expect(toReview.map((request) => text(cardsOf(request.json)[0]))).toEqual([expect.stringContaining(CASE_TITLE)]);

    // The admin reviews in the personal chat, with the card's Approve button.
    const pending = await teamsCard(harness, messageActivity('cases pending', harness.connector.url, admin));
    expect(text(pending)).toContain(CASE_TITLE);
    const approve = executeActions(pending).find((action) => action.verb === 'case.approve' && action.data['value'] === String(row.number));
    expect(approve, JSON.stringify(executeActions(pending))).toBeDefined();
    const before = harness.connector.requests.length;
    const approved = await teamsInvoke(
      harness,
      cardSubmitActivity({ verb: approve!.verb, ...approve!.data }, harness.connector.url, admin),
    );
    expect(approved['type']).toBe('application/vnd.microsoft.card.adaptive');
    expect(text(approved['value'])).toContain('is published');
    expect((await prisma().caseStudy.findUniqueOrThrow({ where: { id: row.id } })).status).toBe('published');
    // The author is told, in their personal chat.
    await harness.drainOutbox();
    const told = harness.connector.requests
      .slice(before)
      .filter((request) => request.method === 'POST' && path(request) === activitiesOf(author.who.conversationId));
    expect(told.map((request) => text(cardsOf(request.json)[0]))).toEqual([expect.stringContaining(CASE_TITLE)]);

    // The author finds it from the channel: search results are about nobody, so they are posted there.
    const search = mentionActivity('cases retire and return flexible rotas', harness.connector.url, inChannel(author.who));
    const results = await teamsCard(harness, search);
    expect(path(await harness.connector.waitFor((request) => (request.json as Json | undefined)?.['replyToId'] === search.id))).toBe(
      activitiesOf(CHANNEL),
    );
    expect(text(results)).toContain(`#${row.number} ${CASE_TITLE}`);
    const share = executeActions(results).find((action) => action.verb === 'case.share' && action.data['value'] === String(row.number));
    expect(share, JSON.stringify(executeActions(results))).toBeDefined();

    // Share in the channel posts the case study there for everyone; the clicker gets a short message.
    const click = cardSubmitActivity({ verb: share!.verb, ...share!.data }, harness.connector.url, inChannel(author.who));
    const answer = await teamsInvoke(harness, click);
    expect(answer).toMatchObject({ type: 'application/vnd.microsoft.activity.message', value: 'Posted in this conversation.' });
    const posted = await teamsAnswer(harness, click.id);
    const sharedRequest = harness.connector.requests.find((request) => (request.json as Json | undefined)?.['replyToId'] === click.id)!;
    expect([sharedRequest.method, path(sharedRequest)]).toEqual(['POST', activitiesOf(CHANNEL)]);
    const sharedText = text(cardsOf(posted)[0]);
    expect(sharedText).toContain(CASE_TITLE);
    expect(sharedText).toContain('Twelve nurses came back on flexible contracts');
    expect(sharedText).toContain(`Shared by ${author.name}`);
  });
});

describe('a digest preview asked for in a channel', () => {
  beforeAll(async () => {
    // Figures for one London trust: 1,000 staff, 10 leavers every month for two years (12.0% a year).
    const trust = await prisma().organisation.findFirstOrThrow({
      where: { regionCode: 'Y56', odsCode: { not: null } },
      orderBy: { odsCode: 'asc' },
    });
    const lines = [
      'period,org_code,staff_group,headcount_start,headcount_end,fte,leavers,joiners,stability_base,stability_stayed,vacancy_fte,nq_headcount,nq_leavers',
    ];
    for (let i = 0; i < 24; i += 1)
      lines.push(`${new Date(Date.UTC(2023, 3 + i, 1)).toISOString().slice(0, 7)},${trust.odsCode},All staff groups,1000,1000,,10,10,,,,,`);
    const report = await importMetrics(
      csvTextSource('parity-london.csv', `${lines.join('\n')}\n`),
      { skipInvalid: false, currentMonth: '2025-06' },
      new PrismaMetricStore(prisma()),
    );
    expect(report.outcome).toBe('imported');
  });

  it('goes to the personal chat with its figures; the channel gets the neutral line only', async () => {
    const { card, channel } = await askInChannel(members[0]!.who, 'digest preview london');
    const seen = text(card);
    expect(seen).toContain('Retention digest: London');
    expect(seen).toContain('March 2025: the 12-month leaver rate is 12.0%.');
    for (const call of channel) {
      expect(call.body).not.toContain('12.0%');
      expect(call.body.toLowerCase()).not.toContain('retention digest');
    }
  });
});
