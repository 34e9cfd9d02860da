// Scheduled digests through both platforms' real endpoints: `digest subscribe|list|pause|resume|
// unsubscribe|now` typed in Slack channels (signed slash commands and button clicks) and in Teams
// channels (activities), who may use them, what is stored and audited; then the scheduler job driven
// with explicit times: a period posted once through the outbox to the Slack and Bot Connector
// stand-ins, a late period after downtime (not doubled, not skipped; a second process on the
// PostgreSQL server), a channel the bot was removed from (paused, facilitator told), and a post that
// failed after its tries (reported once).
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBot, type RunningBot } from '../../src/app/bot.js';
import { loadConfig } from '../../src/config.js';
import { importMetrics } from '../../src/core/metrics/importer.js';
import { isFirstWorkingDay } from '../../src/core/digests/schedule.js';
import { PrismaMetricStore } from '../../src/db/repositories/metric-repository.js';
import { adaptiveCardToText, cardsOf, slackBlocksToText } from '../../src/dev/readable-text.js';
import type { RecordedRequest } from '../../src/dev/recording-server.js';
import { eventCallbackBody, postToSlackEndpoint, type SlackIdentity } from '../../src/dev/slack-requests.js';
import { cardSubmitActivity, mentionActivity, type TeamsIdentity } from '../../src/dev/teams-activities.js';
import { createLogger } from '../../src/logger.js';
import { csvFileSource } from '../../src/metrics/csv-source.js';
import { slackClickButton, slackClickText, slackCommand, slackCommandText, teamsText } from '../support/chat.js';
import { joinInSlack } from '../support/members.js';
import { imageFileId, slackUpload, uploadsAsked } from '../support/slack-uploads.js';
import { BOT_USER_ID, personalChatId, SIGNING_SECRET, startTestBot, type TestBot } from '../support/test-bot.js';

type Json = Record<string, unknown>;
const fixtures = new URL('../fixtures/metrics/', import.meta.url).pathname;

/** Slack answers chat.postMessage to this channel as for a channel that was deleted. */
const GONE_CHANNEL = 'C0SUBGONE';
/** Slack fails every chat.postMessage to this channel (a platform error the outbox retries). */
const FLAKY_CHANNEL = 'C0SUBFLAKY';
/** Slack refuses the first chat.postMessage here as for a file it is still processing (`invalid_blocks`). */
const SLOW_FILE_CHANNEL = 'C0SUBSLOW';
const refusedOnce = new Set<string>();
const TEAMS_GONE = '19:sub-gone@thread.tacv2';
/** Set once the Teams channel is set up: from then on the connector answers 403 there, as for a removed bot. */
let teamsGone = false;

let harness: TestBot;
const prisma = () => harness.bot.database.prisma;
const inSlack = (userId: string, channelId: string): SlackIdentity => ({ teamId: 'T0TEST', userId, channelId });
const admin = (channel: string) => inSlack('U0ADMIN', channel);
const fran = (channel: string) => inSlack('U0FRAN', channel);
const kim = (channel: string) => inSlack('U0KIM', channel);
const teamsIn = (conversationId: string): TeamsIdentity => ({
  tenantId: 'tenant-subs',
  userId: '29:teams-admin',
  aadObjectId: 'aad-teams-admin',
  conversationId,
  conversationType: 'channel',
});
const TEAMS_LONDON = '19:sub-london@thread.tacv2';

beforeAll(async () => {
  harness = await startTestBot(
    { COP_ADMINS: 'U0ADMIN 29:teams-admin', PUBLIC_URL: 'https://cop.example.test/' },
    {
      slackApi: (request) => {
        const channel = (request.json as Json | undefined)?.['channel'];
        if (request.path !== '/chat.postMessage') return undefined;
        if (channel === GONE_CHANNEL) return { body: { ok: false, error: 'channel_not_found' } };
        if (channel === FLAKY_CHANNEL) return { body: { ok: false, error: 'internal_error' } };
        if (channel === SLOW_FILE_CHANNEL && !refusedOnce.has(channel)) {
          refusedOnce.add(channel);
          return { body: { ok: false, error: 'invalid_blocks', errors: ['invalid slack file [json-pointer:/blocks/6/slack_file]'] } };
        }
        return undefined;
      },
      connectorApi: (request) =>
        teamsGone && request.method === 'POST' && decodeURIComponent(request.path).startsWith(`/v3/conversations/${TEAMS_GONE}/`)
          ? { status: 403, body: { error: { code: 'BotNotInConversationRoster' } } }
          : undefined,
    },
  );
  const store = new PrismaMetricStore(harness.bot.database.prisma);
  for (const file of ['nhs-turnover-transfer.csv', 'nhs-sickness-bom-crlf.csv']) {
    const report = await importMetrics(await csvFileSource(`${fixtures}${file}`), { skipInvalid: false, currentMonth: '2025-06' }, store);
    expect(report.outcome).toBe('imported');
  }
  await joinInSlack(harness, fran('C0ANY'), 'Fran Facilitator', { region: 'Y56' });
  await joinInSlack(harness, kim('C0ANY'), 'Kim Member', { region: 'Y56' });
  expect(await slack(admin('C0ANY'), 'admin grant facilitator <@U0FRAN> london')).toContain('Done');
  for (const channel of ['C0SUBLON', GONE_CHANNEL, FLAKY_CHANNEL, SLOW_FILE_CHANNEL])
    expect(await slack(admin(channel), 'channel link london')).toContain('Done');
  await harness.drainOutbox();
}, 120_000);
afterAll(async () => {
  await harness?.stop();
});

