// The layers, checked on every `npm test` with dependency-cruiser (a tool nobody here wrote) over what
// TypeScript really imports, type-only imports included:
// - no import cycles anywhere in src;
// - src/core imports only its own files and an allowlist of plain libraries: no platform SDK, database,
//   server, logger or Node API beyond `crypto`;
// - storage (src/db) never imports an adapter, and the adapters never import storage;
// - each platform's SDK stays inside its adapter, so an SDK move stays there.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cruise, type IForbiddenRuleType, type IViolation } from 'dependency-cruiser';
import { afterAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));

/** The libraries core may use: pure computation (validation, dates, recurrence, calendar files, CSV, fuzzy matching). */
const CORE_LIBRARIES = [
  'zod',
  'luxon',
  'temporal-polyfill',
  'rrule-temporal',
  'cron-parser',
  'ical-generator',
  '@touch4it/ical-timezones',
  'fastest-levenshtein',
  'papaparse',
  'p-limit',
];
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const ADAPTERS = '^src/(slack|teams|server|app|cli|dev)/';

export const RULES: IForbiddenRuleType[] = [
  { name: 'no-cycles', severity: 'error', from: { path: '^src/' }, to: { circular: true } },
  {
    name: 'core-allowlist',
    comment: 'core imports only its own files, the listed libraries and node:crypto',
    severity: 'error',
    from: { path: '^src/core/' },
    to: { pathNot: ['^src/core/', `^node_modules/(${CORE_LIBRARIES.map(escape).join('|')})/`, '^(node:)?crypto$'] },
  },
  { name: 'db-not-adapters', severity: 'error', from: { path: '^src/db/' }, to: { path: [ADAPTERS, '^src/(main|logger)\\.ts$'] } },
  {
    name: 'adapters-not-db',
    severity: 'error',
    from: { path: '^src/(slack|teams)/' },
    to: { path: ['^src/(db|generated)/', '^node_modules/(@prisma|prisma|@electric-sql|pg)/'] },
  },
  { name: 'teams-sdk-in-teams', severity: 'error', from: { pathNot: '^src/teams/' }, to: { path: '^(node_modules/)?@microsoft/' } },
  { name: 'slack-sdk-in-slack', severity: 'error', from: { pathNot: '^src/(slack|dev)/' }, to: { path: '^(node_modules/)?@slack/' } },
];

async function violations(baseDir: string, tsConfig?: string): Promise<IViolation[]> {
  const result = await cruise(
    ['src'],
    {
      baseDir,
      validate: true,
      ruleSet: { forbidden: RULES },
      tsPreCompilationDeps: true,
      doNotFollow: { path: 'node_modules' },
      exclude: { path: '^src/generated/' },
      ...(tsConfig ? { tsConfig: { fileName: tsConfig } } : {}),
    },
    { extensionAlias: { '.js': ['.ts', '.js'] } },
  );
  if (typeof result.output === 'string') throw new Error('dependency-cruiser returned text, not a result');
  return [...result.output.summary.violations];
}

const describeViolation = (violation: IViolation) =>
  `${violation.rule.name}: ${violation.from} → ${violation.to}${violation.cycle ? ` (${violation.cycle.map((step) => step.name).join(' → ')})` : ''}`;

describe('the architecture', () => {
  it('has no import cycles and keeps every layer to its allowed imports', async () => {
    const found = await violations(root, join(root, 'tsconfig.json'));
    expect(found.map(describeViolation)).toEqual([]);
  }, 120_000);
});

describe('the architecture check itself', () => {
  const fixture = mkdtempSync(join(tmpdir(), 'cop-architecture-'));
  afterAll(() => rmSync(fixture, { recursive: true, force: true }));
  const write = (path: string, text: string) => {
    mkdirSync(dirname(join(fixture, path)), { recursive: true });
    writeFileSync(join(fixture, path), text);
  };

  it('reports a cycle, a core import of storage, a storage import of an adapter and an SDK outside its adapter', async () => {
    write('src/core/a.ts', "import { b } from './b.js';\nexport const a = () => b;\n");
    write('src/core/b.ts', "import type { a } from './a.js';\nexport const b: typeof a | undefined = undefined;\n");
    write(
      'src/core/c.ts',
      "import { store } from '../db/store.js';\nimport { readFileSync } from 'node:fs';\nexport const c = [store, readFileSync];\n",
    );
    write('src/db/store.ts', "import { send } from '../slack/send.js';\nexport const store = send;\n");
    write('src/slack/send.ts', 'export const send = 1;\n');
    write('src/server/route.ts', "import { App } from '@slack/bolt';\nexport const route = App;\n");
    write('tsconfig.json', JSON.stringify({ compilerOptions: { module: 'NodeNext', moduleResolution: 'NodeNext', baseUrl: '.' } }));
    const found = (await violations(fixture, join(fixture, 'tsconfig.json'))).map(
      (violation) => `${violation.rule.name}: ${violation.from} → ${violation.to}`,
    );
    expect(found).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^no-cycles: src\/core\/(a|b)\.ts/),
        'core-allowlist: src/core/c.ts → src/db/store.ts',
        expect.stringMatching(/^core-allowlist: src\/core\/c\.ts → (node:)?fs$/),
        'db-not-adapters: src/db/store.ts → src/slack/send.ts',
        expect.stringMatching(/^slack-sdk-in-slack: src\/server\/route\.ts → /),
      ]),
    );
  }, 60_000);
});
