import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  ConfigError,
  LOCAL_SECRET,
  LOCAL_SLACK_BOT_TOKEN,
  LOCAL_SLACK_SIGNING_SECRET,
  loadConfig,
  loadEnvironmentFile,
} from '../../src/config.js';

/** The problems loadConfig reports for an environment; fails the test if it accepts the environment. */
function problemsOf(env: NodeJS.ProcessEnv): readonly string[] {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).problems;
  }
  throw new Error(`expected a ConfigError for ${JSON.stringify(env)}`);
}

const slackHttp = { SLACK_BOT_TOKEN: 'xoxb-123-456-abc', SLACK_SIGNING_SECRET: 'signing-secret' };
const teams = { MICROSOFT_APP_ID: 'app-id', MICROSOFT_APP_PASSWORD: 'app-password', MICROSOFT_APP_TENANT_ID: 'tenant-id' };
/** What production always needs besides platform credentials. */
const production = { NODE_ENV: 'production', COP_SECRET: 'a'.repeat(64), PUBLIC_URL: 'https://cop.example.org' };

describe('loadConfig defaults', () => {
  const config = loadConfig({});

  it('listens on port 3978 with the embedded database in development', () => {
    expect(config.port).toBe(3978);
    expect(config.databaseUrl).toBe('pglite:./data/cop');
    expect(config.environment).toBe('development');
    expect(config.logLevel).toBe('info');
    expect(config.admins).toEqual([]);
  });

  it('serves Slack with the local signing secret, marked as not configured', () => {
    expect(config.slack).toEqual({
      configured: false,
      signingSecret: LOCAL_SLACK_SIGNING_SECRET,
      botToken: LOCAL_SLACK_BOT_TOKEN,
      appToken: undefined,
      apiUrl: undefined,
    });
  });

  it('serves Teams unauthenticated (no app id)', () => {
    expect(config.teams).toBeDefined();
    expect(config.teams?.appId).toBeUndefined();
    expect(config.teams?.appPassword).toBeUndefined();
  });

  it('treats variables set to blank text as unset', () => {
    const blank = loadConfig({ SLACK_SIGNING_SECRET: '  ', SLACK_BOT_TOKEN: '', MICROSOFT_APP_ID: '' });
    expect(blank.slack?.configured).toBe(false);
    expect(blank.teams?.appId).toBeUndefined();
  });

  // Fails at the time of writing: z.coerce.number turns '' into 0, so `PORT=` (an empty line in a .env
  // file, or `PORT=${PORT}` in compose) silently listens on a random port instead of 3978.
  it('treats an empty PORT as unset rather than as port 0', () => {
    expect(loadConfig({ PORT: '' }).port).toBe(3978);
  });
});

describe('loadConfig values', () => {
  it('reads PORT, DATABASE_URL, NODE_ENV and LOG_LEVEL', () => {
    const config = loadConfig({ PORT: '8080', DATABASE_URL: 'postgresql://cop@db:5432/cop', NODE_ENV: 'test', LOG_LEVEL: 'debug' });
    expect(config).toMatchObject({ port: 8080, databaseUrl: 'postgresql://cop@db:5432/cop', environment: 'test', logLevel: 'debug' });
  });

  it('accepts pglite:memory and postgres:// database URLs', () => {
    expect(loadConfig({ DATABASE_URL: 'pglite:memory' }).databaseUrl).toBe('pglite:memory');
    expect(loadConfig({ DATABASE_URL: 'postgres://u@h/d' }).databaseUrl).toBe('postgres://u@h/d');
  });

  it('splits COP_ADMINS on commas and spaces, ignoring empty entries', () => {
    expect(loadConfig({ COP_ADMINS: 'U111, U222  U333,,\tU444 ,' }).admins).toEqual(['U111', 'U222', 'U333', 'U444']);
  });

  it('loads the demo metrics outside production unless COP_DEMO_DATA is false, and in production only when asked', () => {
    expect(loadConfig({ ...production, ...slackHttp }).demoData).toBe(false);
    expect(loadConfig({ ...production, ...slackHttp, COP_DEMO_DATA: 'true' }).demoData).toBe(true);
    expect(loadConfig({}).demoData).toBe(true);
    expect(loadConfig({ COP_DEMO_DATA: 'false' }).demoData).toBe(false);
    expect(() => loadConfig({ COP_DEMO_DATA: 'no' })).toThrow('COP_DEMO_DATA must be true or false');
  });

  it('lets the heap grow 50% past live data unless COP_HEAP_GROWTH_PERCENT says otherwise (0 to 300)', () => {
    expect(loadConfig({}).heapGrowthPercent).toBe(50);
    expect(loadConfig({ COP_HEAP_GROWTH_PERCENT: '0' }).heapGrowthPercent).toBe(0);
    expect(loadConfig({ COP_HEAP_GROWTH_PERCENT: '120' }).heapGrowthPercent).toBe(120);
    expect(() => loadConfig({ COP_HEAP_GROWTH_PERCENT: '500' })).toThrow('COP_HEAP_GROWTH_PERCENT must be a whole number from 0 to 300');
    expect(() => loadConfig({ COP_HEAP_GROWTH_PERCENT: 'lots' })).toThrow('COP_HEAP_GROWTH_PERCENT must be a whole number from 0 to 300');
  });

  it('ends SLACK_API_URL with a slash', () => {
    expect(loadConfig({ SLACK_API_URL: 'http://127.0.0.1:4000/api' }).slack?.apiUrl).toBe('http://127.0.0.1:4000/api/');
    expect(loadConfig({ SLACK_API_URL: 'https://slack.example/api/' }).slack?.apiUrl).toBe('https://slack.example/api/');
  });
});

