// Configuration from environment variables, parsed once at start with zod. Every problem is reported
// on a line of its own so that one start-up attempt shows everything that needs fixing.
import { existsSync } from 'node:fs';
import { z } from 'zod';

/**
 * Reads settings from a `.env` file (`COP_ENV_FILE`, or `.env` in the working folder when it exists)
 * into the environment. A variable already set in the environment wins over the file, so a service
 * manager's settings are never overridden. Returns the file read, if any.
 */
export function loadEnvironmentFile(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const named = env['COP_ENV_FILE']?.trim();
  const file = named || '.env';
  if (!existsSync(file)) {
    if (named) throw new ConfigError([`COP_ENV_FILE names ${named}, which does not exist`]);
    return undefined;
  }
  process.loadEnvFile(file);
  return file;
}

/** Signing secret used only outside production when none is configured, so that `npm run try` works. */
export const LOCAL_SLACK_SIGNING_SECRET = 'cop-bot-local-development-only';
/** Keys linking-code hashes outside production, where COP_SECRET may be left unset. */
export const LOCAL_SECRET = 'cop-bot-local-development-only-not-a-secret';
/** Placeholder bot token for local use: Web API calls then go only to `SLACK_API_URL`, if set. */
export const LOCAL_SLACK_BOT_TOKEN = 'xoxb-cop-bot-local-development-only';

const optionalText = z.string().trim().optional();

const httpUrl = z
  .url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' })
  .transform((value) => (value.endsWith('/') ? value : `${value}/`));

const databaseUrl = z
  .string()
  .trim()
  .refine((value) => /^(pglite:.+|postgres(ql)?:\/\/.+)$/.test(value), {
    error: 'must be pglite:<folder>, pglite:memory, or a postgres:// or postgresql:// URL',
  });

/** A whole number from `min` to `max`, with one message for every way of missing it. */
function wholeNumber(min: number, max: number, error: string) {
  return z.coerce.number({ error }).int({ error }).min(min, { error }).max(max, { error });
}

const environmentSchema = z.object({
  PORT: z.coerce
    .number({ error: 'must be a whole number' })
    .int({ error: 'must be a whole number' })
    .min(0, { error: 'must be between 0 and 65535' })
    .max(65535, { error: 'must be between 0 and 65535' })
    .default(3978),
  DATABASE_URL: databaseUrl.default('pglite:./data/cop'),
  NODE_ENV: z.enum(['development', 'production', 'test'], { error: 'must be development, production or test' }).default('development'),
  LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
      error: 'must be one of fatal, error, warn, info, debug, trace, silent',
    })
    .default('info'),
  SLACK_SIGNING_SECRET: optionalText,
  SLACK_BOT_TOKEN: optionalText.refine((value) => value === undefined || value.startsWith('xoxb-'), {
    error: 'must be a bot token starting with xoxb-',
  }),
  SLACK_APP_TOKEN: optionalText.refine((value) => value === undefined || value.startsWith('xapp-'), {
    error: 'must be an app-level token starting with xapp-',
  }),
  SLACK_API_URL: optionalText.pipe(httpUrl.optional()),
  PUBLIC_URL: optionalText.pipe(httpUrl.optional()),
  COP_SECRET: optionalText.refine((value) => value === undefined || value.length >= 32, { error: 'must be at least 32 characters' }),
  MICROSOFT_APP_ID: optionalText,
  MICROSOFT_APP_PASSWORD: optionalText,
  MICROSOFT_APP_TENANT_ID: optionalText,
  MICROSOFT_APP_TYPE: z
    .enum(['SingleTenant', 'MultiTenant', 'UserAssignedMSI', 'FederatedCredentials'], {
      error: 'must be SingleTenant, MultiTenant, UserAssignedMSI or FederatedCredentials',
    })
    .default('SingleTenant'),
  MICROSOFT_FEDERATED_IDENTITY: optionalText,
  MICROSOFT_CLOUD: z
    .enum(['Public', 'USGov', 'USGovDoD', 'China'], { error: 'must be Public, USGov, USGovDoD or China' })
    .default('Public'),
  MICROSOFT_OPENID_METADATA_URL: optionalText.pipe(z.url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' }).optional()),
  MICROSOFT_LOGIN_URL: optionalText.pipe(z.url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' }).optional()),
  COP_DEMO_DATA: z
    .enum(['true', 'false'], { error: 'must be true or false' })
    .optional()
    .transform((value) => (value === undefined ? undefined : value === 'true')),
  COP_ADMINS: z
    .string()
    .default('')
    .transform((value) =>
      value
        .split(/[\s,]+/)
        .map((id) => id.trim())
        .filter((id) => id !== ''),
    ),
  COP_MEMORY_REPORT_SECONDS: wholeNumber(1, 3600, 'must be a whole number of seconds from 1 to 3600').optional(),
  COP_HEAP_GROWTH_PERCENT: wholeNumber(0, 300, 'must be a whole number from 0 to 300').default(50),
  COP_CALENDAR_NAME: z.string().trim().min(1).max(100).default('CoP Bot'),
  COP_CALENDAR_EMAIL: optionalText.pipe(z.email({ error: 'must be an email address, such as cop-bot@your-trust.nhs.uk' }).optional()),
  COP_EVENT_REMINDERS: z
    .string()
    .default('24h,1h')
    .transform((value, context) => {
      const minutes: number[] = [];
      for (const part of value.split(/[\s,]+/).filter((p) => p !== '')) {
        const match = /^(\d{1,3})(h|m)$/.exec(part);
        const amount = match ? Number(match[1]) * (match[2] === 'h' ? 60 : 1) : 0;
        if (!match || amount < 1 || amount > 14 * 24 * 60) {
          context.addIssue({
            code: 'custom',
            message: 'must be times before the event such as 24h,1h or 30m (at most 14 days), separated by commas',
          });
          return z.NEVER;
        }
        minutes.push(amount);
      }
      return [...new Set(minutes)].sort((a, b) => b - a);
    }),
});

