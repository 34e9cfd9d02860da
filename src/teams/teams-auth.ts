// The Teams SDK's credential and cloud options, all taken from the bot's own settings. The SDK would
// otherwise read CLIENT_ID, CLIENT_SECRET, TENANT_ID, MANAGED_IDENTITY_CLIENT_ID, CLOUD, SERVICE_URL and
// DANGEROUSLY_ALLOW_UNAUTHENTICATED_REQUESTS from the environment by itself: every option is passed
// explicitly (an empty string where a setting is absent, which the SDK does not replace from the
// environment) so that what README documents is all that counts.
import { cloudFromName, withOverrides, type CloudEnvironment } from '@microsoft/teams.api';
import type { AppOptions } from '@microsoft/teams.apps';
import type { TeamsConfig } from '../config.js';

export type TeamsAuthOptions = Pick<
  AppOptions<never>,
  | 'clientId'
  | 'clientSecret'
  | 'tenantId'
  | 'managedIdentityClientId'
  | 'cloud'
  | 'dangerouslyAllowUnauthenticatedRequests'
  | 'serviceUrl'
  | 'token'
>;

/** Asks for a token for `scope` in `tenantId` (the bot's own Entra client: see teams-token.ts). */
export type TokenFactory = (scope: string, tenantId: string) => Promise<string>;

export function teamsCloud(config: TeamsConfig): CloudEnvironment {
  const cloud = cloudFromName(config.cloud);
  return withOverrides(cloud, {
    ...(config.openIdMetadataUrl ? { openIdMetadataUrl: config.openIdMetadataUrl } : {}),
    ...(config.loginUrl ? { loginEndpoint: config.loginUrl.replace(/\/+$/, '') } : {}),
  });
}

/**
 * Outbound tokens, by app type:
 * - SingleTenant / MultiTenant: client id and secret (MultiTenant has no tenant: the bot's default one).
 *   Given `token` (the serving bot's EntraTokenSource, which knows when Entra refuses), the SDK asks it
 *   instead of signing in through MSAL with the secret;
 * - UserAssignedMSI: the managed identity whose client id is the app id, no secret;
 * - FederatedCredentials: the app registration's id with a managed identity (its client id, or `system`)
 *   as its federated credential, no secret.
 * Inbound tokens are checked whenever an app id is set; without one (development and tests only: the
 * configuration refuses that in production) activities are accepted unauthenticated.
 */
export function teamsAuthOptions(config: TeamsConfig, token?: TokenFactory): TeamsAuthOptions {
  const common = {
    cloud: teamsCloud(config),
    // Proactive sends always name each conversation's own service URL; this default is never used for them.
    serviceUrl: 'https://smba.trafficmanager.net/teams',
    tenantId: config.appType === 'MultiTenant' ? '' : (config.tenantId ?? ''),
  };
  if (!config.appId)
    return { ...common, clientId: '', clientSecret: '', managedIdentityClientId: '', dangerouslyAllowUnauthenticatedRequests: true };
  const secured = { ...common, clientId: config.appId, dangerouslyAllowUnauthenticatedRequests: false };
  switch (config.appType) {
    case 'SingleTenant':
    case 'MultiTenant':
      // The SDK signs in with a secret when it has one: with a token factory, it gets none.
      return token
        ? { ...secured, clientSecret: '', managedIdentityClientId: '', token: (scope, tenantId) => token(String(scope), tenantId ?? '') }
        : { ...secured, clientSecret: config.appPassword ?? '', managedIdentityClientId: '' };
    case 'UserAssignedMSI':
      // The SDK picks the user-assigned managed identity when its client id equals the app id.
      return { ...secured, clientSecret: '', managedIdentityClientId: config.appId };
    case 'FederatedCredentials':
      return { ...secured, clientSecret: '', managedIdentityClientId: config.federatedIdentity ?? 'system' };
  }
}

/** A single-tenant app serves only its own tenant: an activity from another one is refused. */
export function allowedTenant(config: TeamsConfig): string | undefined {
  return config.appId && config.appType !== 'MultiTenant' ? config.tenantId : undefined;
}
