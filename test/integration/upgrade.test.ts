// Upgrades: migrations run forward at start. A database is built by the oldest migrations only (the
// first three: reference tables, organisations, members) and filled with SQL as that version would have
// left it; then the bot starts on it as `npm start` does, applies every later migration, and the rows
// are still there and readable through the current schema. On PGlite (a folder) and on the server (a schema).
import { cp, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBot } from '../../src/app/bot.js';
import { loadConfig } from '../../src/config.js';
import { openDatabase } from '../../src/db/database.js';
import { migrationNames } from '../../src/db/migrations.js';
import { MIGRATIONS_DIR } from '../../src/db/paths.js';
import { createLogger } from '../../src/logger.js';
import { dropTestSchema, testDatabase } from '../support/test-database.js';

const OLDEST = 3;
const target = testDatabase();
let work: string;
let databaseUrl: string;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'cop-upgrade-'));
  databaseUrl = target.kind === 'pglite' ? `pglite:${join(work, 'cop')}` : target.url;
});
afterAll(async () => {
  await dropTestSchema(target);
  await rm(work, { recursive: true, force: true });
});

/** A folder with only the first `count` migrations, as an early release shipped them. */
async function oldMigrations(count: number): Promise<string> {
  const dir = join(work, 'migrations');
  await mkdir(dir);
  for (const name of (await migrationNames()).slice(0, count)) await cp(join(MIGRATIONS_DIR, name), join(dir, name), { recursive: true });
  await cp(join(MIGRATIONS_DIR, 'migration_lock.toml'), join(dir, 'migration_lock.toml'));
  return dir;
}

describe('upgrading a database made by the oldest migrations', () => {
  it('keeps its data when the bot starts and migrates it forward', async () => {
    const all = await migrationNames();
    expect(all.length).toBeGreaterThan(OLDEST);

    const old = await openDatabase(databaseUrl, { role: 'upgrade test' });
    try {
      expect(await old.migrate(await oldMigrations(OLDEST))).toEqual(all.slice(0, OLDEST));
      const client = await old.connect();
      try {
        await client.query(`INSERT INTO "Region" (code, name, nation, "sortOrder") VALUES ('Y56', 'London', 'england', 2)`);
        await client.query(
          `INSERT INTO "Member" (id, status, "displayName", "regionCode", role, "staffGroups", "promiseElements", "inDirectory", "updatedAt")
           VALUES ('m-old', 'active', 'Sam Taylor-Ó Briain', 'Y56', 'retention_lead', '{}', '{}', true, now())`,
        );
        await client.query(
          `INSERT INTO "PlatformIdentity" (id, "memberId", platform, "workspaceId", "userId") VALUES ('p-old', 'm-old', 'slack', 'T0OLD', 'U0OLD')`,
        );
      } finally {
        client.release();
      }
    } finally {
      await old.close();
    }

    const config = loadConfig({ PORT: '0', NODE_ENV: 'test', LOG_LEVEL: 'silent', DATABASE_URL: databaseUrl, COP_DEMO_DATA: 'false' });
    const bot = await startBot(config, createLogger(config.logLevel));
    try {
      await bot.ready;
      expect(await bot.database.readinessProblem()).toBeUndefined();
      const member = await bot.database.prisma.member.findUnique({ where: { id: 'm-old' }, include: { identities: true } });
      expect(member).toMatchObject({ displayName: 'Sam Taylor-Ó Briain', regionCode: 'Y56', role: 'retention_lead', inDirectory: true });
      expect(member?.identities.map((identity) => [identity.platform, identity.workspaceId, identity.userId])).toEqual([
        ['slack', 'T0OLD', 'U0OLD'],
      ]);
      const applied = await bot.database.prisma.$queryRaw<
        { n: bigint }[]
      >`SELECT count(*) AS n FROM _prisma_migrations WHERE finished_at IS NOT NULL`;
      expect(Number(applied[0]?.n)).toBe(all.length);
    } finally {
      await bot.stop();
    }
  }, 300_000);
});
