// Benchmark (not a test): commands against the bot started as `npm start` runs it. Slack (default):
// signed `/cop` slash commands, with a local server in Slack's place receiving the replies on their
// response_url. Teams (`--platform teams`): the same words typed in a personal chat, posted to
// /api/messages, with a local server in the Bot Connector's place receiving the replies; Teams' HTTP
// answer comes once the reply is sent, so its latency is the whole turn.
// Run: npm run bench:commands [-- --platform slack|teams --command help --connections 10 --seconds 10]
import { spawn } from 'node:child_process';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { LOCAL_SLACK_SIGNING_SECRET } from '../../src/config.js';
import { startRecordingServer } from '../../src/dev/recording-server.js';
import { slashCommandBody } from '../../src/dev/slack-requests.js';
import { messageActivity } from '../../src/dev/teams-activities.js';
import { slackSignatureHeaders } from '../../src/dev/slack-signature.js';
import { dropServerSchema, serverSchemaUrl } from './bench-database.js';

const { values } = parseArgs({
  options: {
    command: { type: 'string', default: 'help' },
    connections: { type: 'string', default: '10' },
    seconds: { type: 'string', default: '10' },
    port: { type: 'string', default: '3991' },
    postgres: { type: 'string' },
    platform: { type: 'string', default: 'slack' },
  },
});
const teams = values.platform === 'teams';

// Slack's response_url or the Bot Connector: both only need to take the replies.
const replies = await startRecordingServer(() => ({ status: 201, body: { ok: true, id: 'activity' } }));
const databaseUrl = values.postgres ? serverSchemaUrl(values.postgres, `cop_bench_${process.pid}`) : 'pglite:memory';
const bot = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
  env: { ...process.env, PORT: values.port, DATABASE_URL: databaseUrl, LOG_LEVEL: 'warn', NODE_ENV: 'development' },
  stdio: ['ignore', 'ignore', 'inherit'],
});
const botUrl = `http://127.0.0.1:${values.port}`;
for (;;) {
  const status = await fetch(`${botUrl}/readyz`).then(
    (response) => response.status,
    () => 0,
  );
  if (status === 200) break;
  await new Promise((resolve) => setTimeout(resolve, 50));
}

// Slack signatures are valid for five minutes: one signed body serves the whole run.
const slackBody = slashCommandBody(values.command, `${replies.url}/respond`);
const result = await autocannon({
  connections: Number(values.connections),
  duration: Number(values.seconds),
  method: 'POST',
  ...(teams
    ? {
        url: `${botUrl}/api/messages`,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(messageActivity(values.command, replies.url)),
      }
    : {
        url: `${botUrl}/slack/events`,
        headers: { 'content-type': 'application/x-www-form-urlencoded', ...slackSignatureHeaders(LOCAL_SLACK_SIGNING_SECRET, slackBody) },
        body: slackBody,
      }),
});
const acknowledged = result['2xx'];
const waitStarted = performance.now();
while (replies.requests.length < acknowledged && performance.now() - waitStarted < 30_000) {
  await new Promise((resolve) => setTimeout(resolve, 50));
}

const what = teams ? `Teams "${values.command}" in a personal chat` : `/cop ${values.command}`;
console.log(`${what}, ${values.connections} connections for ${values.seconds} s, ${values.postgres ? 'PostgreSQL server' : 'PGlite'}:`);
console.log(
  `  ${teams ? 'answered (HTTP 2xx)' : 'acknowledged'}: ${acknowledged} (${result.non2xx} not 2xx, ${result.errors} errors), ${result.requests.average.toFixed(0)} a second`,
);
console.log(
  `  ${teams ? 'turn' : 'acknowledgement'} latency: median ${result.latency.p50} ms, p99 ${result.latency.p99} ms, max ${result.latency.max} ms`,
);
console.log(
  `  replies received ${teams ? 'by the connector' : 'on the response_url'}: ${replies.requests.length}, the last ${(performance.now() - waitStarted).toFixed(0)} ms after the load ended`,
);

bot.kill('SIGTERM');
await new Promise((resolve) => bot.once('exit', resolve));
await replies.close();
if (values.postgres) await dropServerSchema(databaseUrl);
