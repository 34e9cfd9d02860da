// `node scripts/run.js <entry> [args…]`: runs dist/<entry> (e.g. main.js, cli/cli.js), first compiling
// src/ to dist/ when dist/ is missing or older than the sources (without the type check, which
// `npm run build` and `npm run typecheck` do). `npm start`, `npm run cli`, … go through it, so that a
// fresh clone and an edited tree run current code; production can run `node dist/main.js` directly.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { clientOutdated, compile, staleReason, typescriptCompiler } from './compile.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const [entry, ...args] = process.argv.slice(2);
if (!entry) {
  console.error('Usage: node scripts/run.js <entry in dist/, e.g. main.js> [arguments]');
  process.exit(2);
}
const compiled = join(root, 'dist', entry);

if (clientOutdated(root)) {
  console.error('prisma/schema.prisma changed: generating the Prisma client');
  const generated = spawnSync('npm', ['run', '--silent', 'generate'], { cwd: root, stdio: 'inherit' });
  if (generated.status !== 0) process.exit(generated.status ?? 1);
}

const reason = staleReason(root);
if (reason && typescriptCompiler(root)) {
  console.error(`Compiling src/ to dist/ (${reason})`);
  const status = compile(root, { check: false });
  if (status !== 0) process.exit(status);
} else if (reason && !existsSync(compiled)) {
  console.error(`${compiled} is missing and TypeScript is not installed here: run \`npm run build\` where it is.`);
  process.exit(1);
} else if (reason) {
  console.error(`dist/ may be out of date (${reason}), and TypeScript is not installed here to compile it: running it as it is`);
}

// The entry runs in this process, seeing the arguments it would see under `node dist/<entry>`.
process.argv = [process.argv[0] ?? process.execPath, compiled, ...args];
await import(pathToFileURL(compiled).href);
