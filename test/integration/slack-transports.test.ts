// The Slack flows over both of Slack's transports, with one test body: signed HTTP requests to
// /slack/events, and envelopes over Socket Mode from a local stand-in for Slack's socket. Joining through
// the modal (options for a searchable field and form errors come back in the acknowledgement), RSVP,
// case search and share, digest subscribe, and the events: App Home, a message in the bot's direct
// messages, the bot joining a channel. A redelivery (X-Slack-Retry-Num over HTTP, retry_attempt over the
// socket) is acknowledged and changes nothing twice. Every delivery is acknowledged within Slack's 3 seconds.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { slackBlocksToText } from '../../src/dev/readable-text.js';
import type { RecordedRequest } from '../../src/dev/recording-server.js';
import { blockActionPayload, eventCallbackPayload, slackInput, type SlackIdentity } from '../../src/dev/slack-requests.js';
import {
  slackClick,
  slackClickText,
  slackCommand,
  slackCommandBlocks,
  slackCommandText,
  slackEvent,
  slackSubmit,
  slackSuggest,
} from '../support/chat.js';
import { eventValues, PUBLIC_URL, submitEventForm } from '../support/events.js';
import { joinInSlack } from '../support/members.js';
import { SLACK_ACK_DEADLINE_MS, SLACK_TRANSPORTS } from '../support/slack-transport.js';
import { BOT_USER_ID, startTestBot, type TestBot } from '../support/test-bot.js';

type Json = Record<string, unknown>;
const TEAM = 'T0TEST';
const person = (userId: string, channelId = 'C0FLOWS'): SlackIdentity => ({ teamId: TEAM, userId, channelId });
const admin = person('U0ADMIN');
const facilitator = person('U0FACLON');
const reader = person('U0READER');

