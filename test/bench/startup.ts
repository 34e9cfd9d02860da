// Benchmark (not a test): the cold-start time of `npm start` until /readyz answers 200, on a fresh
// embedded database and on an existing one, and the idle memory of the running bot.
// Run: npm run bench:startup [-- --runs 3] [--postgres postgresql://postgres@127.0.0.1:5432/test]
// With --postgres, the bot uses that PostgreSQL server (a new schema each run) instead of PGlite.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { dropServerSchema, serverSchemaUrl } from './bench-database.js';

const { values } = parseArgs({
  options: { runs: { type: 'string', default: '3' }, port: { type: 'string', default: '3990' }, postgres: { type: 'string' } },
});
const runs = Number(values.runs);
const port = Number(values.port);

/** Resident memory of a process and its descendants, from /proc (Linux): in all, and of the largest one. */
async function treeRssBytes(rootPid: number): Promise<{ total: number; largest: number }> {
  const parents = new Map<number, number>();
  const rss = new Map<number, number>();
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const status = await readFile(`/proc/${entry}/status`, 'utf8');
      const ppid = Number(/^PPid:\s+(\d+)/m.exec(status)?.[1]);
      const kb = Number(/^VmRSS:\s+(\d+)/m.exec(status)?.[1] ?? 0);
      parents.set(Number(entry), ppid);
      rss.set(Number(entry), kb * 1024);
    } catch {
      // The process ended while we read.
    }
  }
  const inTree = (pid: number): boolean => pid === rootPid || (parents.has(pid) && pid !== 1 && inTree(parents.get(pid) ?? 1));
  let total = 0;
  let largest = 0;
  for (const [pid, bytes] of rss) {
    if (!inTree(pid)) continue;
    total += bytes;
    largest = Math.max(largest, bytes);
  }
  return { total, largest };
}

async function waitReady(started: number, child: ChildProcess): Promise<number> {
  for (;;) {
    if (child.exitCode !== null) throw new Error(`npm start exited with ${child.exitCode}`);
    try {
      const response = await fetch(`http://127.0.0.1:${port}/readyz`);
      if (response.status === 200) return performance.now() - started;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

function databaseUrl(dataDir: string, run: number): string {
  return values.postgres ? serverSchemaUrl(values.postgres, `cop_bench_${process.pid}_${run}`) : `pglite:${dataDir}`;
}

async function startOnce(url: string): Promise<{ readyMs: number; child: ChildProcess }> {
  const started = performance.now();
  const child = spawn('npm', ['start', '--silent'], {
    env: { ...process.env, PORT: String(port), DATABASE_URL: url, LOG_LEVEL: 'warn', NODE_ENV: 'development' },
    stdio: ['ignore', 'ignore', 'inherit'],
    detached: true,
  });
  return { readyMs: await waitReady(started, child), child };
}

async function stop(child: ChildProcess): Promise<void> {
  const exited = new Promise((resolve) => child.once('exit', resolve));
  process.kill(-(child.pid ?? 0), 'SIGTERM');
  await exited;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

const fresh: number[] = [];
const existing: number[] = [];
const idleTotal: number[] = [];
const idleBot: number[] = [];
for (let i = 0; i < runs; i++) {
  const dir = await mkdtemp(join(tmpdir(), 'cop-bench-'));
  const url = databaseUrl(join(dir, 'db'), i);
  try {
    const first = await startOnce(url);
    fresh.push(first.readyMs);
    await stop(first.child);
    const second = await startOnce(url);
    existing.push(second.readyMs);
    await new Promise((resolve) => setTimeout(resolve, 5_000));
    const memory = await treeRssBytes(second.child.pid ?? 0);
    idleTotal.push(memory.total);
    idleBot.push(memory.largest);
    await stop(second.child);
  } finally {
    await rm(dir, { recursive: true, force: true });
    if (values.postgres) await dropServerSchema(url);
  }
}

const ms = (xs: number[]) => `median ${median(xs).toFixed(0)} ms (runs: ${xs.map((x) => x.toFixed(0)).join(', ')})`;
const where = values.postgres ? 'PostgreSQL server schema' : 'PGlite folder';
console.log(`npm start -> /readyz 200, new ${where}:      ${ms(fresh)}`);
console.log(`npm start -> /readyz 200, existing ${where}: ${ms(existing)}`);
const mib = (xs: number[]) => `${(median(xs) / 2 ** 20).toFixed(0)} MiB`;
console.log(
  `idle resident memory 5 s after ready: bot process ${mib(idleBot)}; with the npm process that started it ${mib(idleTotal)} (medians)`,
);
