// The bot's outbound token for the Bot Connector, asked of Microsoft Entra with the app's id and password
// (the client credentials grant: one form POST to the tenant's token endpoint). The Teams SDK would ask
// through MSAL, which throws on wrong credentials or an unreachable Entra with nothing but the error it
// got, for every message. Here the bot knows where its sign-in stands: `ready`, `refused` (Entra said no
// to the credentials: the operator must fix a setting, shown by /readyz and logged once, with which
// setting to check) or `unreachable` (Entra answered 5xx or not at all). While it cannot sign in, a send
// fails at once with TeamsTokenUnavailable, naming when the next try is, so the outbox keeps the message
// for then instead of using up its tries; the serving bot asks again in the background, with backoff,
// and goes back to `ready` as soon as Entra gives a token.
import type { Clock } from '../core/clock.js';
import type { Logger } from '../logger.js';

export type TeamsConnection =
  { readonly state: 'signing in' | 'ready' } | { readonly state: 'refused' | 'unreachable'; readonly reason: string };

/** The wait before asking Entra again after a failure: doubles each time, up to the maximum. */
export const TOKEN_RETRY_FIRST_MS = 1000;
export const TOKEN_RETRY_MAX_MS = 60_000;
/** A token is renewed when it has less than this left (Entra's tokens last about an hour). */
const RENEW_BEFORE_EXPIRY_MS = 5 * 60_000;
const REQUEST_TIMEOUT_MS = 10_000;

/** No token now: Entra refused the credentials or could not be reached. Try again after `retryAfterMs`. */
export class TeamsTokenUnavailable extends Error {
  override readonly name = 'TeamsTokenUnavailable';
  constructor(
    readonly state: 'refused' | 'unreachable',
    readonly reason: string,
    readonly retryAfterMs: number,
  ) {
    super(reason);
  }
}

export interface EntraTokenOptions {
  readonly clientId: string;
  readonly clientSecret: string;
  /** The cloud's login address (https://login.microsoftonline.com for the public cloud). */
  readonly loginEndpoint: string;
  /** The tenant and scope of the Bot Connector token, which the background check asks for. */
  readonly botTenant: string;
  readonly botScope: string;
  readonly logger: Logger;
  readonly clock: Clock;
}

/** Entra's error answer (OAuth 2.0): `error` is a fixed code; the description starts with an AADSTS code. */
interface EntraError {
  readonly error?: unknown;
  readonly error_description?: unknown;
}

/** What went wrong, in one line naming the settings to check (never the password or a token). */
function failureOf(
  status: number | undefined,
  body: unknown,
  networkError?: unknown,
): { state: 'refused' | 'unreachable'; reason: string } {
  if (status === undefined) {
    // fetch's own error is a bare "fetch failed": the cause says what (ECONNREFUSED, ENOTFOUND, …).
    const cause = (networkError as { cause?: { code?: unknown; message?: unknown } } | undefined)?.cause;
    const what =
      typeof cause?.code === 'string'
        ? cause.code
        : typeof cause?.message === 'string'
          ? cause.message.slice(0, 80)
          : networkError instanceof Error
            ? networkError.name
            : 'no answer';
    return { state: 'unreachable', reason: `Microsoft Entra's token endpoint could not be reached (${what})` };
  }
  const { error, error_description: description } = (typeof body === 'object' && body !== null ? body : {}) as EntraError;
  if (status >= 400 && status < 500 && status !== 429 && typeof error === 'string' && /^[a-z_]+$/.test(error)) {
    const aadsts = typeof description === 'string' ? /\bAADSTS\d+\b/.exec(description)?.[0] : undefined;
    return {
      state: 'refused',
      reason:
        `Microsoft Entra refused the bot's credentials (${error}${aadsts ? `, ${aadsts}` : ''}): ` +
        'check MICROSOFT_APP_ID / MICROSOFT_APP_PASSWORD / MICROSOFT_APP_TENANT_ID',
    };
  }
  return { state: 'unreachable', reason: `Microsoft Entra's token endpoint answered HTTP ${status}` };
}

interface CachedToken {
  readonly value: string;
  readonly expiresAt: number;
}

export class EntraTokenSource {
  private readonly tokens = new Map<string, CachedToken>();
  private readonly asking = new Map<string, Promise<string>>();
  private state: TeamsConnection = { state: 'signing in' };
  private failures = 0;
  /** While signing in fails: no request before this time (clock milliseconds). */
  private nextTryAt = 0;
  private retryTimer: NodeJS.Timeout | undefined;
  private checking = false;
  private stopped = false;

