import {
  CognitoIdentityProviderClient,
  GetUserCommand,
  GlobalSignOutCommand,
  VerifySoftwareTokenCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { DeleteObjectCommand, GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { SendEmailCommand, SESv2Client } from '@aws-sdk/client-sesv2';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { handler } from '../../functions/confirmReplaceAuthenticator';
import { pendingQrObjectKey } from '../../functions/lib/mfa';
import { awsCallNames, awsCalls, awsError, fakeJwt, gatewayEvent, lambdaContext, notificationSent, SIGNED_IN_USER, TEST_ENV, useTestEnv } from '../helpers';

const cognito = mockClient(CognitoIdentityProviderClient);
const s3 = mockClient(S3Client);
const ses = mockClient(SESv2Client);
// Any valid token: this step needs the code from the new authenticator, not a recent sign-in.
const ACCESS_TOKEN = fakeJwt({ sub: 'uuid-1', token_use: 'access' });
const SESSION = 'pending-qr-session-0123456789abcdefghijklmnopq';
const PENDING = pendingQrObjectKey(SESSION);
const ACTIVE = 'mfa-qr/uuid-1.png';
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]);
const INPUT = { otp: ' 123456 ', session: SESSION, deviceName: 'New phone' };
const DONE = { data: { mfaStatus: 'CONFIRMED', status: 'LOGGED_OUT' } };
const call = (input: Record<string, unknown> = INPUT, accessToken: string | null = ACCESS_TOKEN) =>
  handler({ ...gatewayEvent('confirmReplaceAuthenticator', input), accessToken }, lambdaContext);

/** The part of an S3 object body the archive reads. */
const pngBody = () => ({ transformToByteArray: async () => PNG }) as never;
const noSuchKey = () => Object.assign(awsError('NoSuchKey', 'The specified key does not exist.'), { $metadata: { httpStatusCode: 404 } });

function answerAsReplacingUser(): void {
  cognito.on(VerifySoftwareTokenCommand).resolves({ Status: 'SUCCESS' });
  cognito.on(GetUserCommand).resolves(SIGNED_IN_USER);
  cognito.on(GlobalSignOutCommand).resolves({});
  s3.on(GetObjectCommand).callsFake(() => ({ Body: pngBody() }));
  s3.on(PutObjectCommand).resolves({});
  s3.on(DeleteObjectCommand).resolves({});
  ses.on(SendEmailCommand).resolves({ MessageId: 'message-1' });
}

beforeEach(() => {
  useTestEnv();
  cognito.reset();
  s3.reset();
  ses.reset();
});

