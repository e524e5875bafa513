import {
  AssociateSoftwareTokenCommand,
  CognitoIdentityProviderClient,
  InitiateAuthCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { pendingQrObjectKey } from '../../functions/lib/mfa';
import { handler } from '../../functions/login';
import { awsError, gatewayEvent, lambdaContext, TEST_ENV, useTestEnv } from '../helpers';

const cognito = mockClient(CognitoIdentityProviderClient);
const s3 = mockClient(S3Client);
const call = (input: Record<string, unknown>) => handler(gatewayEvent('login', input), lambdaContext);

const INPUT = { email: ' Ada@Example.com ', password: 'Correct-Horse-1!' };
const SESSION = 'session-from-initiate-auth-0123456789';
const ASSOCIATED = 'session-from-associate-0123456789';

const commandNames = (mock: typeof cognito | typeof s3) => mock.calls().map((c) => c.args[0].constructor.name);

beforeEach(() => {
  useTestEnv();
  cognito.reset();
  s3.reset();
});

describe('login', () => {
  it('checks the password with Cognito and asks for the authenticator code', async () => {
    cognito.on(InitiateAuthCommand).resolves({ ChallengeName: 'SOFTWARE_TOKEN_MFA', Session: SESSION, ChallengeParameters: {} });
    const result = await call(INPUT);
    expect(commandNames(cognito)).toEqual([InitiateAuthCommand.name]);
    expect(cognito.commandCalls(InitiateAuthCommand)[0]!.args[0].input).toEqual({
      AuthFlow: 'USER_PASSWORD_AUTH',
      ClientId: TEST_ENV.USER_POOL_CLIENT_ID,
      AuthParameters: { USERNAME: 'ada@example.com', PASSWORD: INPUT.password },
    });
    expect(result).toEqual({
      data: { email: 'ada@example.com', verificationType: 'SOFTWARE_TOKEN_MFA', verificationSession: SESSION, mfaSetup: null },
    });
    expect(s3.calls()).toHaveLength(0);
  });

  it('restarts an abandoned MFA enrolment with a fresh secret and QR code', async () => {
    cognito.on(InitiateAuthCommand).resolves({
      ChallengeName: 'MFA_SETUP',
      Session: SESSION,
      ChallengeParameters: { USER_ID_FOR_SRP: 'uuid-1', MFAS_CAN_SETUP: '["SOFTWARE_TOKEN_MFA"]' },
    });
    cognito.on(AssociateSoftwareTokenCommand).resolves({ SecretCode: 'JBSWY3DPEHPK3PXP', Session: 'session-from-associate-0123456789' });
    s3.on(PutObjectCommand).resolves({});
    const result = await call(INPUT);

    expect(commandNames(cognito)).toEqual([InitiateAuthCommand.name, AssociateSoftwareTokenCommand.name]);
    expect(cognito.commandCalls(AssociateSoftwareTokenCommand)[0]!.args[0].input).toEqual({ Session: SESSION });
    expect(s3.commandCalls(PutObjectCommand)[0]!.args[0].input).toEqual({
      Bucket: TEST_ENV.MFA_BUCKET,
      // Pending until confirmMfa verifies a code from it; named by the session confirmMfa gets.
      Key: pendingQrObjectKey(ASSOCIATED),
      ContentType: 'image/png',
      Body: expect.any(Buffer),
    });
    expect(result.data).toEqual({
      email: 'ada@example.com',
      verificationType: 'MFA_SETUP',
      // confirmMfa needs the session AssociateSoftwareToken returned, not the sign-in one.
      verificationSession: 'session-from-associate-0123456789',
      mfaSetup: {
        session: 'session-from-associate-0123456789',
        secretCode: 'JBSWY3DPEHPK3PXP',
        otpauthUri: 'otpauth://totp/Test%20Gateway:ada%40example.com?secret=JBSWY3DPEHPK3PXP&issuer=Test%20Gateway',
        qrCodeDataUrl: expect.stringMatching(/^data:image\/png;base64,/),
        qrCodeUrl: expect.stringContaining(`/${pendingQrObjectKey(ASSOCIATED)}?`),
        qrCodeExpiresAt: expect.any(String),
      },
    });
  });

  it('sends a user still on the temporary password to confirmUser', async () => {
    cognito.on(InitiateAuthCommand).resolves({
      ChallengeName: 'NEW_PASSWORD_REQUIRED',
      Session: SESSION,
      ChallengeParameters: { USER_ID_FOR_SRP: 'uuid-1', requiredAttributes: '[]' },
    });
    const result = await call(INPUT);
    expect(result).toEqual({
      data: { email: 'ada@example.com', verificationType: 'NEW_PASSWORD_REQUIRED', verificationSession: SESSION, mfaSetup: null },
    });
    expect(commandNames(cognito)).toEqual([InitiateAuthCommand.name]);
    expect(s3.calls()).toHaveLength(0);
  });

  it.each([
    ['tokens without a challenge', { AuthenticationResult: { IdToken: 'id', AccessToken: 'access', RefreshToken: 'refresh' } }],
    ['an SMS challenge', { ChallengeName: 'SMS_MFA' as const, Session: SESSION }],
    ['a challenge without a session', { ChallengeName: 'SOFTWARE_TOKEN_MFA' as const }],
  ])('fails on %s, which a pool requiring TOTP never sends', async (_case, answer) => {
    cognito.on(InitiateAuthCommand).resolves(answer);
    const result = await call(INPUT);
    expect(result.error).toMatchObject({ errorType: 'InternalError', requestId: 'req-1234' });
    expect(result.data).toBeUndefined();
  });

  it('answers an unknown e-mail exactly like a wrong password', async () => {
    const answers = [];
    for (const error of [
      // Wrong password, and an unknown user with prevent-user-existence-errors on: the same words.
      awsError('NotAuthorizedException', 'Incorrect username or password.'),
      // Should the pool setting be turned off, the gateway still does not tell.
      awsError('UserNotFoundException', 'User does not exist.'),
      awsError('UserNotConfirmedException', 'User is not confirmed.'),
      awsError('NotAuthorizedException', 'User is disabled.'),
    ]) {
      cognito.reset().on(InitiateAuthCommand).rejects(error);
      answers.push(await call(INPUT));
    }
    for (const answer of answers) {
      expect(answer).toEqual({ error: { errorType: 'NotAuthorized', message: 'Incorrect e-mail or password.' } });
    }
  });

  it.each([
    [awsError('NotAuthorizedException', 'Password attempts exceeded'), 'TooManyRequests', 'Too many failed attempts. Wait a few minutes and try again.'],
    [awsError('PasswordResetRequiredException', 'Password reset required for the user'), 'PasswordResetRequired', 'A password reset is required: call forgotPassword.'],
    [
      awsError('NotAuthorizedException', 'Temporary password has expired and must be reset by an administrator.'),
      'NotAuthorized',
      'The temporary password has expired. Ask for a new one with resendTemporaryPassword.',
    ],
    [awsError('TooManyRequestsException', 'Rate exceeded'), 'TooManyRequests', 'Too many requests. Wait a moment and try again.'],
    [awsError('InvalidParameterException', 'USER_PASSWORD_AUTH flow not enabled'), 'ValidationError', 'The request has an invalid value.'],
    [awsError('InternalErrorException', 'Internal error', 'server'), 'ServiceUnavailable', 'The service is temporarily unavailable. Try again later.'],
  ] as const)('maps %s to %s', async (error, errorType, message) => {
    cognito.on(InitiateAuthCommand).rejects(error);
    const result = await call(INPUT);
    expect(result.error).toEqual({ errorType, message });
  });

  const restartingEnrolment = () => {
    cognito.on(InitiateAuthCommand).resolves({ ChallengeName: 'MFA_SETUP', Session: SESSION, ChallengeParameters: { USER_ID_FOR_SRP: 'uuid-1' } });
    cognito.on(AssociateSoftwareTokenCommand).resolves({ SecretCode: 'JBSWY3DPEHPK3PXP', Session: ASSOCIATED });
    s3.on(PutObjectCommand).resolves({});
  };

  it('maps AssociateSoftwareToken failing while restarting enrolment to SessionExpired, archiving nothing', async () => {
    restartingEnrolment();
    const error = awsError('NotAuthorizedException', 'Invalid session for the user.');
    cognito.on(AssociateSoftwareTokenCommand).rejects(error);
    const result = await call(INPUT);
    expect(result.error).toEqual({ errorType: 'SessionExpired', message: 'This sign-in session has expired or was already used. Start again.' });
    expect(s3.calls()).toHaveLength(0);
  });

  it.each([
    [awsError('InternalError', 'We encountered an internal error.', 'server')],
    [awsError('AccessDenied', 'Access Denied')],
  ])('restarts enrolment without an archive link when S3 fails with %s', async (error) => {
    restartingEnrolment();
    s3.on(PutObjectCommand).rejects(error);
    const result = await call(INPUT);
    expect(result.data).toMatchObject({ verificationType: 'MFA_SETUP', verificationSession: ASSOCIATED });
    expect(result.data?.mfaSetup).toMatchObject({ session: ASSOCIATED, secretCode: 'JBSWY3DPEHPK3PXP', qrCodeUrl: null, qrCodeExpiresAt: null });
    expect(result.data?.mfaSetup?.qrCodeDataUrl).toMatch(/^data:image\/png;base64,/);
  });

  it('restarts enrolment without touching S3 when the archive is turned off', async () => {
    delete process.env.MFA_BUCKET;
    restartingEnrolment();
    const result = await call(INPUT);
    expect(result.data?.mfaSetup).toMatchObject({ qrCodeUrl: null, qrCodeExpiresAt: null });
    expect(s3.calls()).toHaveLength(0);
  });

  it.each([
    [{ ...INPUT, email: 'ada.example.com' }, 'e-mail'],
    [{ ...INPUT, email: `${'a'.repeat(250)}@example.com` }, 'e-mail address is too long'],
    [{ email: INPUT.email }, 'password is required'],
    [{ ...INPUT, password: '' }, 'password is required'],
    [{ ...INPUT, password: 'x'.repeat(257) }, 'password is at most 256'],
  ])('refuses %o before calling Cognito', async (input, words) => {
    const result = await call(input);
    expect(result.error?.errorType).toBe('ValidationError');
    expect(result.error?.message).toContain(words);
    expect(cognito.calls()).toHaveLength(0);
  });
});