describe.each(SLACK_TRANSPORTS)('Slack over %s', (transport) => {
  let harness: TestBot;
  const prisma = () => harness.bot.database.prisma;
  const memberIdOf = async (who: SlackIdentity) =>
    (await prisma().platformIdentity.findFirstOrThrow({ where: { userId: who.userId } })).memberId;
  /** Resolves with the first request the Web API stand-in receives from now on that matches. */
  const nextRequest = (match: (request: RecordedRequest) => boolean, timeoutMs?: number) => {
    const mark = harness.slack.requests.length;
    return harness.slack.waitFor((request) => harness.slack.requests.indexOf(request) >= mark && match(request), timeoutMs);
  };
  const postsTo = (channel: string) =>
    harness.slack.requests.filter((request) => request.path === '/chat.postMessage' && (request.json as Json)['channel'] === channel);

  beforeAll(async () => {
    harness = await startTestBot({ COP_ADMINS: admin.userId, PUBLIC_URL }, { slackTransport: transport });
    expect(harness.slackTransport.name).toBe(transport);
    await joinInSlack(harness, admin, 'Ada Admin');
    await joinInSlack(harness, facilitator, 'Fran Facilitator', { region: 'Y56' });
    await joinInSlack(harness, reader, 'Rae Reader', { region: 'Y56' });
    expect(await slackCommandText(harness, admin, 'admin grant facilitator <@U0FACLON> london')).toContain('Done');
  }, 120_000);
  afterAll(async () => {
    await harness?.stop();
  });

  it('joins through the modal: options and form errors come back in the acknowledgement, and a valid form welcomes by DM', async () => {
    const who = person('U0JOINER');
    const options = await slackSuggest(harness, who, 'member.profile', 'organisation', 'leeds');
    const leeds = await prisma().organisation.findFirstOrThrow({ where: { odsCode: 'RR8' } });
    expect(options.find((option) => option.value === leeds.id)?.text.text).toBe(`${leeds.name} (RR8)`);

    const values = {
      displayName: slackInput.text('Jo Joiner'),
      organisation: slackInput.search(leeds.id),
      role: slackInput.select('retention_lead'),
      staffGroups: slackInput.multi([]),
      inDirectory: slackInput.checkbox(false),
      consent: slackInput.checkbox(false),
    };
    const errors = await slackSubmit(harness, who, 'member.profile', values);
    expect(errors?.['consent']).toContain('Please confirm that you agree');
    expect(await prisma().platformIdentity.count({ where: { userId: who.userId } })).toBe(0);

    const welcome = nextRequest((request) => request.path === '/chat.postMessage' && (request.json as Json)['channel'] === who.userId);
    expect(await slackSubmit(harness, who, 'member.profile', { ...values, consent: slackInput.checkbox(true) })).toBeUndefined();
    expect(slackBlocksToText(((await welcome).json as Json)['blocks'])).toContain('Welcome');
    expect(await prisma().member.count({ where: { displayName: 'Jo Joiner' } })).toBe(1);
  });

  it('records an RSVP click once; the same click delivered again is acknowledged and changes nothing', async () => {
    expect(await submitEventForm(harness, facilitator, eventValues(await memberIdOf(facilitator)))).toBeUndefined();
    const event = await prisma().event.findFirstOrThrow({ orderBy: { number: 'desc' } });
    expect(await slackClickText(harness, reader, 'event.rsvp#0', `${event.id}:going`)).toContain("You're going to");
    expect(await slackClickText(harness, reader, 'event.rsvp#0', `${event.id}:going`)).toContain('Nothing changed');

    // Slack delivers the next click twice (its acknowledgement was thought lost): one answer, one reply.
    const path = `/respond/redelivered-${transport}`;
    const click = blockActionPayload('event.rsvp#0', `${event.id}:maybe`, `${harness.slack.url}${path}`, reader);
    expect((await harness.slackTransport.deliver({ type: 'interactive', payload: click })).payload).toBeUndefined();
    await harness.slack.waitFor((request) => request.path === path);
    const audit = await prisma().auditEntry.count();
    expect((await harness.slackTransport.deliver({ type: 'interactive', payload: click }, { retryAttempt: 1 })).payload).toBeUndefined();
    await harness.idle();
    expect(harness.slack.requests.filter((request) => request.path === path)).toHaveLength(1);
    expect(await prisma().auditEntry.count()).toBe(audit);
    const rows = await prisma().rsvp.findMany({ where: { eventId: event.id } });
    expect(rows.map((row) => row.status)).toEqual(['maybe']);
  });

  it('finds a case study and shares it into the channel', async () => {
    const blocks = await slackCommandBlocks(harness, reader, 'cases flexible retirement');
    expect(slackBlocksToText(blocks)).toContain('[Open] [Share]');
    const share = blocks
      .flatMap((block) => (block['type'] === 'actions' ? (block['elements'] as { action_id: string; value: string }[]) : []))
      .find((button) => button.action_id.startsWith('case.share'));
    expect(share).toBeDefined();
    const reply = await slackClick(harness, reader, share!.action_id, share!.value);
    expect(reply.response_type).toBe('in_channel');
    expect(slackBlocksToText(reply.blocks)).toContain('Shared by Rae Reader');
  });

  it('subscribes a channel to its region’s digest', async () => {
    const channel = person(facilitator.userId, 'C0SUBLON');
    expect(await slackCommandText(harness, channel, 'channel link london')).toContain('Done');
    const reply = await slackCommand(harness, channel, 'digest subscribe london weekly', 20_000);
    expect(reply.response_type).toBe('in_channel');
    expect(slackBlocksToText(reply.blocks)).toContain('Done: this channel gets the London retention digest every Monday at 09:00');
    expect(await prisma().digestSubscription.count({ where: { conversation: { externalId: 'C0SUBLON' } } })).toBe(1);
  });

  it('publishes the App Home tab when it is opened', async () => {
    const published = nextRequest((request) => request.path === '/views.publish');
    const ack = await slackEvent(harness, { type: 'app_home_opened', user: reader.userId, channel: 'D0READER', tab: 'home' }, TEAM);
    expect(ack.payload).toBeUndefined();
    const { user_id, view } = (await published).json as { user_id: string; view: { type: string; blocks: Json[] } };
    expect(user_id).toBe(reader.userId);
    expect(view.type).toBe('home');
    expect(slackBlocksToText(view.blocks)).toContain('WELCOME BACK, RAE READER');
  });

  it('stores a channel when the bot joins it, and ignores someone else joining', async () => {
    await slackEvent(
      harness,
      { type: 'member_joined_channel', user: BOT_USER_ID, channel: 'C0JOINED', channel_type: 'C', team: TEAM },
      TEAM,
    );
    await slackEvent(
      harness,
      { type: 'member_joined_channel', user: 'U0SOMEONE', channel: 'C0OTHER', channel_type: 'C', team: TEAM },
      TEAM,
    );
    await harness.idle();
    expect(await prisma().conversation.findFirst({ where: { externalId: 'C0JOINED' } })).toMatchObject({
      platform: 'slack',
      workspaceId: TEAM,
      kind: 'channel',
      removedAt: null,
    });
    expect(await prisma().conversation.count({ where: { externalId: 'C0OTHER' } })).toBe(0);
  });

  it('answers words typed in its DM as after /cop, once though Slack delivers them twice; imports a metrics file shared there once', async () => {
    const dm = 'D0FACLON';
    const typed = eventCallbackPayload(
      { type: 'message', channel: dm, channel_type: 'im', user: facilitator.userId, text: 'regions', ts: '1700000200.000001' },
      TEAM,
    );
    const answer = nextRequest((request) => request.path === '/chat.postMessage' && (request.json as Json)['channel'] === dm, 60_000);
    await harness.slackTransport.deliver({ type: 'events_api', payload: typed });
    expect(slackBlocksToText(((await answer).json as Json)['blocks'])).toContain('North East and Yorkshire');
    await harness.slackTransport.deliver({ type: 'events_api', payload: typed }, { retryAttempt: 1 });
    // The bot's own messages, and edits, get no answer.
    await slackEvent(
      harness,
      { type: 'message', channel: dm, channel_type: 'im', user: BOT_USER_ID, bot_id: 'B0BOT', text: 'regions', ts: '1700000200.000003' },
      TEAM,
    );
    await slackEvent(
      harness,
      { type: 'message', subtype: 'message_changed', channel: dm, channel_type: 'im', message: { text: 'help' }, ts: '1700000200.000004' },
      TEAM,
    );
    await harness.idle();
    expect(postsTo(dm)).toHaveLength(1);

    const csv =
      'period,org_code,staff_group,headcount_start,headcount_end,fte,leavers,joiners,stability_base,stability_stayed,vacancy_fte,nq_headcount,nq_leavers\n' +
      '2025-01,RJ1,All staff groups,1000,1000,,9,8,,,,,\n';
    const file = harness.shareFile('london-jan.csv', csv);
    const shared = eventCallbackPayload(
      {
        type: 'message',
        subtype: 'file_share',
        channel: dm,
        channel_type: 'im',
        user: facilitator.userId,
        text: '',
        ts: '1700000200.000002',
        files: [{ id: file.id, name: file.name, size: file.size, filetype: 'csv', url_private_download: file.slackUrl }],
      },
      TEAM,
    );
    const report = nextRequest((request) => request.path === '/chat.postMessage' && (request.json as Json)['channel'] === dm, 60_000);
    await harness.slackTransport.deliver({ type: 'events_api', payload: shared });
    expect(slackBlocksToText(((await report).json as Json)['blocks'])).toContain('Imported 1 row from london-jan.csv');
    await harness.slackTransport.deliver({ type: 'events_api', payload: shared }, { retryAttempt: 1 });
    await harness.idle();
    expect(postsTo(dm)).toHaveLength(2);
    expect(await prisma().metricImport.count()).toBe(1);
  }, 60_000);

  it('acknowledged every delivery within Slack’s 3 seconds', () => {
    expect(harness.slackTransport.acks.length).toBeGreaterThan(20);
    const late = harness.slackTransport.acks.filter((ack) => ack.ms >= SLACK_ACK_DEADLINE_MS).map((ack) => Math.round(ack.ms));
    expect(late).toEqual([]);
  });
});

