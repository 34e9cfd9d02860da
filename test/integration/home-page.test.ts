// The home page's content through both platforms' real endpoints: a member's next events with answer
// buttons, their region's latest digest headline, new case studies, a facilitator's queues, a visitor's
// welcome; the Slack App Home re-published after the person's own answer and only then (no digest, new
// event or anyone else's change publishes every member's Home); `home` in Slack and Teams; and the
// Open and Going buttons of the `events` list.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importMetrics } from '../../src/core/metrics/importer.js';
import { PrismaMetricStore } from '../../src/db/repositories/metric-repository.js';
import { adaptiveCardToText, cardsOf, slackBlocksToText } from '../../src/dev/readable-text.js';
import type { RecordedRequest } from '../../src/dev/recording-server.js';
import type { SlackIdentity } from '../../src/dev/slack-requests.js';
import { botAddedActivity, cardSubmitActivity, messageActivity, postActivity, type TeamsIdentity } from '../../src/dev/teams-activities.js';
import { csvFileSource } from '../../src/metrics/csv-source.js';
import { slackActionButtons, slackClick, slackCommand, slackCommandText, slackEvent, teamsCard, type Card } from '../support/chat.js';
import { eventValues, futureDate, datePicked, PUBLIC_URL, submitEventForm } from '../support/events.js';
import { joinInSlack } from '../support/members.js';
import { startTestBot, type TestBot } from '../support/test-bot.js';

const fixtures = new URL('../fixtures/metrics/', import.meta.url).pathname;
let harness: TestBot;
const prisma = () => harness.bot.database.prisma;
const person = (userId: string, channelId = `D${userId.slice(1)}`): SlackIdentity => ({ teamId: 'T0TEST', userId, channelId });
const admin = person('U0ADMIN');
const fran = person('U0FRAN');
const mo = person('U0MO');
const LONDON_CHANNEL = 'C0HOMELON';
const teamsMember: TeamsIdentity = {
  tenantId: 'tenant-home-page',
  userId: '29:home-page-member',
  aadObjectId: 'aad-home-page-member',
  conversationId: 'a:home-page-member',
  conversationType: 'personal',
};
const teamsVisitor: TeamsIdentity = { ...teamsMember, userId: '29:home-page-visitor', conversationId: 'a:home-page-visitor' };

type Json = Record<string, unknown>;
interface Published {
  user_id: string;
  view: { type: string; blocks: Json[] };
}

const publishes = (userId?: string): RecordedRequest[] =>
  harness.slack.requests.filter(
    (request) => request.path === '/views.publish' && (userId === undefined || (request.json as Published).user_id === userId),
  );

async function memberIdOf(userId: string): Promise<string> {
  return (await prisma().platformIdentity.findFirstOrThrow({ where: { userId } })).memberId;
}

/** Opens the App Home tab as `who`: the view published for them. */
async function openHome(who: SlackIdentity): Promise<Published> {
  const before = publishes(who.userId).length;
  await slackEvent(harness, { type: 'app_home_opened', user: who.userId, channel: who.channelId, tab: 'home' }, who.teamId);
  await harness.idle();
  const published = publishes(who.userId);
  expect(published.length).toBe(before + 1);
  return published.at(-1)!.json as Published;
}

async function createLondonEvent(title: string, weeks: number) {
  const before = await prisma().event.aggregate({ _max: { number: true } });
  const values = eventValues(await memberIdOf(fran.userId), {
    title: { type: 'plain_text_input', value: title },
    date: datePicked(futureDate(weeks)),
  });
  expect(await submitEventForm(harness, fran, values)).toBeUndefined();
  return prisma().event.findFirstOrThrow({ where: { number: { gt: before._max.number ?? 0 } }, orderBy: { number: 'asc' } });
}

let event: Awaited<ReturnType<typeof createLondonEvent>>;

