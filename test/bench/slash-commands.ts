// Benchmark (not a test): signed `/cop` slash commands against the bot started as `npm start` runs it,
// with a local server in Slack's place receiving the replies on their response_url.
// Run: npm run bench:commands [-- --command help --connections 10 --seconds 10]
import { spawn } from 'node:child_process';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { LOCAL_SLACK_SIGNING_SECRET } from '../../src/config.js';
import { startRecordingServer } from '../../src/dev/recording-server.js';
import { slashCommandBody } from '../../src/dev/slack-requests.js';
import { slackSignatureHeaders } from '../../src/dev/slack-signature.js';
import { dropServerSchema, serverSchemaUrl } from './bench-database.js';

const { values } = parseArgs({
  options: {
    command: { type: 'string', default: 'help' },
    connections: { type: 'string', default: '10' },
    seconds: { type: 'string', default: '10' },
    port: { type: 'string', default: '3991' },
    postgres: { type: 'string' },
  },
});

const slack = await startRecordingServer(() => ({ status: 200, body: { ok: true } }));
const databaseUrl = values.postgres ? serverSchemaUrl(values.postgres, `cop_bench_${process.pid}`) : 'pglite:memory';
const bot = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
  env: { ...process.env, PORT: values.port, DATABASE_URL: databaseUrl, LOG_LEVEL: 'warn', NODE_ENV: 'development' },
  stdio: ['ignore', 'ignore', 'inherit'],
});
const botUrl = `http://127.0.0.1:${values.port}`;
for (;;) {
  const status = await fetch(`${botUrl}/readyz`).then((response) => response.status, () => 0);
  if (status === 200) break;
  await new Promise((resolve) => setTimeout(resolve, 50));
}

// Slack signatures are valid for five minutes: one signed body serves the whole run.
const body = slashCommandBody(values.command, `${slack.url}/respond`);
const result = await autocannon({
  url: `${botUrl}/slack/events`,
  method: 'POST',
  headers: { 'content-type': 'application/x-www-form-urlencoded', ...slackSignatureHeaders(LOCAL_SLACK_SIGNING_SECRET, body) },
  body,
  connections: Number(values.connections),
  duration: Number(values.seconds),
});
const acknowledged = result['2xx'];
const waitStarted = performance.now();
while (slack.requests.length < acknowledged && performance.now() - waitStarted < 30_000) {
  await new Promise((resolve) => setTimeout(resolve, 50));
}

console.log(`/cop ${values.command}, ${values.connections} connections for ${values.seconds} s, ${values.postgres ? 'PostgreSQL server' : 'PGlite'}:`);
console.log(`  acknowledged: ${acknowledged} (${result.non2xx} not 2xx, ${result.errors} errors), ${result.requests.average.toFixed(0)} a second`);
console.log(`  acknowledgement latency: median ${result.latency.p50} ms, p99 ${result.latency.p99} ms, max ${result.latency.max} ms`);
console.log(`  replies received on the response_url: ${slack.requests.length}, the last ${(performance.now() - waitStarted).toFixed(0)} ms after the load ended`);

bot.kill('SIGTERM');
await new Promise((resolve) => bot.once('exit', resolve));
await slack.close();
if (values.postgres) await dropServerSchema(databaseUrl);