describe('confirmReplaceAuthenticator', () => {
  it('verifies the new code, promotes its QR code, ends every session and tells the user', async () => {
    answerAsReplacingUser();
    const result = await call();
    expect(result).toEqual(DONE);
    expect(awsCalls(cognito, s3, ses)).toEqual([
      ['VerifySoftwareToken', { AccessToken: ACCESS_TOKEN, UserCode: '123456', FriendlyDeviceName: 'New phone' }],
      ['GetUser', { AccessToken: ACCESS_TOKEN }],
      ['GetObject', { Bucket: TEST_ENV.MFA_BUCKET, Key: PENDING }],
      ['PutObject', { Bucket: TEST_ENV.MFA_BUCKET, Key: ACTIVE, Body: PNG, ContentType: 'image/png' }],
      ['DeleteObject', { Bucket: TEST_ENV.MFA_BUCKET, Key: PENDING }],
      ['GlobalSignOut', { AccessToken: ACCESS_TOKEN }],
      notificationSent('ada@example.com', 'authenticatorReplaced'),
    ]);
  });

  it("removes the old authenticator's QR code when the new one was never archived", async () => {
    answerAsReplacingUser();
    s3.on(GetObjectCommand).rejects(noSuchKey());
    expect(await call()).toEqual(DONE);
    expect(awsCalls(s3)).toEqual([
      ['GetObject', { Bucket: TEST_ENV.MFA_BUCKET, Key: PENDING }],
      ['DeleteObject', { Bucket: TEST_ENV.MFA_BUCKET, Key: ACTIVE }],
    ]);
  });

  it.each([[undefined], [null], ['']])('removes the old QR code without reading a pending one when session is %o', async (session) => {
    answerAsReplacingUser();
    expect(await call({ ...INPUT, session })).toEqual(DONE);
    expect(awsCalls(s3)).toEqual([['DeleteObject', { Bucket: TEST_ENV.MFA_BUCKET, Key: ACTIVE }]]);
  });

  it.each([
    ['reading the pending code', () => s3.on(GetObjectCommand).rejects(awsError('AccessDenied', 'Access Denied'))],
    ['writing the active code', () => s3.on(PutObjectCommand).rejects(awsError('InternalError', 'internal', 'server'))],
    ['deleting the pending code', () => s3.on(DeleteObjectCommand).rejects(awsError('SlowDown', 'slow down', 'server'))],
  ])('succeeds and still ends every session when S3 fails %s', async (_case, fail) => {
    answerAsReplacingUser();
    fail();
    expect(await call()).toEqual(DONE);
    expect(awsCallNames(cognito, ses)).toEqual(['VerifySoftwareToken', 'GetUser', 'GlobalSignOut', 'SendEmail']);
  });

  it('does not touch S3 when the archive is turned off', async () => {
    delete process.env.MFA_BUCKET;
    answerAsReplacingUser();
    expect(await call()).toEqual(DONE);
    expect(s3.calls()).toHaveLength(0);
  });

  it('succeeds when the notification cannot be sent', async () => {
    answerAsReplacingUser();
    ses.on(SendEmailCommand).rejects(awsError('MessageRejected', 'Email address is not verified.'));
    expect(await call()).toEqual(DONE);
  });

  it.each(['ERROR', undefined])('refuses the code when verification answers %s, changing nothing else', async (status) => {
    answerAsReplacingUser();
    cognito.on(VerifySoftwareTokenCommand).resolves({ Status: status as 'ERROR' | undefined });
    expect(await call()).toEqual({ error: { errorType: 'CodeMismatch', message: 'The authenticator code is incorrect.' } });
    expect(awsCallNames(cognito, s3, ses)).toEqual(['VerifySoftwareToken']);
  });

  it.each([
    [awsError('EnableSoftwareTokenMFAException', 'Code mismatch'), 'CodeMismatch'],
    [awsError('NotAuthorizedException', 'Access Token has been revoked'), 'NotAuthorized'],
    [awsError('TooManyRequestsException', 'Rate exceeded'), 'TooManyRequests'],
  ] as const)('maps verification failing with %s to %s, changing nothing else', async (error, errorType) => {
    answerAsReplacingUser();
    cognito.on(VerifySoftwareTokenCommand).rejects(error);
    const result = await call();
    expect(result.error?.errorType).toBe(errorType);
    expect(awsCallNames(cognito, s3, ses)).toEqual(['VerifySoftwareToken']);
  });

  it('reports a failed sign-out after the new authenticator already works', async () => {
    answerAsReplacingUser();
    cognito.on(GlobalSignOutCommand).rejects(awsError('InternalErrorException', 'Internal error', 'server'));
    const result = await call();
    expect(result.error?.errorType).toBe('ServiceUnavailable');
    expect(ses.calls()).toHaveLength(0);
  });

  it.each([
    [{ ...INPUT, otp: '12345' }, 'authenticator code is 6 digits'],
    [{ session: SESSION }, 'authenticator code is required'],
    [{ ...INPUT, session: 'x'.repeat(257) }, 'session is malformed'],
    [{ ...INPUT, deviceName: 'x'.repeat(129) }, 'device name is at most 128'],
  ])('refuses %o before any call', async (input, words) => {
    const result = await call(input);
    expect(result.error?.errorType).toBe('ValidationError');
    expect(result.error?.message).toContain(words);
    expect(awsCalls(cognito, s3, ses)).toEqual([]);
  });

  it.each([[null], ['  ']])('refuses access token %o before any call', async (accessToken) => {
    const result = await call(INPUT, accessToken);
    expect(result.error?.errorType).toBe('NotAuthorized');
    expect(awsCalls(cognito, s3, ses)).toEqual([]);
  });
});