/**
 * Slack's mrkdwn as sent, with only its escapes undone: cron expressions hold `*`, which Slack shows as
 * typed (a `*` next to a space does not make bold) but the readable-text helper would take for bold.
 */
function rawText(blocks: Json[]): string {
  return blocks
    .flatMap((block) => [block['text'], ...((block['elements'] as unknown[] | undefined) ?? [])])
    .map((part) => {
      const text = part && typeof part === 'object' ? (part as Json)['text'] : undefined;
      return typeof text === 'string' ? text : '';
    })
    .filter(Boolean)
    .join('\n')
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&amp;', '&');
}

async function slackReply(
  who: SlackIdentity,
  text: string,
): Promise<{ text: string; raw: string; responseType: string | undefined; blocks: Json[] }> {
  const reply = await slackCommand(harness, who, text, 20_000);
  return { text: slackBlocksToText(reply.blocks), raw: rawText(reply.blocks), responseType: reply.response_type, blocks: reply.blocks };
}
const slack = (who: SlackIdentity, text: string) => slackCommandText(harness, who, text, 20_000);
const teams = (conversationId: string, text: string) =>
  teamsText(harness, mentionActivity(text, harness.connector.url, teamsIn(conversationId)));
/**
 * Types `text` in a Teams channel for an answer meant for the asker alone: checks the channel got only
 * the neutral line and resolves with what was posted in the asker's personal chat with the bot.
 */
async function teamsPrivately(conversationId: string, text: string): Promise<string> {
  const who = teamsIn(conversationId);
  const personal = `/v3/conversations/${personalChatId(who.userId)}/activities`;
  const mark = harness.connector.requests.length;
  const activity = mentionActivity(text, harness.connector.url, who);
  expect(await teamsText(harness, activity)).toBe("I've sent you the details in our private chat.");
  const neutral = harness.connector.requests.filter(
    (r) => r.method === 'POST' && (r.json as Json | undefined)?.['replyToId'] === activity.id,
  );
  expect(neutral.map((r) => decodeURIComponent(r.path))).toEqual([`/v3/conversations/${conversationId}/activities`]);
  const answers = harness.connector.requests.slice(mark).filter((r) => r.method === 'POST' && decodeURIComponent(r.path) === personal);
  expect(answers).toHaveLength(1);
  return cardsOf(answers[0]!.json).map(adaptiveCardToText).join('\n');
}

const memberIdOf = async (userId: string) => (await prisma().platformIdentity.findFirstOrThrow({ where: { userId } })).memberId;
const subscriptionIn = async (externalId: string) =>
  prisma().digestSubscription.findFirstOrThrow({ where: { conversation: { externalId } }, orderBy: { number: 'desc' } });
const postsTo = (channel: string) =>
  harness.slack.requests.filter((r) => r.path === '/chat.postMessage' && (r.json as Json)['channel'] === channel);
const textOf = (request: RecordedRequest) => slackBlocksToText((request.json as { blocks: unknown }).blocks);
const blocksOf = (request: RecordedRequest) => (request.json as { blocks: Json[] }).blocks;
/** Checks that the post shows its chart from a file uploaded to Slack (a PNG, shared nowhere else) and gives the file's id. */
async function chartUploadOf(post: RecordedRequest): Promise<string> {
  const fileId = imageFileId(blocksOf(post));
  expect(fileId).toMatch(/^F\d+$/);
  const upload = await slackUpload(harness.slack, fileId!);
  expect(upload.bytes.subarray(1, 4).toString()).toBe('PNG');
  // Shared into the channel the digest goes to: a file shared nowhere is the bot's alone.
  expect(upload.completed.json).toMatchObject({ channel_id: (post.json as Json)['channel'] });
  expect(blocksOf(post).find((block) => block['type'] === 'image')?.['alt_text']).toMatch(/^Line chart of the 12-month leaver rate for /);
  return fileId!;
}
const digestsIn = (channel: string) =>
  postsTo(channel)
    .map(textOf)
    .filter((text) => text.includes('RETENTION DIGEST'));

/** The next wall-clock time (hour:minute, on `weekday` if given, 1 = Monday) after `after` in `zone`. */
function nextLocal(after: Date, zone: string, hour: number, minute: number, weekday?: number): Date {
  let at = DateTime.fromJSDate(after, { zone }).set({ hour, minute, second: 0, millisecond: 0 });
  while (at.toMillis() <= after.getTime() || (weekday !== undefined && at.weekday !== weekday))
    at = at.plus({ days: 1 }).set({ hour, minute });
  return at.toJSDate();
}
/** An hour of the day far from now in UTC, so the bot's own 30-second scheduler (real time) never finds it due during the test. */
const farHour = (new Date().getUTCHours() + 12) % 24;

