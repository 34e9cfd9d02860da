// What a subcommand module of `npm run cli` exports (see cli.ts).

export interface Subcommand {
  /** One line for the usage list. */
  readonly description: string;
  /** Does the work with the words after the subcommand's name; returns the exit code. */
  run(args: readonly string[]): Promise<number>;
}
