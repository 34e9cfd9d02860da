// Starts CoP Bot: reads the configuration, opens the database, applies migrations and serves Slack and
// Teams on one port. Stops cleanly on SIGINT and SIGTERM.
import { startBot } from './app/bot.js';
import { ConfigError, loadConfig, loadEnvironmentFile } from './config.js';
import { limitHeapGrowth } from './app/heap-growth.js';
import { startMemoryReports } from './app/memory-report.js';
import { createLogger } from './logger.js';

async function main(): Promise<void> {
  let config;
  try {
    loadEnvironmentFile();
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  limitHeapGrowth(config.heapGrowthPercent);
  const logger = createLogger(config.logLevel, process.stdout.isTTY && config.environment !== 'production');
  const bot = await startBot(config, logger);
  if (config.memoryReportSeconds !== undefined) startMemoryReports(config.memoryReportSeconds);
  const platforms = [
    config.slack &&
      `Slack (${config.slack.appToken ? 'Socket Mode' : 'POST /slack/events'}${config.slack.configured ? '' : ', local signing secret'})`,
    config.teams && `Teams (POST /api/messages${config.teams.appId ? '' : ', unauthenticated'})`,
  ].filter(Boolean);
  logger.info({ port: bot.port, database: bot.database.kind, platforms }, `CoP Bot listening on port ${bot.port}`);
  try {
    await bot.ready;
    logger.info('ready');
  } catch {
    // Already logged with its cause; a bot that cannot migrate its database must not keep running.
    await bot.stop();
    process.exit(1);
  }

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'stopping');
    await bot.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error('CoP Bot could not start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
