// One bot process of the multi-process digest test (digest-schedule.ts starts three): the real bot
// (startBot, as `npm start` runs it) on the PostgreSQL schema it is given, whose digest job is run at
// the simulated minutes the parent sends. Talks to the parent over the IPC channel of `fork`.
import { startBot } from '../../src/app/bot.js';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/logger.js';

type Command = { readonly tick: string } | { readonly stop: true };

const config = loadConfig(process.env);
const bot = await startBot(config, createLogger(config.logLevel));
await bot.ready;
process.send?.({ ready: true, url: `http://127.0.0.1:${bot.port}` });

process.on('message', (command: Command) => {
  void (async () => {
    if ('stop' in command) {
      await bot.stop();
      process.send?.({ stopped: true }, () => process.exit(0));
      return;
    }
    // The job with the simulated time, then every message it queued sent before the next minute.
    const result = await bot.runDigestJobs(new Date(command.tick));
    await bot.drainOutbox();
    process.send?.({ ticked: command.tick, posted: result.posted });
  })().catch((error: unknown) => {
    process.send?.({ failed: error instanceof Error ? error.message : String(error) });
  });
});
