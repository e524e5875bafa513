import {
  AdminDeleteSoftwareTokenCommand,
  AdminGetUserCommand,
  AdminUpdateUserAttributesCommand,
  AdminUserGlobalSignOutCommand,
  AssociateSoftwareTokenCommand,
  CognitoIdentityProviderClient,
  InitiateAuthCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { SendEmailCommand, SESv2Client } from '@aws-sdk/client-sesv2';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { pendingQrObjectKey } from '../../functions/lib/mfa';
import { newRecoveryCodes, remainingRecoveryCodes, type RecoveryCodeSet } from '../../functions/lib/recoveryCodes';
import { handler } from '../../functions/recoverAccount';
import { awsCallNames, awsCalls, awsError, gatewayEvent, lambdaContext, notificationSent, TEST_ENV, TEST_RECOVERY_CODE_COST, useTestEnv } from '../helpers';

const cognito = mockClient(CognitoIdentityProviderClient);
const s3 = mockClient(S3Client);
const ses = mockClient(SESv2Client);
const call = (input: Record<string, unknown>) => handler(gatewayEvent('recoverAccount', input), lambdaContext);

const EMAIL = 'ada@example.com';
const PASSWORD = 'Correct-Horse-1!';
const SECRET_CODE = 'JBSWY3DPEHPK3PXP';
const SESSION = {
  signIn: 'session-from-first-sign-in-0123456789',
  enrolment: 'session-from-second-sign-in-0123456789',
  associated: 'session-from-associate-token-0123456789',
};
const REFUSED = { error: { errorType: 'NotAuthorized', message: 'Incorrect e-mail, password or recovery code.' } };

let set: RecoveryCodeSet;
/** The recovery codes Cognito holds for the user; AdminUpdateUserAttributes writes here. */
let stored: string | undefined;

beforeAll(async () => {
  set = await newRecoveryCodes(TEST_RECOVERY_CODE_COST);
});

/** An enrolled user whose recovery codes are `stored`; every later step succeeds. */
function answerAsEnrolledUser(): void {
  let signIns = 0;
  cognito.on(InitiateAuthCommand).callsFake(() =>
    // With the authenticator gone, the second sign-in asks for enrolment.
    ++signIns === 1
      ? { ChallengeName: 'SOFTWARE_TOKEN_MFA', Session: SESSION.signIn, ChallengeParameters: {} }
      : { ChallengeName: 'MFA_SETUP', Session: SESSION.enrolment, ChallengeParameters: {} },
  );
  cognito.on(AdminGetUserCommand).callsFake(() => ({
    Username: 'uuid-1',
    Enabled: true,
    UserAttributes: [
      { Name: 'sub', Value: 'uuid-1' },
      { Name: 'email', Value: EMAIL },
      ...(stored === undefined ? [] : [{ Name: 'custom:recovery_codes', Value: stored }]),
    ],
  }));
  cognito.on(AdminUpdateUserAttributesCommand).callsFake((input: { UserAttributes: Array<{ Name: string; Value: string }> }) => {
    stored = input.UserAttributes.find((a) => a.Name === 'custom:recovery_codes')?.Value;
    return {};
  });
  cognito.on(AdminDeleteSoftwareTokenCommand).resolves({});
  cognito.on(AdminUserGlobalSignOutCommand).resolves({});
  cognito.on(AssociateSoftwareTokenCommand).resolves({ SecretCode: SECRET_CODE, Session: SESSION.associated });
  s3.on(PutObjectCommand).resolves({});
  ses.on(SendEmailCommand).resolves({ MessageId: 'message-1' });
}

const input = (recoveryCode = set.codes[0]!, overrides: Record<string, unknown> = {}) => ({
  email: ' Ada@Example.com ',
  password: PASSWORD,
  recoveryCode,
  ...overrides,
});

const signIn = ['InitiateAuth', { AuthFlow: 'USER_PASSWORD_AUTH', ClientId: TEST_ENV.USER_POOL_CLIENT_ID, AuthParameters: { USERNAME: EMAIL, PASSWORD } }];
const byPool = { UserPoolId: TEST_ENV.USER_POOL_ID, Username: EMAIL };

beforeEach(() => {
  useTestEnv();
  cognito.reset();
  s3.reset();
  ses.reset();
  stored = set.stored;
});

describe('recoverAccount', () => {
  it('spends the code, removes the authenticator, ends every session, tells the user and starts a new enrolment', async () => {
    answerAsEnrolledUser();
    const result = await call(input());

    expect(awsCalls(cognito, s3, ses)).toEqual([
      signIn,
      ['AdminGetUser', byPool],
      ['AdminUpdateUserAttributes', { ...byPool, UserAttributes: [{ Name: 'custom:recovery_codes', Value: expect.any(String) }] }],
      ['AdminDeleteSoftwareToken', byPool],
      ['AdminUserGlobalSignOut', byPool],
      notificationSent(EMAIL, 'recoveryCodeUsed'),
      signIn,
      ['AssociateSoftwareToken', { Session: SESSION.enrolment }],
      [
        'PutObject',
        { Bucket: TEST_ENV.MFA_BUCKET, Key: pendingQrObjectKey(SESSION.associated), Body: expect.any(Buffer), ContentType: 'image/png' },
      ],
    ]);
    expect(remainingRecoveryCodes(stored)).toBe(9);
    expect(result).toEqual({
      data: {
        email: EMAIL,
        verificationType: 'MFA_SETUP',
        verificationSession: SESSION.associated,
        mfaSetup: {
          session: SESSION.associated,
          secretCode: SECRET_CODE,
          otpauthUri: `otpauth://totp/Test%20Gateway:ada%40example.com?secret=${SECRET_CODE}&issuer=Test%20Gateway`,
          qrCodeDataUrl: expect.stringMatching(/^data:image\/png;base64,/),
          qrCodeUrl: expect.stringContaining(`/${pendingQrObjectKey(SESSION.associated)}?`),
          qrCodeExpiresAt: expect.any(String),
        },
      },
    });
  });

  it('accepts the code however it is typed', async () => {
    answerAsEnrolledUser();
    const typed = ` ${set.codes[1]!.toUpperCase().replace('-', ' ')} `;
    const result = await call(input(typed));
    expect(result.data?.verificationType).toBe('MFA_SETUP');
    expect(remainingRecoveryCodes(stored)).toBe(9);
  });

  it('never accepts a used code again', async () => {
    answerAsEnrolledUser();
    expect((await call(input(set.codes[2]))).data?.verificationType).toBe('MFA_SETUP');
    const afterFirstUse = stored;

    cognito.reset();
    s3.reset();
    ses.reset();
    answerAsEnrolledUser();
    expect(await call(input(set.codes[2]))).toEqual(REFUSED);
    // Refused before anything changed: nothing written, nothing removed, nobody signed out.
    expect(awsCallNames(cognito, s3, ses)).toEqual(['InitiateAuth', 'AdminGetUser']);
    expect(stored).toBe(afterFirstUse);

    // Another, unused code still works.
    cognito.reset();
    answerAsEnrolledUser();
    expect((await call(input(set.codes[3]))).data?.verificationType).toBe('MFA_SETUP');
    expect(remainingRecoveryCodes(stored)).toBe(8);
  });

  it('answers an unknown e-mail, a wrong password, a wrong code and a user without authenticator identically', async () => {
    const other = await newRecoveryCodes();
    const cases: Array<[string, () => void, Record<string, unknown>]> = [
      ['unknown e-mail, hidden by Cognito', () => cognito.on(InitiateAuthCommand).rejects(awsError('NotAuthorizedException', 'Incorrect username or password.')), input()],
      ['unknown e-mail, told by Cognito', () => cognito.on(InitiateAuthCommand).rejects(awsError('UserNotFoundException', 'User does not exist.')), input()],
      ['wrong password', () => cognito.on(InitiateAuthCommand).rejects(awsError('NotAuthorizedException', 'Incorrect username or password.')), input()],
      ['disabled user', () => cognito.on(InitiateAuthCommand).rejects(awsError('NotAuthorizedException', 'User is disabled.')), input()],
      ['wrong recovery code', () => undefined, input(other.codes[0])],
      ['malformed recovery code', () => undefined, input('not-a-code')],
      [
        'user without authenticator',
        () => cognito.on(InitiateAuthCommand).resolves({ ChallengeName: 'MFA_SETUP', Session: SESSION.signIn }),
        input(),
      ],
      [
        'user still on the temporary password',
        () => cognito.on(InitiateAuthCommand).resolves({ ChallengeName: 'NEW_PASSWORD_REQUIRED', Session: SESSION.signIn }),
        input(),
      ],
    ];
    for (const [name, arrange, given] of cases) {
      cognito.reset();
      s3.reset();
      ses.reset();
      answerAsEnrolledUser();
      arrange();
      const result = await call(given);
      expect(result, name).toEqual(REFUSED);
      expect(stored, name).toBe(set.stored);
      expect(cognito.commandCalls(AdminUpdateUserAttributesCommand), name).toHaveLength(0);
      expect(cognito.commandCalls(AdminDeleteSoftwareTokenCommand), name).toHaveLength(0);
      expect(cognito.commandCalls(AdminUserGlobalSignOutCommand), name).toHaveLength(0);
      expect(ses.calls(), name).toHaveLength(0);
    }
  });

  it('refuses every code of a user who has none stored', async () => {
    stored = undefined;
    answerAsEnrolledUser();
    expect(await call(input())).toEqual(REFUSED);
    expect(awsCallNames(cognito, s3, ses)).toEqual(['InitiateAuth', 'AdminGetUser']);
  });

  it('reports a lockout as such, before reading the account', async () => {
    answerAsEnrolledUser();
    cognito.on(InitiateAuthCommand).rejects(awsError('NotAuthorizedException', 'Password attempts exceeded'));
    expect(await call(input())).toEqual({
      error: { errorType: 'TooManyRequests', message: 'Too many failed attempts. Wait a few minutes and try again.' },
    });
    expect(awsCallNames(cognito, s3, ses)).toEqual(['InitiateAuth']);
  });

  it.each([
    [awsError('PasswordResetRequiredException', 'Password reset required for the user'), 'PasswordResetRequired'],
    [awsError('TooManyRequestsException', 'Rate exceeded'), 'TooManyRequests'],
    [awsError('InternalErrorException', 'Internal error', 'server'), 'ServiceUnavailable'],
  ] as const)('maps the first sign-in failing with %s to %s', async (error, errorType) => {
    answerAsEnrolledUser();
    cognito.on(InitiateAuthCommand).rejects(error);
    const result = await call(input());
    expect(result.error?.errorType).toBe(errorType);
    expect(result.error?.message).not.toContain(error.message);
    expect(awsCallNames(cognito, s3, ses)).toEqual(['InitiateAuth']);
  });

  it('leaves the code spent when removing the authenticator then fails', async () => {
    answerAsEnrolledUser();
    cognito.on(AdminDeleteSoftwareTokenCommand).rejects(awsError('InternalErrorException', 'Internal error', 'server'));
    const result = await call(input(set.codes[4]));
    expect(result.error?.errorType).toBe('ServiceUnavailable');
    expect(awsCallNames(cognito, s3, ses)).toEqual(['InitiateAuth', 'AdminGetUser', 'AdminUpdateUserAttributes', 'AdminDeleteSoftwareToken']);
    expect(remainingRecoveryCodes(stored)).toBe(9);

    // The spent code is gone for good, even though the recovery did not finish.
    cognito.reset();
    answerAsEnrolledUser();
    expect(await call(input(set.codes[4]))).toEqual(REFUSED);
  });

  it('changes nothing when the spent code cannot be written', async () => {
    answerAsEnrolledUser();
    cognito.on(AdminUpdateUserAttributesCommand).rejects(awsError('TooManyRequestsException', 'Rate exceeded'));
    const result = await call(input());
    expect(result.error?.errorType).toBe('TooManyRequests');
    expect(awsCallNames(cognito, s3, ses)).toEqual(['InitiateAuth', 'AdminGetUser', 'AdminUpdateUserAttributes']);
  });

  it('goes on when the notification cannot be sent', async () => {
    answerAsEnrolledUser();
    ses.on(SendEmailCommand).rejects(awsError('MessageRejected', 'Email address is not verified.'));
    const result = await call(input());
    expect(result.data?.verificationType).toBe('MFA_SETUP');
    expect(awsCallNames(cognito, s3, ses)).toContain('AssociateSoftwareToken');
  });

  it('sends no notification when no SES identity is configured', async () => {
    delete process.env.SES_FROM_ADDRESS;
    answerAsEnrolledUser();
    const result = await call(input());
    expect(result.data?.verificationType).toBe('MFA_SETUP');
    expect(ses.calls()).toHaveLength(0);
  });

  it('answers without an archive link when the QR code cannot be archived', async () => {
    answerAsEnrolledUser();
    s3.on(PutObjectCommand).rejects(awsError('InternalError', 'We encountered an internal error.', 'server'));
    const result = await call(input());
    expect(result.data?.mfaSetup).toMatchObject({ secretCode: SECRET_CODE, qrCodeUrl: null, qrCodeExpiresAt: null });
    expect(result.data?.mfaSetup.qrCodeDataUrl).toMatch(/^data:image\/png;base64,/);
  });

  it('fails when the second sign-in does not ask for enrolment', async () => {
    answerAsEnrolledUser();
    cognito.on(InitiateAuthCommand).resolves({ ChallengeName: 'SOFTWARE_TOKEN_MFA', Session: SESSION.signIn });
    const result = await call(input());
    expect(result.error).toMatchObject({ errorType: 'InternalError', requestId: 'req-1234' });
    expect(cognito.commandCalls(AssociateSoftwareTokenCommand)).toHaveLength(0);
  });

  it.each([
    [input('ab3de-fg7hk', { email: 'not-an-email' }), 'e-mail'],
    [input('ab3de-fg7hk', { password: '' }), 'password is required'],
    [input(''), 'recovery code is required'],
    [input('   '), 'recovery code is required'],
    [input('x'.repeat(65)), 'recovery code is malformed'],
    [{ email: EMAIL, password: PASSWORD }, 'recovery code is required'],
  ])('refuses %o before any call', async (given, words) => {
    const result = await call(given);
    expect(result.error?.errorType).toBe('ValidationError');
    expect(result.error?.message).toContain(words);
    expect(awsCalls(cognito, s3, ses)).toEqual([]);
  });
});
