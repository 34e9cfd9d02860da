// `npm run cli -- metrics import`: the command line a data lead runs, as a real process.
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/database.js';
import { dropTestSchema, testDatabase } from '../support/test-database.js';

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
  await dropTestSchema(target);
});

describe('npm run cli -- metrics import', () => {
  it('imports a file and prints the report', async () => {
    const result = await cli('metrics', 'import', 'test/fixtures/metrics/nhs-turnover-transfer.csv');
    expect(result.stdout).toContain('Imported 24 rows from nhs-turnover-transfer.csv (nhs-turnover layout) for April 2024 to March 2025.');
    expect(result.code).toBe(0);
  }, 60_000);

  it('rejects a bad file with each line and reason, exiting 1; --skip-invalid imports the rest', async () => {
    const path = join(folder, 'bad.csv');
    await writeFile(
      path,
      'period,org_code,staff_group,headcount_end,leavers,joiners\n2025-01,RJ1,All staff groups,100,-2,1\n2025-02,RJ1,All staff groups,100,2,1\n',
    );
    const rejected = await cli('metrics', 'import', path);
    expect(rejected.code).toBe(1);
    expect(rejected.stdout).toContain('Nothing was imported from bad.csv');
    expect(rejected.stdout).toContain('Line 2: leavers must not be negative');
    const skipped = await cli('metrics', 'import', path, '--skip-invalid');
    expect(skipped.code).toBe(0);
    expect(skipped.stdout).toContain('Imported 1 row from bad.csv');
    expect(skipped.stdout).toContain('Line 2: leavers must not be negative');
  }, 60_000);

  it('explains its usage and a missing file', async () => {
    expect(await cli('metrics')).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('Usage: npm run cli -- metrics import <file.csv> [--skip-invalid]') as string,
    });
    expect(await cli('metrics', 'import', 'no-such-file.csv')).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('Cannot read no-such-file.csv') as string,
    });
    expect(await cli('nonsense')).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/Usage: npm run cli -- <subcommand>[\s\S]*metrics /) as string,
    });
  }, 60_000);
});

describe('npm run cli -- metrics exemplars', () => {
  /** The cohorts stored, read after the command has ended (PGlite serves one process at a time). */
  async function exemplars(): Promise<Record<string, number | null>> {
    const database = await openDatabase(databaseUrl);
    try {
      const rows = await database.prisma.organisation.findMany({
        where: { odsCode: { in: ['RJ1', 'RJZ', 'RTX'] } },
        select: { odsCode: true, exemplarCohort: true },
      });
      return Object.fromEntries(rows.map((row) => [row.odsCode!, row.exemplarCohort]));
    } finally {
      await database.close();
    }
  }

  it('rejects a file with bad rows whole, each with its line and reason, and changes nothing', async () => {
    const path = join(folder, 'exemplars-bad.csv');
    await writeFile(path, '\uFEFForg_code,cohort\r\nRJ1,1\r\nZZZZ9,1\r\nRJZ,0\r\nRJ1,2\r\nRTX,one\r\n');
    const result = await cli('metrics', 'exemplars', path);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('Nothing was changed from exemplars-bad.csv: rows with problems, listed below: 4.');
    expect(result.stdout).toContain('Line 3: ZZZZ9 is not in the organisation list');
    expect(result.stdout).toContain('Line 4: cohort must be a whole number from 1 to 99, or blank for not an exemplar');
    expect(result.stdout).toContain('Line 5: RJ1 is already on line 2');
    expect(result.stdout).toContain('Line 6: cohort must be a whole number from 1 to 99');
    expect(await exemplars()).toEqual({ RJ1: null, RJZ: null, RTX: null });

    const header = join(folder, 'exemplars-header.csv');
    await writeFile(header, 'code,cohort\nRJ1,1\n');
    expect((await cli('metrics', 'exemplars', header)).stdout).toContain('Line 1: the header needs the columns org_code');
  }, 60_000);

  it('marks the organisations listed, a blank cohort unmarks, and marking again changes nothing', async () => {
    const path = join(folder, 'exemplars.csv');
    await writeFile(path, 'org_code,cohort\nrj1,1\nRTX,3\n');
    const first = await cli('metrics', 'exemplars', path);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain(
      'From exemplars.csv: 2 marked as People Promise exemplars, 0 marked as not exemplars; 2 organisations changed',
    );
    expect((await cli('metrics', 'exemplars', path)).stdout).toContain('; 0 organisations changed');
    await writeFile(path, 'org_code,cohort\nRTX,\n');
    expect((await cli('metrics', 'exemplars', path)).stdout).toContain(
      '0 marked as People Promise exemplars, 1 marked as not exemplars; 1 organisation changed',
    );
    expect(await exemplars()).toEqual({ RJ1: 1, RJZ: null, RTX: null });
  }, 60_000);
});
