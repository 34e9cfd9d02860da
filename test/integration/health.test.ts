// Liveness and readiness over HTTP, on the real server and database.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBot } from '../../src/app/bot.js';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/logger.js';
import { startTestBot, type TestBot } from '../support/test-bot.js';

let harness: TestBot;

beforeAll(async () => {
  harness = await startTestBot();
});
afterAll(async () => {
  await harness?.stop();
});

describe('health endpoints', () => {
  it('answers /healthz while the process runs', async () => {
    const response = await fetch(`${harness.url}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  it('answers /readyz with 200 once the database answers and migrations are applied', async () => {
    const response = await fetch(`${harness.url}/readyz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ready', platforms: { slack: { state: 'http' } } });
  });

  it('answers /readyz with 503 and the reason when a migration is not applied', async () => {
    const prisma = harness.bot.database.prisma;
    const [row] = await prisma.$queryRaw<{ migration_name: string }[]>`SELECT migration_name FROM _prisma_migrations LIMIT 1`;
    await prisma.$executeRaw`UPDATE _prisma_migrations SET rolled_back_at = now() WHERE migration_name = ${row?.migration_name}`;
    try {
      const response = await fetch(`${harness.url}/readyz`);
      expect(response.status).toBe(503);
      expect(await response.json()).toEqual({
        status: 'not ready',
        reason: `migrations pending: ${row?.migration_name}`,
        platforms: { slack: { state: 'http' } },
      });
    } finally {
      await prisma.$executeRaw`UPDATE _prisma_migrations SET rolled_back_at = NULL WHERE migration_name = ${row?.migration_name}`;
    }
  });

  it('answers unknown paths with 404', async () => {
    expect((await fetch(`${harness.url}/nothing-here`)).status).toBe(404);
  });
});

describe('health endpoints when the database cannot be reached', () => {
  it('stays live but not ready, saying why', async () => {
    const config = loadConfig({
      PORT: '0',
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      DATABASE_URL: 'postgresql://postgres@127.0.0.1:1/nothing',
    });
    const bot = await startBot(config, createLogger('silent'));
    try {
      await expect(bot.ready).rejects.toThrow();
      const url = `http://127.0.0.1:${bot.port}`;
      expect((await fetch(`${url}/healthz`)).status).toBe(200);
      const ready = await fetch(`${url}/readyz`);
      expect(ready.status).toBe(503);
      expect(((await ready.json()) as { reason: string }).reason).toMatch(/^start-up failed: /);
    } finally {
      await bot.stop();
    }
  });
});
