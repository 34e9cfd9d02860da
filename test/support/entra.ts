// Stands in for Microsoft Entra's token endpoint (MICROSOFT_LOGIN_URL): the client credentials grant the
// bot asks its Bot Connector token with. It answers as Entra does when the app's password is wrong (401
// invalid_client with an AADSTS code), when it is down (503), or with a token (a JWT, as the Teams SDK
// reads its claims), as the test sets it.
import { startRecordingServer, type RecordedRequest, type RecordingServer } from '../../src/dev/recording-server.js';

export type EntraAnswer = 'refuse' | 'down' | 'grant';

export interface EntraStandIn {
  readonly url: string;
  readonly server: RecordingServer;
  /** How the next token requests are answered. */
  answer: EntraAnswer;
  /** The token requests received (the form's fields, by tenant). */
  tokenRequests(): { tenant: string; form: Record<string, unknown> }[];
  /** The tokens granted so far. */
  readonly granted: string[];
  close(): Promise<void>;
}

const TOKEN_PATH = /^\/([^/]+)\/oauth2\/v2\.0\/token$/;

function jwt(claims: Record<string, unknown>): string {
  const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ alg: 'none', typ: 'JWT' })}.${part(claims)}.signature`;
}

export async function startEntraStandIn(): Promise<EntraStandIn> {
  const granted: string[] = [];
  const standIn: { answer: EntraAnswer } = { answer: 'grant' };
  const server = await startRecordingServer((request: RecordedRequest) => {
    if (request.method !== 'POST' || !TOKEN_PATH.test(request.path)) return { status: 404, body: { error: 'not_found' } };
    switch (standIn.answer) {
      case 'refuse':
        return {
          status: 401,
          body: {
            error: 'invalid_client',
            error_description:
              "AADSTS7000215: Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '00000000-0000-0000-0000-0000000000b0'. Trace ID: 1 Correlation ID: 2 Timestamp: 2026-12-05 21:00:00Z",
            error_codes: [7000215],
          },
        };
      case 'down':
        return { status: 503, body: { error: 'temporarily_unavailable' } };
      case 'grant': {
        const now = Math.floor(Date.now() / 1000);
        const token = jwt({ aud: 'https://api.botframework.com', iss: 'entra-stand-in', nbf: now, exp: now + 3600, n: granted.length + 1 });
        granted.push(token);
        return { status: 200, body: { token_type: 'Bearer', expires_in: 3599, ext_expires_in: 3599, access_token: token } };
      }
    }
  });
  return {
    url: server.url,
    server,
    get answer() {
      return standIn.answer;
    },
    set answer(value: EntraAnswer) {
      standIn.answer = value;
    },
    tokenRequests: () =>
      server.requests.flatMap((request) => {
        const tenant = TOKEN_PATH.exec(request.path)?.[1];
        return tenant === undefined ? [] : [{ tenant, form: request.json as Record<string, unknown> }];
      }),
    granted,
    close: () => server.close(),
  };
}
