import { describe, expect, it } from 'vitest';
import { AuthError, createAuthClient } from '@auth-gateway/client';
import { operationExamples } from '../../local/appsync/examples';
import { loadSchema } from '../../local/appsync/schema';
import { userOperations, type UserOperationField as OperationField } from '../../operations';
import { API_KEY, fakeApi, tokens, URL_ } from './fakeApi';

/** Fits every result shape the session reads: AuthTokens itself, or a result with `tokens`. */
const ANY_RESULT = { ...tokens('1'), tokens: tokens('1'), sessionsEnded: true };
const USER = { userId: 'u-1', email: 'a@example.com', emailVerified: true, fullName: 'A', givenName: null, familyName: null, phoneNumber: null, groups: [], mfaEnabled: true };

async function signedIn(answers: Parameters<typeof fakeApi>[0]) {
  const api = fakeApi({ verifyMfa: { body: { data: { verifyMfa: tokens('1') } } }, ...answers });
  const client = createAuthClient({ url: URL_, apiKey: API_KEY, fetch: api.fetch });
  await client.verifyMfa({ input: { email: 'a@example.com', verificationSession: 's', otp: '123456' } });
  return { client, ...api };
}

describe('createAuthClient', () => {
  it('has one method per user (API-key) row of the operations table', () => {
    const client = createAuthClient({ url: URL_, apiKey: API_KEY, fetch: fakeApi({}).fetch });
    for (const op of userOperations) expect(typeof client[op.field], op.field).toBe('function');
  });

  it.each(operationExamples(loadSchema()).map((e) => [e.field, e] as const))(
    '%s posts its generated document, its variables and the API key',
    async (field, example) => {
      // Token operations need a session first; signedIn makes one.
      const api = await signedIn({ [field]: { body: { data: { [field]: { ...ANY_RESULT, field } } } } });
      const method = api.client[field as OperationField] as (variables: object) => Promise<unknown>;
      const { accessToken: _inHeader, ...variables } = example.variables;
      const result = await method(variables);
      const request = api.sent.at(-1)!;
      expect(result).toEqual({ ...ANY_RESULT, field });
      expect(request.url).toBe(URL_);
      expect(request.operationName).toBe(field);
      expect(request.query.trim()).toBe(example.document.trim());
      expect(request.variables).toEqual(variables);
      expect(request.headers['x-api-key']).toBe(API_KEY);
    },
  );

  it('sends {} as the variables of an operation called without any', async () => {
    const { client, sent } = await signedIn({ me: { body: { data: { me: USER } } } });
    await client.me();
    expect(sent.at(-1)!.variables).toEqual({});
  });
});

describe('access token', () => {
  it('is sent as a Bearer token on every token operation, and on no other', async () => {
    const answers = Object.fromEntries(userOperations.map((op) => [op.field, { body: { data: { [op.field]: ANY_RESULT } } }]));
    const { client, sent } = await signedIn(answers);
    // These end the session, so they go last in their own tests.
    const ending = ['logout', 'deleteMe', 'changePassword', 'confirmReplaceAuthenticator'];
    for (const op of userOperations.filter((o) => !ending.includes(o.field))) {
      await (client[op.field] as (v: object) => Promise<unknown>)({});
      expect(sent.at(-1)!.headers.authorization, op.field).toBe(op.token ? 'Bearer access-1' : undefined);
    }
  });

  it('is refused locally when nobody signed in, without a request', async () => {
    const api = fakeApi({});
    const client = createAuthClient({ url: URL_, apiKey: API_KEY, fetch: api.fetch });
    await expect(client.me()).rejects.toMatchObject({ name: 'AuthError', errorType: 'NotAuthorized' });
    expect(api.fetch).not.toHaveBeenCalled();
  });
});

