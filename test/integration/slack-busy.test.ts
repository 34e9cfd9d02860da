// More Slack work waiting than the bot takes on (src/slack/bounded-work.ts: 8 at once, then 200 commands
// or 500 clicks waiting): the next request is answered at once with the busy notice, in Welsh and
// English, only to the person (a click on the App Home tab in the app's direct messages), and is not done; once the work drains, requests are taken on again. The
// queue is filled for real: the work's replies go to a response_url that Slack's stand-in holds unanswered.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RecordedRequest } from '../../src/dev/recording-server.js';
import { blockActionPayload, slashCommandPayload, type SlackIdentity } from '../../src/dev/slack-requests.js';
import { slackCommandText } from '../support/chat.js';
import { joinInSlack } from '../support/members.js';
import { SLACK_ACK_DEADLINE_MS } from '../support/slack-transport.js';
import { startTestBot, type TestBot } from '../support/test-bot.js';

const COMMANDS_TAKEN_ON = 8 + 200;
const CLICKS_TAKEN_ON = 8 + 500;
const ENGLISH = 'I have more to do than I can take on just now, so I did not do that and nothing was changed.';
const WELSH = 'Mae gen i fwy i’w wneud nag y gallaf ei gymryd ar hyn o bryd';

let harness: TestBot;
const bea: SlackIdentity = { teamId: 'T0TEST', userId: 'U0BEA', channelId: 'D0BEA' };

beforeAll(async () => {
  harness = await startTestBot();
  await joinInSlack(harness, bea, 'Bea Busy', { region: 'Y56' });
});
afterAll(async () => {
  await harness?.stop();
});

const languageOfBea = async () =>
  (await harness.bot.database.prisma.member.findFirstOrThrow({ where: { identities: { some: { userId: bea.userId } } } })).language;

/** Sends so many requests whose replies Slack's stand-in holds; resolves once all are acknowledged, with the release. */
async function fillQueue(kind: 'command' | 'click', count: number): Promise<() => void> {
  const prefix = `/respond/held-${kind}-`;
  const release = harness.slack.hold((request) => request.path.startsWith(prefix));
  const acks = await Promise.all(
    Array.from({ length: count }, (_, i) => {
      const responseUrl = `${harness.slack.url}${prefix}${i}`;
      return harness.slackTransport.deliver(
        kind === 'command'
          ? { type: 'slash_commands', payload: slashCommandPayload('help', responseUrl, bea) }
          : { type: 'interactive', payload: blockActionPayload('nothing.here', 'x', responseUrl, bea) },
      );
    }),
  );
  // All taken on: acknowledged empty, the work to follow.
  expect(acks.every((ack) => ack.payload === undefined)).toBe(true);
  return release;
}

describe('Slack under more load than the bot takes on', () => {
  it('answers a command with the busy notice in its acknowledgement, does nothing, and takes commands again once there is room', async () => {
    const release = await fillQueue('command', COMMANDS_TAKEN_ON);
    const responseUrl = `${harness.slack.url}/respond/busy-command`;
    const ack = await harness.slackTransport.deliver({
      type: 'slash_commands',
      payload: slashCommandPayload('language cymraeg', responseUrl, bea),
    });
    expect(ack.ms).toBeLessThan(SLACK_ACK_DEADLINE_MS);
    expect(ack.payload).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    const text = String(ack.payload?.['text']);
    expect(text).toContain(ENGLISH);
    expect(text).toContain(WELSH);
    expect(text.indexOf(WELSH)).toBeLessThan(text.indexOf(ENGLISH));
    expect(await languageOfBea()).toBeNull();
    // From a channel too: the notice is ephemeral, for the person alone, and nothing is posted there.
    const inChannel = { ...bea, channelId: 'C0LONDON' };
    const channelAck = await harness.slackTransport.deliver({
      type: 'slash_commands',
      payload: slashCommandPayload('language cymraeg', `${harness.slack.url}/respond/busy-channel`, inChannel),
    });
    expect(channelAck.payload).toMatchObject({ response_type: 'ephemeral', text: ack.payload?.['text'] });
    expect(harness.slack.requests.some((request) => (request.json as { channel?: string } | undefined)?.channel === 'C0LONDON')).toBe(
      false,
    );

    release();
    await harness.idle();
    expect(harness.slack.requests.filter((request) => request.path.startsWith('/respond/held-command-'))).toHaveLength(COMMANDS_TAKEN_ON);
    expect(harness.slack.requests.some((request) => ['/respond/busy-command', '/respond/busy-channel'].includes(request.path))).toBe(false);
    expect(await slackCommandText(harness, bea, 'language english')).toContain('English');
    expect(await languageOfBea()).toBe('en');
  });

  it('answers a click with the busy notice at its response_url, only to the clicker, and leaves the message alone', async () => {
    const release = await fillQueue('click', CLICKS_TAKEN_ON);
    const responseUrl = `${harness.slack.url}/respond/busy-click`;
    const ack = await harness.slackTransport.deliver({
      type: 'interactive',
      payload: blockActionPayload('nothing.here', 'x', responseUrl, bea),
    });
    expect(ack.payload).toBeUndefined();
    expect(ack.ms).toBeLessThan(SLACK_ACK_DEADLINE_MS);
    const notice = (await harness.slack.waitFor((request) => request.path === '/respond/busy-click')).json as Record<string, unknown>;
    expect(notice).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(String(notice['text'])).toContain(ENGLISH);
    expect(String(notice['text'])).toContain(WELSH);
    // A button on the App Home tab has no response_url: the notice goes to the app's direct messages.
    const { response_url: _none, ...fromHome } = blockActionPayload('nothing.here', 'x', responseUrl, bea);
    const homeAck = await harness.slackTransport.deliver({
      type: 'interactive',
      payload: { ...fromHome, container: { type: 'view', view_id: 'V0HOME' }, view: { id: 'V0HOME', type: 'home' } },
    });
    expect(homeAck.payload).toBeUndefined();
    const sentToBea = (request: RecordedRequest) => {
      const json = request.json as { channel?: string; text?: string };
      return request.path === '/chat.postMessage' && json.channel === bea.userId && (json.text ?? '').includes(ENGLISH);
    };
    expect(String(((await harness.slack.waitFor(sentToBea)).json as { text: string }).text)).toContain(WELSH);

    release();
    await harness.idle();
    expect(harness.slack.requests.filter((request) => request.path.startsWith('/respond/held-click-'))).toHaveLength(CLICKS_TAKEN_ON);
    // Room again: the next click is taken on and answered by the core (this button does nothing any more).
    const again = `${harness.slack.url}/respond/after-busy-click`;
    await harness.slackTransport.deliver({ type: 'interactive', payload: blockActionPayload('nothing.here', 'x', again, bea) });
    const answer = (await harness.slack.waitFor((request) => request.path === '/respond/after-busy-click')).json as Record<string, unknown>;
    expect(String(answer['text'])).not.toContain(ENGLISH);
  });
});
