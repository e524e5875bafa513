import {
  AdminGetUserCommand,
  AdminListGroupsForUserCommand,
  CognitoIdentityProviderClient,
} from '@aws-sdk/client-cognito-identity-provider';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { signGraphQLRequest } from '../../../admin/signing';
import { startAppSyncRuntime, type AppSyncRuntime } from '../../../local/appsync/server';
import { SIGV4_MESSAGES } from '../../../local/appsync/sigv4';
import { adminGetUserAnswer, auditRecordsOf, useTestEnv } from '../../helpers';

// Functions run in this process, so their Cognito client is the one mocked here.
const cognito = mockClient(CognitoIdentityProviderClient);
const API_KEY = 'da2-localtestkey0000000000';
const OPERATOR = { accessKeyId: 'AKIATESTOPERATOR0001', secretAccessKey: 'operator-secret', userArn: 'arn:aws:iam::111122223333:user/jane' };
const GET_USER = 'query q($email: AWSEmail!) { adminGetUser(email: $email) { userId email groups } }';
const ME = 'query { me { userId } }';
let runtime: AppSyncRuntime;

beforeAll(async () => {
  useTestEnv();
  runtime = await startAppSyncRuntime({ port: 0, apiKey: API_KEY, iamCredentials: [OPERATOR] });
});
afterAll(() => runtime.close());
beforeEach(() => {
  cognito.reset();
  cognito.on(AdminGetUserCommand).resolves(adminGetUserAnswer() as never);
  cognito.on(AdminListGroupsForUserCommand).resolves({ Groups: [{ GroupName: 'support' }] });
});

const bodyOf = (query: string, variables: Record<string, unknown> = {}) => JSON.stringify({ query, variables });

async function signedPost(
  body: string,
  options: { credentials?: { accessKeyId: string; secretAccessKey: string }; sentBody?: string; signingDate?: Date } = {},
): Promise<Response> {
  const headers = await signGraphQLRequest({
    url: runtime.url,
    body,
    region: 'eu-west-1',
    credentials: options.credentials ?? OPERATOR,
    signingDate: options.signingDate,
  });
  // fetch sets the host header itself, from the URL: the same value as signed.
  const { host: _host, ...rest } = headers;
  return fetch(runtime.url, { method: 'POST', headers: rest, body: options.sentBody ?? body });
}

describe('an admin field', () => {
  it('runs for a valid SigV4 signature, with the signer as caller', async () => {
    let res: Response | undefined;
    const records = await auditRecordsOf(async () => {
      res = await signedPost(bodyOf(GET_USER, { email: 'ada@example.com' }));
    });
    expect(res!.status).toBe(200);
    expect(await res!.json()).toEqual({ data: { adminGetUser: { userId: 'uuid-1', email: 'ada@example.com', groups: ['support'] } } });
    expect(records).toEqual([expect.objectContaining({ operation: 'adminGetUser', caller: OPERATOR.userArn, userId: 'uuid-1' })]);
  });

  it('is refused to the API key with AppSync Unauthorized error, calling nothing', async () => {
    const res = await fetch(runtime.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': API_KEY },
      body: bodyOf(GET_USER, { email: 'ada@example.com' }),
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      data: null,
      errors: [
        {
          path: ['adminGetUser'],
          data: null,
          errorType: 'Unauthorized',
          errorInfo: null,
          locations: [{ line: 1, column: 30, sourceName: null }],
          message: 'Not Authorized to access adminGetUser on type Query',
        },
      ],
    });
    expect(cognito.calls()).toHaveLength(0);
  });

  it.each([
    ['unsigned and without a key', { 'content-type': 'application/json' }, 'You are not authorized to make this call.'],
    ['with a malformed signature', { authorization: 'AWS4-HMAC-SHA256 Credential=x', 'x-amz-date': '20260101T000000Z' }, SIGV4_MESSAGES.malformed],
  ])('is refused %s with 401 UnauthorizedException', async (_, headers, message) => {
    const res = await fetch(runtime.url, { method: 'POST', headers, body: bodyOf(GET_USER, { email: 'ada@example.com' }) });
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ errors: [{ errorType: 'UnauthorizedException', message }] });
    expect(cognito.calls()).toHaveLength(0);
  });

  it('is refused a signature made with the wrong secret', async () => {
    const res = await signedPost(bodyOf(GET_USER, { email: 'ada@example.com' }), {
      credentials: { accessKeyId: OPERATOR.accessKeyId, secretAccessKey: 'not-the-secret' },
    });
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ errors: [{ errorType: 'UnauthorizedException', message: SIGV4_MESSAGES.mismatch }] });
    expect(cognito.calls()).toHaveLength(0);
  });

  it('is refused an access key it does not know', async () => {
    const res = await signedPost(bodyOf(GET_USER, { email: 'ada@example.com' }), {
      credentials: { accessKeyId: 'AKIAUNKNOWN000000000', secretAccessKey: 'x' },
    });
    expect(res.status).toBe(401);
    expect(((await res.json()) as { errors: Array<{ message: string }> }).errors[0]!.message).toBe(SIGV4_MESSAGES.unknownKey);
  });

  it('is refused a body changed after signing', async () => {
    const signed = bodyOf(GET_USER, { email: 'ada@example.com' });
    const res = await signedPost(signed, { sentBody: bodyOf(GET_USER, { email: 'bob@example.com' }) });
    expect(res.status).toBe(401);
    expect(cognito.calls()).toHaveLength(0);
  });

  it('is refused a signature more than 15 minutes old', async () => {
    const res = await signedPost(bodyOf(GET_USER, { email: 'ada@example.com' }), { signingDate: new Date(Date.now() - 20 * 60_000) });
    expect(res.status).toBe(401);
    expect(((await res.json()) as { errors: Array<{ message: string }> }).errors[0]!.message).toBe(SIGV4_MESSAGES.expired);
  });
});

describe('a user field', () => {
  it('is refused to an IAM-signed request', async () => {
    const res = await signedPost(bodyOf(ME));
    expect(res.status).toBe(200);
    const body = (await res.json()) as { errors: unknown[] };
    expect(body.errors[0]).toMatchObject({ path: ['me'], errorType: 'Unauthorized', message: 'Not Authorized to access me on type Query' });
    expect(cognito.calls()).toHaveLength(0);
  });
});