describe('subscribing in Slack', () => {
  it('subscribes a channel to its region’s weekly digest, shared with the channel and audited by member id', async () => {
    const reply = await slackReply(fran('C0SUBLON'), 'digest subscribe london weekly');
    const stored = await subscriptionIn('C0SUBLON');
    expect(reply.text).toContain(
      `Done: this channel gets the London retention digest every Monday at 09:00 (Europe/London) (subscription ${stored.number}). The first is due Monday`,
    );
    expect(reply.responseType).toBe('in_channel');
    expect(stored).toMatchObject({
      scopeKind: 'region',
      scopeCode: 'Y56',
      schedule: 'weekly',
      timeZone: 'Europe/London',
      pausedAt: null,
      subscribedBy: await memberIdOf('U0FRAN'),
    });
    const audit = await prisma().auditEntry.findFirstOrThrow({ where: { action: 'digest.subscribed', subject: stored.id } });
    expect(audit.details).toMatchObject({
      scope: 'region:Y56',
      schedule: 'weekly',
      timeZone: 'Europe/London',
      by: await memberIdOf('U0FRAN'),
    });
    expect(JSON.stringify(audit.details)).not.toContain('U0FRAN');

    expect(await slack(fran('C0SUBLON'), 'digest subscribe london monthly')).toContain(
      `This channel already gets the London digest (subscription ${stored.number}), so nothing was changed.`,
    );
  });

  it('refuses bad schedules, time zones, scopes, people and places with a clear message, changing nothing', async () => {
    const before = await prisma().digestSubscription.count();
    const audits = await prisma().auditEntry.count();
    const refusals: [SlackIdentity, string, string][] = [
      [
        fran('C0SUBLON'),
        'digest subscribe RJ1 61 9 * * *',
        '"61 9 * * *" is not a cron expression I can read (Constraint error, got value 61 expected range 0-59).',
      ],
      [fran('C0SUBLON'), 'digest subscribe RJ1 */10 * * * *', '"*/10 * * * *" would post more than once a day.'],
      [fran('C0SUBLON'), 'digest subscribe RJ1 0 9,17 * * *', 'would post more than once a day'],
      [
        fran('C0SUBLON'),
        'digest subscribe RJ1 0 9 * *',
        '"0 9 * *" is not a schedule. Use weekly, monthly, or a cron expression of five fields',
      ],
      [fran('C0SUBLON'), 'digest subscribe RJ1 0 H * * 1', '"0 H * * 1" uses H (a time picked at random), which I cannot use'],
      [fran('C0SUBLON'), 'digest subscribe RJ1 weekly Mars/Olympus_Mons', '"Mars/Olympus_Mons" is not a time zone I know.'],
      [fran('C0SUBLON'), 'digest subscribe RJ1 0 9 * * 1 +01:00', '"0 9 * * 1 +01:00" is not a schedule'],
      [fran('C0SUBLON'), 'digest subscribe narnia weekly', 'I don\'t know "narnia" as a region, national or an organisation code or name.'],
      [fran('C0SUBLON'), 'digest subscribe london', 'Say when to post the digest after "london"'],
      [fran('C0SUBLON'), 'digest subscribe', 'Say what the digest is about and when'],
      [
        kim('C0SUBLON'),
        'digest subscribe RJ1 monthly',
        "Only a facilitator of the digest’s region or a national admin can change the Guy's and St Thomas' NHS Foundation Trust (RJ1) digest subscriptions",
      ],
      [
        fran('C0SUBLON'),
        'digest subscribe north west weekly',
        'Only a facilitator of the digest’s region or a national admin can change the North West digest subscriptions',
      ],
      [
        fran('C0SUBLON'),
        'digest subscribe national weekly',
        'Only a national admin can change the national digest subscriptions, so nothing was changed.',
      ],
      [fran('D0FRAN'), 'digest subscribe london weekly', 'Digest subscriptions belong to channels'],
      [fran('C0NEVERSEEN'), 'digest subscribe london weekly', 'I am not in this channel yet'],
    ];
    for (const [who, text, expected] of refusals) expect((await slackReply(who, text)).raw, text).toContain(expected);
    expect(await prisma().digestSubscription.count()).toBe(before);
    expect(await prisma().auditEntry.count()).toBe(audits);
  });

  it('takes an organisation’s digest on a cron schedule in another time zone', async () => {
    const reply = (await slackReply(fran('C0SUBLON'), 'digest subscribe RJ1 30 7 * * 1-5 america/new_york')).raw;
    expect(reply).toContain(
      "Done: this channel gets the Guy's and St Thomas' NHS Foundation Trust (RJ1) retention digest on the cron schedule 30 7 * * 1-5 (America/New_York)",
    );
    expect(reply).toMatch(/The first is due \w+day \d+ \w+ \d{4}, 07:30 GMT-[45]\./);
    expect(await subscriptionIn('C0SUBLON')).toMatchObject({
      scopeKind: 'organisation',
      scopeCode: 'RJ1',
      schedule: '30 7 * * 1-5',
      timeZone: 'America/New_York',
    });
  });

  it('lists the channel’s subscriptions for anyone, with the next time due and buttons', async () => {
    const { text, raw, blocks } = await slackReply(kim('C0SUBLON'), 'digest list');
    expect(text).toContain('DIGEST SUBSCRIPTIONS IN THIS CHANNEL');
    expect(text).toMatch(/\d+\. London Posted every Monday at 09:00 \(Europe\/London\)\. Next: Monday \d+ \w+ \d{4}, 09:00 (GMT|BST)\./);
    expect(raw).toMatch(
      /\d+\. Guy's and St Thomas' NHS Foundation Trust \(RJ1\)\* Posted on the cron schedule 30 7 \* \* 1-5 \(America\/New_York\)\. Next: \w+day \d+ \w+ \d{4}, 07:30 GMT-[45]\./,
    );
    const buttons = blocks.flatMap((block) =>
      block['type'] === 'actions' ? (block['elements'] as { text: { text: string }; value: string }[]) : [],
    );
    const london = await prisma().digestSubscription.findFirstOrThrow({
      where: { scopeCode: 'Y56', conversation: { externalId: 'C0SUBLON' } },
    });
    expect(buttons.map((button) => [button.text.text, button.value])).toEqual(
      expect.arrayContaining([
        ['Pause', `digest pause ${london.number}`],
        ['Post now', `digest now ${london.number}`],
        ['Unsubscribe', `digest unsubscribe ${london.number}`],
      ]),
    );
    expect(await slack(kim('D0KIM'), 'digest list')).toContain('Digest subscriptions belong to channels');
  });

  it('pauses with the button, resumes, and unsubscribes, each checked and audited', async () => {
    const london = await prisma().digestSubscription.findFirstOrThrow({
      where: { scopeCode: 'Y56', conversation: { externalId: 'C0SUBLON' } },
    });
    const organisation = await subscriptionIn('C0SUBLON');
    // With two subscriptions, the number is needed.
    expect(await slack(fran('C0SUBLON'), 'digest pause')).toContain(
      `This channel has several digest subscriptions (${london.number}, ${organisation.number}): say which`,
    );
    expect(await slack(fran('C0SUBLON'), 'digest pause 999')).toContain('This channel has no digest subscription 999.');
    // A replayed button is checked like typed words: Kim has no role.
    expect(await slackClickText(harness, kim('C0SUBLON'), 'cop.run#0', `digest pause ${london.number}`)).toContain(
      'Only a facilitator of the digest’s region or a national admin',
    );
    expect((await prisma().digestSubscription.findUniqueOrThrow({ where: { id: london.id } })).pausedAt).toBeNull();

    expect(await slackClickText(harness, fran('C0SUBLON'), 'cop.run#0', `digest pause ${london.number}`)).toContain(
      `Paused: the London digest (subscription ${london.number}) will not be posted here`,
    );
    expect(await prisma().digestSubscription.findUniqueOrThrow({ where: { id: london.id } })).toMatchObject({ pauseReason: 'paused' });
    expect(await slack(fran('C0SUBLON'), `digest pause ${london.number}`)).toContain('is already paused: nothing changed.');
    expect(await slack(kim('C0SUBLON'), 'digest list')).toMatch(/London Paused since .* by a facilitator/);

    const resumed = await slack(fran('C0SUBLON'), `digest resume #${london.number}`);
    expect(resumed).toContain(`Resumed: the London digest (subscription ${london.number}) is next due Monday`);
    const after = await prisma().digestSubscription.findUniqueOrThrow({ where: { id: london.id } });
    expect(after.pausedAt).toBeNull();
    expect(after.activeSince.getTime()).toBeGreaterThan(london.activeSince.getTime());
    expect(await slack(fran('C0SUBLON'), `digest resume ${london.number}`)).toContain('is not paused: nothing changed.');

    // A schedule is changed in place: the number, the new schedule and a time zone.
    expect(await slack(kim('C0SUBLON'), `digest schedule ${london.number} monthly`)).toContain('Only a facilitator');
    expect(await slack(fran('C0SUBLON'), `digest schedule ${london.number} fortnightly`)).toContain('Say the new schedule');
    expect(await slack(fran('C0SUBLON'), `digest schedule ${london.number} 0 9 * * * *`)).toContain('is not a schedule');
    expect(await slack(fran('C0SUBLON'), `digest schedule ${london.number} 0 8 * * 1-5 Mars/Olympus`)).toContain('is not a time zone');
    expect(await prisma().digestSubscription.findUniqueOrThrow({ where: { id: london.id } })).toMatchObject({ schedule: 'weekly' });
    expect(await slack(fran('C0SUBLON'), `digest schedule ${london.number} 0 8 * * 1-5 Europe/Dublin`)).toMatch(
      new RegExp(
        `Done: the London digest \\(subscription ${london.number}\\) is now posted on the cron schedule 0 8 .*1-5 \\(Europe/Dublin\\)`,
      ),
    );
    expect(await prisma().digestSubscription.findUniqueOrThrow({ where: { id: london.id } })).toMatchObject({
      schedule: '0 8 * * 1-5',
      timeZone: 'Europe/Dublin',
    });
    expect(await slack(fran('C0SUBLON'), `digest schedule ${london.number} 0 8 * * 1-5 Europe/Dublin`)).toContain('nothing changed');
    expect(await slack(fran('C0SUBLON'), `digest schedule ${london.number} weekly Europe/London`)).toContain(
      'is now posted every Monday at 09:00 (Europe/London)',
    );

    // Unsubscribing asks first (the list's button runs the same command); only the confirming click deletes.
    expect(await slack(kim('C0SUBLON'), `digest unsubscribe ${organisation.number}`)).toContain('Only a facilitator');
    const asked = await slackCommand(harness, fran('C0SUBLON'), `digest unsubscribe ${organisation.number}`);
    expect(slackBlocksToText(asked.blocks)).toContain(
      `Stop the Guy's and St Thomas' NHS Foundation Trust (RJ1) digest (subscription ${organisation.number}) in this channel?`,
    );
    expect(await prisma().digestSubscription.findUnique({ where: { id: organisation.id } })).not.toBeNull();
    // A replayed confirmation is checked again: Kim has no role, and the button does nothing in another channel.
    expect(slackBlocksToText((await slackClickButton(harness, kim('C0SUBLON'), asked.blocks, 'digest.unsubscribe')).blocks)).toContain(
      'Only a facilitator',
    );
    expect(
      slackBlocksToText((await slackClickButton(harness, admin('C0SUBOTHER'), asked.blocks, 'digest.unsubscribe')).blocks),
    ).not.toContain('Done');
    expect(await prisma().digestSubscription.findUnique({ where: { id: organisation.id } })).not.toBeNull();
    expect(slackBlocksToText((await slackClickButton(harness, fran('C0SUBLON'), asked.blocks, 'digest.unsubscribe')).blocks)).toContain(
      `Done: this channel no longer gets the Guy's and St Thomas' NHS Foundation Trust (RJ1) digest (subscription ${organisation.number}).`,
    );
    expect(await prisma().digestSubscription.findUnique({ where: { id: organisation.id } })).toBeNull();
    expect(slackBlocksToText((await slackClickButton(harness, fran('C0SUBLON'), asked.blocks, 'digest.unsubscribe')).blocks)).toContain(
      'no longer in this channel',
    );

    const franId = await memberIdOf('U0FRAN');
    const audit = await prisma().auditEntry.findMany({
      where: { action: { in: ['digest.paused', 'digest.resumed', 'digest.rescheduled', 'digest.unsubscribed'] } },
      orderBy: { id: 'asc' },
    });
    expect(audit.map((entry) => [entry.action, entry.subject, entry.details])).toEqual([
      ['digest.paused', london.id, { by: franId }],
      ['digest.resumed', london.id, { by: franId }],
      [
        'digest.rescheduled',
        london.id,
        { from: { schedule: 'weekly', timeZone: 'Europe/London' }, to: { schedule: '0 8 * * 1-5', timeZone: 'Europe/Dublin' }, by: franId },
      ],
      [
        'digest.rescheduled',
        london.id,
        { from: { schedule: '0 8 * * 1-5', timeZone: 'Europe/Dublin' }, to: { schedule: 'weekly', timeZone: 'Europe/London' }, by: franId },
      ],
      ['digest.unsubscribed', organisation.id, { by: franId }],
    ]);
  });

  it('posts the digest now, through the outbox, for facilitators only', async () => {
    const london = await subscriptionIn('C0SUBLON');
    expect(await slack(kim('C0SUBLON'), 'digest now')).toContain('Only a facilitator');
    expect(digestsIn('C0SUBLON')).toHaveLength(0);
    expect(await slack(fran('C0SUBLON'), 'digest now')).toContain('The London digest is on its way to this channel.');
    await harness.drainOutbox();
    const [posted] = digestsIn('C0SUBLON');
    expect(posted).toContain('RETENTION DIGEST: LONDON');
    // The chart was uploaded to Slack and the digest shows it from there; its trend is there as text too.
    await chartUploadOf(postsTo('C0SUBLON').find((request) => textOf(request).includes('RETENTION DIGEST'))!);
    expect(posted).toContain('Trend: Apr 2024');
    expect(posted).toContain('March 2025: the 12-month leaver rate is 10.3%.');
    expect(posted).toContain(`Subscription ${london.number}: posted every Monday at 09:00 (Europe/London).`);
    expect(
      await prisma().digestPost.count({ where: { subscriptionId: london.id, kind: 'now', requestedBy: await memberIdOf('U0FRAN') } }),
    ).toBe(1);
    expect(await prisma().auditEntry.count({ where: { action: 'digest.posted_now', subject: london.id } })).toBe(1);
  });
});

