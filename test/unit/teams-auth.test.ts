// The Teams SDK's options come from the bot's settings alone: each app type gets the credentials the
// SDK signs in with, a single-tenant app names the one tenant it serves, and nothing is left for the
// SDK to fill from its own environment variables (CLIENT_ID, CLIENT_SECRET, TENANT_ID, …).
import { describe, expect, it } from 'vitest';
import { loadConfig, type TeamsConfig } from '../../src/config.js';
import { allowedTenant, teamsAuthOptions } from '../../src/teams/teams-auth.js';

function teamsConfig(env: Record<string, string>): TeamsConfig {
  const config = loadConfig(env).teams;
  if (!config) throw new Error('Teams is not configured');
  return config;
}

const TENANT = { MICROSOFT_APP_ID: 'app-id', MICROSOFT_APP_TENANT_ID: 'tenant-id' };

describe('Teams SDK options', () => {
  it('accepts unauthenticated activities only without an app id (never allowed in production)', () => {
    const options = teamsAuthOptions(teamsConfig({}));
    expect(options).toMatchObject({
      clientId: '',
      clientSecret: '',
      tenantId: '',
      managedIdentityClientId: '',
      dangerouslyAllowUnauthenticatedRequests: true,
    });
    expect(() => loadConfig({ NODE_ENV: 'production', COP_SECRET: 'c'.repeat(32), PUBLIC_URL: 'https://cop.example.org' })).toThrow(
      /needs Slack credentials/,
    );
  });

  it('signs in with the client secret for a single-tenant app, and checks inbound tokens', () => {
    const options = teamsAuthOptions(teamsConfig({ ...TENANT, MICROSOFT_APP_PASSWORD: 'secret' }));
    expect(options).toMatchObject({
      clientId: 'app-id',
      clientSecret: 'secret',
      tenantId: 'tenant-id',
      managedIdentityClientId: '',
      dangerouslyAllowUnauthenticatedRequests: false,
    });
    expect(allowedTenant(teamsConfig({ ...TENANT, MICROSOFT_APP_PASSWORD: 'secret' }))).toBe('tenant-id');
  });

  it("with the bot's own Entra client, gives the SDK a token factory and no secret", async () => {
    const asked: string[] = [];
    const options = teamsAuthOptions(teamsConfig({ ...TENANT, MICROSOFT_APP_PASSWORD: 'secret' }), (scope, tenant) => {
      asked.push(`${tenant} ${scope}`);
      return Promise.resolve('token');
    });
    expect(options).toMatchObject({ clientId: 'app-id', clientSecret: '', tenantId: 'tenant-id', managedIdentityClientId: '' });
    expect(await options.token?.('https://api.botframework.com/.default', 'tenant-id')).toBe('token');
    expect(asked).toEqual(['tenant-id https://api.botframework.com/.default']);
  });

  it('uses the user-assigned managed identity whose client id is the app id', () => {
    const options = teamsAuthOptions(teamsConfig({ ...TENANT, MICROSOFT_APP_TYPE: 'UserAssignedMSI' }));
    expect(options).toMatchObject({
      clientId: 'app-id',
      clientSecret: '',
      managedIdentityClientId: 'app-id',
      dangerouslyAllowUnauthenticatedRequests: false,
    });
  });

  it('uses a managed identity as the federated credential of the app registration', () => {
    const options = teamsAuthOptions(
      teamsConfig({ ...TENANT, MICROSOFT_APP_TYPE: 'FederatedCredentials', MICROSOFT_FEDERATED_IDENTITY: 'msi-client-id' }),
    );
    expect(options).toMatchObject({ clientId: 'app-id', clientSecret: '', managedIdentityClientId: 'msi-client-id' });
  });

  it('serves every tenant only for the legacy multi-tenant type', () => {
    const config = teamsConfig({ MICROSOFT_APP_ID: 'app-id', MICROSOFT_APP_PASSWORD: 'secret', MICROSOFT_APP_TYPE: 'MultiTenant' });
    expect(allowedTenant(config)).toBeUndefined();
    expect(teamsAuthOptions(config).tenantId).toBe('');
  });

  it('takes the cloud, and a stand-in for the token signing keys, from the settings', () => {
    const options = teamsAuthOptions(
      teamsConfig({
        ...TENANT,
        MICROSOFT_APP_PASSWORD: 's',
        MICROSOFT_CLOUD: 'USGov',
        MICROSOFT_OPENID_METADATA_URL: 'http://127.0.0.1:9/v1/.well-known/openidconfiguration',
      }),
    );
    expect(options.cloud?.loginEndpoint).toContain('login.microsoftonline.us');
    const standIn = teamsAuthOptions(teamsConfig({ ...TENANT, MICROSOFT_APP_PASSWORD: 's', MICROSOFT_LOGIN_URL: 'http://127.0.0.1:9/' }));
    expect(standIn.cloud?.loginEndpoint).toBe('http://127.0.0.1:9');
    expect(options.cloud?.openIdMetadataUrl).toBe('http://127.0.0.1:9/v1/.well-known/openidconfiguration');
  });
});
