// What events send on their own, through the outbox to the Slack and Bot Connector stand-ins: the
// announcement in the region's community channels (national events in every region's) with counts
// updated in place as people answer, the direct messages that follow a promotion, a change and a
// cancellation, and reminders sent once each, also with two bot processes and after a restart.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBot, type RunningBot } from '../../src/app/bot.js';
import { loadConfig } from '../../src/config.js';
import { slackBlocksToText } from '../../src/dev/readable-text.js';
import type { RecordedRequest } from '../../src/dev/recording-server.js';
import { slackInput, type SlackIdentity } from '../../src/dev/slack-requests.js';
import { mentionActivity, postActivity, type TeamsIdentity } from '../../src/dev/teams-activities.js';
import { createLogger } from '../../src/logger.js';
import { calendarTokenOf, datePicked, eventValues, futureDate, PUBLIC_URL, submitEventForm, timePicked } from '../support/events.js';
import { slackLinkButtons } from '../support/links.js';
import { joinInSlack } from '../support/members.js';
import { startTestBot, type TestBot } from '../support/test-bot.js';
import { slackClickText, slackCommandBlocks, slackCommandText } from '../support/chat.js';

let harness: TestBot;
const prisma = () => harness.bot.database.prisma;
const person = (userId: string, channelId = 'C0PLAIN'): SlackIdentity => ({ teamId: 'T0TEST', userId, channelId });
const admin = person('U0ADMIN', 'C0LONDON');
const facilitator = person('U0FACLON', 'C0LONDON');
const people = ['U0ANN1', 'U0ANN2', 'U0ANN3'].map((id) => person(id));
const teamsChannel: TeamsIdentity = {
  tenantId: '11111111-2222-3333-4444-555555555555',
  userId: '29:teams-facilitator',
  aadObjectId: 'aaaaaaaa-0000-0000-0000-0000000f0f0f',
  conversationId: '19:london-cop@thread.tacv2',
  conversationType: 'channel',
};

const memberIdOf = async (who: SlackIdentity) =>
  (await prisma().platformIdentity.findFirstOrThrow({ where: { userId: who.userId } })).memberId;
const postsTo = (channel: string) => (request: RecordedRequest) =>
  request.path === '/chat.postMessage' && (request.json as { channel?: string }).channel === channel;
const updatesOf = (ts: string) => harness.slack.requests.filter((r) => r.path === '/chat.update' && (r.json as { ts?: string }).ts === ts);
const textOf = (request: RecordedRequest) => slackBlocksToText((request.json as { blocks: unknown }).blocks);
const dmsTo = (who: SlackIdentity) => harness.slack.requests.filter(postsTo(who.userId)).map(textOf);

async function createEvent(overrides: Parameters<typeof eventValues>[1] = {}, as: SlackIdentity = facilitator) {
  const before = await prisma().event.aggregate({ _max: { number: true } });
  expect(await submitEventForm(harness, as, eventValues(await memberIdOf(facilitator), overrides))).toBeUndefined();
  return prisma().event.findFirstOrThrow({ where: { number: { gt: before._max.number ?? 0 } }, orderBy: { number: 'asc' } });
}

beforeAll(async () => {
  harness = await startTestBot({ COP_ADMINS: 'U0ADMIN 29:teams-facilitator', PUBLIC_URL });
  await joinInSlack(harness, admin, 'Ada Admin');
  await joinInSlack(harness, facilitator, 'Fran Facilitator', { region: 'Y56' });
  for (const [i, who] of people.entries()) await joinInSlack(harness, who, `Person ${i + 1}`, { region: 'Y56' });
  expect(await slackCommandText(harness, admin, 'admin grant facilitator <@U0FACLON> london')).toContain('Done');
  // London's community channels: one in Slack, one in Teams; and one for North East and Yorkshire.
  expect(await slackCommandText(harness, facilitator, 'channel link london')).toContain('London');
  expect(await slackCommandText(harness, person('U0ADMIN', 'C0YORKS'), 'channel link north east and yorkshire')).toContain('North East');
  const linked = await postActivity(harness.url, mentionActivity('channel link london', harness.connector.url, teamsChannel));
  expect(linked.status).toBeLessThan(300);
  await harness.drainOutbox();
});
afterAll(async () => {
  await harness?.stop();
});

