// Imports never vanish: the bot runs as `npm start` does (the compiled dist/main.js in a process of its own) on a
// PGlite folder, and `npm run cli -- metrics import` and `cases import` run beside it as real processes.
// The commands work on the bot's database through its socket; the figures are read back through
// `digest preview` (a signed slash command to the running bot), again after the bot stops and starts.
// A second bot on the same folder refuses, in one line. On the PostgreSQL server (test:postgres) the
// same commands run beside the bot on one schema, and the figures must outlast the restart there too.
import { spawn, execFile, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { slackBlocksToText } from '../../src/dev/readable-text.js';
import { startRecordingServer, type RecordingServer } from '../../src/dev/recording-server.js';
import { postToSlackEndpoint, slashCommandBody, type SlackIdentity } from '../../src/dev/slack-requests.js';
import { dropTestSchema, testDatabase } from '../support/test-database.js';

const run = promisify(execFile);
const root = new URL('../../', import.meta.url).pathname;
const SIGNING_SECRET = 'import-while-running-secret';
const ADMIN: SlackIdentity = { teamId: 'T0RUN', userId: 'U0RUNADMIN', channelId: 'C0RUN' };
const target = testDatabase();
const onPglite = target.kind === 'pglite';
/** The machine is shared and slow at times: a bot's start on a new folder and each command take seconds. */
const LONG = 600_000;

let folder: string;
let databaseUrl: string;
let slack: RecordingServer;
let bot: RunningProcess | undefined;

interface RunningProcess {
  readonly child: ChildProcess;
  readonly url: string;
  /** Everything the process has written to standard output and standard error so far. */
  output(): string;
}

function environment(): NodeJS.ProcessEnv {
  return {
    ...process.env,
    PORT: '0',
    NODE_ENV: 'test',
    LOG_LEVEL: 'info',
    DATABASE_URL: databaseUrl,
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_BOT_TOKEN: 'xoxb-import-while-running',
    SLACK_API_URL: `${slack.url}/`,
    COP_ADMINS: ADMIN.userId,
    COP_DEMO_DATA: 'false',
  };
}

/** Starts the compiled bot (`dist/main.js`, as production does) and resolves once it logs that it is ready (or rejects with its output if it exits). */
function startBotProcess(): Promise<RunningProcess> {
  const child = spawn('node', ['dist/main.js'], { cwd: root, env: environment(), stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve, reject) => {
    const check = () => {
      const port = /"port":(\d+)/.exec(output)?.[1];
      if (port !== undefined && /"msg":"ready"/.test(output)) {
        child.stdout.off('data', check);
        child.off('exit', exited);
        resolve({ child, url: `http://127.0.0.1:${port}`, output: () => output });
      }
    };
    const exited = (code: number | null) => reject(new Error(`the bot exited (${code}) before it was ready:\n${output}`));
    child.stdout.on('data', check);
    child.once('exit', exited);
  });
}

/** Stops a bot process as a service manager would (SIGTERM) and waits until it has exited. */
async function stopBotProcess(running: RunningProcess): Promise<number | null> {
  if (running.child.exitCode !== null) return running.child.exitCode;
  const exited = new Promise<number | null>((resolve) => running.child.once('exit', resolve));
  running.child.kill('SIGTERM');
  return exited;
}

/** Runs a process to its end: its exit code and what it wrote. */
async function runToEnd(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run('node', args, { cwd: root, env: environment() });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

const cli = (...args: string[]) => runToEnd(['dist/cli/cli.js', ...args]);

let replies = 0;
/** A signed `/cop` slash command to the running bot; resolves with the text of its answer. */
async function command(running: RunningProcess, words: string): Promise<string> {
  const path = `/respond/run-${++replies}`;
  const response = await postToSlackEndpoint(running.url, slashCommandBody(words, `${slack.url}${path}`, ADMIN), SIGNING_SECRET);
  expect(response.status).toBe(200);
  const answer = await slack.waitFor((request) => request.path === path, 60_000);
  return slackBlocksToText((answer.json as { blocks?: unknown }).blocks);
}

/**
 * RTX, 1,000 staff every month from April 2024 to March 2025, 10 leavers a month: a 12-month leaver rate
 * of 120 / 1,000 = 12.0% in March 2025.
 */
function metricsCsv(): string {
  const lines = ['period,org_code,staff_group,headcount_start,headcount_end,leavers,joiners'];
  for (let i = 0; i < 12; i += 1) {
    const month = new Date(Date.UTC(2024, 3 + i, 1)).toISOString().slice(0, 7);
    lines.push(`${month},RTX,All staff groups,1000,1000,10,10`);
  }
  return `${lines.join('\n')}\n`;
}

const CASE = {
  sourceId: 'import:while-running',
  title: 'Stay conversations imported while the bot ran',
  summary: 'Stay conversations for every new starter.',
  challenge: 'Leavers in the first year.',
  actions: 'A stay conversation at three and nine months.',
  results: 'First-year leavers fell.',
  region: 'north west',
  source: 'Import while running test',
};

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'cop-running-'));
  databaseUrl = onPglite ? `pglite:${join(folder, 'db')}` : target.url;
  slack = await startRecordingServer((request) =>
    request.path === '/auth.test'
      ? { body: { ok: true, team_id: ADMIN.teamId, user_id: 'U0BOT', bot_id: 'B0BOT', url: 'https://local.slack.test/' } }
      : { body: { ok: true } },
  );
  await writeFile(join(folder, 'rtx.csv'), metricsCsv());
  await writeFile(join(folder, 'cases.json'), JSON.stringify([CASE]));
}, LONG);

