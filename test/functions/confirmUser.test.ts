import {
  AssociateSoftwareTokenCommand,
  CognitoIdentityProviderClient,
  InitiateAuthCommand,
  RespondToAuthChallengeCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { mockClient } from 'aws-sdk-client-mock';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { beforeEach, describe, expect, it } from 'vitest';
import { handler } from '../../functions/confirmUser';
import { pendingQrObjectKey } from '../../functions/lib/mfa';
import { awsError, gatewayEvent, lambdaContext, NOW, TEST_ENV, useFixedClock, useTestEnv } from '../helpers';

const cognito = mockClient(CognitoIdentityProviderClient);
const s3 = mockClient(S3Client);
const call = (input: Record<string, unknown>) => handler(gatewayEvent('confirmUser', input), lambdaContext);

const INPUT = { email: ' Ada+Test@Example.com ', temporaryPassword: 'Temp-Pass-1!', newPassword: 'New-Pass-2!xyz' };
const EMAIL = 'ada+test@example.com';
const SECRET_CODE = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
const SESSION = {
  signIn: 'session-from-initiate-auth-0123456789',
  passwordSet: 'session-from-new-password-0123456789',
  associated: 'session-from-associate-token-0123456789',
};

/** Cognito and S3 answering as they do for a user still on the invitation's temporary password. */
function answerAsNewUser(): void {
  cognito.on(InitiateAuthCommand).resolves({
    ChallengeName: 'NEW_PASSWORD_REQUIRED',
    Session: SESSION.signIn,
    ChallengeParameters: { USER_ID_FOR_SRP: 'uuid-1', requiredAttributes: '[]', userAttributes: '{}' },
  });
  cognito.on(RespondToAuthChallengeCommand).resolves({
    ChallengeName: 'MFA_SETUP',
    Session: SESSION.passwordSet,
    ChallengeParameters: { MFAS_CAN_SETUP: '["SOFTWARE_TOKEN_MFA"]' },
  });
  cognito.on(AssociateSoftwareTokenCommand).resolves({ SecretCode: SECRET_CODE, Session: SESSION.associated });
  s3.on(PutObjectCommand).resolves({});
}

const commandNames = (mock: typeof cognito | typeof s3) => mock.calls().map((c) => c.args[0].constructor.name);

beforeEach(() => {
  useTestEnv();
  cognito.reset();
  s3.reset();
});

useFixedClock();

describe('confirmUser', () => {
  it('sets the new password, starts MFA enrolment and keeps the QR code as pending until it is verified', async () => {
    answerAsNewUser();
    const result = await call(INPUT);

    expect(commandNames(cognito)).toEqual([
      InitiateAuthCommand.name,
      RespondToAuthChallengeCommand.name,
      AssociateSoftwareTokenCommand.name,
    ]);
    expect(cognito.commandCalls(InitiateAuthCommand)[0]!.args[0].input).toEqual({
      AuthFlow: 'USER_PASSWORD_AUTH',
      ClientId: TEST_ENV.USER_POOL_CLIENT_ID,
      AuthParameters: { USERNAME: EMAIL, PASSWORD: INPUT.temporaryPassword },
    });
    expect(cognito.commandCalls(RespondToAuthChallengeCommand)[0]!.args[0].input).toEqual({
      ChallengeName: 'NEW_PASSWORD_REQUIRED',
      ClientId: TEST_ENV.USER_POOL_CLIENT_ID,
      Session: SESSION.signIn,
      ChallengeResponses: { USERNAME: 'uuid-1', NEW_PASSWORD: INPUT.newPassword },
    });
    expect(cognito.commandCalls(AssociateSoftwareTokenCommand)[0]!.args[0].input).toEqual({ Session: SESSION.passwordSet });

    expect(result.data).toEqual({
      userId: 'uuid-1',
      email: EMAIL,
      status: 'MFA_SETUP_REQUIRED',
      mfaSetup: {
        session: SESSION.associated,
        secretCode: SECRET_CODE,
        otpauthUri: `otpauth://totp/Test%20Gateway:ada%2Btest%40example.com?secret=${SECRET_CODE}&issuer=Test%20Gateway`,
        qrCodeDataUrl: expect.stringMatching(/^data:image\/png;base64,/),
        qrCodeUrl: expect.any(String),
        qrCodeExpiresAt: expect.any(String),
      },
    });
    const mfaSetup = result.data!.mfaSetup;

    // The archived PNG is the very image the caller receives.
    const puts = s3.commandCalls(PutObjectCommand);
    expect(commandNames(s3)).toEqual([PutObjectCommand.name]);
    expect(puts[0]!.args[0].input).toEqual({
      Bucket: TEST_ENV.MFA_BUCKET,
      // Named by the enrolment session: confirmMfa promotes it once a code from it is verified.
      Key: pendingQrObjectKey(SESSION.associated),
      ContentType: 'image/png',
      Body: expect.any(Buffer),
    });
    const png = Buffer.from(mfaSetup.qrCodeDataUrl.slice('data:image/png;base64,'.length), 'base64');
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(puts[0]!.args[0].input.Body).toEqual(png);
    // As an authenticator app's camera reads it: opaque black on white, about 256 px, the otpauth URI in it.
    const image = PNG.sync.read(png);
    expect(image.width).toBe(image.height);
    expect(image.width).toBeGreaterThan(200);
    expect(image.width).toBeLessThanOrEqual(256);
    expect([...image.data.subarray(0, 4)]).toEqual([255, 255, 255, 255]);
    expect(jsQR(new Uint8ClampedArray(image.data), image.width, image.height)?.data).toBe(mfaSetup.otpauthUri);

    // A presigned GET of the same object, valid for the configured ten minutes.
    const url = new URL(mfaSetup.qrCodeUrl!);
    expect(url.hostname).toBe(`${TEST_ENV.MFA_BUCKET}.s3.${TEST_ENV.AWS_REGION}.amazonaws.com`);
    expect(url.pathname).toBe(`/${pendingQrObjectKey(SESSION.associated)}`);
    expect(url.searchParams.get('X-Amz-Expires')).toBe('600');
    expect(url.searchParams.get('X-Amz-Credential')).toMatch(new RegExp(`^${TEST_ENV.AWS_ACCESS_KEY_ID}/`));
    expect(url.searchParams.get('X-Amz-Signature')).toMatch(/^[0-9a-f]{64}$/);
    // The clock is fixed (useFixedClock), so the expiry is exact rather than a window a slow run could miss.
    expect(url.searchParams.get('X-Amz-Date')).toBe('20250131T090000Z');
    expect(mfaSetup.qrCodeExpiresAt).toBe(new Date(NOW.getTime() + 600_000).toISOString());
  });

  it('returns the QR code without archiving it when the archive is turned off', async () => {
    delete process.env.MFA_BUCKET;
    answerAsNewUser();
    const result = await call(INPUT);
    expect(result.data?.mfaSetup).toMatchObject({ secretCode: SECRET_CODE, qrCodeUrl: null, qrCodeExpiresAt: null });
    expect(result.data?.mfaSetup.qrCodeDataUrl).toMatch(/^data:image\/png;base64,/);
    expect(s3.calls()).toHaveLength(0);
  });

  it('answers the challenge with the e-mail and takes the user id from MFA_SETUP when sign-in names none', async () => {
    answerAsNewUser();
    cognito.on(InitiateAuthCommand).resolves({ ChallengeName: 'NEW_PASSWORD_REQUIRED', Session: SESSION.signIn });
    cognito.on(RespondToAuthChallengeCommand).resolves({
      ChallengeName: 'MFA_SETUP',
      Session: SESSION.passwordSet,
      ChallengeParameters: { USER_ID_FOR_SRP: 'uuid-2' },
    });
    const result = await call(INPUT);
    expect(cognito.commandCalls(RespondToAuthChallengeCommand)[0]!.args[0].input.ChallengeResponses).toEqual({
      USERNAME: EMAIL,
      NEW_PASSWORD: INPUT.newPassword,
    });
    expect(result.data?.userId).toBe('uuid-2');
    expect(s3.commandCalls(PutObjectCommand)[0]!.args[0].input.Key).toBe(pendingQrObjectKey(SESSION.associated));
  });

  it('fails without starting enrolment when Cognito names no user id at all', async () => {
    answerAsNewUser();
    cognito.on(InitiateAuthCommand).resolves({ ChallengeName: 'NEW_PASSWORD_REQUIRED', Session: SESSION.signIn });
    cognito.on(RespondToAuthChallengeCommand).resolves({ ChallengeName: 'MFA_SETUP', Session: SESSION.passwordSet });
    const result = await call(INPUT);
    expect(result.error).toMatchObject({ errorType: 'InternalError', requestId: 'req-1234' });
    expect(cognito.commandCalls(AssociateSoftwareTokenCommand)).toHaveLength(0);
    expect(s3.calls()).toHaveLength(0);
  });

  it.each([
    ['tokens', { AuthenticationResult: { IdToken: 'id', AccessToken: 'access', RefreshToken: 'refresh' } }],
    ['SOFTWARE_TOKEN_MFA', { ChallengeName: 'SOFTWARE_TOKEN_MFA' as const, Session: SESSION.signIn }],
    ['MFA_SETUP', { ChallengeName: 'MFA_SETUP' as const, Session: SESSION.signIn }],
  ])('says the account is already confirmed when sign-in answers %s', async (_answer, answer) => {
    answerAsNewUser();
    cognito.on(InitiateAuthCommand).resolves(answer);
    const result = await call(INPUT);
    expect(result.error).toEqual({
      errorType: 'ValidationError',
      message: 'This account is already confirmed: sign in with login.',
    });
    expect(commandNames(cognito)).toEqual([InitiateAuthCommand.name]);
    expect(s3.calls()).toHaveLength(0);
  });

  it.each([
    ['tokens', { AuthenticationResult: { IdToken: 'id', AccessToken: 'access', RefreshToken: 'refresh' } }],
    ['MFA_SETUP without a session', { ChallengeName: 'MFA_SETUP' as const }],
  ])('fails when the new password is answered with %s instead of MFA enrolment', async (_answer, answer) => {
    answerAsNewUser();
    cognito.on(RespondToAuthChallengeCommand).resolves(answer);
    const result = await call(INPUT);
    expect(result.error).toMatchObject({ errorType: 'InternalError', requestId: 'req-1234' });
    expect(cognito.commandCalls(AssociateSoftwareTokenCommand)).toHaveLength(0);
  });

  it('fails when Cognito returns no TOTP secret', async () => {
    answerAsNewUser();
    cognito.on(AssociateSoftwareTokenCommand).resolves({ Session: SESSION.associated });
    const result = await call(INPUT);
    expect(result.error?.errorType).toBe('InternalError');
    expect(s3.calls()).toHaveLength(0);
  });

  it.each([
    [{ ...INPUT, email: 'not-an-email' }, 'e-mail'],
    [{ email: INPUT.email, newPassword: INPUT.newPassword }, 'temporary password is required'],
    [{ ...INPUT, temporaryPassword: '' }, 'temporary password is required'],
    [{ ...INPUT, newPassword: '' }, 'new password is required'],
    [{ ...INPUT, newPassword: 'x'.repeat(257) }, 'new password is at most 256'],
  ])('refuses %o before calling Cognito', async (input, words) => {
    const result = await call(input);
    expect(result.error?.errorType).toBe('ValidationError');
    expect(result.error?.message).toContain(words);
    expect(cognito.calls()).toHaveLength(0);
    expect(s3.calls()).toHaveLength(0);
  });

  const failAt = {
    InitiateAuth: (error: Error) => cognito.on(InitiateAuthCommand).rejects(error),
    RespondToAuthChallenge: (error: Error) => cognito.on(RespondToAuthChallengeCommand).rejects(error),
    AssociateSoftwareToken: (error: Error) => cognito.on(AssociateSoftwareTokenCommand).rejects(error),
  };
  const [signIn, newPassword, associate] = ['InitiateAuth', 'RespondToAuthChallenge', 'AssociateSoftwareToken'] as const;
  it.each([
    [signIn, awsError('NotAuthorizedException', 'Incorrect username or password.'), 'NotAuthorized', 'Incorrect e-mail or password.'],
    [signIn, awsError('UserNotFoundException', 'User does not exist.'), 'NotAuthorized', 'Incorrect e-mail or password.'],
    [
      signIn,
      awsError('NotAuthorizedException', 'Temporary password has expired and must be reset by an administrator.'),
      'NotAuthorized',
      'The temporary password has expired. Ask for a new one with resendTemporaryPassword.',
    ],
    [signIn, awsError('NotAuthorizedException', 'Password attempts exceeded'), 'TooManyRequests', 'Too many failed attempts. Wait a few minutes and try again.'],
    [signIn, awsError('TooManyRequestsException', 'Rate exceeded'), 'TooManyRequests', 'Too many requests. Wait a moment and try again.'],
    [signIn, awsError('InternalErrorException', 'Internal error', 'server'), 'ServiceUnavailable', 'The service is temporarily unavailable. Try again later.'],
    [
      newPassword,
      awsError('InvalidPasswordException', 'Password does not conform to policy: Password must have symbol characters'),
      'InvalidPassword',
      'The password does not meet the password policy: Password must have symbol characters',
    ],
    [newPassword, awsError('InvalidPasswordException', 'Password not long enough'), 'InvalidPassword', 'The password does not meet the password policy.'],
    [
      newPassword,
      awsError('NotAuthorizedException', 'Invalid session for the user, session is expired.'),
      'SessionExpired',
      'This sign-in session has expired or was already used. Start again.',
    ],
    [newPassword, awsError('InvalidParameterException', 'Invalid attributes given'), 'ValidationError', 'The request has an invalid value.'],
    [
      associate,
      awsError('NotAuthorizedException', 'Invalid session for the user.'),
      'SessionExpired',
      'This sign-in session has expired or was already used. Start again.',
    ],
    [associate, awsError('TooManyRequestsException', 'Rate exceeded'), 'TooManyRequests', 'Too many requests. Wait a moment and try again.'],
  ] as const)('maps %s failing with %s to %s', async (step, error, errorType, message) => {
    answerAsNewUser();
    failAt[step](error);
    const result = await call(INPUT);
    expect(result.error).toEqual({ errorType, message });
    // Nothing runs after the failing call.
    expect(commandNames(cognito).at(-1)).toBe(`${step}Command`);
    expect(s3.calls()).toHaveLength(0);
  });

  it.each([
    [awsError('SlowDown', 'Please reduce your request rate.', 'server')],
    [awsError('InternalError', 'We encountered an internal error.', 'server')],
    [awsError('AccessDenied', 'Access Denied')],
  ])('goes on without an archive link when the QR archive fails with %s', async (error) => {
    answerAsNewUser();
    s3.on(PutObjectCommand).rejects(error);
    const result = await call(INPUT);
    expect(result.data).toMatchObject({ userId: 'uuid-1', email: EMAIL, status: 'MFA_SETUP_REQUIRED' });
    expect(result.data?.mfaSetup).toMatchObject({ session: SESSION.associated, secretCode: SECRET_CODE, qrCodeUrl: null, qrCodeExpiresAt: null });
    expect(result.data?.mfaSetup.qrCodeDataUrl).toMatch(/^data:image\/png;base64,/);
  });
});
