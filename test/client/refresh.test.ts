import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { AuthError, createAuthClient, type SessionEndReason } from '@auth-gateway/client';
import { SECOND } from '../../local/cognito/clock';
import { FlowStack, type EnrolledUser } from '../flow/harness';

/**
 * Where the typed client's own refreshes go: the gateway (refreshTokens) or Cognito
 * (GetTokensFromRefreshToken over fetch). Against the offline stack with refresh-token rotation
 * on, so each refresh brings a new refresh token the client must keep.
 */

const GRACE_SECONDS = 10;
const flow = new FlowStack();
let users = 0;

beforeAll(async () => {
  await flow.start({ envOverrides: { tokens: { refreshTokenRotation: { gracePeriodSeconds: GRACE_SECONDS } } } });
});

afterAll(async () => {
  await flow.stop();
});

/** A client on the stack's clock, holding a freshly enrolled user's tokens. */
async function signedInClient(refresh: 'gateway' | 'cognito' | undefined): Promise<{ client: ReturnType<typeof createAuthClient>; user: EnrolledUser; ended: SessionEndReason[] }> {
  const { graphqlUrl, apiKey, clientId, cognitoEndpoint } = flow.stack.info;
  const user = await flow.enrol(`client${++users}@example.com`);
  const ended: SessionEndReason[] = [];
  const client = createAuthClient({
    url: graphqlUrl,
    apiKey,
    now: () => flow.clock.now().getTime(),
    onSessionEnd: (reason) => ended.push(reason),
    ...(refresh ? { refresh } : {}),
    ...(refresh === 'cognito' ? { cognito: { clientId, endpoint: cognitoEndpoint } } : {}),
  });
  await client.session.store(user.tokens);
  return { client, user, ended };
}

/** Moves past the access token's expiry, so the next token operation refreshes first. */
function expireAccessToken(user: EnrolledUser): void {
  flow.clock.advance(user.tokens.expiresIn * SECOND);
}

describe.each([
  ['gateway (the default)', undefined],
  ['gateway', 'gateway'],
  ['cognito', 'cognito'],
] as const)('refresh through %s', (_, refresh) => {
  it('keeps the new refresh token, and goes on refreshing with it', async () => {
    const { client, user } = await signedInClient(refresh);
    expireAccessToken(user);
    expect((await client.me()).email).toBe(user.email);
    const first = await client.session.tokens();
    expect(first?.refreshToken).not.toBe(user.tokens.refreshToken);
    expect(first?.accessToken).not.toBe(user.tokens.accessToken);

    // Past the grace period the old token is dead, so a second refresh works only with the kept one.
    flow.clock.advance(GRACE_SECONDS * SECOND);
    expireAccessToken(user);
    expect((await client.me()).email).toBe(user.email);
    const second = await client.session.tokens();
    expect(second?.refreshToken).not.toBe(first?.refreshToken);
  });

  it('ends the session when the refresh token is refused', async () => {
    const { client, user, ended } = await signedInClient(refresh);
    await flow.call('mutation { logout { status } }', {}, user.tokens.accessToken);
    expireAccessToken(user);
    const error = await client.me().catch((err: unknown) => err);
    expect(error).toBeInstanceOf(AuthError);
    expect(error).toMatchObject({ errorType: 'NotAuthorized', message: 'The refresh token is invalid, expired or revoked. Sign in again.' });
    expect(await client.session.tokens()).toBeUndefined();
    await vi.waitFor(() => expect(ended).toEqual(['refreshRefused']));
  });
});

