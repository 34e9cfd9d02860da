// The other side of the RSVP benchmark, in a worker thread of its own: Slack's stand-in (Web API and
// response_url), the Bot Connector's stand-in, and the members clicking "Going", a few at a time (each
// clicker clicks again as soon as the bot has answered its last click). Kept off the bench's main thread
// so that the times measured are the bot's, not those of the bench's own busy event loop.
import { parentPort } from 'node:worker_threads';
import { slackBlocksToText } from '../../src/dev/readable-text.js';
import { startRecordingServer } from '../../src/dev/recording-server.js';
import { blockActionBody, postToSlackEndpoint } from '../../src/dev/slack-requests.js';
import { cardSubmitActivity, postActivity } from '../../src/dev/teams-activities.js';

export type ToClicker =
  | { type: 'wait-announcements'; channel: string; count: number }
  | {
      type: 'clicks';
      platform: 'slack' | 'teams';
      tenant: string;
      botUrl: string;
      eventId: string;
      clicks: number;
      clickers: number;
      secret: string;
    }
  | { type: 'close' };
export type FromClicker =
  | { type: 'ready'; url: string; connectorUrl: string }
  | { type: 'announced' }
  | {
      type: 'result';
      /** Click to the HTTP answer: Slack's acknowledgement, or Teams' invoke response (which holds the member's answer). */
      acked: number[];
      /** Slack: click to the member's reply at the response_url. */
      replied: number[];
      /** Slack: the last click to the announcement showing every answer; undefined when not within 2 minutes. */
      lastClickToFinal: number | undefined;
      updates: number;
      whole: number;
    };

const port = parentPort;
if (!port) throw new Error('rsvp-clicker runs as a worker thread');
const send = (message: FromClicker) => port.postMessage(message);

let posted = 0;
/** When each chat.update arrived and how many answers it showed. */
const updates: { at: number; answered: number }[] = [];
const slack = await startRecordingServer((request) => {
  if (request.path === '/chat.update') {
    const text = slackBlocksToText((request.json as { blocks: unknown }).blocks);
    const counts = /(\d+) going · \d+ maybe · \d+ can’t go · (\d+) waitlisted/.exec(text);
    if (counts) updates.push({ at: performance.now(), answered: Number(counts[1]) + Number(counts[2]) });
  }
  const { channel, ts } = (request.json ?? {}) as { channel?: string; ts?: string };
  return { body: { ok: true, channel, ts: ts ?? `1700000000.${String(++posted).padStart(6, '0')}` } };
});
const connector = await startRecordingServer(() => ({ status: 201, body: { id: `activity-${++posted}` } }));

async function click(message: Extract<ToClicker, { type: 'clicks' }>, i: number): Promise<Response> {
  const { platform, botUrl, eventId, secret } = message;
  if (platform === 'slack') {
    const who = { teamId: 'T0BENCH', userId: `U0CLICK${i}`, channelId: 'C0BENCH' };
    return postToSlackEndpoint(botUrl, blockActionBody('event.rsvp#0', `${eventId}:going`, `${slack.url}/respond/click-${i}`, who), secret);
  }
  const who = {
    tenantId: message.tenant,
    userId: `29:click-${i}`,
    aadObjectId: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    conversationId: '19:bench@thread.tacv2',
    conversationType: 'channel' as const,
  };
  return postActivity(botUrl, cardSubmitActivity({ verb: 'event.rsvp', value: `${eventId}:going` }, connector.url, who));
}

async function clicks(message: Extract<ToClicker, { type: 'clicks' }>): Promise<FromClicker> {
  const { platform } = message;
  const acked: number[] = [];
  const replied: number[] = [];
  const started: number[] = [];
  updates.length = 0;
  const begin = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: message.clickers }, async () => {
      for (let i = next++; i < message.clicks; i = next++) {
        started[i] = performance.now();
        const response = await click(message, i);
        await response.arrayBuffer();
        acked[i] = performance.now() - (started[i] ?? 0);
        if (response.status !== 200) throw new Error(`${platform} click ${i} answered ${response.status}`);
        if (platform === 'slack') {
          const path = `/respond/click-${i}`;
          // Not waited for by the clicker: it clicks again once acknowledged, as Slack lets people do.
          void slack
            .waitFor((request) => request.path === path, 300_000)
            .then(() => {
              replied[i] = performance.now() - (started[i] ?? 0);
            });
        }
      }
    }),
  );
  const whole = performance.now() - begin;
  let lastClickToFinal: number | undefined;
  if (platform === 'slack') {
    const lastClick = Math.max(...started);
    const deadline = performance.now() + 120_000;
    while (
      (replied.filter(Number.isFinite).length < message.clicks || !updates.some((u) => u.answered >= message.clicks)) &&
      performance.now() < deadline
    )
      await new Promise((resolve) => setTimeout(resolve, 50));
    const final = updates.find((update) => update.answered >= message.clicks);
    lastClickToFinal = final ? final.at - lastClick : undefined;
  }
  return { type: 'result', acked, replied, lastClickToFinal, updates: updates.length, whole };
}

port.on('message', (message: ToClicker) => {
  void (async () => {
    if (message.type === 'wait-announcements') {
      const posts = () =>
        slack.requests.filter(
          (request) => request.path === '/chat.postMessage' && (request.json as { channel?: string }).channel === message.channel,
        ).length;
      const deadline = performance.now() + 60_000;
      while (posts() < message.count && performance.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
      send({ type: 'announced' });
    } else if (message.type === 'clicks') {
      send(await clicks(message));
    } else {
      await Promise.all([slack.close(), connector.close()]);
      port.close();
    }
  })();
});
send({ type: 'ready', url: slack.url, connectorUrl: connector.url });