afterAll(async () => {
  if (bot) await stopBotProcess(bot);
  await slack?.close();
  await rm(folder, { recursive: true, force: true });
  await dropTestSchema(target);
}, LONG);

describe('imports while the bot runs', () => {
  it(
    'imports through the running bot, shows the figures in digest preview, and keeps them after a restart',
    async () => {
      bot = await startBotProcess();
      expect(await command(bot, 'digest preview RTX')).toContain('There are no retention figures for');

      const imported = await cli('metrics', 'import', join(folder, 'rtx.csv'));
      expect(imported.stdout).toContain('Imported 12 rows from rtx.csv');
      expect(imported.code).toBe(0);
      if (onPglite)
        expect(imported.stderr).toMatch(/The embedded database is open in CoP Bot \(process \d+ on .*\): working on it there\./);
      const figure = 'March 2025: the 12-month leaver rate is 12.0%.';
      expect(await command(bot, 'digest preview RTX')).toContain(figure);

      const cases = await cli('cases', 'import', join(folder, 'cases.json'));
      expect(cases.stdout).toContain('Imported 1 records: 1 added, 0 updated, 0 unchanged.');
      expect(cases.code).toBe(0);
      // Read back through the running bot's database too.
      expect((await cli('cases', 'export')).stdout).toContain(CASE.title);

      // The bot stops as a service manager stops it, and starts again: the imports are still there.
      expect(await stopBotProcess(bot)).toBe(0);
      if (onPglite) await expect(stat(join(folder, 'db', 'cop-bot.lock'))).rejects.toThrow(/ENOENT/);
      bot = await startBotProcess();
      expect(await command(bot, 'digest preview RTX')).toContain(figure);
      const exported = await cli('cases', 'export');
      expect(exported.code).toBe(0);
      expect(exported.stdout).toContain(CASE.title);
    },
    LONG,
  );

  it.runIf(onPglite)(
    'refuses a second bot on the same folder in one line, and the first keeps serving',
    async () => {
      bot ??= await startBotProcess();
      const lock = JSON.parse(await readFile(join(folder, 'db', 'cop-bot.lock'), 'utf8')) as { pid: number; role: string; socket: string };
      expect(lock).toMatchObject({ pid: bot.child.pid, role: 'bot' });
      // Only the bot's user may reach its socket.
      expect((await stat(lock.socket)).mode & 0o777).toBe(0o700);
      expect((await stat(join(folder, 'db', 'cop-bot.lock'))).mode & 0o777).toBe(0o600);

      const second = await runToEnd(['dist/main.js']);
      expect(second.code).toBe(1);
      const lines = second.stderr.trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(
        /^CoP Bot could not start: The embedded database .*\/db is already open in CoP Bot \(process \d+ on .*\): one process at a time can open a PGlite folder\. Stop it first/,
      );
      expect(await command(bot, 'digest preview RTX')).toContain('March 2025: the 12-month leaver rate is 12.0%.');
    },
    LONG,
  );

  it.runIf(onPglite)(
    'refuses a command at once, changing nothing, when the holder cannot be reached; takes over a lock left behind',
    async () => {
      if (bot) expect(await stopBotProcess(bot)).toBe(0);
      bot = undefined;
      const { hostname } = await import('node:os');
      const lockPath = join(folder, 'db', 'cop-bot.lock');
      // A holder that runs (a process that waits) but whose socket does not answer.
      const waiting = spawn('node', ['-e', 'setTimeout(() => {}, 600000)']);
      const unreachable = {
        role: 'bot',
        pid: waiting.pid,
        host: hostname(),
        since: '2026-01-01T00:00:00.000Z',
        socket: join(folder, 'nowhere'),
        token: 'held',
      };
      await writeFile(lockPath, JSON.stringify(unreachable), { mode: 0o600 });
      const refused = await cli('cases', 'import', join(folder, 'cases.json'));
      expect(refused.code).toBe(1);
      expect(refused.stdout).toBe('');
      expect(refused.stderr.trim()).toMatch(
        new RegExp(
          `^The embedded database .*/db is in use by CoP Bot \\(process ${waiting.pid} on .*\\), and its socket .*/nowhere did not answer \\(.*\\)\\. Nothing was changed\\.`,
        ),
      );
      expect(JSON.parse(await readFile(lockPath, 'utf8'))).toEqual(unreachable);
      waiting.kill();

      // A lock left by a process that was killed: its process id is no longer running.
      const gone = spawn('node', ['-e', '0']);
      await new Promise((resolve) => gone.once('exit', resolve));
      const stale = { role: 'bot', pid: gone.pid, host: hostname(), since: '2026-01-01T00:00:00.000Z', socket: null, token: 'stale' };
      await writeFile(lockPath, JSON.stringify(stale), { mode: 0o600 });
      const imported = await cli('metrics', 'import', join(folder, 'rtx.csv'));
      expect(imported.code).toBe(0);
      expect(imported.stderr).not.toContain('working on it there');
      await expect(stat(lockPath)).rejects.toThrow(/ENOENT/);
    },
    LONG,
  );
});