describe('refresh through cognito', () => {
  it('sends one unsigned GetTokensFromRefreshToken call to Cognito, not to the API', async () => {
    const { cognitoEndpoint, clientId } = flow.stack.info;
    const sent: Array<{ url: string; headers: Record<string, string>; body: unknown }> = [];
    const realFetch = globalThis.fetch;
    const user = await flow.enrol(`client${++users}@example.com`);
    const client = createAuthClient({
      url: flow.stack.info.graphqlUrl,
      apiKey: flow.stack.info.apiKey,
      now: () => flow.clock.now().getTime(),
      refresh: 'cognito',
      cognito: { clientId, endpoint: cognitoEndpoint },
      fetch: async (input, init) => {
        sent.push({ url: String(input), headers: init?.headers as Record<string, string>, body: JSON.parse(String(init?.body)) });
        return realFetch(input, init);
      },
    });
    await client.session.store(user.tokens);
    expireAccessToken(user);
    await client.me();
    expect(sent.map((r) => r.url)).toEqual([cognitoEndpoint, flow.stack.info.graphqlUrl]);
    expect(sent[0]!.headers).toEqual({
      'content-type': 'application/x-amz-json-1.1',
      'x-amz-target': 'AWSCognitoIdentityProviderService.GetTokensFromRefreshToken',
    });
    expect(sent[0]!.body).toEqual({ ClientId: clientId, RefreshToken: user.tokens.refreshToken });
  });

  it('keeps the refresh token sent when Cognito does not rotate it', async () => {
    const fetch = vi.fn(async (_url: string | URL | Request, _init?: RequestInit) => Response.json({ AuthenticationResult: { IdToken: 'id-2', AccessToken: 'access-2', ExpiresIn: 300 } }));
    const client = createAuthClient({ url: 'https://api.example.com/graphql', apiKey: 'k', fetch, refresh: 'cognito', cognito: { clientId: 'c', region: 'eu-west-1' }, now: () => 0 });
    await client.session.store({ idToken: 'id-1', accessToken: 'access-1', refreshToken: 'refresh-1', expiresIn: 0 });
    expect(await client.session.accessToken()).toBe('access-2');
    expect(fetch.mock.calls[0]![0]).toBe('https://cognito-idp.eu-west-1.amazonaws.com/');
    expect(await client.session.tokens()).toEqual({ idToken: 'id-2', accessToken: 'access-2', refreshToken: 'refresh-1', expiresAt: 300_000 });
  });

  it.each([
    [429, 'TooManyRequestsException', 'TooManyRequests'],
    [400, 'com.amazonaws.cognito#RefreshTokenReuseException', 'NotAuthorized'],
    [403, 'ForbiddenException', 'Forbidden'],
    [400, 'ResourceNotFoundException', 'HttpError'],
    [500, 'InternalErrorException', 'ServiceUnavailable'],
  ])('answers HTTP %i %s as %s, with no token in the error', async (status, type, errorType) => {
    const fetch = vi.fn(async () => Response.json({ __type: type, message: 'Cognito said refresh-1' }, { status }));
    const client = createAuthClient({ url: 'https://api.example.com/graphql', apiKey: 'k', fetch, refresh: 'cognito', cognito: { clientId: 'c', endpoint: 'http://127.0.0.1:9' }, now: () => 0 });
    await client.session.store({ idToken: 'id-1', accessToken: 'access-1', refreshToken: 'refresh-1', expiresIn: 0 });
    const error = await client.session.accessToken().catch((err: unknown) => err);
    expect(error).toMatchObject({ name: 'AuthError', errorType, status });
    expect(JSON.stringify({ ...(error as object), message: (error as Error).message })).not.toContain('refresh-1');
  });

  it('needs the client id and the region or endpoint', () => {
    const base = { url: 'https://api.example.com/graphql', apiKey: 'k' };
    expect(() => createAuthClient({ ...base, refresh: 'cognito' })).toThrow('refresh: "cognito" needs cognito.clientId, the app client id.');
    expect(() => createAuthClient({ ...base, refresh: 'cognito', cognito: { clientId: 'c' } })).toThrow(
      'refresh: "cognito" needs cognito.region (such as eu-west-1) or cognito.endpoint.',
    );
    expect(() => createAuthClient({ ...base, refresh: 'sideways' as 'gateway' })).toThrow('refresh is "gateway" or "cognito", not "sideways".');
  });
});

describe('two tabs sharing one stored session', () => {
  it('the later tab takes the tokens the other one stored instead of sending its replaced refresh token', async () => {
    const { graphqlUrl, apiKey } = flow.stack.info;
    const user = await flow.enrol(`client${++users}@example.com`);
    const items = new Map<string, string>();
    const storage = { getItem: (k: string) => items.get(k) ?? null, setItem: (k: string, v: string) => void items.set(k, v), removeItem: (k: string) => void items.delete(k) };
    const ended: SessionEndReason[] = [];
    const tab = () =>
      createAuthClient({ url: graphqlUrl, apiKey, storage, now: () => flow.clock.now().getTime(), onSessionEnd: (reason) => ended.push(reason) });
    const first = tab();
    await first.session.store(user.tokens);
    const second = tab();
    // Both tabs have loaded the session; the first refreshes, the second comes back long after the grace period.
    expect((await second.session.tokens())?.refreshToken).toBe(user.tokens.refreshToken);
    expireAccessToken(user);
    await first.me();
    const refreshed = await first.session.tokens();
    flow.clock.advance(GRACE_SECONDS * SECOND);
    expect((await second.me()).email).toBe(user.email);
    expect(await second.session.tokens()).toEqual(refreshed);
    expect(ended).toEqual([]);
  });
});
