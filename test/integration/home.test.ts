// The person's page at a glance: Slack's App Home tab (and its buttons, which come without a
// response_url) and the card Teams sends when the bot is added to a personal chat.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adaptiveCardToText, cardsOf, slackBlocksToText } from '../../src/dev/readable-text.js';
import {
  blockActionBody,
  eventCallbackBody,
  postToSlackEndpoint,
  slackInput,
  viewSubmissionBody,
  type SlackIdentity,
} from '../../src/dev/slack-requests.js';
import { botAddedActivity, postActivity, type TeamsIdentity } from '../../src/dev/teams-activities.js';
import { SIGNING_SECRET, startTestBot, type TestBot } from '../support/test-bot.js';

let harness: TestBot;
const visitor: SlackIdentity = { teamId: 'T0TEST', userId: 'U0VISITOR', channelId: 'D0VISITOR' };
const member: SlackIdentity = { teamId: 'T0TEST', userId: 'U0HOMEMEMBER', channelId: 'D0HOMEMEMBER' };

beforeAll(async () => {
  harness = await startTestBot();
  const organisation = await harness.bot.database.prisma.organisation.findFirstOrThrow({ where: { odsCode: 'RR8' } });
  const body = viewSubmissionBody(
    'member.profile',
    {
      displayName: slackInput.text('Hana Home'),
      organisation: slackInput.search(organisation.id),
      role: slackInput.select('workforce_hr'),
      consent: slackInput.checkbox(true),
    },
    '',
    member,
  );
  expect(await (await postToSlackEndpoint(harness.url, body, SIGNING_SECRET)).text()).toBe('');
});
afterAll(async () => {
  await harness?.stop();
});

type Published = {
  user_id: string;
  view: { type: string; blocks: { type: string; elements?: { action_id?: string; value?: string }[] }[] };
};

async function openHome(who: SlackIdentity): Promise<Published> {
  const before = harness.slack.requests.length;
  const event = eventCallbackBody({ type: 'app_home_opened', user: who.userId, channel: who.channelId, tab: 'home' }, who.teamId);
  expect((await postToSlackEndpoint(harness.url, event, SIGNING_SECRET, { json: true })).status).toBe(200);
  const published = await harness.slack.waitFor(
    (request) =>
      request.path === '/views.publish' &&
      harness.slack.requests.indexOf(request) >= before &&
      (request.json as Published).user_id === who.userId,
  );
  return published.json as Published;
}

/** A click on an App Home button: a block_actions payload with a view container and no response_url. */
function homeClick(who: SlackIdentity, actionId: string, value: string): string {
  const payload = JSON.parse(new URLSearchParams(blockActionBody(actionId, value, 'unused', who)).get('payload') ?? '{}') as Record<
    string,
    unknown
  >;
  delete payload['response_url'];
  delete payload['channel'];
  payload['container'] = { type: 'view', view_id: 'V0HOME' };
  payload['view'] = { id: 'V0HOME', type: 'home', blocks: [], state: { values: {} } };
  payload['trigger_id'] = `home-${value}-${Date.now()}`;
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

describe('the Slack App Home tab', () => {
  it('invites someone who has not joined, with a Join button', async () => {
    const home = await openHome(visitor);
    expect(home.view.type).toBe('home');
    const text = slackBlocksToText(home.view.blocks);
    expect(text).toContain('Join your region’s community of practice');
    expect(text).toContain('[Join]');
  });

  it('shows a member their profile and region at a glance', async () => {
    const text = slackBlocksToText((await openHome(member)).view.blocks);
    expect(text).toContain('WELCOME BACK, HANA HOME');
    expect(text).toContain('North East and Yorkshire');
    expect(text).toContain('Leeds Teaching Hospitals NHS Trust');
    expect(text).toContain('[Edit profile]');
  });

  it('opens the join form from the Join button, with the click’s trigger id', async () => {
    const home = await openHome(visitor);
    const join = home.view.blocks.flatMap((block) => block.elements ?? []).find((element) => element.value === 'join');
    const body = homeClick(visitor, join?.action_id ?? '', 'join');
    const triggerId = (JSON.parse(new URLSearchParams(body).get('payload') ?? '{}') as { trigger_id: string }).trigger_id;
    expect((await postToSlackEndpoint(harness.url, body, SIGNING_SECRET)).status).toBe(200);
    const opened = await harness.slack.waitFor(
      (request) => request.path === '/views.open' && (request.json as { trigger_id?: string }).trigger_id === triggerId,
    );
    expect((opened.json as { view: { callback_id: string } }).view.callback_id).toBe('member.profile');
  });

  it('answers a message button on the home tab by direct message, as there is no response_url', async () => {
    expect((await postToSlackEndpoint(harness.url, homeClick(member, 'cop.run#2', 'help'), SIGNING_SECRET)).status).toBe(200);
    const sent = await harness.slack.waitFor(
      (request) =>
        request.path === '/chat.postMessage' &&
        (request.json as { channel?: string; text?: string }).channel === member.userId &&
        /COP BOT|help/i.test((request.json as { text?: string }).text ?? ''),
    );
    expect((sent.json as { text: string }).text).toContain('/cop regions');
  });
});

describe('the Teams personal welcome', () => {
  it('sends the page at a glance when the bot is added to a personal chat', async () => {
    const who: TeamsIdentity = {
      tenantId: 'tenant-home',
      userId: '29:home',
      aadObjectId: 'aad-home',
      conversationId: 'a:home-personal',
      conversationType: 'personal',
    };
    const added = botAddedActivity(harness.connector.url, who);
    expect((await postActivity(harness.url, added)).status).toBeLessThan(300);
    // Posted into the personal chat itself (the SDK does not encode the id in the path), as the answer to the activity.
    const sent = await harness.connector.waitFor(
      (request) =>
        request.method === 'POST' &&
        decodeURIComponent(request.path) === `/v3/conversations/${who.conversationId}/activities` &&
        (request.json as { replyToId?: unknown } | undefined)?.replyToId === added.id,
    );
    const text = adaptiveCardToText(cardsOf(sent.json)[0]);
    expect(text).toContain('Join your region’s community of practice');
    expect(text).toContain('[Join]');
  });
});
