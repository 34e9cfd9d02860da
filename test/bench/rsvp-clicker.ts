// The other side of the RSVP burst benchmark, in a worker thread of its own: Slack's stand-in (Web API
// and response_url) and the 500 people clicking. Kept off the bot's thread so that the times measured
// are the bot's, not the time the bench's own clients wait for the bot's busy event loop.
import { parentPort } from 'node:worker_threads';
import { slackBlocksToText } from '../../src/dev/readable-text.js';
import { startRecordingServer } from '../../src/dev/recording-server.js';
import { blockActionBody, postToSlackEndpoint } from '../../src/dev/slack-requests.js';

export type ToClicker =
  | { type: 'wait-announcement'; channel: string }
  | { type: 'burst'; botUrl: string; eventId: string; clicks: number; secret: string }
  | { type: 'close' };
export type FromClicker =
  | { type: 'ready'; url: string }
  | { type: 'announced' }
  | {
      type: 'result';
      acked: number[];
      replied: number[];
      toUpdate: number[];
      updates: number;
      lastClickToFinal: number | undefined;
      burst: number;
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

async function burst(botUrl: string, eventId: string, clicks: number, secret: string): Promise<FromClicker> {
  const acked: number[] = [];
  const replied: number[] = [];
  const started: number[] = [];
  const begin = performance.now();
  await Promise.all(
    Array.from({ length: clicks }, async (_, i) => {
      const path = `/respond/click-${i}`;
      const who = { teamId: 'T0BENCH', userId: `U0CLICK${i}`, channelId: 'C0BENCH' };
      const body = blockActionBody('event.rsvp#0', `${eventId}:going`, `${slack.url}${path}`, who);
      started[i] = performance.now();
      const response = await postToSlackEndpoint(botUrl, body, secret);
      acked[i] = performance.now() - (started[i] ?? 0);
      if (response.status !== 200) throw new Error(`click ${i} answered ${response.status}`);
      await slack.waitFor((request) => request.path === path, 300_000);
      replied[i] = performance.now();
    }),
  );
  const lastClick = Math.max(...started);
  // Wait for the announcement to show every answer.
  const deadline = performance.now() + 120_000;
  while (!updates.some((update) => update.answered >= clicks) && performance.now() < deadline)
    await new Promise((resolve) => setTimeout(resolve, 50));
  const final = updates.find((update) => update.answered >= clicks);
  // A click's answer is counted in the first update showing at least as many answers as had been
  // replied to when its own reply arrived (replies go after the commit, so those answers are in).
  const replyOrder = [...replied].sort((a, b) => a - b);
  const toUpdate = replied.map((at, i) => {
    const rank = replyOrder.indexOf(at) + 1;
    const update = updates.find((u) => u.at >= at && u.answered >= rank) ?? updates.find((u) => u.answered >= rank);
    return update ? update.at - (started[i] ?? 0) : NaN;
  });
  return {
    type: 'result',
    acked,
    replied: replied.map((at, i) => at - (started[i] ?? 0)),
    toUpdate,
    updates: updates.length,
    lastClickToFinal: final ? final.at - lastClick : undefined,
    burst: performance.now() - begin,
  };
}

port.on('message', (message: ToClicker) => {
  void (async () => {
    if (message.type === 'wait-announcement') {
      await slack.waitFor(
        (request) => request.path === '/chat.postMessage' && (request.json as { channel?: string }).channel === message.channel,
        30_000,
      );
      send({ type: 'announced' });
    } else if (message.type === 'burst') {
      send(await burst(message.botUrl, message.eventId, message.clicks, message.secret));
    } else {
      await slack.close();
      port.close();
    }
  })();
});
send({ type: 'ready', url: slack.url });