describe('session effects', () => {
  it('confirmMfa and refreshTokens keep the tokens they return', async () => {
    const api = fakeApi({
      confirmMfa: { body: { data: { confirmMfa: { userId: 'u', email: 'a@example.com', mfaStatus: 'CONFIRMED', tokens: tokens('mfa') } } } },
      refreshTokens: { body: { data: { refreshTokens: tokens('fresh') } } },
    });
    const client = createAuthClient({ url: URL_, apiKey: API_KEY, fetch: api.fetch });
    await client.confirmMfa({ input: { email: 'a@example.com', session: 's', otp: '1' } });
    expect((await client.session.tokens())?.accessToken).toBe('access-mfa');
    await client.refreshTokens({ input: { refreshToken: 'refresh-mfa' } });
    expect((await client.session.tokens())?.accessToken).toBe('access-fresh');
  });

  it.each(['logout', 'deleteMe'] as const)('%s clears the tokens', async (field) => {
    const { client } = await signedIn({ [field]: { body: { data: { [field]: { status: 'LOGGED_OUT' } } } } });
    await client[field]();
    expect(await client.session.tokens()).toBeUndefined();
  });

  it('changePassword clears the tokens; the server ended every session', async () => {
    const { client, sent } = await signedIn({ changePassword: { body: { data: { changePassword: { status: 'PASSWORD_CHANGED', sessionsEnded: true } } } } });
    await client.changePassword({ input: { oldPassword: 'a', newPassword: 'b' } });
    expect(await client.session.tokens()).toBeUndefined();
    expect(sent.map((r) => r.operationName)).toEqual(['verifyMfa', 'changePassword']);
  });

  it('changePassword whose sessions could not be ended calls logout with the same token, then clears', async () => {
    const { client, sent } = await signedIn({
      changePassword: { body: { data: { changePassword: { status: 'PASSWORD_CHANGED', sessionsEnded: false } } } },
      logout: { body: { data: { logout: { status: 'LOGGED_OUT' } } } },
    });
    await client.changePassword({ input: { oldPassword: 'a', newPassword: 'b' } });
    expect(sent.map((r) => r.operationName)).toEqual(['verifyMfa', 'changePassword', 'logout']);
    expect(sent.at(-1)!.headers.authorization).toBe('Bearer access-1');
    expect(await client.session.tokens()).toBeUndefined();
  });

  it('confirmReplaceAuthenticator clears the tokens: the next sign-in uses the new authenticator', async () => {
    const { client } = await signedIn({
      confirmReplaceAuthenticator: { body: { data: { confirmReplaceAuthenticator: { mfaStatus: 'CONFIRMED', status: 'LOGGED_OUT' } } } },
    });
    await client.confirmReplaceAuthenticator({ input: { otp: '123456' } });
    expect(await client.session.tokens()).toBeUndefined();
  });

  it('a failed logout keeps the tokens', async () => {
    const { client } = await signedIn({ logout: { body: { data: null, errors: [{ errorType: 'ServiceUnavailable', message: 'Try later.' }] } } });
    await expect(client.logout()).rejects.toBeInstanceOf(AuthError);
    expect((await client.session.tokens())?.accessToken).toBe('access-1');
  });
});

describe('AuthError', () => {
  it('carries errorType, errorInfo and path from an AppSync error response', async () => {
    const api = fakeApi({
      login: {
        body: {
          data: null,
          errors: [{ path: ['login'], data: null, errorType: 'NotAuthorized', errorInfo: { retry: false }, locations: [{ line: 2, column: 3, sourceName: null }], message: 'Incorrect e-mail or password.' }],
        },
      },
    });
    const client = createAuthClient({ url: URL_, apiKey: API_KEY, fetch: api.fetch });
    const error = await client.login({ input: { email: 'a@example.com', password: 'x' } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthError);
    expect(error).toMatchObject({ message: 'Incorrect e-mail or password.', errorType: 'NotAuthorized', errorInfo: { retry: false }, path: ['login'], status: 200 });
  });

  it("reports AppSync's refusal of a wrong API key", async () => {
    const api = fakeApi({ forgotPassword: { status: 401, body: { errors: [{ errorType: 'UnauthorizedException', message: 'You are not authorized to make this call.' }] } } });
    const client = createAuthClient({ url: URL_, apiKey: 'wrong', fetch: api.fetch });
    await expect(client.forgotPassword({ input: { email: 'a@example.com' } })).rejects.toMatchObject({ errorType: 'UnauthorizedException', status: 401 });
  });

  it('reports an answer that is not GraphQL as HttpError', async () => {
    const api = fakeApi({ forgotPassword: { status: 502, body: '<html>Bad gateway</html>' } });
    const client = createAuthClient({ url: URL_, apiKey: API_KEY, fetch: api.fetch });
    await expect(client.forgotPassword({ input: { email: 'a@example.com' } })).rejects.toMatchObject({ errorType: 'HttpError', status: 502 });
  });
});
