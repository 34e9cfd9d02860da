// `npm run cli -- <subcommand> ...`: the admin command line. Each subcommand is a module of its own,
// loaded only when named; add one by adding a line to SUBCOMMANDS.

import { ConfigError, loadEnvironmentFile } from '../config.js';
import type { Subcommand } from './subcommand.js';

const SUBCOMMANDS: Readonly<Record<string, () => Promise<{ subcommand: Subcommand }>>> = {
  cases: () => import('./commands/cases.js'),
  db: () => import('./commands/db.js'),
  metrics: () => import('./commands/metrics.js'),
};

async function main(argv: readonly string[]): Promise<number> {
  const [name, ...args] = argv;
  const load = name === undefined ? undefined : SUBCOMMANDS[name];
  if (!load) {
    const lines = await Promise.all(
      Object.entries(SUBCOMMANDS).map(async ([key, module]) => `  ${key.padEnd(10)} ${(await module()).subcommand.description}`),
    );
    console.error(`Usage: npm run cli -- <subcommand> ...\n\nSubcommands:\n${lines.join('\n')}`);
    return name === undefined || name === 'help' || name === '--help' ? 0 : 2;
  }
  try {
    return await (await load()).subcommand.run(args);
  } catch (error) {
    // The embedded database is held by a process this command cannot reach: say so, in one line.
    // (By name: the database module is loaded only by the subcommands that need it.)
    if (!(error instanceof Error) || error.name !== 'DatabaseInUseError') throw error;
    console.error(error.message);
    return 1;
  }
}

try {
  loadEnvironmentFile();
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  // A configuration problem is the operator's to fix: say what it is, without a stack trace.
  if (!(error instanceof ConfigError)) throw error;
  console.error(error.message);
  process.exitCode = 1;
}
