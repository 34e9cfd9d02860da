// Names and titles that look like Slack markup, sent through every kind of message the bot posts in a
// channel: the event announcement and its update and cancellation, a case study shared into a channel,
// the digest, and shared replies. Slack parses a message's top-level `text` (the notification) like
// mrkdwn, so both it and the blocks must show `<!channel>`, `<!here>`, `<@U…>` and `<url|label>` as
// typed, never run them as mentions or links.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RecordedRequest } from '../../src/dev/recording-server.js';
import { slackInput, type SlackIdentity } from '../../src/dev/slack-requests.js';
import { slackClickText, slackCommandText } from '../support/chat.js';
import { eventValues, PUBLIC_URL, submitEventForm } from '../support/events.js';
import { joinInSlack } from '../support/members.js';
import { startTestBot, type TestBot } from '../support/test-bot.js';

const MARKUP = ['<!channel>', '<!here>', '<@U0VICTIM>', '<http://x.example|y>'];
const NAME = 'Sam <!channel> & <@U0VICTIM>';
const TITLE = 'Q&A <!here> <http://x.example|y>';

let harness: TestBot;
const prisma = () => harness.bot.database.prisma;
const person = (userId: string, channelId: string): SlackIdentity => ({ teamId: 'T0TEST', userId, channelId });
const admin = person('U0ADMIN', 'C0LONDON');
const sam = person('U0SAM', 'C0LONDON');

beforeAll(async () => {
  harness = await startTestBot({ COP_ADMINS: 'U0ADMIN', PUBLIC_URL });
  await joinInSlack(harness, admin, 'Ada Admin', { region: 'Y56' });
  await joinInSlack(harness, sam, NAME, { region: 'Y56' });
  expect(await slackCommandText(harness, admin, 'admin grant facilitator <@U0SAM> london')).toContain('Done');
  expect(await slackCommandText(harness, sam, 'channel link london')).toContain('London');
});
afterAll(async () => {
  await harness?.stop();
});

/** The mrkdwn texts of blocks: what Slack parses for mentions and links (plain_text it shows as written). */
function mrkdwnIn(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(mrkdwnIn);
  if (typeof value !== 'object' || value === null) return [];
  const object = value as Record<string, unknown>;
  const own = object['type'] === 'mrkdwn' && typeof object['text'] === 'string' ? [object['text']] : [];
  return [...own, ...Object.values(object).flatMap(mrkdwnIn)];
}

/** What the bot sent to Slack that a person sees: Web API posts and updates, and replies at response_url. */
function messagesSent(): { path: string; text: string; blocks: string }[] {
  return harness.slack.requests
    .filter((request: RecordedRequest) => typeof (request.json as { text?: unknown } | undefined)?.text === 'string')
    .map((request) => {
      const json = request.json as { text: string; blocks?: unknown };
      return { path: request.path, text: json.text, blocks: mrkdwnIn(json.blocks ?? []).join('\n') };
    });
}

describe('Slack messages in a channel', () => {
  it('show names and titles that look like mentions and links as typed, in the notification text and the blocks', async () => {
    const memberId = (await prisma().platformIdentity.findFirstOrThrow({ where: { userId: sam.userId } })).memberId;
    expect(
      await submitEventForm(
        harness,
        sam,
        eventValues(memberId, { title: slackInput.text(TITLE), description: slackInput.text(`Ask ${NAME} anything <!channel>`) }),
      ),
    ).toBeUndefined();
    const event = await prisma().event.findFirstOrThrow({ where: { title: TITLE } });
    await harness.drainOutbox();
    // The announcement is answered, changed and cancelled: each is an update of the post in the channel.
    await slackClickText(harness, sam, 'event.rsvp#0', `${event.id}:going`);
    expect(await slackCommandText(harness, sam, `event cancel ${event.number}`)).toBeTruthy();
    const cancel = harness.slack.requests.length;
    await harness.drainOutbox();
    // A case study shared into the channel names the member who shared it.
    await slackClickText(harness, sam, 'case.share', '1');
    // The digest goes to the channel with its subscription.
    await slackCommandText(harness, sam, 'digest subscribe london weekly');
    await slackCommandText(harness, sam, 'digest now 1');
    await harness.drainOutbox();

    const sent = messagesSent();
    const paths = new Set(sent.map((message) => message.path));
    expect(paths.has('/chat.postMessage')).toBe(true);
    expect(paths.has('/chat.update')).toBe(true);
    expect(harness.slack.requests.length).toBeGreaterThan(cancel);
    // The hostile name and title did reach people, escaped.
    expect(sent.some((message) => message.text.includes('Q&amp;A &lt;!here&gt; &lt;http://x.example|y&gt;'))).toBe(true);
    expect(sent.some((message) => message.text.includes('Sam &lt;!channel&gt; &amp; &lt;@U0VICTIM&gt;'))).toBe(true);
    for (const message of sent) {
      for (const markup of MARKUP) {
        expect(message.text, `${message.path} text`).not.toContain(markup);
        expect(message.blocks, `${message.path} blocks`).not.toContain(markup);
      }
    }
  });
});