beforeAll(async () => {
  harness = await startTestBot({ COP_ADMINS: 'U0ADMIN', PUBLIC_URL });
  const store = new PrismaMetricStore(prisma());
  for (const file of ['nhs-turnover-transfer.csv', 'nhs-sickness-bom-crlf.csv']) {
    const report = await importMetrics(await csvFileSource(`${fixtures}${file}`), { skipInvalid: false, currentMonth: '2025-06' }, store);
    expect(report.outcome).toBe('imported');
  }
  await joinInSlack(harness, admin, 'Ada Admin');
  await joinInSlack(harness, fran, 'Fran Facilitator', { region: 'Y56' });
  await joinInSlack(harness, mo, 'Mo Member', { region: 'Y56' });
  expect(await slackCommandText(harness, admin, 'admin grant facilitator <@U0FRAN> london')).toContain('Done');
  expect(await slackCommandText(harness, { ...fran, channelId: LONDON_CHANNEL }, 'channel link london')).toContain('London');
  event = await createLondonEvent('Keeping nurses near retirement', 5);
  // Waiting for a London facilitator: one case study and one organisation.
  await prisma().caseStudy.create({
    data: {
      title: 'Waiting rota',
      summary: 'A rota that waits for review.',
      challenge: 'c',
      actions: 'a',
      results: 'r',
      regionCode: 'Y56',
      source: 'Submitted by a member',
      status: 'submitted',
      submittedAt: new Date(),
    },
  });
  await prisma().organisation.create({
    data: {
      name: 'Unconfirmed Community Trust',
      regionCode: 'Y56',
      verified: false,
      source: 'Added by a member',
      type: 'Community',
      nation: 'england',
      isNhsTrust: true,
    },
  });
  await harness.drainOutbox();
}, 180_000);
afterAll(async () => {
  await harness?.stop();
});

