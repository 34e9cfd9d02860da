// `npm run try -- <words>`: sends the words to the running bot as a signed Slack slash command (or,
// with --teams, as a Teams message) and prints the reply as readable text. A local server receives
// the reply in Slack's (response_url) or the Bot Connector's place.
import { parseArgs } from 'node:util';
import { LOCAL_SLACK_SIGNING_SECRET } from '../config.js';
import { adaptiveCardToText, cardsOf, slackBlocksToText } from '../dev/readable-text.js';
import { startRecordingServer } from '../dev/recording-server.js';
import { postToSlackEndpoint, slashCommandBody } from '../dev/slack-requests.js';
import { messageActivity, postActivity } from '../dev/teams-activities.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    teams: { type: 'boolean', default: false },
    url: { type: 'string', default: `http://localhost:${process.env['PORT'] ?? 3978}` },
  },
});
const words = positionals.join(' ');
const botUrl = values.url.replace(/\/$/, '');

const standIn = await startRecordingServer(() => ({ status: 200, body: { id: 'reply-1', ok: true } }));
try {
  if (values.teams) {
    const response = await postActivity(botUrl, messageActivity(words, standIn.url));
    if (!response.ok) throw new Error(`the bot answered HTTP ${response.status}`);
    const reply = await standIn.waitFor((request) => request.path.startsWith('/v3/conversations/'));
    const cards = cardsOf(reply.json);
    console.log(cards.length > 0 ? cards.map(adaptiveCardToText).join('\n\n') : JSON.stringify(reply.json, null, 2));
  } else {
    const secret = process.env['SLACK_SIGNING_SECRET'] || LOCAL_SLACK_SIGNING_SECRET;
    const response = await postToSlackEndpoint(botUrl, slashCommandBody(words, `${standIn.url}/respond`), secret);
    if (!response.ok) throw new Error(`the bot answered HTTP ${response.status}`);
    const reply = await standIn.waitFor((request) => request.path === '/respond');
    const body = reply.json as { blocks?: unknown; text?: string };
    console.log(body.blocks ? slackBlocksToText(body.blocks) : body.text);
  }
} catch (error) {
  const cause = error instanceof Error ? error.message : String(error);
  console.error(`Could not reach CoP Bot at ${botUrl}: ${cause}. Is it running (npm start)?`);
  process.exitCode = 1;
} finally {
  await standIn.close();
}