/**
 * Rules that relate variables to each other. They read the raw values, so they are reported together
 * with any malformed value rather than only after every value parses.
 */
function combinationProblems(env: Readonly<Record<string, string>>): string[] {
  const problems: string[] = [];
  const appType = env['MICROSOFT_APP_TYPE'] ?? 'SingleTenant';
  if ((env['SLACK_SIGNING_SECRET'] || env['SLACK_APP_TOKEN']) && !env['SLACK_BOT_TOKEN']) {
    problems.push('SLACK_BOT_TOKEN is required when Slack is configured');
  }
  if (env['SLACK_BOT_TOKEN'] && !env['SLACK_APP_TOKEN'] && !env['SLACK_SIGNING_SECRET']) {
    problems.push('SLACK_SIGNING_SECRET is required for Slack over HTTP (or set SLACK_APP_TOKEN for Socket Mode)');
  }
  const passwordless = appType === 'UserAssignedMSI' || appType === 'FederatedCredentials';
  if (env['MICROSOFT_APP_ID'] && !passwordless && !env['MICROSOFT_APP_PASSWORD']) {
    problems.push('MICROSOFT_APP_PASSWORD is required with MICROSOFT_APP_ID');
  }
  if (env['MICROSOFT_APP_ID'] && passwordless && env['MICROSOFT_APP_PASSWORD']) {
    problems.push(`MICROSOFT_APP_PASSWORD must not be set with MICROSOFT_APP_TYPE=${appType}: that type signs in without a secret`);
  }
  if (appType === 'FederatedCredentials' && env['MICROSOFT_APP_ID'] && !env['MICROSOFT_FEDERATED_IDENTITY']) {
    problems.push(
      'MICROSOFT_FEDERATED_IDENTITY is required with MICROSOFT_APP_TYPE=FederatedCredentials: the client id of the managed identity, or system',
    );
  }
  if (env['MICROSOFT_APP_ID'] && appType !== 'MultiTenant' && !env['MICROSOFT_APP_TENANT_ID']) {
    problems.push(`MICROSOFT_APP_TENANT_ID is required with MICROSOFT_APP_TYPE=${appType}`);
  }
  if (env['NODE_ENV'] === 'production' && !env['COP_SECRET']) {
    problems.push(
      'COP_SECRET is required in production: a random secret of at least 32 characters (e.g. openssl rand -hex 32) that keys the stored hashes of linking codes',
    );
  }
  if (env['NODE_ENV'] === 'production' && !env['PUBLIC_URL']) {
    problems.push("PUBLIC_URL is required in production: calendar files and download links must point at the bot's public address");
  }
  if (env['NODE_ENV'] === 'production' && env['PUBLIC_URL']?.trim().toLowerCase().startsWith('http://')) {
    problems.push(
      'PUBLIC_URL must be https:// in production: calendar files and download links carry tokens that must not cross the network in clear',
    );
  }
  if (env['NODE_ENV'] === 'production' && !env['SLACK_BOT_TOKEN'] && !env['MICROSOFT_APP_ID']) {
    problems.push(
      'NODE_ENV is production, which needs Slack credentials (SLACK_BOT_TOKEN with SLACK_SIGNING_SECRET or SLACK_APP_TOKEN) or Teams credentials (MICROSOFT_APP_ID)',
    );
  }
  return problems;
}

export interface SlackConfig {
  /** Real credentials were given; false means the local development stand-in values. */
  readonly configured: boolean;
  readonly signingSecret: string;
  readonly botToken: string;
  /** Socket Mode when set; HTTP at /slack/events otherwise. */
  readonly appToken: string | undefined;
  readonly apiUrl: string | undefined;
}

