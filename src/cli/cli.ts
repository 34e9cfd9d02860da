// `npm run cli -- <subcommand> ...`: the bot's command-line tools, one module per subcommand.
import { runMetricsCommand } from './metrics-command.js';

type Subcommand = (argv: readonly string[]) => Promise<number>;

const SUBCOMMANDS: Readonly<Record<string, Subcommand>> = {
  metrics: runMetricsCommand,
};

const [name, ...rest] = process.argv.slice(2);
const run = name === undefined ? undefined : SUBCOMMANDS[name];
if (!run) {
  console.error(`Usage: npm run cli -- <${Object.keys(SUBCOMMANDS).join('|')}> ...`);
  process.exitCode = 2;
} else {
  process.exitCode = await run(rest);
}