describe('subscribing in Teams', () => {
  it('subscribes, lists and posts now in a Teams channel', async () => {
    expect(await teams(TEAMS_LONDON, 'channel link london')).toContain('Done');
    const reply = await teams(TEAMS_LONDON, 'digest subscribe national monthly');
    expect(reply).toContain(
      'Done: this channel gets the England and Wales retention digest at 09:00 on the first working day of each month (Europe/London)',
    );
    const stored = await subscriptionIn(TEAMS_LONDON);
    expect(stored).toMatchObject({ scopeKind: 'national', scopeCode: '', schedule: 'monthly', subscribedBy: null });
    const audit = await prisma().auditEntry.findFirstOrThrow({ where: { action: 'digest.subscribed', subject: stored.id } });
    expect(audit.details).toMatchObject({ by: 'configured admin', scope: 'national' });

    // The list is an answer for the one who asked: it goes to their personal chat, the channel gets a neutral line.
    const list = await teamsPrivately(TEAMS_LONDON, 'digest list');
    expect(list).toMatch(
      /England and Wales Posted at 09:00 on the first working day of each month \(Europe\/London\)\. Next: \w+day 1?\d \w+ \d{4}, 09:00/,
    );
    expect(list).toContain('Pause');

    // The schedule is changed in place in Teams too; the time zone kept when none is given.
    expect(await teams(TEAMS_LONDON, `digest schedule ${stored.number} weekly`)).toContain(
      `Done: the England and Wales digest (subscription ${stored.number}) is now posted every Monday at 09:00 (Europe/London).`,
    );
    expect(await teams(TEAMS_LONDON, `digest schedule ${stored.number} monthly`)).toContain(
      'is now posted at 09:00 on the first working day',
    );
    expect((await subscriptionIn(TEAMS_LONDON)).schedule).toBe('monthly');

    // Unsubscribing asks first, in the channel; the card's button deletes.
    expect(await teams(TEAMS_LONDON, 'digest subscribe london weekly')).toContain('Done');
    const extra = await prisma().digestSubscription.findFirstOrThrow({
      where: { scopeCode: 'Y56', conversation: { externalId: TEAMS_LONDON } },
    });
    expect(await teams(TEAMS_LONDON, `digest unsubscribe ${extra.number}`)).toContain(
      `Stop the London digest (subscription ${extra.number}) in this channel?`,
    );
    expect(await prisma().digestSubscription.findUnique({ where: { id: extra.id } })).not.toBeNull();
    const click = cardSubmitActivity({ verb: 'digest.unsubscribe', value: extra.id }, harness.connector.url, teamsIn(TEAMS_LONDON));
    expect(await teamsText(harness, click)).toContain(
      `Done: this channel no longer gets the London digest (subscription ${extra.number}).`,
    );
    expect(await prisma().digestSubscription.findUnique({ where: { id: extra.id } })).toBeNull();

    // Said to the facilitator alone; the digest itself is then posted in the channel.
    expect(await teamsPrivately(TEAMS_LONDON, 'digest now')).toContain('The England and Wales digest is on its way to this channel.');
    await harness.drainOutbox();
    const post = await harness.connector.waitFor(
      (request) =>
        request.method === 'POST' &&
        decodeURIComponent(request.path) === `/v3/conversations/${TEAMS_LONDON}/activities` &&
        request.body.includes('Retention digest: England and Wales'),
    );
    const text = cardsOf(post.json).map(adaptiveCardToText).join('\n');
    expect(text).toContain('Regions, lowest leaver rate first');
    // The chart is inline in the channel's card: Teams need not reach the bot's address.
    expect(post.body).toMatch(
      /"type":"Image","url":"data:image\/png;base64,[A-Za-z0-9+/]+=*","altText":"Line chart of the 12-month leaver rate for England and Wales/,
    );
    expect(text).toContain('Trend: Apr 2024');
    expect(text).toContain(`Subscription ${stored.number}: posted at 09:00 on the first working day of each month`);
  });
});

