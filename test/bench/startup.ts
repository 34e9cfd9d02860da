// Benchmark (not a test): the cold-start time of `npm start` until /readyz answers 200, on a fresh
// embedded database and on an existing one, and the idle memory of the running bot.
// Run: npm run bench:startup [-- --runs 3] [--variant compiled|tsx|both] [--postgres postgresql://postgres@127.0.0.1:5432/test]
// With --postgres, the bot uses that PostgreSQL server (a new schema each run) instead of PGlite.
// --variant compiled (the default) runs `npm start`, that is dist/ with the compiled output up to date
// (built once before the runs); tsx runs the sources through tsx as `npm start` did before the build
// existed, launched through npm too (`npm exec`); both alternates them run by run, for a fair comparison.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { dropServerSchema, serverSchemaUrl } from './bench-database.js';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '3' },
    port: { type: 'string', default: '3990' },
    postgres: { type: 'string' },
    variant: { type: 'string', default: 'compiled' },
  },
});
const runs = Number(values.runs);
const port = Number(values.port);

type Variant = 'compiled' | 'tsx';
const COMMANDS: Record<Variant, string[]> = {
  compiled: ['start', '--silent'],
  tsx: ['exec', '--silent', '--offline', '--', 'node', '--import', 'tsx', 'src/main.ts'],
};
if (!['compiled', 'tsx', 'both'].includes(values.variant)) throw new Error('--variant is compiled, tsx or both');
const variants: Variant[] = values.variant === 'both' ? ['tsx', 'compiled'] : [values.variant as Variant];
if (variants.includes('compiled')) {
  // Measured with dist/ up to date, as production runs it.
  const built = spawnSync('npm', ['run', '--silent', 'build'], { stdio: 'inherit' });
  if (built.status !== 0) throw new Error('npm run build failed');
}

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
    if (child.exitCode !== null) throw new Error(`the bot exited with ${child.exitCode}`);
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

async function startOnce(variant: Variant, url: string): Promise<{ readyMs: number; child: ChildProcess }> {
  const started = performance.now();
  const child = spawn('npm', COMMANDS[variant], {
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

interface Figures {
  fresh: number[];
  existing: number[];
  idleTotal: number[];
  idleBot: number[];
}
const figures = new Map<Variant, Figures>(variants.map((variant) => [variant, { fresh: [], existing: [], idleTotal: [], idleBot: [] }]));
for (let i = 0; i < runs; i++) {
  for (const variant of variants) {
    const { fresh, existing, idleTotal, idleBot } = figures.get(variant)!;
    const dir = await mkdtemp(join(tmpdir(), 'cop-bench-'));
    const url = databaseUrl(join(dir, 'db'), i);
    try {
      const first = await startOnce(variant, url);
      fresh.push(first.readyMs);
      await stop(first.child);
      const second = await startOnce(variant, url);
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
}

const ms = (xs: number[]) => `median ${median(xs).toFixed(0)} ms (runs: ${xs.map((x) => x.toFixed(0)).join(', ')})`;
const mib = (xs: number[]) => `${(median(xs) / 2 ** 20).toFixed(0)} MiB`;
const where = values.postgres ? 'PostgreSQL server schema' : 'PGlite folder';
for (const [variant, { fresh, existing, idleTotal, idleBot }] of figures) {
  console.log(`${variant}: ready (/readyz 200) on a new ${where}:      ${ms(fresh)}`);
  console.log(`${variant}: ready (/readyz 200) on an existing ${where}: ${ms(existing)}`);
  console.log(
    `${variant}: idle resident memory 5 s after ready: bot process ${mib(idleBot)}; with the npm process that started it ${mib(idleTotal)} (medians)`,
  );
}