export interface TeamsConfig {
  /** Without an app id, activities are accepted unauthenticated (never in production). */
  readonly appId: string | undefined;
  readonly appPassword: string | undefined;
  readonly tenantId: string | undefined;
  /**
   * How the bot gets its outbound tokens: a client secret (SingleTenant, or the legacy MultiTenant), the
   * user-assigned managed identity whose client id is the app id (UserAssignedMSI), or a managed
   * identity as a federated credential of the app registration (FederatedCredentials).
   */
  readonly appType: 'SingleTenant' | 'MultiTenant' | 'UserAssignedMSI' | 'FederatedCredentials';
  /** FederatedCredentials: the managed identity's client id, or `system` for the system-assigned one. */
  readonly federatedIdentity: string | undefined;
  /** The Microsoft cloud the bot is registered in. */
  readonly cloud: 'Public' | 'USGov' | 'USGovDoD' | 'China';
  /** Where inbound tokens' signing keys are published, when not the cloud's own (a local stand-in). */
  readonly openIdMetadataUrl: string | undefined;
  /** Microsoft Entra's login address, where outbound tokens come from, when not the cloud's own (a local stand-in). */
  readonly loginUrl: string | undefined;
}

export interface Config {
  readonly port: number;
  /** The bot's public address (ending in /) for the links it hands out: calendar files, downloads, chart images; http://localhost:<port>/ when unset. */
  readonly publicUrl: string | undefined;
  /** Keys the stored hashes of linking codes; a fixed local value outside production. */
  readonly secret: string;
  readonly databaseUrl: string;
  readonly environment: 'development' | 'production' | 'test';
  readonly logLevel: string;
  /** Undefined when the bot does not serve Slack (production without Slack credentials). */
  readonly slack: SlackConfig | undefined;
  /** Undefined when the bot does not serve Teams (production without a Teams app id). */
  readonly teams: TeamsConfig | undefined;
  /** Platform user ids that start as national admins. */
  readonly admins: readonly string[];
  /** Event reminders, in minutes before the start, largest first. */
  readonly eventReminderMinutes: readonly number[];
  /** The organiser named in calendar files: a name, and an address (by default noreply at the public address's host). */
  readonly calendarOrganizer: { readonly name: string; readonly email: string | undefined };
  /** Load the synthetic demo metrics into a database that has no metrics yet. */
  readonly demoData: boolean;
  /** Every so many seconds, one line of memory figures on standard error (for benchmarks); undefined: none. */
  readonly memoryReportSeconds: number | undefined;
  /** How far V8 lets its heap grow past what was live at its last full collection, in percent; 0: V8's own choice. */
  readonly heapGrowthPercent: number;
}

export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Configuration problems:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Parses the environment; throws ConfigError listing every problem, one line each. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // A variable set to nothing counts as unset, so that `PORT=` means the default, not port 0.
  const given = Object.fromEntries(
    Object.entries(env).filter((entry): entry is [string, string] => entry[1] !== undefined && entry[1].trim() !== ''),
  );
  const parsed = environmentSchema.safeParse(given);
  const problems = [
    ...(parsed.success ? [] : parsed.error.issues.map((issue) => `${issue.path.join('.') || 'environment'} ${issue.message}`)),
    ...combinationProblems(given),
  ];
  if (!parsed.success || problems.length > 0) throw new ConfigError(problems);
  const e = parsed.data;
  const production = e.NODE_ENV === 'production';
  const slackConfigured = e.SLACK_BOT_TOKEN !== undefined;
  return {
    port: e.PORT,
    publicUrl: e.PUBLIC_URL,
    secret: e.COP_SECRET ?? LOCAL_SECRET,
    databaseUrl: e.DATABASE_URL,
    environment: e.NODE_ENV,
    logLevel: e.LOG_LEVEL,
    slack:
      slackConfigured || !production
        ? {
            configured: slackConfigured,
            signingSecret: e.SLACK_SIGNING_SECRET ?? LOCAL_SLACK_SIGNING_SECRET,
            botToken: e.SLACK_BOT_TOKEN ?? LOCAL_SLACK_BOT_TOKEN,
            appToken: e.SLACK_APP_TOKEN,
            apiUrl: e.SLACK_API_URL,
          }
        : undefined,
    teams:
      e.MICROSOFT_APP_ID !== undefined || !production
        ? {
            appId: e.MICROSOFT_APP_ID,
            appPassword: e.MICROSOFT_APP_PASSWORD,
            tenantId: e.MICROSOFT_APP_TENANT_ID,
            appType: e.MICROSOFT_APP_TYPE,
            federatedIdentity: e.MICROSOFT_FEDERATED_IDENTITY,
            cloud: e.MICROSOFT_CLOUD,
            openIdMetadataUrl: e.MICROSOFT_OPENID_METADATA_URL,
            loginUrl: e.MICROSOFT_LOGIN_URL,
          }
        : undefined,
    admins: e.COP_ADMINS,
    eventReminderMinutes: e.COP_EVENT_REMINDERS,
    calendarOrganizer: { name: e.COP_CALENDAR_NAME, email: e.COP_CALENDAR_EMAIL },
    // Synthetic figures help someone trying the bot; a production install shows them only when asked to.
    demoData: e.COP_DEMO_DATA ?? !production,
    memoryReportSeconds: e.COP_MEMORY_REPORT_SECONDS,
    heapGrowthPercent: e.COP_HEAP_GROWTH_PERCENT,
  };
}