describe('announcements', () => {
  it('posts a regional event to that region’s channels on both platforms and updates the counts in place', async () => {
    const event = await createEvent({ capacity: slackInput.text('2') });
    await harness.drainOutbox();
    const slackPost = await harness.slack.waitFor(postsTo('C0LONDON'));
    expect(textOf(slackPost)).toContain('How three trusts kept staff on through flexible retirement.');
    expect(textOf(slackPost)).toContain('0 going');
    expect(
      slackLinkButtons((slackPost.json as { blocks: Record<string, unknown>[] }).blocks).map((button) => [button.label, button.url]),
    ).toEqual([
      ['Add to calendar', `${PUBLIC_URL}/calendar/${calendarTokenOf(event)}.ics`],
      ['Join online', 'https://teams.example.nhs.uk/meet/123'],
    ]);
    expect(harness.slack.requests.filter(postsTo('C0YORKS'))).toHaveLength(0);
    const teamsActivities = `/v3/conversations/${teamsChannel.conversationId}/activities`;
    const teamsPost = await harness.connector.waitFor(
      (r) => r.method === 'POST' && decodeURIComponent(r.path) === teamsActivities && r.body.includes('Flexible retirement'),
    );
    expect(teamsPost.body).toContain('event.rsvp');
    const teamsPosted = await prisma().postedMessage.findFirstOrThrow({ where: { postKey: `event:${event.id}`, platform: 'teams' } });

    const posted = await prisma().postedMessage.findFirstOrThrow({ where: { postKey: `event:${event.id}`, platform: 'slack' } });
    for (const who of people) await slackClickText(harness, who, 'event.rsvp#0', `${event.id}:going`);
    await harness.drainOutbox();
    const updates = updatesOf(posted.messageId);
    expect(updates.length).toBeGreaterThan(0);
    expect(textOf(updates.at(-1)!)).toContain('2 going · 0 maybe · 0 can’t go · 1 waitlisted · 0 of 2 places left');
    // The Teams post is updated in place: a PUT to the activity the announcement became.
    expect(
      harness.connector.requests.some(
        (r) =>
          r.method === 'PUT' &&
          decodeURIComponent(r.path) === `${teamsActivities}/${teamsPosted.messageId}` &&
          r.body.includes('1 waitlisted'),
      ),
    ).toBe(true);

    // The first going withdraws: the waiting one is promoted and told; the post shows it.
    await slackClickText(harness, people[0]!, 'event.rsvp#2', `${event.id}:not_going`);
    await harness.drainOutbox();
    expect(
      dmsTo(people[2]!).some(
        (text) => text.includes('a place came free and it is yours') && text.includes('[Add to calendar] [Join online]'),
      ),
    ).toBe(true);
    expect(textOf(updatesOf(posted.messageId).at(-1)!)).toContain('2 going · 0 maybe · 1 can’t go · 0 waitlisted');
  });

  it('posts a national event to every region’s channels', async () => {
    await createEvent({ title: slackInput.text('National launch'), region: slackInput.select('national') }, admin);
    await harness.drainOutbox();
    for (const channel of ['C0LONDON', 'C0YORKS'])
      expect(harness.slack.requests.filter(postsTo(channel)).some((r) => textOf(r).toLowerCase().includes('national launch'))).toBe(true);
  });

  it('tells everyone who answered about a change of time and a cancellation, and shows the cancellation in place', async () => {
    const date = futureDate(7);
    const event = await createEvent({ title: slackInput.text('Menopause support'), date: datePicked(date) });
    await slackClickText(harness, people[0]!, 'event.rsvp#0', `${event.id}:going`);
    await slackClickText(harness, people[1]!, 'event.rsvp#1', `${event.id}:maybe`);
    await slackClickText(harness, people[2]!, 'event.rsvp#2', `${event.id}:not_going`);
    expect(
      await submitEventForm(
        harness,
        facilitator,
        eventValues(await memberIdOf(facilitator), {
          title: slackInput.text('Menopause support'),
          date: datePicked(date),
          start: timePicked('14:00'),
          end: timePicked('15:00'),
        }),
        event.id,
      ),
    ).toBeUndefined();
    await harness.drainOutbox();
    for (const who of [people[0]!, people[1]!]) {
      expect(
        dmsTo(who).some(
          (text) =>
            text.includes('Menopause support has changed') &&
            text.includes('14:00 to 15:00') &&
            text.includes('[Update your calendar] [Join online]'),
        ),
      ).toBe(true);
    }
    expect(dmsTo(people[2]!).some((text) => text.includes('Menopause support has changed'))).toBe(false);

    const blocks = await slackCommandBlocks(harness, facilitator, `event cancel ${event.number}`);
    const button = blocks.flatMap((b) => (b['type'] === 'actions' ? (b['elements'] as { action_id: string; value: string }[]) : []))[0]!;
    await slackClickText(harness, facilitator, button.action_id, button.value);
    await harness.drainOutbox();
    // The calendar file now cancels the event; there is no meeting to join.
    for (const who of [people[0]!, people[1]!])
      expect(
        dmsTo(who).some(
          (text) => text.includes('Menopause support') && text.includes('is cancelled') && text.endsWith('[Update your calendar]'),
        ),
      ).toBe(true);
    const posted = await prisma().postedMessage.findFirstOrThrow({ where: { postKey: `event:${event.id}`, platform: 'slack' } });
    expect(textOf(updatesOf(posted.messageId).at(-1)!).toLowerCase()).toContain('cancelled: masterclass: menopause support');
  });
});