describe('the Slack App Home', () => {
  it('shows a member their next events with answer buttons, the digest line, new case studies, and no queues', async () => {
    const home = await openHome(mo);
    expect(home.view.type).toBe('home');
    const text = slackBlocksToText(home.view.blocks);
    expect(text).toContain('WELCOME BACK, MO MEMBER');
    expect(text).toContain('You have not answered any event coming up.');
    expect(text).toContain('COMING UP IN LONDON');
    expect(text).toContain(`#${event.number} Keeping nurses near retirement`);
    expect(text).toContain('No digest has been posted to London’s channels yet.');
    expect(text).toContain('NEW CASE STUDIES');
    expect(text).not.toContain('WAITING FOR YOU');
    const buttons = slackActionButtons(home.view.blocks);
    expect(buttons.filter((button) => button.value === `${event.id}:going`).map((button) => button.label)).toEqual(['Going']);
    expect(buttons.filter((button) => button.value === `${event.id}:not_going`).map((button) => button.label)).toEqual(['Can’t go']);
    expect(buttons.some((button) => button.value === `event ${event.number}` && button.label === 'Open')).toBe(true);
    expect(buttons.filter((button) => button.action_id.startsWith('case.share')).length).toBeGreaterThan(0);
    expect(buttons.map((button) => button.value)).toEqual(expect.arrayContaining(['events', 'cases', 'profile edit', 'help']));
    // Slack refuses a Home view of more than 100 blocks; each row's buttons stay within one actions block of 5.
    expect(home.view.blocks.length).toBeLessThanOrEqual(100);
    for (const block of home.view.blocks.filter((b) => b['type'] === 'actions'))
      expect((block['elements'] as unknown[]).length).toBeLessThanOrEqual(5);
  });

  it('shows a facilitator what waits for review and confirmation, with buttons to the queues', async () => {
    const text = slackBlocksToText((await openHome(fran)).view.blocks);
    expect(text).toContain('WAITING FOR YOU');
    expect(text).toContain('1 case study waiting for review');
    expect(text).toContain('1 organisation waiting for confirmation');
    const buttons = slackActionButtons((await openHome(fran)).view.blocks).map((button) => button.value);
    expect(buttons).toEqual(expect.arrayContaining(['cases pending', 'organisations pending']));
  });

  it('re-publishes only the answering member’s Home after their answer, with the answer on it', async () => {
    const franBefore = publishes(fran.userId).length;
    const moBefore = publishes(mo.userId).length;
    const reply = await slackClick(harness, mo, 'home.rsvp', `${event.id}:going`);
    expect(slackBlocksToText(reply.blocks)).toContain("You're going to Keeping nurses near retirement");
    await harness.idle();
    await harness.drainOutbox();
    expect(await prisma().rsvp.findFirst({ where: { eventId: event.id, memberId: await memberIdOf(mo.userId) } })).toMatchObject({
      status: 'going',
    });
    const mine = publishes(mo.userId);
    expect(mine.length).toBe(moBefore + 1);
    const text = slackBlocksToText((mine.at(-1)!.json as Published).view.blocks);
    expect(text).toContain('YOUR NEXT EVENTS');
    expect(text).toMatch(new RegExp(`YOUR NEXT EVENTS\\n• #${event.number} Keeping nurses near retirement [^\\n]*going\\.`));
    // Fran opened her Home too: Mo's answer does not re-publish it.
    expect(publishes(fran.userId).length).toBe(franBefore);
  });

  it('re-publishes a visitor’s Home as a member’s once they join from it', async () => {
    const visitor = person('U0VISITHOME');
    expect(slackBlocksToText((await openHome(visitor)).view.blocks)).toContain('[Join]');
    const before = publishes(visitor.userId).length;
    await joinInSlack(harness, visitor, 'Vic Visitor', { region: 'Y56' });
    await harness.idle();
    await harness.drainOutbox();
    const after = publishes(visitor.userId);
    expect(after.length).toBe(before + 1);
    expect(slackBlocksToText((after.at(-1)!.json as Published).view.blocks)).toContain('WELCOME BACK, VIC VISITOR');

    // Erasing them forgets their Home too: nothing kept names their Slack user id.
    expect(await prisma().postedMessage.count({ where: { address: visitor.userId } })).toBe(1);
    const erased = await slackClick(harness, visitor, 'member.erase', await memberIdOf(visitor.userId));
    expect(slackBlocksToText(erased.blocks)).toContain('Your data has been erased.');
    expect(await prisma().postedMessage.count({ where: { address: visitor.userId } })).toBe(0);
  });

  it('publishes nobody’s Home for a digest post or a new event, and shows the digest headline when opened', async () => {
    const before = publishes().length;
    const channel = { ...fran, channelId: LONDON_CHANNEL };
    expect(await slackCommandText(harness, channel, 'digest subscribe london weekly')).toContain('London');
    expect(await slackCommandText(harness, channel, 'digest now')).toContain('on its way');
    await createLondonEvent('Legacy mentoring', 7);
    await harness.idle();
    await harness.drainOutbox();
    expect(
      harness.slack.requests.some(
        (request) => request.path === '/chat.postMessage' && JSON.stringify(request.json).includes('leaver rate'),
      ),
    ).toBe(true);
    expect(publishes().length).toBe(before);

    const text = slackBlocksToText((await openHome(mo)).view.blocks);
    expect(text).toMatch(/London, last posted [^:]+: .*the 12-month leaver rate is/);
    expect(slackActionButtons((await openHome(mo)).view.blocks).some((button) => button.value === 'digest preview Y56')).toBe(true);
  });

  it('answers /cop home with the same page, only to the person, and points to the Home tab', async () => {
    const reply = await slackCommand(harness, mo, 'home');
    expect(reply.response_type).toBe('ephemeral');
    const text = slackBlocksToText(reply.blocks);
    expect(text).toContain('WELCOME BACK, MO MEMBER');
    expect(text).toContain('YOUR NEXT EVENTS');
    expect(text).toContain('also on the Home tab');
  });
});

