import { CognitoIdentityProviderClient, DeleteUserCommand, GetUserCommand } from '@aws-sdk/client-cognito-identity-provider';
import { DeleteObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { handler } from '../../functions/deleteMe';
import {
  accessTokenSignedIn,
  awsCalls,
  awsError,
  BAD_TOKEN,
  gatewayEvent,
  lambdaContext,
  REAUTHENTICATE,
  STALE_SIGN_INS,
  TEST_ENV,
  UNREADABLE_TOKENS,
  useFixedClock,
  useTestEnv,
} from '../helpers';

const cognito = mockClient(CognitoIdentityProviderClient);
const s3 = mockClient(S3Client);
/** Signed in five minutes ago: recent enough to delete the account. */
const ACCESS_TOKEN = accessTokenSignedIn(300);
const call = (accessToken: string | null = ACCESS_TOKEN) => handler({ ...gatewayEvent('deleteMe'), accessToken }, lambdaContext);

/** Every call to Cognito or S3, in the order made. */
let order: string[] = [];

function answerAsSignedInUser(): void {
  cognito.on(GetUserCommand).callsFake(() => {
    order.push('GetUser');
    return {
      Username: 'uuid-1',
      UserAttributes: [
        { Name: 'sub', Value: 'uuid-1' },
        { Name: 'email', Value: 'ada@example.com' },
      ],
    };
  });
  s3.on(DeleteObjectCommand).callsFake(() => {
    order.push('DeleteObject');
    return {};
  });
  cognito.on(DeleteUserCommand).callsFake(() => {
    order.push('DeleteUser');
    return {};
  });
}

beforeEach(() => {
  useTestEnv();
  cognito.reset();
  s3.reset();
  order = [];
});

useFixedClock();

describe('deleteMe', () => {
  it('deletes the archived QR code, then the user', async () => {
    answerAsSignedInUser();
    const result = await call();
    expect(result).toEqual({ data: { userId: 'uuid-1', email: 'ada@example.com', status: 'USER_DELETED' } });
    expect(order).toEqual(['GetUser', 'DeleteObject', 'DeleteUser']);
    expect(cognito.commandCalls(GetUserCommand)[0]!.args[0].input).toEqual({ AccessToken: ACCESS_TOKEN });
    expect(s3.commandCalls(DeleteObjectCommand)[0]!.args[0].input).toEqual({ Bucket: TEST_ENV.MFA_BUCKET, Key: 'mfa-qr/uuid-1.png' });
    expect(cognito.commandCalls(DeleteUserCommand)[0]!.args[0].input).toEqual({ AccessToken: ACCESS_TOKEN });
  });

  it('skips S3 when the QR archive is turned off', async () => {
    delete process.env.MFA_BUCKET;
    answerAsSignedInUser();
    const result = await call();
    expect(result.data?.status).toBe('USER_DELETED');
    expect(order).toEqual(['GetUser', 'DeleteUser']);
    expect(s3.calls()).toHaveLength(0);
  });

  it('keeps the account when the QR code cannot be deleted, so the user can try again', async () => {
    answerAsSignedInUser();
    s3.on(DeleteObjectCommand).rejects(awsError('InternalError', 'We encountered an internal error.', 'server'));
    const result = await call();
    expect(result.error).toEqual({ errorType: 'ServiceUnavailable', message: 'The service is temporarily unavailable. Try again later.' });
    expect(cognito.commandCalls(DeleteUserCommand)).toHaveLength(0);
  });

  it('deletes nothing when the token is refused', async () => {
    answerAsSignedInUser();
    cognito.on(GetUserCommand).rejects(awsError('NotAuthorizedException', 'Access Token has been revoked'));
    const result = await call();
    expect(result.error).toEqual({ errorType: 'NotAuthorized', message: 'The access token is invalid, expired or revoked. Sign in again.' });
    expect(s3.calls()).toHaveLength(0);
    expect(cognito.commandCalls(DeleteUserCommand)).toHaveLength(0);
  });

  it('deletes nothing when Cognito names no user id', async () => {
    answerAsSignedInUser();
    cognito.on(GetUserCommand).resolves({ Username: 'uuid-1', UserAttributes: [{ Name: 'email', Value: 'ada@example.com' }] });
    const result = await call();
    expect(result.error).toMatchObject({ errorType: 'InternalError', requestId: 'req-1234' });
    expect(s3.calls()).toHaveLength(0);
    expect(cognito.commandCalls(DeleteUserCommand)).toHaveLength(0);
  });

  it.each([
    [awsError('NotAuthorizedException', 'Access Token has been revoked'), 'NotAuthorized', 'The access token is invalid, expired or revoked. Sign in again.'],
    [awsError('TooManyRequestsException', 'Rate exceeded'), 'TooManyRequests', 'Too many requests. Wait a moment and try again.'],
    [awsError('InternalErrorException', 'Internal error', 'server'), 'ServiceUnavailable', 'The service is temporarily unavailable. Try again later.'],
  ] as const)('maps DeleteUser failing with %s to %s', async (error, errorType, message) => {
    answerAsSignedInUser();
    cognito.on(DeleteUserCommand).rejects(error);
    const result = await call();
    expect(result.error).toEqual({ errorType, message });
  });

  it.each([[null], ['  ']])('refuses a call with access token %o before any call', async (accessToken) => {
    answerAsSignedInUser();
    const result = await call(accessToken);
    expect(result.error?.errorType).toBe('NotAuthorized');
    expect(result.error?.message).toContain('access token');
    expect(cognito.calls()).toHaveLength(0);
    expect(s3.calls()).toHaveLength(0);
  });

  it.each(STALE_SIGN_INS)('asks for a fresh sign-in after %s, deleting nothing and making no call', async (_case, accessToken) => {
    answerAsSignedInUser();
    expect((await call(accessToken)).error).toEqual(REAUTHENTICATE);
    expect(awsCalls(cognito, s3)).toEqual([]);
  });

  it.each(UNREADABLE_TOKENS)('refuses %s, deleting nothing and making no call', async (_case, accessToken) => {
    answerAsSignedInUser();
    expect((await call(accessToken)).error).toEqual(BAD_TOKEN);
    expect(awsCalls(cognito, s3)).toEqual([]);
  });
});
