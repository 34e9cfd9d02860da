// `npm run cli -- metrics import`: the command line a data lead runs, as a real process.
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabase } from '../support/test-database.js';

const run = promisify(execFile);
const root = new URL('../../', import.meta.url).pathname;
let folder: string;
let databaseUrl: string;
const target = testDatabase();

async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run('node', ['--import', 'tsx', 'src/cli/cli.ts', ...args], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: 'silent' },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'cop-cli-'));
  // PGlite serves one process: the command gets a folder of its own, kept between its runs.
  databaseUrl = target.kind === 'postgres' ? target.url : `pglite:${join(folder, 'db')}`;
});

afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
  if (target.schema) {
    const url = new URL(target.url);
    url.searchParams.delete('schema');
    const client = new pg.Client({ connectionString: url.toString() });
    await client.connect();
    await client.query(`DROP SCHEMA IF EXISTS "${target.schema}" CASCADE`);
    await client.end();
  }
});

describe('npm run cli -- metrics import', () => {
  it('imports a file and prints the report', async () => {
    const result = await cli('metrics', 'import', 'test/fixtures/metrics/nhs-turnover-transfer.csv');
    expect(result.stdout).toContain('Imported 24 rows from nhs-turnover-transfer.csv (nhs-turnover layout) for April 2024 to March 2025.');
    expect(result.code).toBe(0);
  }, 60_000);

  it('rejects a bad file with each line and reason, exiting 1; --skip-invalid imports the rest', async () => {
    const path = join(folder, 'bad.csv');
    await writeFile(path, 'period,org_code,staff_group,headcount_end,leavers,joiners\n2025-01,RJ1,All staff groups,100,-2,1\n2025-02,RJ1,All staff groups,100,2,1\n');
    const rejected = await cli('metrics', 'import', path);
    expect(rejected.code).toBe(1);
    expect(rejected.stdout).toContain('Nothing was imported from bad.csv');
    expect(rejected.stdout).toContain('Line 2: leavers must not be negative');
    const skipped = await cli('metrics', 'import', path, '--skip-invalid');
    expect(skipped.code).toBe(0);
    expect(skipped.stdout).toContain('Imported 1 rows from bad.csv');
    expect(skipped.stdout).toContain('Line 2: leavers must not be negative');
  }, 60_000);

  it('explains its usage and a missing file', async () => {
    expect(await cli('metrics')).toMatchObject({ code: 2, stderr: expect.stringContaining('Usage: npm run cli -- metrics import <file.csv> [--skip-invalid]') as string });
    expect(await cli('metrics', 'import', 'no-such-file.csv')).toMatchObject({ code: 2, stderr: expect.stringContaining('Cannot read no-such-file.csv') as string });
    expect(await cli('nonsense')).toMatchObject({ code: 2, stderr: expect.stringMatching(/Usage: npm run cli -- <subcommand>[\s\S]*metrics /) as string });
  }, 60_000);
});
