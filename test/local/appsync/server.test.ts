import {
  AdminCreateUserCommand,
  CognitoIdentityProviderClient,
  GlobalSignOutCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { asyncInvocationsSettled } from '../../../local/appsync/lambda';
import { awsError, fakeJwt, TEST_ENV } from '../../helpers';
import { API_KEY, graphqlBody, useRuntime } from './runtime';

// Functions run in this process, so their Cognito client is the one mocked here.
const cognito = mockClient(CognitoIdentityProviderClient);
const { url, post } = useRuntime();

const CREATE_USER = `mutation createUser($input: CreateUserInput!) {
  createUser(input: $input) { userId email status }
}`;
// A token operation served by its function (me is served by Cognito directly: test/resolvers/me.test.ts).
const LOGOUT = 'mutation logout($accessToken: String) { logout(accessToken: $accessToken) { status } }';

beforeEach(() => {
  cognito.reset();
});

describe('API key', () => {
  const unauthorized = {
    errors: [{ errorType: 'UnauthorizedException', message: 'You are not authorized to make this call.' }],
  };

  it.each([
    ['missing', {}],
    ['wrong', { 'x-api-key': 'da2-not-the-key' }],
    ['empty', { 'x-api-key': '' }],
  ])('refuses a %s key with 401 and calls nothing', async (_, headers) => {
    const res = await fetch(url(), {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ query: CREATE_USER, variables: { input: { email: 'a@example.com', fullName: 'A' } } }),
    });
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual(unauthorized);
    expect(cognito.calls()).toHaveLength(0);
  });
});

describe('createUser, invoked asynchronously', () => {
  it('answers at once without an id, and the function creates the user afterwards', async () => {
    cognito.on(AdminCreateUserCommand).resolves({ User: { Username: 'uuid-1', Attributes: [{ Name: 'sub', Value: 'uuid-1' }] } });
    const res = await post(CREATE_USER, { input: { email: 'Ada@Example.com', fullName: 'Ada Lovelace', phoneNumber: '+447700900123' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await res.json()).toEqual({ data: { createUser: { userId: null, email: 'ada@example.com', status: 'CREATED' } } });
    await asyncInvocationsSettled();
    const sent = cognito.commandCalls(AdminCreateUserCommand);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.args[0].input).toMatchObject({ UserPoolId: TEST_ENV.USER_POOL_ID, Username: 'ada@example.com' });
  });

  it("answers the same when the function fails, and the failure reaches only the function's log", async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    cognito.on(AdminCreateUserCommand).resolves({ User: { Username: 'uuid-1' } });
    const fresh = await graphqlBody(await post(CREATE_USER, { input: { email: 'ada@example.com', fullName: 'Ada' } }));
    await asyncInvocationsSettled();
    cognito.reset().on(AdminCreateUserCommand).rejects(new TypeError('boom'));
    const failing = await graphqlBody(await post(CREATE_USER, { input: { email: 'ada@example.com', fullName: 'Ada' } }));
    await asyncInvocationsSettled();
    expect(failing).toEqual(fresh);
    expect(logged.mock.calls.flat().join('\n')).toContain('functions/createUser.ts (asynchronous) answered InternalError.');
    logged.mockRestore();
  });
});

describe('a synchronous operation through resolver and function', () => {
  const token = fakeJwt({ sub: 'u-1', token_use: 'access' });

  it('turns a typed failure into an AppSync error, null propagating to data', async () => {
    cognito.on(GlobalSignOutCommand).rejects(awsError('NotAuthorizedException', 'Access Token has been revoked'));
    const res = await post(LOGOUT, { accessToken: token });
    expect(res.status).toBe(200);
    // logout is non-null, so its null makes the whole data null, as on AppSync.
    expect(await res.json()).toEqual({
      data: null,
      errors: [
        {
          path: ['logout'],
          data: null,
          errorType: 'NotAuthorized',
          errorInfo: null,
          locations: [{ line: 1, column: 41, sourceName: null }],
          message: expect.any(String),
        },
      ],
    });
  });

  it('gives an internal failure its request id in errorInfo', async () => {
    cognito.on(GlobalSignOutCommand).rejects(new TypeError('boom'));
    const body = await graphqlBody(await post(LOGOUT, { accessToken: token }));
    const [error] = body.errors ?? [];
    expect(error).toMatchObject({ errorType: 'InternalError', errorInfo: { requestId: expect.any(String) } });
    // The Lambda context gave the function a fresh request id, which the message carries.
    expect(error?.message).toContain((error?.errorInfo as { requestId: string }).requestId);
    expect(JSON.stringify(body)).not.toContain('boom');
  });
});

