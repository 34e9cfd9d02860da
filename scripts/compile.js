// Shared by build.js and run.js: compiles src/ to dist/ with the project's TypeScript, and tells whether
// dist/ is older than the sources. Plain JavaScript, so that it runs before anything is compiled.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, writeFileSync, utimesSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

/** Written into dist/ after a successful compile; its modification time is when that compile started. */
export const STAMP = '.build-stamp';

/** Files besides src/ whose change alters the compiled output. */
const CONFIG_FILES = ['tsconfig.json', 'tsconfig.build.json'];

/** @param {string} path @returns {number} */
function newestModification(path) {
  const stats = statSync(path, { throwIfNoEntry: false });
  if (!stats) return 0;
  if (!stats.isDirectory()) return stats.mtimeMs;
  let newest = stats.mtimeMs; // a deleted or renamed file changes its folder
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestModification(join(path, entry)));
  return newest;
}

/**
 * Why dist/ must be compiled again before it runs, or undefined when it is up to date.
 * @param {string} root the project folder
 */
export function staleReason(root) {
  const stamp = statSync(join(root, 'dist', STAMP), { throwIfNoEntry: false });
  if (!stamp) return 'dist/ has not been built';
  const sources = Math.max(newestModification(join(root, 'src')), ...CONFIG_FILES.map((file) => newestModification(join(root, file))));
  return sources > stamp.mtimeMs ? 'sources changed since the last build' : undefined;
}

/** True when prisma/schema.prisma is newer than the Prisma client generated from it. @param {string} root */
export function clientOutdated(root) {
  const schema = statSync(join(root, 'prisma', 'schema.prisma'), { throwIfNoEntry: false });
  if (!schema) return false;
  const client = statSync(join(root, 'src', 'generated', 'prisma', 'client.ts'), { throwIfNoEntry: false });
  return !client || schema.mtimeMs > client.mtimeMs;
}

/**
 * The TypeScript compiler's entry point, or undefined where dev dependencies were not installed.
 * @param {string} root
 */
export function typescriptCompiler(root) {
  try {
    return createRequire(join(root, 'package.json')).resolve('typescript/bin/tsc');
  } catch {
    return undefined;
  }
}

/**
 * Compiles with tsconfig.build.json. `check: false` skips the type check (tsc --noCheck): the same
 * output, several times faster, for run.js; `npm run build` and `npm run typecheck` do check.
 * Returns tsc's exit status; the stamp is written only on success.
 * @param {string} root
 * @param {{ check: boolean }} options
 * @returns {number}
 */
export function compile(root, { check }) {
  const tsc = typescriptCompiler(root);
  if (!tsc) throw new Error('TypeScript is not installed here (npm ci --omit=dev?): build dist/ with `npm run build` where it is.');
  const started = new Date();
  const args = [tsc, '-p', 'tsconfig.build.json', ...(check ? [] : ['--noCheck'])];
  const result = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' });
  const status = result.status ?? 1;
  if (status === 0 && existsSync(join(root, 'dist'))) {
    const stamp = join(root, 'dist', STAMP);
    writeFileSync(stamp, `${started.toISOString()}\n`);
    utimesSync(stamp, started, started);
  }
  return status;
}
