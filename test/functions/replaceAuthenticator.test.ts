import { AssociateSoftwareTokenCommand, CognitoIdentityProviderClient, GetUserCommand } from '@aws-sdk/client-cognito-identity-provider';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { pendingQrObjectKey } from '../../functions/lib/mfa';
import { handler } from '../../functions/replaceAuthenticator';
import {
  accessTokenSignedIn,
  awsCalls,
  awsError,
  BAD_TOKEN,
  fakeJwt,
  gatewayEvent,
  lambdaContext,
  NOW_SECONDS,
  REAUTHENTICATE,
  SIGNED_IN_USER,
  STALE_SIGN_INS,
  TEST_ENV,
  UNREADABLE_TOKENS,
  useFixedClock,
  useTestEnv,
} from '../helpers';

const cognito = mockClient(CognitoIdentityProviderClient);
const s3 = mockClient(S3Client);
const SECRET_CODE = 'JBSWY3DPEHPK3PXP';
/** Signed in two minutes ago: well within the ten-minute window. */
const ACCESS_TOKEN = accessTokenSignedIn(120);
const call = (accessToken: string | null = ACCESS_TOKEN) => handler({ ...gatewayEvent('replaceAuthenticator'), accessToken }, lambdaContext);

function answerAsSignedInUser(): void {
  cognito.on(GetUserCommand).resolves({ ...SIGNED_IN_USER, UserMFASettingList: ['SOFTWARE_TOKEN_MFA'] });
  cognito.on(AssociateSoftwareTokenCommand).resolves({ SecretCode: SECRET_CODE });
  s3.on(PutObjectCommand).resolves({});
}

beforeEach(() => {
  useTestEnv();
  cognito.reset();
  s3.reset();
});

useFixedClock();

describe('replaceAuthenticator', () => {
  it('asks Cognito for a new secret and keeps its QR code as pending, under a fresh random session', async () => {
    answerAsSignedInUser();
    const result = await call();
    const session = result.data!.session;
    expect(session).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(awsCalls(cognito, s3)).toEqual([
      ['GetUser', { AccessToken: ACCESS_TOKEN }],
      ['AssociateSoftwareToken', { AccessToken: ACCESS_TOKEN }],
      ['PutObject', { Bucket: TEST_ENV.MFA_BUCKET, Key: pendingQrObjectKey(session), Body: expect.any(Buffer), ContentType: 'image/png' }],
    ]);
    expect(result.data).toEqual({
      session,
      secretCode: SECRET_CODE,
      otpauthUri: `otpauth://totp/Test%20Gateway:ada%40example.com?secret=${SECRET_CODE}&issuer=Test%20Gateway`,
      qrCodeDataUrl: expect.stringMatching(/^data:image\/png;base64,/),
      qrCodeUrl: expect.stringContaining(`/${pendingQrObjectKey(session)}?`),
      qrCodeExpiresAt: '2025-01-31T09:10:00.000Z',
    });
    // Never the active code's key: the old authenticator's QR code stays until the new one is verified.
    expect(pendingQrObjectKey(session)).toMatch(/^mfa-qr\/pending\/[0-9a-f]{64}\.png$/);

    const again = await call();
    expect(again.data!.session).not.toBe(session);
  });

  it('answers without an archive link when S3 fails', async () => {
    answerAsSignedInUser();
    s3.on(PutObjectCommand).rejects(awsError('InternalError', 'We encountered an internal error.', 'server'));
    const result = await call();
    expect(result.data).toMatchObject({ secretCode: SECRET_CODE, qrCodeUrl: null, qrCodeExpiresAt: null });
    expect(result.data?.qrCodeDataUrl).toMatch(/^data:image\/png;base64,/);
  });

  it('does not touch S3 when the archive is turned off', async () => {
    delete process.env.MFA_BUCKET;
    answerAsSignedInUser();
    const result = await call();
    expect(result.data).toMatchObject({ qrCodeUrl: null, qrCodeExpiresAt: null });
    expect(s3.calls()).toHaveLength(0);
  });

  it('accepts a sign-in exactly at the edge of the window', async () => {
    answerAsSignedInUser();
    const result = await call(accessTokenSignedIn(600));
    expect(result.data?.secretCode).toBe(SECRET_CODE);
  });

  it.each([
    ...STALE_SIGN_INS,
    ['a sign-in 601 seconds ago', accessTokenSignedIn(601)],
    // This machine's clock lags: by its time the sign-in is recent, but Cognito issued the token much later.
    ['a sign-in recent by this clock but not by the token', accessTokenSignedIn(60, -3600)],
  ] as const)('asks for a fresh sign-in after %s, with no call', async (_case, accessToken) => {
    answerAsSignedInUser();
    const result = await call(accessToken);
    expect(result.error).toEqual(REAUTHENTICATE);
    expect(awsCalls(cognito, s3)).toEqual([]);
  });

  it('reads the window from REAUTHENTICATE_WITHIN_MINUTES', async () => {
    process.env.REAUTHENTICATE_WITHIN_MINUTES = '30';
    try {
      answerAsSignedInUser();
      expect((await call(accessTokenSignedIn(20 * 60))).data?.secretCode).toBe(SECRET_CODE);
      const stale = await call(accessTokenSignedIn(31 * 60));
      expect(stale.error?.message).toContain('within 30 minutes');
    } finally {
      delete process.env.REAUTHENTICATE_WITHIN_MINUTES;
    }
  });

  it.each([
    ...UNREADABLE_TOKENS,
    ['a token with a text auth_time', fakeJwt({ sub: 'uuid-1', auth_time: String(NOW_SECONDS), iat: NOW_SECONDS })],
  ] as const)('refuses %s with no call', async (_case, accessToken) => {
    answerAsSignedInUser();
    const result = await call(accessToken);
    expect(result.error).toEqual(BAD_TOKEN);
    expect(awsCalls(cognito, s3)).toEqual([]);
  });

  it.each([[null], ['  ']])('refuses access token %o with no call', async (accessToken) => {
    const result = await call(accessToken);
    expect(result.error?.errorType).toBe('NotAuthorized');
    expect(result.error?.message).toContain('access token');
    expect(awsCalls(cognito, s3)).toEqual([]);
  });

  it.each([
    ['GetUser', awsError('NotAuthorizedException', 'Access Token has been revoked'), 'NotAuthorized'],
    ['AssociateSoftwareToken', awsError('NotAuthorizedException', 'Access Token has been revoked'), 'NotAuthorized'],
    ['AssociateSoftwareToken', awsError('TooManyRequestsException', 'Rate exceeded'), 'TooManyRequests'],
  ] as const)('maps %s failing with %s to %s, archiving nothing', async (step, error, errorType) => {
    answerAsSignedInUser();
    (step === 'GetUser' ? cognito.on(GetUserCommand) : cognito.on(AssociateSoftwareTokenCommand)).rejects(error);
    const result = await call();
    expect(result.error?.errorType).toBe(errorType);
    expect(s3.calls()).toHaveLength(0);
  });

  it('fails when Cognito returns no secret', async () => {
    answerAsSignedInUser();
    cognito.on(AssociateSoftwareTokenCommand).resolves({});
    const result = await call();
    expect(result.error).toMatchObject({ errorType: 'InternalError', requestId: 'req-1234' });
    expect(s3.calls()).toHaveLength(0);
  });
});