describe('AppSync scalar validation', () => {
  it('refuses a bad AWSEmail literal before any function runs', async () => {
    const res = await post('mutation { createUser(input: { email: "not-an-email", fullName: "A" }) { userId } }');
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toEqual({
      data: null,
      errors: [{ path: null, locations: [expect.objectContaining({ sourceName: null })], message: expect.stringMatching(/^Validation error: .*not-an-email/) }],
    });
    expect(cognito.calls()).toHaveLength(0);
  });

  it('refuses a bad AWSEmail variable before any function runs', async () => {
    const res = await post(CREATE_USER, { input: { email: 'not-an-email', fullName: 'A' } });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toEqual({
      data: null,
      errors: [{ path: null, locations: [{ line: 1, column: 21, sourceName: null }], message: expect.stringContaining('not-an-email') }],
    });
    expect(cognito.calls()).toHaveLength(0);
  });

  it('refuses an AWSPhone that is no phone number', async () => {
    const body = await graphqlBody(await post(CREATE_USER, { input: { email: 'a@example.com', fullName: 'A', phoneNumber: 'call me' } }));
    expect(body.data).toBeNull();
    expect(body.errors?.[0]?.message).toContain('call me');
    expect(cognito.calls()).toHaveLength(0);
  });

  it('reports an unknown field as a validation error', async () => {
    const body = await (await post('{ nothingHere }')).json();
    expect(body).toEqual({
      data: null,
      errors: [{ path: null, locations: [{ line: 1, column: 3, sourceName: null }], message: expect.stringMatching(/^Validation error: .*nothingHere/) }],
    });
  });
});

describe('access token', () => {
  const HEADER_TOKEN = fakeJwt({ sub: 'uuid-1', token_use: 'access', origin: 'header' });
  const ARGUMENT_TOKEN = fakeJwt({ sub: 'uuid-1', token_use: 'access', origin: 'argument' });

  beforeEach(() => {
    cognito.on(GlobalSignOutCommand).resolves({});
  });

  it('passes the Authorization header to the function', async () => {
    const body = await (await post(LOGOUT, {}, { authorization: `Bearer ${HEADER_TOKEN}` })).json();
    expect(body).toEqual({ data: { logout: { status: 'LOGGED_OUT' } } });
    expect(cognito.commandCalls(GlobalSignOutCommand)[0]!.args[0].input).toEqual({ AccessToken: HEADER_TOKEN });
  });

  it('prefers the accessToken argument over the header', async () => {
    await post(LOGOUT, { accessToken: ARGUMENT_TOKEN }, { authorization: `Bearer ${HEADER_TOKEN}` });
    const calls = cognito.commandCalls(GlobalSignOutCommand);
    expect(calls).toHaveLength(1);
    expect(calls[0]!.args[0].input).toEqual({ AccessToken: ARGUMENT_TOKEN });
  });

  it('refuses a token operation without a token, before calling Cognito', async () => {
    const body = await graphqlBody(await post(LOGOUT));
    expect(body.errors).toEqual([expect.objectContaining({ path: ['logout'], errorType: 'NotAuthorized' })]);
    expect(cognito.calls()).toHaveLength(0);
  });
});

describe('HTTP', () => {
  it('answers a CORS preflight without an API key', async () => {
    const res = await fetch(url(), {
      method: 'OPTIONS',
      headers: {
        origin: 'http://localhost:5173',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type, x-api-key, authorization',
      },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('access-control-allow-methods')).toContain('POST');
    const allowed = res.headers.get('access-control-allow-headers')?.split(/,\s*/) ?? [];
    expect(allowed).toEqual(expect.arrayContaining(['content-type', 'x-api-key', 'authorization']));
  });

  it('lets browsers read answers and refusals', async () => {
    const ok = await post('{ __typename }');
    expect(ok.headers.get('access-control-allow-origin')).toBe('*');
    const refused = await fetch(url(), { method: 'POST', body: '{}' });
    expect(refused.headers.get('access-control-allow-origin')).toBe('*');
  });

  it.each([
    ['an empty body', '', 'Request body is empty.'],
    ['a body that is not JSON', 'meow', 'Unable to parse GraphQL query.'],
    ['a body with no query', '{}', 'Unable to parse GraphQL query.'],
    ['a JSON array', '[]', 'Unable to parse GraphQL query.'],
  ])('refuses %s with 400', async (_, body, message) => {
    const res = await fetch(url(), { method: 'POST', headers: { 'x-api-key': API_KEY }, body });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ errors: [{ message, errorType: 'MalformedHttpRequestException' }] });
  });

  it('refuses a body over the size limit', async () => {
    const res = await fetch(url(), {
      method: 'POST',
      headers: { 'x-api-key': API_KEY, 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }', variables: { pad: 'x'.repeat(1024 * 1024) } }),
    });
    expect(res.status).toBe(413);
  });

  it('reports a syntax error with no data', async () => {
    const body = await (await post('{ me ')).json();
    expect(body).toEqual({
      data: null,
      errors: [{ path: null, locations: [{ line: 1, column: 6, sourceName: null }], message: expect.stringContaining('Syntax Error') }],
    });
  });

  it('answers 404 elsewhere', async () => {
    const res = await fetch(url().replace('/graphql', '/nowhere'));
    expect(res.status).toBe(404);
  });
});
