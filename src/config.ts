// Configuration from environment variables, parsed once at start with zod. Every problem is reported
// on a line of its own so that one start-up attempt shows everything that needs fixing.
import { z } from 'zod';

/** Signing secret used only outside production when none is configured, so that `npm run try` works. */
export const LOCAL_SLACK_SIGNING_SECRET = 'cop-bot-local-development-only';
/** Placeholder bot token for local use: Web API calls then go only to `SLACK_API_URL`, if set. */
export const LOCAL_SLACK_BOT_TOKEN = 'xoxb-cop-bot-local-development-only';

const optionalText = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional();

const httpUrl = z
  .url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' })
  .transform((value) => (value.endsWith('/') ? value : `${value}/`));

const databaseUrl = z
  .string()
  .trim()
  .refine((value) => /^(pglite:.+|postgres(ql)?:\/\/.+)$/.test(value), {
    error: 'must be pglite:<folder>, pglite:memory, or a postgres:// or postgresql:// URL',
  });

const environmentSchema = z
  .object({
    PORT: z.coerce
      .number({ error: 'must be a whole number' })
      .int({ error: 'must be a whole number' })
      .min(0, { error: 'must be between 0 and 65535' })
      .max(65535, { error: 'must be between 0 and 65535' })
      .default(3978),
    DATABASE_URL: databaseUrl.default('pglite:./data/cop'),
    NODE_ENV: z
      .enum(['development', 'production', 'test'], { error: 'must be development, production or test' })
      .default('development'),
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
    MICROSOFT_APP_ID: optionalText,
    MICROSOFT_APP_PASSWORD: optionalText,
    MICROSOFT_APP_TENANT_ID: optionalText,
    MICROSOFT_APP_TYPE: z
      .enum(['SingleTenant', 'MultiTenant', 'UserAssignedMSI'], {
        error: 'must be SingleTenant, MultiTenant or UserAssignedMSI',
      })
      .default('SingleTenant'),
    COP_ADMINS: z
      .string()
      .default('')
      .transform((value) =>
        value
          .split(/[\s,]+/)
          .map((id) => id.trim())
          .filter((id) => id !== ''),
      ),
  })
  .superRefine((env, ctx) => {
    const production = env.NODE_ENV === 'production';
    const slackGiven = env.SLACK_SIGNING_SECRET || env.SLACK_BOT_TOKEN || env.SLACK_APP_TOKEN;
    if (slackGiven && !env.SLACK_BOT_TOKEN) {
      ctx.addIssue({ code: 'custom', path: ['SLACK_BOT_TOKEN'], message: 'is required when Slack is configured' });
    }
    if (env.SLACK_BOT_TOKEN && !env.SLACK_APP_TOKEN && !env.SLACK_SIGNING_SECRET) {
      ctx.addIssue({
        code: 'custom',
        path: ['SLACK_SIGNING_SECRET'],
        message: 'is required for Slack over HTTP (or set SLACK_APP_TOKEN for Socket Mode)',
      });
    }
    if (env.MICROSOFT_APP_ID && env.MICROSOFT_APP_TYPE !== 'UserAssignedMSI' && !env.MICROSOFT_APP_PASSWORD) {
      ctx.addIssue({ code: 'custom', path: ['MICROSOFT_APP_PASSWORD'], message: 'is required with MICROSOFT_APP_ID' });
    }
    if (env.MICROSOFT_APP_ID && env.MICROSOFT_APP_TYPE !== 'MultiTenant' && !env.MICROSOFT_APP_TENANT_ID) {
      ctx.addIssue({
        code: 'custom',
        path: ['MICROSOFT_APP_TENANT_ID'],
        message: `is required with MICROSOFT_APP_TYPE=${env.MICROSOFT_APP_TYPE}`,
      });
    }
    if (production && !env.SLACK_BOT_TOKEN && !env.MICROSOFT_APP_ID) {
      ctx.addIssue({
        code: 'custom',
        path: ['NODE_ENV'],
        message: 'production needs Slack credentials (SLACK_BOT_TOKEN with SLACK_SIGNING_SECRET or SLACK_APP_TOKEN) or Teams credentials (MICROSOFT_APP_ID)',
      });
    }
  });

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
  readonly appType: 'SingleTenant' | 'MultiTenant' | 'UserAssignedMSI';
}

export interface Config {
  readonly port: number;
  readonly databaseUrl: string;
  readonly environment: 'development' | 'production' | 'test';
  readonly logLevel: string;
  /** Undefined when the bot does not serve Slack (production without Slack credentials). */
  readonly slack: SlackConfig | undefined;
  /** Undefined when the bot does not serve Teams (production without a Teams app id). */
  readonly teams: TeamsConfig | undefined;
  /** Platform user ids that start as national admins. */
  readonly admins: readonly string[];
}

export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Configuration problems:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Parses the environment; throws ConfigError listing every problem, one line each. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = environmentSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => {
      const name = issue.path.join('.') || 'environment';
      return `${name} ${issue.message}`;
    });
    throw new ConfigError(problems);
  }
  const e = parsed.data;
  const production = e.NODE_ENV === 'production';
  const slackConfigured = e.SLACK_BOT_TOKEN !== undefined;
  return {
    port: e.PORT,
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
          }
        : undefined,
    admins: e.COP_ADMINS,
  };
}