/** `regions`, as someone would type it; '' while the bot cannot answer yet (Slack has not said who it is). */
async function regionsOnceAnswered(harness: TestBot): Promise<string> {
  try {
    return await slackCommandText(harness, reader, 'regions', 2000);
  } catch {
    return '';
  }
}

describe.each(SLACK_TRANSPORTS)('Slack over %s when Slack cannot say who the bot is at start-up', (transport) => {
  let harness: TestBot | undefined;
  afterAll(async () => {
    await harness?.stop();
  });

  it('is ready, leaves nothing unhandled, and answers once auth.test works again', async () => {
    const unhandled: unknown[] = [];
    const record = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', record);
    try {
      let down = true;
      harness = await startTestBot(
        {},
        {
          slackTransport: transport,
          slackApi: (request) =>
            down && request.path === '/auth.test' ? { status: 503, body: { ok: false, error: 'service_unavailable' } } : undefined,
        },
      );
      const response = await fetch(`${harness.url}/readyz`);
      expect(response.status).toBe(200);
      await expect.poll(() => harness!.slack.requests.filter((request) => request.path === '/auth.test').length).toBeGreaterThan(0);
      down = false;
      // A command that came while Slack still said no goes unanswered; one soon after is answered.
      await expect.poll(() => regionsOnceAnswered(harness!), { timeout: 30_000 }).toContain('North East and Yorkshire');
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', record);
    }
  }, 60_000);
});

