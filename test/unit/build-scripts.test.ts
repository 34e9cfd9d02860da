// scripts/run.js compiles src/ to dist/ before running an entry when dist/ is missing or older than the
// sources, and not otherwise. Tried on a temporary project holding copies of the build scripts and
// TypeScript settings and one source file, with this project's node_modules linked in.
import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = join(import.meta.dirname, '..', '..');
let project: string;

beforeAll(() => {
  project = mkdtempSync(join(tmpdir(), 'cop-build-'));
  cpSync(join(root, 'scripts'), join(project, 'scripts'), { recursive: true });
  for (const file of ['package.json', 'tsconfig.json', 'tsconfig.build.json']) cpSync(join(root, file), join(project, file));
  symlinkSync(join(root, 'node_modules'), join(project, 'node_modules'), 'dir');
  mkdirSync(join(project, 'src'));
  writeSource('first');
});

afterAll(() => rmSync(project, { recursive: true, force: true }));

function writeSource(word: string): void {
  writeFileSync(join(project, 'src', 'main.ts'), `const word: string = '${word}';\nconsole.log(word, process.argv.slice(2).join(' '));\n`);
}

async function runMain(): Promise<{ stdout: string; stderr: string }> {
  return run(process.execPath, ['scripts/run.js', 'main.js', 'an', 'argument'], { cwd: project });
}

describe('scripts/run.js', () => {
  it('compiles when dist/ is missing, then runs the compiled entry with its arguments', async () => {
    const { stdout, stderr } = await runMain();
    expect(stderr).toContain('Compiling src/ to dist/ (dist/ has not been built)');
    expect(stdout).toBe('first an argument\n');
  });

  it('runs dist/ as it is when no source is newer than the last build', async () => {
    const before = statSync(join(project, 'dist', 'main.js')).mtimeMs;
    const { stdout, stderr } = await runMain();
    expect(stderr).not.toContain('Compiling');
    expect(stdout).toBe('first an argument\n');
    expect(statSync(join(project, 'dist', 'main.js')).mtimeMs).toBe(before);
  });

  it('compiles again when a source is newer than the last build', async () => {
    writeSource('second');
    // Clearly newer than the stamp, whatever the file system's time resolution.
    const later = new Date(Date.now() + 5_000);
    utimesSync(join(project, 'src', 'main.ts'), later, later);
    const { stdout, stderr } = await runMain();
    expect(stderr).toContain('Compiling src/ to dist/ (sources changed since the last build)');
    expect(stdout).toBe('second an argument\n');
  });
});
