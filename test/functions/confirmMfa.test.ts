import {
  AdminUpdateUserAttributesCommand,
  CognitoIdentityProviderClient,
  RespondToAuthChallengeCommand,
  VerifySoftwareTokenCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { DeleteObjectCommand, GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { handler } from '../../functions/confirmMfa';
import { pendingQrObjectKey } from '../../functions/lib/mfa';
import { consumeRecoveryCode, remainingRecoveryCodes } from '../../functions/lib/recoveryCodes';
import { awsCallNames, awsCalls, awsError, fakeJwt, gatewayEvent, lambdaContext, TEST_ENV, useTestEnv } from '../helpers';

const cognito = mockClient(CognitoIdentityProviderClient);
const s3 = mockClient(S3Client);
const call = (input: Record<string, unknown>) => handler(gatewayEvent('confirmMfa', input), lambdaContext);

const INPUT = { email: ' Ada@Example.com ', session: 'session-from-associate-token-0123456789', otp: ' 123456 ', deviceName: 'Work phone' };
const VERIFIED_SESSION = 'session-from-verify-token-0123456789';
const AUTHENTICATION_RESULT = {
  IdToken: fakeJwt({ sub: 'uuid-1', email: 'ada@example.com', token_use: 'id' }),
  AccessToken: fakeJwt({ sub: 'uuid-1', token_use: 'access' }),
  RefreshToken: 'refresh-token-0123456789',
  ExpiresIn: 3600,
  TokenType: 'Bearer',
};

const PENDING = pendingQrObjectKey(INPUT.session);
const ACTIVE = 'mfa-qr/uuid-1.png';
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]);
const noSuchKey = () => Object.assign(awsError('NoSuchKey', 'The specified key does not exist.'), { $metadata: { httpStatusCode: 404 } });

/** Cognito finishing enrolment, the QR code from login or confirmUser waiting as pending. */
function answerAsEnrolment(): void {
  cognito.on(VerifySoftwareTokenCommand).resolves({ Status: 'SUCCESS', Session: VERIFIED_SESSION });
  cognito.on(RespondToAuthChallengeCommand).resolves({ AuthenticationResult: AUTHENTICATION_RESULT });
  cognito.on(AdminUpdateUserAttributesCommand).resolves({});
  // The part of an S3 object body the archive reads.
  s3.on(GetObjectCommand).resolves({ Body: { transformToByteArray: async () => PNG } as never });
  s3.on(PutObjectCommand).resolves({});
  s3.on(DeleteObjectCommand).resolves({});
}

/** The recovery codes confirmMfa stored. */
const storedCodes = () =>
  cognito.commandCalls(AdminUpdateUserAttributesCommand)[0]!.args[0].input.UserAttributes!.find((a) => a.Name === 'custom:recovery_codes')!.Value!;

beforeEach(() => {
  useTestEnv();
  cognito.reset();
  s3.reset();
});