describe('reminders', () => {
  it('sends each reminder once, with two bot processes on one database and after a restart', async () => {
    const event = await createEvent({ title: slackInput.text('Pensions conversations') });
    for (const who of people.slice(0, 2)) await slackClickText(harness, who, 'event.rsvp#0', `${event.id}:going`);
    await slackClickText(harness, people[2]!, 'event.rsvp#1', `${event.id}:maybe`);
    // The event now starts in 23 hours: the 24-hour reminder is due.
    await prisma().event.update({
      where: { id: event.id },
      data: { startsAt: new Date(Date.now() + 23 * 3_600_000), endsAt: new Date(Date.now() + 24 * 3_600_000) },
    });

    /** Another bot process on the same database, sending to the same Slack stand-in. */
    const startSecondBot = async () => {
      const bot = await startBot(
        loadConfig({
          PORT: '0',
          NODE_ENV: 'test',
          LOG_LEVEL: 'silent',
          DATABASE_URL: await databaseUrl(),
          SLACK_SIGNING_SECRET: 'x',
          SLACK_BOT_TOKEN: 'xoxb-x',
          SLACK_API_URL: `${harness.slack.url}/`,
        }),
        createLogger('silent'),
      );
      await bot.ready;
      return bot;
    };
    // A second bot process on the same database (the PostgreSQL server under test:postgres; on the
    // embedded database the same process's store stands in, as PGlite serves one process).
    let second: RunningBot | undefined;
    if (!(await databaseUrl()).startsWith('pglite')) {
      second = await startSecondBot();
    }
    const runs = [
      harness.bot.runEventJobs(),
      harness.bot.runEventJobs(),
      ...(second ? [second.runEventJobs(), second.runEventJobs()] : []),
    ];
    await Promise.all(runs);
    await harness.drainOutbox();
    await second?.drainOutbox();
    const reminders = (who: SlackIdentity) => dmsTo(who).filter((text) => text.includes('Reminder: Pensions conversations'));
    expect(reminders(people[0]!)).toHaveLength(1);
    expect(reminders(people[0]!)[0]).toContain('starts in 24 hours');
    expect(reminders(people[0]!)[0]).toContain('Where\nOnline\n[Join online]');
    expect(reminders(people[1]!)).toHaveLength(1);
    expect(reminders(people[2]!)).toHaveLength(0);

    // After a restart (the second process stops and starts again), nothing is sent again.
    if (second) {
      await second.stop();
      second = await startSecondBot();
      await second.runEventJobs();
      await second.drainOutbox();
    }
    await harness.bot.runEventJobs();
    await harness.drainOutbox();
    expect(reminders(people[0]!)).toHaveLength(1);

    // An hour before, the 1-hour reminder goes, once.
    await prisma().event.update({ where: { id: event.id }, data: { startsAt: new Date(Date.now() + 50 * 60_000) } });
    await Promise.all([harness.bot.runEventJobs(), harness.bot.runEventJobs(), second?.runEventJobs()]);
    await harness.drainOutbox();
    await second?.drainOutbox();
    expect(reminders(people[0]!)).toHaveLength(2);
    expect(reminders(people[0]!)[1]).toContain('starts in 1 hour');
    await second?.stop();
  }, 60_000);
});

/** The database URL the harness runs on (a schema of its own on the PostgreSQL server). */
async function databaseUrl(): Promise<string> {
  const server = process.env['COP_TEST_DATABASE_URL'];
  if (!server) return 'pglite:memory';
  const [row] = await prisma().$queryRaw<{ schema: string }[]>`SELECT current_schema() AS schema`;
  const url = new URL(server);
  url.searchParams.set('schema', row?.schema ?? 'public');
  return url.toString();
}