describe('the Teams home card', () => {
  it('welcomes a visitor with Join and suggestions', async () => {
    const card = await teamsCard(harness, messageActivity('home', harness.connector.url, teamsVisitor));
    const text = adaptiveCardToText(card);
    expect(text).toContain('[Join]');
    expect(text).toContain('[Case studies]');
    expect(text).toContain('[Events]');
    expect(text).toContain('Type home at any time');
  });

  it('keeps the welcome card of a personal chat current: joining turns it into the member’s page in place', async () => {
    const who: TeamsIdentity = { ...teamsMember, userId: '29:home-page-joiner', conversationId: 'a:home-page-joiner' };
    const added = botAddedActivity(harness.connector.url, who);
    expect((await postActivity(harness.url, added)).status).toBeLessThan(300);
    const welcome = await harness.connector.waitFor(
      (request) => request.method === 'POST' && (request.json as Json | undefined)?.['replyToId'] === added.id,
    );
    expect(adaptiveCardToText(cardsOf(welcome.json)[0])).toContain('[Join]');
    const leeds = await prisma().organisation.findFirstOrThrow({ where: { odsCode: 'RR8' } });
    await teamsCard(
      harness,
      cardSubmitActivity(
        {
          verb: 'cop.form',
          form: 'member.profile',
          displayName: 'Jo Joiner',
          organisation: leeds.id,
          region: 'Y56',
          role: 'retention_lead',
          consent: 'true',
          inDirectory: 'false',
        },
        harness.connector.url,
        who,
      ),
    );
    await harness.idle();
    await harness.drainOutbox();
    const updates = harness.connector.requests.filter(
      (request) =>
        request.method === 'PUT' && decodeURIComponent(request.path).startsWith(`/v3/conversations/${who.conversationId}/activities/`),
    );
    expect(updates.length).toBe(1);
    expect(adaptiveCardToText(cardsOf(updates[0]!.json)[0])).toContain('Welcome back, Jo Joiner');
  });

  it('shows a member their page; answering from it records the answer and shows the page again', async () => {
    const leeds = await prisma().organisation.findFirstOrThrow({ where: { odsCode: 'RR8' } });
    const joined = await teamsCard(
      harness,
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
        teamsMember,
      ),
    );
    expect(adaptiveCardToText(joined)).toContain('Welcome');
    const home = adaptiveCardToText(await teamsCard(harness, messageActivity('home', harness.connector.url, teamsMember)));
    expect(home).toContain('Welcome back, Tess Teams');
    expect(home).toContain(`#${event.number} Keeping nurses near retirement`);
    expect(home).toMatch(/London, last posted .*the 12-month leaver rate is/);
    expect(home).toContain('New case studies');

    const answered: Card = await teamsCard(harness, {
      ...cardSubmitActivity({ verb: 'home.rsvp', value: `${event.id}:going` }, harness.connector.url, teamsMember),
      type: 'invoke',
    });
    const text = adaptiveCardToText(answered);
    expect(text).toContain("You're going to Keeping nurses near retirement");
    expect(text).toContain('Your next events');
    expect(await prisma().rsvp.findFirst({ where: { eventId: event.id, memberId: await memberIdOf(teamsMember.userId) } })).toMatchObject({
      status: 'going',
    });
  });
});

describe('the events list', () => {
  it('gives each row Open and Going in Slack; Going from the list takes a place', async () => {
    const newcomer = person('U0NEWLIST');
    await joinInSlack(harness, newcomer, 'Nel Newlist', { region: 'Y56' });
    const reply = await slackCommand(harness, newcomer, 'events');
    const buttons = slackActionButtons(reply.blocks);
    expect(buttons.filter((button) => button.label === 'Open').map((button) => button.value)).toContain(`event ${event.number}`);
    const going = buttons.find((button) => button.value === `${event.id}:going`);
    expect(going?.label).toBe('Going');
    // Slack: at most 5 buttons in an actions block and 50 blocks in a message.
    expect(reply.blocks.length).toBeLessThanOrEqual(50);
    for (const block of reply.blocks.filter((b) => b['type'] === 'actions'))
      expect((block['elements'] as unknown[]).length).toBeLessThanOrEqual(5);
    const answered = await slackClick(harness, newcomer, going!.action_id, going!.value);
    expect(slackBlocksToText(answered.blocks)).toContain("You're going to Keeping nurses near retirement");
    expect(await prisma().rsvp.findFirst({ where: { eventId: event.id, memberId: await memberIdOf(newcomer.userId) } })).toMatchObject({
      status: 'going',
    });
  });

  it('gives each row its own action set in Teams, and Going works from it', async () => {
    const card = await teamsCard(harness, messageActivity('events london', harness.connector.url, teamsVisitor));
    const sets = JSON.stringify(card);
    expect(sets).toContain(`"verb":"event.rsvp"`);
    expect(sets).toContain(`${event.id}:going`);
    expect(sets).toContain(`event ${event.number}`);
    // A visitor's Going offers the join form first, as the announcement's does.
    const answer = adaptiveCardToText(
      await teamsCard(harness, {
        ...cardSubmitActivity({ verb: 'event.rsvp', value: `${event.id}:going` }, harness.connector.url, teamsVisitor),
        type: 'invoke',
      }),
    );
    expect(answer).toContain('Join the community');
  });
});
