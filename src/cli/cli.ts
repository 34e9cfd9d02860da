// `npm run cli -- <subcommand> ...`: the admin command line. Each subcommand is a module of its own,
// loaded only when named; add one by adding a line to SUBCOMMANDS.

/** What a subcommand module exports: its one-line description and what it does with its words. */
export interface Subcommand {
  readonly description: string;
  run(args: readonly string[]): Promise<number>;
}

const SUBCOMMANDS: Readonly<Record<string, () => Promise<{ subcommand: Subcommand }>>> = {
  cases: () => import('./commands/cases.js'),
  metrics: () => import('./commands/metrics.js'),
};

async function main(argv: readonly string[]): Promise<number> {
  const [name, ...args] = argv;
  const load = name === undefined ? undefined : SUBCOMMANDS[name];
  if (!load) {
    const lines = await Promise.all(Object.entries(SUBCOMMANDS).map(async ([key, module]) => `  ${key.padEnd(10)} ${(await module()).subcommand.description}`));
    console.error(`Usage: npm run cli -- <subcommand> ...\n\nSubcommands:\n${lines.join('\n')}`);
    return name === undefined || name === 'help' || name === '--help' ? 0 : 2;
  }
  return (await load()).subcommand.run(args);
}

process.exitCode = await main(process.argv.slice(2));