describe('the scheduler', () => {
  it('posts a due period once, with several runs and two processes on one database, and not before it is due', async () => {
    const london = await prisma().digestSubscription.findFirstOrThrow({
      where: { scopeCode: 'Y56', conversation: { externalId: 'C0SUBLON' } },
    });
    const due = nextLocal(london.activeSince, 'Europe/London', 9, 0, 1);
    const before = digestsIn('C0SUBLON').length;
    await harness.bot.runDigestJobs(new Date(due.getTime() - 60_000));
    await harness.drainOutbox();
    expect(digestsIn('C0SUBLON')).toHaveLength(before);

    const second = await secondProcess();
    const at = new Date(due.getTime() + 20_000);
    await Promise.all([harness.bot.runDigestJobs(at), harness.bot.runDigestJobs(at), second?.runDigestJobs(at), second?.runDigestJobs(at)]);
    await Promise.all([harness.drainOutbox(), second?.drainOutbox()]);
    await second?.stop();
    const posts = digestsIn('C0SUBLON').slice(before);
    expect(posts).toHaveLength(1);
    expect(posts[0]).toContain('RETENTION DIGEST: LONDON');
    expect(posts[0]).not.toContain('Posted late');
    await chartUploadOf(
      postsTo('C0SUBLON')
        .filter((request) => textOf(request).includes('RETENTION DIGEST'))
        .slice(before)[0]!,
    );
    const rows = await prisma().digestPost.findMany({ where: { subscriptionId: london.id, kind: 'scheduled' } });
    expect(rows.map((row) => [row.dueAt.toISOString(), row.late, row.outboxKey])).toEqual([
      [due.toISOString(), false, `digest:${london.id}:${due.toISOString()}`],
    ]);
    expect(await prisma().outboxMessage.count({ where: { messageKey: `digest:${london.id}:${due.toISOString()}`, status: 'sent' } })).toBe(
      1,
    );
  });

  it('after downtime spanning three periods, posts the latest one once, marked late, across a restart', async () => {
    const london = await prisma().digestSubscription.findFirstOrThrow({
      where: { scopeCode: 'Y56', conversation: { externalId: 'C0SUBLON' } },
    });
    const first = nextLocal(london.activeSince, 'Europe/London', 9, 0, 1);
    const latest = DateTime.fromJSDate(first, { zone: 'Europe/London' }).plus({ weeks: 3 }).toJSDate();
    const back = new Date(latest.getTime() + 2 * 3_600_000);
    const before = digestsIn('C0SUBLON').length;

    // The bot comes back two hours after the third missed Monday: a new process, as after a restart.
    let second = await secondProcess();
    await Promise.all([(second ?? harness.bot).runDigestJobs(back), harness.bot.runDigestJobs(back)]);
    await Promise.all([harness.drainOutbox(), second?.drainOutbox()]);
    await second?.stop();
    second = await secondProcess();
    await (second ?? harness.bot).runDigestJobs(new Date(back.getTime() + 60_000));
    await harness.bot.runDigestJobs(new Date(back.getTime() + 3 * 86_400_000));
    await Promise.all([harness.drainOutbox(), second?.drainOutbox()]);
    await second?.stop();

    const posts = digestsIn('C0SUBLON').slice(before);
    expect(posts).toHaveLength(1);
    const dueDay = DateTime.fromJSDate(latest, { zone: 'Europe/London' }).setLocale('en-GB').toFormat('d LLLL yyyy');
    expect(posts[0]).toContain(`Posted late: this digest was due on ${dueDay}, while the bot was not running.`);
    const rows = await prisma().digestPost.findMany({ where: { subscriptionId: london.id, kind: 'scheduled' }, orderBy: { dueAt: 'asc' } });
    expect(rows.map((row) => [row.dueAt.toISOString(), row.late])).toEqual([
      [first.toISOString(), false],
      [latest.toISOString(), true],
    ]);
  });

  it('posts scheduled digests to Teams channels too', async () => {
    const national = await subscriptionIn(TEAMS_LONDON);
    const sent = () =>
      harness.connector.requests.filter(
        (r) =>
          r.method === 'POST' &&
          decodeURIComponent(r.path) === `/v3/conversations/${TEAMS_LONDON}/activities` &&
          r.body.includes('Retention digest: England and Wales'),
      ).length;
    const before = sent();
    // 09:00 London on the first working day of a month, after the subscription was made (the day
    // itself is checked against hand-worked dates in test/unit/digest-schedule.test.ts).
    let due = DateTime.fromJSDate(national.activeSince, { zone: 'Europe/London' }).startOf('month').set({ hour: 9 });
    while (!isFirstWorkingDay(due.toJSDate(), 'Europe/London') || due.toMillis() <= national.activeSince.getTime())
      due = due.plus({ days: 1 });
    await harness.bot.runDigestJobs(new Date(due.toMillis() + 30_000));
    await harness.drainOutbox();
    expect(sent()).toBe(before + 1);
    const [row] = await prisma().digestPost.findMany({ where: { subscriptionId: national.id, kind: 'scheduled' } });
    expect(row?.dueAt.toISOString()).toBe(due.toJSDate().toISOString());
  });
});