describe('confirmMfa', () => {
  it('lets Cognito verify the first code, answers MFA_SETUP, archives the verified QR code and issues recovery codes', async () => {
    answerAsEnrolment();
    const result = await call(INPUT);
    expect(awsCalls(cognito, s3)).toEqual([
      ['VerifySoftwareToken', { Session: INPUT.session, UserCode: '123456', FriendlyDeviceName: 'Work phone' }],
      [
        'RespondToAuthChallenge',
        {
          ChallengeName: 'MFA_SETUP',
          ClientId: TEST_ENV.USER_POOL_CLIENT_ID,
          Session: VERIFIED_SESSION,
          ChallengeResponses: { USERNAME: 'ada@example.com' },
        },
      ],
      // The pending QR code, named by the session login or confirmUser returned, becomes the user's.
      ['GetObject', { Bucket: TEST_ENV.MFA_BUCKET, Key: PENDING }],
      ['PutObject', { Bucket: TEST_ENV.MFA_BUCKET, Key: ACTIVE, Body: PNG, ContentType: 'image/png' }],
      ['DeleteObject', { Bucket: TEST_ENV.MFA_BUCKET, Key: PENDING }],
      [
        'AdminUpdateUserAttributes',
        {
          UserPoolId: TEST_ENV.USER_POOL_ID,
          Username: 'uuid-1',
          // At the tests' cost (TEST_ENV), which the set records.
          UserAttributes: [{ Name: 'custom:recovery_codes', Value: expect.stringMatching(/^s1\$16\$1\$1\./) }],
        },
      ],
    ]);
    expect(result).toEqual({
      data: {
        userId: 'uuid-1',
        email: 'ada@example.com',
        mfaStatus: 'CONFIRMED',
        tokens: {
          idToken: AUTHENTICATION_RESULT.IdToken,
          accessToken: AUTHENTICATION_RESULT.AccessToken,
          refreshToken: AUTHENTICATION_RESULT.RefreshToken,
          expiresIn: 3600,
          tokenType: 'Bearer',
        },
        recoveryCodes: expect.any(Array),
      },
    });
    const codes = result.data!.recoveryCodes!;
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) expect(code).toMatch(/^[0-9a-z]{5}-[0-9a-z]{5}$/);
    // What is stored is what checks the codes handed out, and it holds none of them.
    const stored = storedCodes();
    expect(remainingRecoveryCodes(stored)).toBe(10);
    for (const code of codes) expect(stored.toLowerCase()).not.toContain(code.replace('-', ''));
    expect(await consumeRecoveryCode(stored, codes[0]!)).not.toBeNull();
  });

  it('removes the archived QR code when no pending one exists, so the archive never holds a stale one', async () => {
    answerAsEnrolment();
    s3.on(GetObjectCommand).rejects(noSuchKey());
    const result = await call(INPUT);
    expect(result.data?.mfaStatus).toBe('CONFIRMED');
    expect(awsCalls(s3)).toEqual([
      ['GetObject', { Bucket: TEST_ENV.MFA_BUCKET, Key: PENDING }],
      ['DeleteObject', { Bucket: TEST_ENV.MFA_BUCKET, Key: ACTIVE }],
    ]);
  });

  it.each([
    ['reading the pending code', () => s3.on(GetObjectCommand).rejects(awsError('AccessDenied', 'Access Denied'))],
    ['writing the archived code', () => s3.on(PutObjectCommand).rejects(awsError('InternalError', 'internal', 'server'))],
    ['deleting the pending code', () => s3.on(DeleteObjectCommand).rejects(awsError('SlowDown', 'slow down', 'server'))],
  ])('still answers with tokens and recovery codes when S3 fails %s', async (_case, fail) => {
    answerAsEnrolment();
    fail();
    const result = await call(INPUT);
    expect(result.data?.tokens.accessToken).toBe(AUTHENTICATION_RESULT.AccessToken);
    expect(result.data?.recoveryCodes).toHaveLength(10);
  });

  it('does not touch S3 when the archive is turned off', async () => {
    delete process.env.MFA_BUCKET;
    answerAsEnrolment();
    const result = await call(INPUT);
    expect(result.data?.recoveryCodes).toHaveLength(10);
    expect(s3.calls()).toHaveLength(0);
  });

  it('answers with tokens and recoveryCodes null when the codes cannot be stored', async () => {
    answerAsEnrolment();
    cognito.on(AdminUpdateUserAttributesCommand).rejects(awsError('TooManyRequestsException', 'Rate exceeded'));
    const result = await call(INPUT);
    expect(result.data).toMatchObject({ userId: 'uuid-1', mfaStatus: 'CONFIRMED', recoveryCodes: null });
    expect(result.data?.tokens.refreshToken).toBe(AUTHENTICATION_RESULT.RefreshToken);
  });

  it.each([[undefined], [null], ['  ']])('names no device when deviceName is %o', async (deviceName) => {
    answerAsEnrolment();
    const result = await call({ ...INPUT, deviceName });
    expect(result.data?.mfaStatus).toBe('CONFIRMED');
    expect(cognito.commandCalls(VerifySoftwareTokenCommand)[0]!.args[0].input.FriendlyDeviceName).toBeUndefined();
  });

  it.each(['ERROR', undefined])('refuses the code when verification answers %s, without finishing sign-in', async (status) => {
    cognito.on(VerifySoftwareTokenCommand).resolves({ Status: status as 'ERROR' | undefined, Session: VERIFIED_SESSION });
    const result = await call(INPUT);
    expect(result.error).toEqual({ errorType: 'CodeMismatch', message: 'The authenticator code is incorrect.' });
    expect(awsCallNames(cognito, s3)).toEqual(['VerifySoftwareToken']);
  });

  it('fails when verification returns no session to go on with', async () => {
    cognito.on(VerifySoftwareTokenCommand).resolves({ Status: 'SUCCESS' });
    const result = await call(INPUT);
    expect(result.error).toMatchObject({ errorType: 'InternalError', requestId: 'req-1234' });
    expect(awsCallNames(cognito, s3)).toEqual(['VerifySoftwareToken']);
  });

  it.each([
    ['another challenge instead of tokens', { ChallengeName: 'SOFTWARE_TOKEN_MFA' as const, Session: VERIFIED_SESSION }],
    ['an id token without a subject', { AuthenticationResult: { ...AUTHENTICATION_RESULT, IdToken: fakeJwt({ email: 'ada@example.com' }) } }],
    ['a malformed id token', { AuthenticationResult: { ...AUTHENTICATION_RESULT, IdToken: 'not-a-jwt' } }],
  ])('fails on %s', async (_case, answer) => {
    answerAsEnrolment();
    cognito.on(RespondToAuthChallengeCommand).resolves(answer);
    const result = await call(INPUT);
    expect(result.error).toMatchObject({ errorType: 'InternalError', requestId: 'req-1234' });
    // Neither archive nor recovery codes for an enrolment that did not finish.
    expect(awsCallNames(cognito, s3)).toEqual(['VerifySoftwareToken', 'RespondToAuthChallenge']);
  });

  it.each([
    [{ ...INPUT, email: 'ada@' }, 'e-mail'],
    [{ ...INPUT, otp: '12345' }, 'authenticator code is 6 digits'],
    [{ ...INPUT, otp: '12345a' }, 'authenticator code is 6 digits'],
    [{ email: INPUT.email, session: INPUT.session }, 'authenticator code is required'],
    [{ ...INPUT, session: 'short' }, 'session is malformed'],
    [{ ...INPUT, session: 'x'.repeat(4097) }, 'session is malformed'],
    [{ email: INPUT.email, otp: INPUT.otp }, 'session is required'],
    [{ ...INPUT, deviceName: 'x'.repeat(129) }, 'device name is at most 128'],
  ])('refuses %o before calling Cognito', async (input, words) => {
    const result = await call(input);
    expect(result.error?.errorType).toBe('ValidationError');
    expect(result.error?.message).toContain(words);
    expect(awsCalls(cognito, s3)).toEqual([]);
  });

  const failAt = {
    VerifySoftwareToken: (error: Error) => cognito.on(VerifySoftwareTokenCommand).rejects(error),
    RespondToAuthChallenge: (error: Error) => cognito.on(RespondToAuthChallengeCommand).rejects(error),
  };
  const [verify, respond] = ['VerifySoftwareToken', 'RespondToAuthChallenge'] as const;
  it.each([
    [verify, awsError('EnableSoftwareTokenMFAException', 'Code mismatch'), 'CodeMismatch', 'The authenticator code is incorrect.'],
    [verify, awsError('CodeMismatchException', 'Invalid code received for user'), 'CodeMismatch', 'The code is incorrect.'],
    [
      verify,
      awsError('NotAuthorizedException', 'Invalid session for the user, session is expired.'),
      'SessionExpired',
      'This sign-in session has expired or was already used. Start again.',
    ],
    [verify, awsError('TooManyRequestsException', 'Rate exceeded'), 'TooManyRequests', 'Too many requests. Wait a moment and try again.'],
    [verify, awsError('InvalidParameterException', '1 validation error detected'), 'ValidationError', 'The request has an invalid value.'],
    [verify, awsError('InternalErrorException', 'Internal error', 'server'), 'ServiceUnavailable', 'The service is temporarily unavailable. Try again later.'],
    [
      respond,
      awsError('NotAuthorizedException', 'Invalid session for the user, session can only be used once.'),
      'SessionExpired',
      'This sign-in session has expired or was already used. Start again.',
    ],
    [respond, awsError('TooManyRequestsException', 'Rate exceeded'), 'TooManyRequests', 'Too many requests. Wait a moment and try again.'],
  ] as const)('maps %s failing with %s to %s', async (step, error, errorType, message) => {
    answerAsEnrolment();
    failAt[step](error);
    const result = await call(INPUT);
    expect(result.error).toEqual({ errorType, message });
    // Nothing runs after the failing call.
    expect(awsCallNames(cognito, s3).at(-1)).toBe(step);
  });
});