  constructor(private readonly options: EntraTokenOptions) {}

  /** Where signing in stands, for /readyz. */
  connection(): TeamsConnection {
    return this.state;
  }

  /** Asks for the Bot Connector token now, and again in the background (with backoff) until Entra gives one. */
  start(): void {
    this.checking = true;
    this.check();
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
  }

  /** A token for `scope` in `tenantId` (the Teams SDK's token factory): cached until 5 minutes before it expires. */
  token(scope: string, tenantId: string): Promise<string> {
    const key = `${tenantId} ${scope}`;
    const now = this.nowMs();
    const cached = this.tokens.get(key);
    if (cached && cached.expiresAt - RENEW_BEFORE_EXPIRY_MS > now) return Promise.resolve(cached.value);
    const pending = this.asking.get(key);
    if (pending) return pending;
    if (this.state.state === 'refused' || this.state.state === 'unreachable') {
      // Signing in failed a moment ago: no request to Entra for every message, only once the wait is over.
      if (now < this.nextTryAt) return Promise.reject(new TeamsTokenUnavailable(this.state.state, this.state.reason, this.nextTryAt - now));
    }
    const asked = this.ask(scope, tenantId).finally(() => this.asking.delete(key));
    this.asking.set(key, asked);
    return asked;
  }

  private nowMs(): number {
    return this.options.clock.now().getTime();
  }

  private async ask(scope: string, tenantId: string): Promise<string> {
    const { clientId, clientSecret, loginEndpoint } = this.options;
    const url = `${loginEndpoint.replace(/\/+$/, '')}/${encodeURIComponent(tenantId)}/oauth2/v2.0/token`;
    let status: number | undefined;
    let body: unknown;
    let networkError: unknown;
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
        body: new URLSearchParams({ grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret, scope }),
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
      status = response.status;
      body = await response.json().catch(() => undefined);
    } catch (error) {
      networkError = error;
    }
    const granted = body as { access_token?: unknown; expires_in?: unknown } | undefined;
    if (status === 200 && typeof granted?.access_token === 'string') {
      const seconds = Number(granted.expires_in);
      const lifetimeMs = (Number.isFinite(seconds) && seconds > 0 ? seconds : 3600) * 1000;
      this.tokens.set(`${tenantId} ${scope}`, { value: granted.access_token, expiresAt: this.nowMs() + lifetimeMs });
      this.succeeded();
      return granted.access_token;
    }
    const failure = failureOf(status, body, networkError);
    const wait = this.failed(failure);
    throw new TeamsTokenUnavailable(failure.state, failure.reason, wait);
  }

  private succeeded(): void {
    const was = this.state.state;
    this.failures = 0;
    this.nextTryAt = 0;
    this.state = { state: 'ready' };
    clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
    if (was === 'refused' || was === 'unreachable')
      this.options.logger.info({ component: 'teams' }, 'Microsoft Entra gave the bot a token: sending to Teams again');
  }

  /** Records a failure (one log line when the problem starts or changes) and returns the wait before the next try. */
  private failed(failure: { state: 'refused' | 'unreachable'; reason: string }): number {
    const wait = Math.min(TOKEN_RETRY_FIRST_MS * 2 ** this.failures, TOKEN_RETRY_MAX_MS);
    this.failures += 1;
    this.nextTryAt = this.nowMs() + wait;
    const changed = this.state.state !== failure.state || (this.state as { reason?: string }).reason !== failure.reason;
    this.state = failure;
    if (changed)
      this.options.logger.warn(
        { component: 'teams', state: failure.state, reason: failure.reason },
        `${failure.reason}; messages to Teams wait, and the bot asks again in the background`,
      );
    this.scheduleCheck(wait);
    return wait;
  }

  private scheduleCheck(wait: number): void {
    if (!this.checking || this.stopped || this.retryTimer !== undefined) return;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      this.check();
    }, wait);
    this.retryTimer.unref();
  }

  private check(): void {
    if (this.stopped) return;
    this.token(this.options.botScope, this.options.botTenant).catch((error: unknown) => {
      // Logged when the state changed; asked again when the wait is over.
      if (error instanceof TeamsTokenUnavailable) this.scheduleCheck(error.retryAfterMs);
    });
  }
}