describe('Slack over HTTP with a token Slack rejects', () => {
  let harness: TestBot | undefined;
  afterAll(async () => {
    await harness?.stop();
  });

  it('is ready, shows Slack as refused with what to fix, and goes back to http once Slack takes the token', async () => {
    let rejected = true;
    harness = await startTestBot(
      {},
      {
        slackTransport: 'http',
        slackApi: (request) =>
          rejected && request.path === '/auth.test' ? { status: 200, body: { ok: false, error: 'invalid_auth' } } : undefined,
      },
    );
    const readiness = async () => (await (await fetch(`${harness!.url}/readyz`)).json()) as { status: string; platforms: unknown };
    await expect.poll(readiness, { timeout: 20_000 }).toEqual({
      status: 'ready',
      platforms: {
        slack: { state: 'refused', reason: 'Slack rejected SLACK_BOT_TOKEN (invalid_auth): check the token in OAuth & Permissions' },
      },
    });
    rejected = false;
    await expect.poll(() => regionsOnceAnswered(harness!), { timeout: 30_000 }).toContain('North East and Yorkshire');
    await expect.poll(readiness).toEqual({ status: 'ready', platforms: { slack: { state: 'http' } } });
  }, 60_000);
});

describe('Slack over HTTP that rejects the token at start, then takes it', () => {
  let harness: TestBot | undefined;
  afterAll(async () => {
    await harness?.stop();
  });

  it('asks again in the background, with backoff, and serves Slack again without waiting for a request', async () => {
    let rejected = true;
    harness = await startTestBot(
      {},
      {
        slackTransport: 'http',
        slackApi: (request) =>
          rejected && request.path === '/auth.test' ? { status: 200, body: { ok: false, error: 'invalid_auth' } } : undefined,
      },
    );
    const readiness = async () => (await (await fetch(`${harness!.url}/readyz`)).json()) as { status: string; platforms: unknown };
    const asked = () => harness!.slack.requests.filter((request) => request.path === '/auth.test').length;
    // No request reaches the bot, yet Slack is asked again.
    await expect.poll(asked, { timeout: 20_000 }).toBeGreaterThanOrEqual(2);
    expect(await readiness()).toMatchObject({ status: 'ready', platforms: { slack: { state: 'refused' } } });
    rejected = false;
    await expect.poll(readiness, { timeout: 40_000, interval: 250 }).toEqual({ status: 'ready', platforms: { slack: { state: 'http' } } });
  }, 90_000);
});
