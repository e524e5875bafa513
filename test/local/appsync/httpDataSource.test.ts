import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { httpRequestOf } from '../../../local/appsync/httpDataSource';
import { startAppSyncRuntime, type AppSyncRuntime } from '../../../local/appsync/server';
import { ResolverError } from '../../../local/appsync/util';
import { closeServer, LOOPBACK } from '../../../local/net';
import { fakeJwt } from '../../helpers';

/**
 * The local HTTP data source on the wire: a loopback server stands where Cognito's endpoint is,
 * records what the runtime sends and answers what a test sets.
 */

const API_KEY = 'da2-localtestkey0000000000';
const CLIENT_ID = 'client-id-from-the-api-environment';
const TOKEN = fakeJwt({ sub: 'uuid-1', token_use: 'access' });
const ME = 'query { me { userId email } }';
const REFRESH = 'mutation r($input: RefreshTokensInput!) { refreshTokens(input: $input) { accessToken refreshToken } }';

interface Seen {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}
const seen: Seen[] = [];
let answer: { status: number; headers: Record<string, string>; body: string };
let endpoint: Server;
let runtime: AppSyncRuntime;
let unreachable: AppSyncRuntime;

const post = (target: AppSyncRuntime, query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}) =>
  fetch(target.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-api-key': API_KEY, ...headers },
    body: JSON.stringify({ query, variables }),
  }).then((res) => res.json() as Promise<{ data: unknown; errors?: Array<Record<string, unknown>> }>);

beforeAll(async () => {
  endpoint = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      res.writeHead(answer.status, answer.headers);
      res.end(answer.body);
    });
  });
  await new Promise<void>((resolve) => endpoint.listen(0, LOOPBACK, resolve));
  const url = `http://${LOOPBACK}:${(endpoint.address() as AddressInfo).port}`;
  const environmentVariables = { USER_POOL_CLIENT_ID: CLIENT_ID };
  runtime = await startAppSyncRuntime({ port: 0, apiKey: API_KEY, environmentVariables, httpEndpoints: { cognito: url } });
  // A port just freed: nothing listens there, so the connection is refused.
  const gone = createServer();
  await new Promise<void>((resolve) => gone.listen(0, LOOPBACK, resolve));
  const goneUrl = `http://${LOOPBACK}:${(gone.address() as AddressInfo).port}`;
  await closeServer(gone);
  unreachable = await startAppSyncRuntime({ port: 0, apiKey: API_KEY, environmentVariables, httpEndpoints: { cognito: goneUrl } });
});
afterAll(async () => {
  await runtime.close();
  await unreachable.close();
  await closeServer(endpoint);
});
beforeEach(() => {
  seen.length = 0;
  answer = {
    status: 200,
    headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-requestid': 'req-from-endpoint' },
    body: JSON.stringify({ UserAttributes: [{ Name: 'sub', Value: 'uuid-1' }, { Name: 'email', Value: 'ada@example.com' }] }),
  };
});

describe('an HTTP data source offline', () => {
  it("sends the resolver's request as AppSync would: method, path, headers and body", async () => {
    const body = await post(runtime, ME, {}, { authorization: `Bearer ${TOKEN}` });
    expect(body).toEqual({ data: { me: { userId: 'uuid-1', email: 'ada@example.com' } } });
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({
      method: 'POST',
      url: '/',
      headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'AWSCognitoIdentityProviderService.GetUser' },
      body: JSON.stringify({ AccessToken: TOKEN }),
    });
  });

  it("gives resolvers the API's environment variables", async () => {
    answer.body = JSON.stringify({ AuthenticationResult: { IdToken: 'id.token.x', AccessToken: 'access.token.x', ExpiresIn: 60, TokenType: 'Bearer' } });
    const refreshToken = 'refresh-token-0123456789-abcdef';
    const body = await post(runtime, REFRESH, { input: { refreshToken } });
    expect(body).toEqual({ data: { refreshTokens: { accessToken: 'access.token.x', refreshToken } } });
    expect(JSON.parse(seen[0]!.body)).toEqual({ ClientId: CLIENT_ID, RefreshToken: refreshToken });
  });

  it('hands a 4xx answer to the response handler as a result, status, headers and body', async () => {
    answer = {
      status: 400,
      headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-requestid': 'req-400' },
      body: JSON.stringify({ __type: 'SomethingNewException', message: 'detail for nobody' }),
    };
    const body = await post(runtime, ME, {}, { authorization: TOKEN });
    // The resolver saw the status (not 2xx), the body (an unknown __type) and the headers (the request id).
    expect(body.errors).toEqual([
      expect.objectContaining({
        path: ['me'],
        errorType: 'InternalError',
        errorInfo: { requestId: 'req-400' },
        message: 'Something went wrong on our side. Request id: req-400.',
      }),
    ]);
  });

  it('sets ctx.error only when no answer came', async () => {
    const body = await post(unreachable, ME, {}, { authorization: TOKEN });
    expect(body.errors).toEqual([expect.objectContaining({ path: ['me'], errorType: 'ServiceUnavailable' })]);
  });

  it('sends nothing when the resolver refuses the input', async () => {
    const body = await post(runtime, REFRESH, { input: { refreshToken: 'short' } });
    expect(body.errors).toEqual([expect.objectContaining({ errorType: 'ValidationError', message: 'The refresh token is malformed.' })]);
    expect(seen).toHaveLength(0);
  });
});

describe("a resolver's HTTP request", () => {
  const valid = { method: 'POST', resourcePath: '/', params: { headers: { 'content-type': 'application/x-amz-json-1.1' }, body: '{}' } };
  const refusal = (value: unknown) => {
    try {
      httpRequestOf(value);
    } catch (err) {
      return err instanceof ResolverError ? err.errorType : err;
    }
    return 'accepted';
  };

  it('is taken as it is when AppSync would take it', () => {
    expect(httpRequestOf(valid)).toEqual({ method: 'POST', resourcePath: '/', headers: valid.params.headers, query: {}, body: '{}' });
    expect(httpRequestOf({ ...valid, params: { body: { a: 1 } } }).body).toBe('{"a":1}');
  });

  it.each([
    ['an unknown method', { ...valid, method: 'HEAD' }],
    ['a path without its slash', { ...valid, resourcePath: 'x' }],
    ['a header AppSync sets itself', { ...valid, params: { headers: { Host: 'example.com' } } }],
    ['a content type AppSync does not send', { ...valid, params: { headers: { 'Content-Type': 'application/octet-stream' } } }],
    ['a header that is not a string', { ...valid, params: { headers: { 'x-count': 1 } } }],
  ])('is refused for %s, before anything is sent', (_, value) => {
    expect(refusal(value)).toBe('MappingTemplate');
  });
});
