import { AdminGetUserCommand, CognitoIdentityProviderClient, InitiateAuthCommand } from '@aws-sdk/client-cognito-identity-provider';
import { HeadObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { SendEmailCommand, SESv2Client } from '@aws-sdk/client-sesv2';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { presignQrCode } from '../../functions/lib/presignQrCode';
import { handler } from '../../functions/resendMfaQrCode';
import { awsCallNames, awsCalls, awsError, gatewayEvent, lambdaContext, NOW_SECONDS, TEST_ENV, useFixedClock, useTestEnv } from '../helpers';

const cognito = mockClient(CognitoIdentityProviderClient);
const s3 = mockClient(S3Client);
const ses = mockClient(SESv2Client);
const PASSWORD = 'Correct-Horse-1!';
const INPUT = { email: ' Ada@Example.com ', password: PASSWORD };
const call = (input: Record<string, unknown> = INPUT) => handler(gatewayEvent('resendMfaQrCode', input), lambdaContext);

const SENT = { data: { email: 'ada@example.com', status: 'MFA_QR_CODE_SENT' } };
const HOUR = 3600;

/** An enrolled user with an archived QR code who gave the right password; SES accepts the e-mail. */
function answerAsEnrolledUser(attributes: Array<{ Name: string; Value: string }> = [], enabled = true): void {
  cognito.on(InitiateAuthCommand).resolves({ ChallengeName: 'SOFTWARE_TOKEN_MFA', Session: 'session-0123456789abcdef', ChallengeParameters: {} });
  cognito.on(AdminGetUserCommand).resolves({
    Username: 'uuid-1',
    Enabled: enabled,
    UserAttributes: [
      { Name: 'sub', Value: 'uuid-1' },
      { Name: 'email', Value: 'ada@example.com' },
      ...attributes,
    ],
    UserStatus: 'CONFIRMED',
  });
  s3.on(HeadObjectCommand).resolves({ ContentType: 'image/png', ContentLength: 1234 });
  ses.on(SendEmailCommand).resolves({ MessageId: 'message-1' });
}

/** S3's answer to HEAD on a missing object, as the SDK throws it. */
const notFound = () => Object.assign(new Error('NotFound'), { name: 'NotFound', $fault: 'client', $metadata: { httpStatusCode: 404 } });
const resetAt = (secondsAgo: number) => [{ Name: 'custom:password_reset_at', Value: String(NOW_SECONDS - secondsAgo) }];

beforeEach(() => {
  useTestEnv();
  cognito.reset();
  s3.reset();
  ses.reset();
});

// A fixed clock makes the presigned link, its expiry and the hold after a reset predictable.
useFixedClock();

afterEach(() => {
  delete process.env.QR_RESEND_HOLD_HOURS;
});

describe('resendMfaQrCode', () => {
  it('checks the password, then e-mails a presigned link to the archived QR code', async () => {
    answerAsEnrolledUser();
    const result = await call();
    expect(result).toEqual(SENT);

    const { url, expiresAt } = await presignQrCode(TEST_ENV.MFA_BUCKET, 'mfa-qr/uuid-1.png');
    expect(expiresAt).toBe('2025-01-31T09:10:00.000Z');
    expect(new URL(url).pathname).toBe('/mfa-qr/uuid-1.png');
    const validity = 'The link works for 10 minutes, until 2025-01-31 09:10 UTC.';
    expect(awsCalls(cognito, s3, ses)).toEqual([
      [
        'InitiateAuth',
        { AuthFlow: 'USER_PASSWORD_AUTH', ClientId: TEST_ENV.USER_POOL_CLIENT_ID, AuthParameters: { USERNAME: 'ada@example.com', PASSWORD } },
      ],
      ['AdminGetUser', { UserPoolId: TEST_ENV.USER_POOL_ID, Username: 'ada@example.com' }],
      ['HeadObject', { Bucket: TEST_ENV.MFA_BUCKET, Key: 'mfa-qr/uuid-1.png' }],
      [
        'SendEmail',
        {
          FromEmailAddress: TEST_ENV.SES_FROM_ADDRESS,
          Destination: { ToAddresses: ['ada@example.com'] },
          Content: {
            Simple: {
              Subject: { Data: 'Your Test Gateway authenticator QR code', Charset: 'UTF-8' },
              Body: {
                Html: {
                  Data: expect.stringMatching(new RegExp(`href="${escapeRegExp(url.replaceAll('&', '&amp;'))}"[^]*${validity}`)),
                  Charset: 'UTF-8',
                },
                Text: { Data: expect.stringMatching(new RegExp(`\n${escapeRegExp(url)}\n[^]*${validity}`)), Charset: 'UTF-8' },
              },
            },
          },
        },
      ],
    ]);
    const text = ses.commandCalls(SendEmailCommand)[0]!.args[0].input.Content!.Simple!.Body!.Text!.Data!;
    expect(text).toContain('If you did not ask for this, someone knows your password');
  });

  it('sends to the address on file and falls back to the username when Cognito names no sub', async () => {
    answerAsEnrolledUser();
    cognito.on(AdminGetUserCommand).resolves({
      Username: 'uuid-9',
      UserAttributes: [{ Name: 'email', Value: 'ada.lovelace@example.com' }],
    });
    await call();
    expect(s3.commandCalls(HeadObjectCommand)[0]!.args[0].input.Key).toBe('mfa-qr/uuid-9.png');
    const input = ses.commandCalls(SendEmailCommand)[0]!.args[0].input;
    expect(input.Destination).toEqual({ ToAddresses: ['ada.lovelace@example.com'] });
    expect(input.Content?.Simple?.Body?.Text?.Data).toContain('/mfa-qr/uuid-9.png?');
  });

  it('sends again once the hold after a password reset is over', async () => {
    answerAsEnrolledUser(resetAt(72 * HOUR));
    expect(await call()).toEqual(SENT);
    expect(ses.calls()).toHaveLength(1);
  });

  it('reads the hold from QR_RESEND_HOLD_HOURS', async () => {
    process.env.QR_RESEND_HOLD_HOURS = '1';
    answerAsEnrolledUser(resetAt(2 * HOUR));
    expect(await call()).toEqual(SENT);
    expect(ses.calls()).toHaveLength(1);
  });

  /** Each refusal: how to arrange it, and the calls made before refusing. */
  const refusals: Array<[string, () => void, string[]]> = [
    ['a wrong password', () => cognito.on(InitiateAuthCommand).rejects(awsError('NotAuthorizedException', 'Incorrect username or password.')), ['InitiateAuth']],
    ['an unknown user', () => cognito.on(InitiateAuthCommand).rejects(awsError('UserNotFoundException', 'User does not exist.')), ['InitiateAuth']],
    ['a disabled user, refused at sign-in', () => cognito.on(InitiateAuthCommand).rejects(awsError('NotAuthorizedException', 'User is disabled.')), ['InitiateAuth']],
    [
      'a user who must reset the password',
      () => cognito.on(InitiateAuthCommand).rejects(awsError('PasswordResetRequiredException', 'Password reset required for the user')),
      ['InitiateAuth'],
    ],
    [
      'a user without an authenticator',
      () => cognito.on(InitiateAuthCommand).resolves({ ChallengeName: 'MFA_SETUP', Session: 'session-0123456789abcdef' }),
      ['InitiateAuth'],
    ],
    [
      'a user still on the temporary password',
      () => cognito.on(InitiateAuthCommand).resolves({ ChallengeName: 'NEW_PASSWORD_REQUIRED', Session: 'session-0123456789abcdef' }),
      ['InitiateAuth'],
    ],
    ['a disabled user, per AdminGetUser', () => answerAsEnrolledUser([], false), ['InitiateAuth', 'AdminGetUser']],
    ['a password reset an hour ago', () => answerAsEnrolledUser(resetAt(HOUR)), ['InitiateAuth', 'AdminGetUser']],
    ['a password reset just inside the hold', () => answerAsEnrolledUser(resetAt(72 * HOUR - 1)), ['InitiateAuth', 'AdminGetUser']],
    ['no archived QR code', () => s3.on(HeadObjectCommand).rejects(notFound()), ['InitiateAuth', 'AdminGetUser', 'HeadObject']],
    [
      'no archived QR code, told by status only',
      () => s3.on(HeadObjectCommand).rejects(Object.assign(new Error('UnknownError'), { name: 'UnknownError', $metadata: { httpStatusCode: 404 } })),
      ['InitiateAuth', 'AdminGetUser', 'HeadObject'],
    ],
  ];
  it.each(refusals)('answers %s exactly like a sent e-mail, sending none', async (_case, arrange, calls) => {
    answerAsEnrolledUser();
    arrange();
    expect(await call()).toEqual(SENT);
    expect(awsCallNames(cognito, s3, ses)).toEqual(calls);
  });

  it('reports a lockout rather than pretending to send', async () => {
    answerAsEnrolledUser();
    cognito.on(InitiateAuthCommand).rejects(awsError('NotAuthorizedException', 'Password attempts exceeded'));
    expect(await call()).toEqual({
      error: { errorType: 'TooManyRequests', message: 'Too many failed attempts. Wait a few minutes and try again.' },
    });
    expect(awsCallNames(cognito, s3, ses)).toEqual(['InitiateAuth']);
  });

  it.each(['MFA_BUCKET', 'SES_FROM_ADDRESS'])('is disabled without %s, before any call', async (setting) => {
    answerAsEnrolledUser();
    delete process.env[setting];
    const result = await call();
    expect(result.error).toEqual({
      errorType: 'FeatureDisabled',
      message: 'Re-sending the MFA QR code is not enabled for this gateway.',
    });
    expect(awsCalls(cognito, s3, ses)).toEqual([]);
  });

  it.each([
    [{ email: 'not-an-email', password: PASSWORD }, 'e-mail'],
    [{ password: PASSWORD }, 'e-mail'],
    [{ email: 'ada@example.com' }, 'password is required'],
    [{ email: 'ada@example.com', password: '' }, 'password is required'],
    [{ email: 'ada@example.com', password: 'x'.repeat(257) }, 'password is at most 256'],
  ])('refuses %o before any call', async (input, words) => {
    answerAsEnrolledUser();
    const result = await call(input);
    expect(result.error?.errorType).toBe('ValidationError');
    expect(result.error?.message).toContain(words);
    expect(awsCalls(cognito, s3, ses)).toEqual([]);
  });

  const failAt = {
    InitiateAuth: (error: Error) => cognito.on(InitiateAuthCommand).rejects(error),
    AdminGetUser: (error: Error) => cognito.on(AdminGetUserCommand).rejects(error),
    HeadObject: (error: Error) => s3.on(HeadObjectCommand).rejects(error),
    SendEmail: (error: Error) => ses.on(SendEmailCommand).rejects(error),
  };
  const forbidden = Object.assign(new Error('Forbidden'), { name: 'Forbidden', $fault: 'client', $metadata: { httpStatusCode: 403 } });
  it.each([
    ['InitiateAuth', awsError('TooManyRequestsException', 'Rate exceeded'), 'TooManyRequests'],
    ['InitiateAuth', awsError('InternalErrorException', 'Internal error', 'server'), 'ServiceUnavailable'],
    ['AdminGetUser', awsError('TooManyRequestsException', 'Rate exceeded'), 'TooManyRequests'],
    ['AdminGetUser', awsError('InternalErrorException', 'Internal error', 'server'), 'ServiceUnavailable'],
    ['AdminGetUser', awsError('AccessDeniedException', 'not allowed'), 'InternalError'],
    ['HeadObject', forbidden, 'InternalError'],
    ['HeadObject', awsError('SlowDown', 'Please reduce your request rate.', 'server'), 'TooManyRequests'],
    ['SendEmail', awsError('MessageRejected', 'Email address is not verified.'), 'ServiceUnavailable'],
    ['SendEmail', awsError('SendingPausedException', 'Sending paused'), 'ServiceUnavailable'],
    ['SendEmail', awsError('TooManyRequestsException', 'Maximum sending rate exceeded.'), 'TooManyRequests'],
  ] as const)('maps %s failing with %s to %s', async (step, error, errorType) => {
    answerAsEnrolledUser();
    failAt[step](error);
    const result = await call();
    expect(result.error?.errorType).toBe(errorType);
    expect(result.error?.message).not.toContain(error.message);
    expect(awsCallNames(cognito, s3, ses).at(-1)).toBe(step);
  });

  it('fails when Cognito names no user id at all, sending nothing', async () => {
    answerAsEnrolledUser();
    cognito.on(AdminGetUserCommand).resolves({ UserAttributes: [{ Name: 'email', Value: 'ada@example.com' }] });
    const result = await call();
    expect(result.error).toMatchObject({ errorType: 'InternalError', requestId: 'req-1234' });
    expect(s3.calls()).toHaveLength(0);
    expect(ses.calls()).toHaveLength(0);
  });
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