describe('failures', () => {
  it('pauses the subscriptions of a Slack channel the bot was removed from and tells the subscriber once', async () => {
    expect(await slack(fran(GONE_CHANNEL), `digest subscribe london 0 ${farHour} * * *`)).toContain('Done');
    const subscription = await subscriptionIn(GONE_CHANNEL);
    const due = nextLocal(subscription.activeSince, 'Europe/London', farHour, 0);
    await harness.bot.runDigestJobs(new Date(due.getTime() + 10_000));
    await harness.drainOutbox();
    // Slack answered channel_not_found: the outbox gave up and marked the channel.
    expect((await prisma().conversation.findFirstOrThrow({ where: { externalId: GONE_CHANNEL } })).removedAt).not.toBeNull();

    const dms = () =>
      postsTo('U0FRAN')
        .map(textOf)
        .filter((text) => text.includes('I can no longer post in the channel below'));
    for (let i = 0; i < 2; i += 1) {
      await harness.bot.runDigestJobs(new Date(due.getTime() + 60_000));
      await harness.drainOutbox();
    }
    expect(dms()).toHaveLength(1);
    expect(dms()[0]).toContain(
      `so the London retention digest (subscription ${subscription.number}) is paused there. Add me back and type digest resume ${subscription.number}`,
    );
    expect(dms()[0]).toContain(`#${GONE_CHANNEL}`);
    expect(await prisma().digestSubscription.findUniqueOrThrow({ where: { id: subscription.id } })).toMatchObject({
      pauseReason: 'unreachable',
    });
    // The failed post itself is covered by that notice: no second message about it.
    expect(
      postsTo('U0FRAN')
        .map(textOf)
        .filter((text) => text.includes('could not be posted')),
    ).toHaveLength(0);
    expect((await prisma().digestPost.findFirstOrThrow({ where: { subscriptionId: subscription.id } })).failureReportedAt).not.toBeNull();

    // Added back to the channel, the bot lists it as paused for that reason, and it can be resumed.
    const added = eventCallbackBody(
      { type: 'member_joined_channel', user: BOT_USER_ID, channel: GONE_CHANNEL, team: 'T0TEST', channel_type: 'C' },
      'T0TEST',
    );
    expect((await postToSlackEndpoint(harness.url, added, SIGNING_SECRET, { json: true })).status).toBe(200);
    await expect
      .poll(async () => (await prisma().conversation.findFirstOrThrow({ where: { externalId: GONE_CHANNEL } })).removedAt)
      .toBeNull();
    expect(await slack(kim(GONE_CHANNEL), 'digest list')).toContain('I could not post in this channel');
    expect(await slack(fran(GONE_CHANNEL), 'digest resume')).toContain('Resumed');
  });

  it('pauses a Teams channel’s subscription after a 403 and tells the region’s facilitators when the subscriber is not a member', async () => {
    expect(await teams(TEAMS_GONE, 'channel link london')).toContain('Done');
    expect(await teams(TEAMS_GONE, `digest subscribe london 15 ${farHour} * * *`)).toContain('Done');
    const subscription = await subscriptionIn(TEAMS_GONE);
    teamsGone = true;
    const due = nextLocal(subscription.activeSince, 'Europe/London', farHour, 15);
    await harness.bot.runDigestJobs(new Date(due.getTime() + 10_000));
    await harness.drainOutbox();
    await harness.bot.runDigestJobs(new Date(due.getTime() + 40_000));
    await harness.drainOutbox();
    expect(await prisma().digestSubscription.findUniqueOrThrow({ where: { id: subscription.id } })).toMatchObject({
      pauseReason: 'unreachable',
    });
    // Subscribed by an admin named in COP_ADMINS who never joined: London's facilitator hears of it.
    const told = postsTo('U0FRAN')
      .map(textOf)
      .filter((text) => text.includes(`(subscription ${subscription.number}) is paused there`));
    expect(told).toHaveLength(1);
    expect(await prisma().auditEntry.count({ where: { action: 'digest.paused', subject: subscription.id } })).toBe(1);
  });

  it('reports a post that failed after its tries to the facilitator who subscribed, once', async () => {
    expect(await slack(fran(FLAKY_CHANNEL), `digest subscribe london 45 ${farHour} * * *`)).toContain('Done');
    const subscription = await subscriptionIn(FLAKY_CHANNEL);
    const due = nextLocal(subscription.activeSince, 'Europe/London', farHour, 45);
    await harness.bot.runDigestJobs(new Date(due.getTime() + 10_000));
    const messageKey = `digest:${subscription.id}:${due.toISOString()}`;
    // Six tries: each retry waits (5 s, doubling); the wait is skipped here by making the row due again.
    for (let i = 0; i < 6; i += 1) {
      await harness.drainOutbox();
      await prisma().outboxMessage.updateMany({ where: { messageKey, status: 'pending' }, data: { notBefore: new Date() } });
    }
    const row = await prisma().outboxMessage.findFirstOrThrow({ where: { messageKey } });
    expect(row).toMatchObject({ status: 'failed', attempts: 6, lastError: 'internal_error' });
    expect(postsTo(FLAKY_CHANNEL)).toHaveLength(6);
    // The chart was uploaded once: every retry names the file the first try uploaded (kept in the outbox row).
    const files = new Set(postsTo(FLAKY_CHANNEL).map((post) => imageFileId(blocksOf(post))));
    expect(files.size).toBe(1);
    await chartUploadOf(postsTo(FLAKY_CHANNEL)[0]!);

    const reports = () =>
      postsTo('U0FRAN')
        .map(textOf)
        .filter((text) => text.includes('could not be posted'));
    for (let i = 0; i < 2; i += 1) {
      await harness.bot.runDigestJobs(new Date(due.getTime() + 120_000));
      await harness.drainOutbox();
    }
    expect(reports()).toHaveLength(1);
    expect(reports()[0]).toContain(`The London retention digest (subscription ${subscription.number}, due`);
    expect(reports()[0]).toContain('(the platform answered internal_error)');
    expect(await prisma().digestSubscription.findUniqueOrThrow({ where: { id: subscription.id } })).toMatchObject({ pausedAt: null });
    expect(await prisma().auditEntry.count({ where: { action: 'digest.post_failed', subject: subscription.id } })).toBe(1);
  });
});