describe('loadConfig refuses wrong values with one line naming the variable', () => {
  it.each([
    ['PORT', 'not-a-number'],
    ['PORT', '3.5'],
    ['PORT', '70000'],
    ['PORT', '-1'],
    ['DATABASE_URL', 'mysql://localhost/cop'],
    ['DATABASE_URL', 'pglite:'],
    ['NODE_ENV', 'staging'],
    ['LOG_LEVEL', 'verbose'],
    ['SLACK_API_URL', 'not a url'],
    ['SLACK_API_URL', 'ftp://slack.example/api'],
    ['MICROSOFT_APP_TYPE', 'Tenantless'],
  ])('%s=%s', (name, value) => {
    const problems = problemsOf({ [name]: value });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(new RegExp(`^${name} `));
  });

  it('SLACK_BOT_TOKEN that is not a bot token (xoxp- user token)', () => {
    const problems = problemsOf({ ...slackHttp, SLACK_BOT_TOKEN: 'xoxp-123-456' });
    expect(problems).toEqual([expect.stringMatching(/^SLACK_BOT_TOKEN .*xoxb-/)]);
  });

  it('SLACK_APP_TOKEN that is not an app-level token', () => {
    const problems = problemsOf({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xoxb-2' });
    expect(problems).toEqual([expect.stringMatching(/^SLACK_APP_TOKEN .*xapp-/)]);
  });

  it('the error message lists every problem on a line of its own', () => {
    try {
      loadConfig({ PORT: '99999', LOG_LEVEL: 'loud' });
      expect.unreachable('expected a ConfigError');
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const lines = (error as ConfigError).message.split('\n');
      expect(lines[0]).toBe('Configuration problems:');
      expect(lines.slice(1)).toEqual([expect.stringMatching(/^ {2}- PORT /), expect.stringMatching(/^ {2}- LOG_LEVEL /)]);
    }
  });
});

describe('loadConfig reports several problems at once', () => {
  it('gives one line per wrong value', () => {
    const problems = problemsOf({
      ...slackHttp,
      PORT: '70000',
      DATABASE_URL: 'sqlite:cop.db',
      SLACK_BOT_TOKEN: 'xoxp-user-token',
      SLACK_API_URL: 'nope',
    });
    const names = problems.map((problem) => problem.split(' ')[0]);
    expect(names).toEqual(['PORT', 'DATABASE_URL', 'SLACK_BOT_TOKEN', 'SLACK_API_URL']);
  });

  // Fails at the time of writing: a value of the wrong type (PORT=abc) stops zod before the cross-variable
  // checks, so the production problem only shows up on the next start-up attempt, contrary to
  // config.ts's promise that "one start-up attempt shows everything that needs fixing".
  it('reports missing production credentials together with a malformed PORT', () => {
    const problems = problemsOf({ NODE_ENV: 'production', PORT: 'abc' });
    const names = problems.map((problem) => problem.split(' ')[0]);
    expect(names).toEqual(expect.arrayContaining(['PORT', 'NODE_ENV']));
  });
});

describe('loadConfig credentials', () => {
  it('refuses production without any credentials, saying what is needed', () => {
    const problems = problemsOf(production);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^NODE_ENV /);
    expect(problems[0]).toContain('SLACK_BOT_TOKEN');
    expect(problems[0]).toContain('MICROSOFT_APP_ID');
  });

  it('in production with only Slack credentials, serves Slack and not Teams', () => {
    const config = loadConfig({ ...production, ...slackHttp });
    expect(config.slack).toEqual({
      configured: true,
      signingSecret: 'signing-secret',
      botToken: 'xoxb-123-456-abc',
      appToken: undefined,
      apiUrl: undefined,
    });
    expect(config.teams).toBeUndefined();
  });

  it('in production with only Teams credentials, serves Teams and not Slack', () => {
    const config = loadConfig({ ...production, ...teams, PUBLIC_URL: 'https://cop.example.org' });
    expect(config.publicUrl).toBe('https://cop.example.org/');
    expect(config.slack).toBeUndefined();
    expect(config.teams).toEqual({
      appId: 'app-id',
      appPassword: 'app-password',
      tenantId: 'tenant-id',
      appType: 'SingleTenant',
      federatedIdentity: undefined,
      cloud: 'Public',
      openIdMetadataUrl: undefined,
    });
  });

  it('checks each Teams app type has what it signs in with, and no secret where it needs none', () => {
    const base = { MICROSOFT_APP_ID: 'app-id', MICROSOFT_APP_TENANT_ID: 'tenant-id' };
    expect(loadConfig({ ...base, MICROSOFT_APP_TYPE: 'UserAssignedMSI' }).teams?.appType).toBe('UserAssignedMSI');
    expect(problemsOf({ ...base, MICROSOFT_APP_TYPE: 'UserAssignedMSI', MICROSOFT_APP_PASSWORD: 'x' })).toEqual([
      'MICROSOFT_APP_PASSWORD must not be set with MICROSOFT_APP_TYPE=UserAssignedMSI: that type signs in without a secret',
    ]);
    expect(problemsOf({ ...base, MICROSOFT_APP_TYPE: 'FederatedCredentials' })).toEqual([
      'MICROSOFT_FEDERATED_IDENTITY is required with MICROSOFT_APP_TYPE=FederatedCredentials: the client id of the managed identity, or system',
    ]);
    expect(
      loadConfig({ ...base, MICROSOFT_APP_TYPE: 'FederatedCredentials', MICROSOFT_FEDERATED_IDENTITY: 'system' }).teams?.federatedIdentity,
    ).toBe('system');
    expect(problemsOf({ ...base, MICROSOFT_APP_PASSWORD: 's', MICROSOFT_CLOUD: 'Mars' })).toEqual([
      'MICROSOFT_CLOUD must be Public, USGov, USGovDoD or China',
    ]);
  });

  it('needs a COP_SECRET of at least 32 characters in production, and uses a fixed local one elsewhere', () => {
    expect(problemsOf({ ...production, COP_SECRET: '', ...slackHttp })).toEqual([
      'COP_SECRET is required in production: a random secret of at least 32 characters (e.g. openssl rand -hex 32) that keys the stored hashes of linking codes',
    ]);
    expect(problemsOf({ COP_SECRET: 'short' })).toEqual(['COP_SECRET must be at least 32 characters']);
    expect(loadConfig({}).secret).toBe(LOCAL_SECRET);
    expect(loadConfig({ COP_SECRET: 'b'.repeat(40) }).secret).toBe('b'.repeat(40));
  });

  it('needs an https PUBLIC_URL in production, and takes http elsewhere', () => {
    expect(problemsOf({ ...production, PUBLIC_URL: 'http://cop.example.org', ...teams })).toEqual([
      'PUBLIC_URL must be https:// in production: calendar files and download links carry tokens that must not cross the network in clear',
    ]);
    expect(loadConfig({ PUBLIC_URL: 'http://localhost:3000' }).publicUrl).toBe('http://localhost:3000/');
  });

  it('needs PUBLIC_URL in production, where calendar and download links must reach the bot', () => {
    expect(problemsOf({ ...production, PUBLIC_URL: '', ...teams })).toEqual([
      "PUBLIC_URL is required in production: calendar files and download links must point at the bot's public address",
    ]);
    expect(problemsOf({ ...teams, PUBLIC_URL: 'ftp://cop.example.org' })).toEqual(['PUBLIC_URL must be an http:// or https:// URL']);
    expect(loadConfig({}).publicUrl).toBeUndefined();
  });

  it('outside production, real Slack credentials are marked configured and Teams stays available', () => {
    const config = loadConfig(slackHttp);
    expect(config.slack?.configured).toBe(true);
    expect(config.teams).toBeDefined();
  });

  it('refuses a Slack signing secret without a bot token', () => {
    expect(problemsOf({ SLACK_SIGNING_SECRET: 'secret' })).toEqual([expect.stringMatching(/^SLACK_BOT_TOKEN /)]);
  });

  it('refuses a Slack bot token over HTTP without a signing secret', () => {
    expect(problemsOf({ SLACK_BOT_TOKEN: 'xoxb-1' })).toEqual([expect.stringMatching(/^SLACK_SIGNING_SECRET .*SLACK_APP_TOKEN/)]);
  });

  it('SLACK_APP_TOKEN selects Socket Mode, which needs no signing secret', () => {
    const config = loadConfig({ ...production, SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1-A1-abc' });
    expect(config.slack?.configured).toBe(true);
    expect(config.slack?.appToken).toBe('xapp-1-A1-abc');
    expect(config.slack?.botToken).toBe('xoxb-1');
  });

  it('refuses MICROSOFT_APP_ID without MICROSOFT_APP_PASSWORD', () => {
    const problems = problemsOf({ MICROSOFT_APP_ID: 'app-id', MICROSOFT_APP_TENANT_ID: 'tenant-id' });
    expect(problems).toEqual([expect.stringMatching(/^MICROSOFT_APP_PASSWORD .*MICROSOFT_APP_ID/)]);
  });

  it('needs a tenant id for a single-tenant Teams app but not for a multi-tenant one', () => {
    const single = problemsOf({ MICROSOFT_APP_ID: 'app-id', MICROSOFT_APP_PASSWORD: 'pw' });
    expect(single).toEqual([expect.stringMatching(/^MICROSOFT_APP_TENANT_ID .*SingleTenant/)]);
    const multi = loadConfig({ MICROSOFT_APP_ID: 'app-id', MICROSOFT_APP_PASSWORD: 'pw', MICROSOFT_APP_TYPE: 'MultiTenant' });
    expect(multi.teams).toMatchObject({ appId: 'app-id', tenantId: undefined, appType: 'MultiTenant' });
  });

  it('a user-assigned managed identity needs no app password', () => {
    const config = loadConfig({ MICROSOFT_APP_ID: 'app-id', MICROSOFT_APP_TENANT_ID: 't', MICROSOFT_APP_TYPE: 'UserAssignedMSI' });
    expect(config.teams).toMatchObject({ appId: 'app-id', appPassword: undefined, appType: 'UserAssignedMSI' });
  });
});

describe('loadEnvironmentFile', () => {
  it('reads a .env file into the environment, leaving variables already set as they are', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'cop-env-'));
    const file = join(folder, 'cop.env');
    await writeFile(file, 'COP_TEST_FROM_FILE=file\nCOP_TEST_SET_BOTH=file\n# a comment\n');
    const env = { COP_ENV_FILE: file };
    process.env['COP_TEST_SET_BOTH'] = 'environment';
    try {
      expect(loadEnvironmentFile(env)).toBe(file);
      expect(process.env['COP_TEST_FROM_FILE']).toBe('file');
      expect(process.env['COP_TEST_SET_BOTH']).toBe('environment');
      expect(() => loadEnvironmentFile({ COP_ENV_FILE: join(folder, 'missing.env') })).toThrow('COP_ENV_FILE names');
    } finally {
      delete process.env['COP_TEST_FROM_FILE'];
      delete process.env['COP_TEST_SET_BOTH'];
      await rm(folder, { recursive: true, force: true });
    }
  });
});