describe('charts Slack is still processing', () => {
  it('tries once more after a moment with the same file, uploading nothing again', async () => {
    expect(await slack(fran(SLOW_FILE_CHANNEL), `digest subscribe london 50 ${farHour} * * *`)).toContain('Done');
    const asked = uploadsAsked(harness.slack);
    expect(await slack(fran(SLOW_FILE_CHANNEL), 'digest now')).toContain('The London digest is on its way to this channel.');
    await harness.drainOutbox();
    const posts = postsTo(SLOW_FILE_CHANNEL).filter((request) => textOf(request).includes('RETENTION DIGEST'));
    expect(posts).toHaveLength(2);
    expect(imageFileId(blocksOf(posts[1]!))).toBe(imageFileId(blocksOf(posts[0]!)));
    await chartUploadOf(posts[1]!);
    expect(uploadsAsked(harness.slack)).toBe(asked + 1);
    const subscription = await subscriptionIn(SLOW_FILE_CHANNEL);
    const [row] = await prisma().digestPost.findMany({ where: { subscriptionId: subscription.id, kind: 'now' } });
    expect(await prisma().outboxMessage.findFirstOrThrow({ where: { messageKey: row!.outboxKey } })).toMatchObject({ status: 'sent' });
  });
});

/** A second bot process on the same database (the PostgreSQL server under test:postgres); none on the embedded one, which serves one process. */
async function secondProcess(): Promise<RunningBot | undefined> {
  const server = process.env['COP_TEST_DATABASE_URL'];
  if (!server) return undefined;
  const [row] = await prisma().$queryRaw<{ schema: string }[]>`SELECT current_schema() AS schema`;
  const url = new URL(server);
  url.searchParams.set('schema', row?.schema ?? 'public');
  const config = loadConfig({
    PORT: '0',
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    DATABASE_URL: url.toString(),
    SLACK_SIGNING_SECRET: 'x',
    SLACK_BOT_TOKEN: 'xoxb-x',
    SLACK_API_URL: `${harness.slack.url}/`,
    COP_DEMO_DATA: 'false',
  });
  const bot = await startBot(config, createLogger('silent'));
  await bot.ready;
  return bot;
}
