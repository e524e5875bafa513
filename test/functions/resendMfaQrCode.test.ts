import { AdminGetUserCommand, CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { HeadObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { SendEmailCommand, SESv2Client } from '@aws-sdk/client-sesv2';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { presignQrCode } from '../../functions/lib/mfa';
import { handler } from '../../functions/resendMfaQrCode';
import { awsError, gatewayEvent, lambdaContext, TEST_ENV, useTestEnv } from '../helpers';

const cognito = mockClient(CognitoIdentityProviderClient);
const s3 = mockClient(S3Client);
const ses = mockClient(SESv2Client);
const call = (input: Record<string, unknown>) => handler(gatewayEvent('resendMfaQrCode', input), lambdaContext);

const SENT = { data: { email: 'ada@example.com', status: 'MFA_QR_CODE_SENT' } };
const NOW = new Date('2025-01-31T09:00:00.000Z');

/** A user with an archived QR code, and SES accepting the e-mail. */
function answerAsEnrolledUser(): void {
  cognito.on(AdminGetUserCommand).resolves({
    Username: 'ada@example.com',
    UserAttributes: [
      { Name: 'sub', Value: 'uuid-1' },
      { Name: 'email', Value: 'ada@example.com' },
    ],
    UserStatus: 'CONFIRMED',
  });
  s3.on(HeadObjectCommand).resolves({ ContentType: 'image/png', ContentLength: 1234 });
  ses.on(SendEmailCommand).resolves({ MessageId: 'message-1' });
}

/** S3's answer to HEAD on a missing object, as the SDK throws it. */
const notFound = () => Object.assign(new Error('NotFound'), { name: 'NotFound', $fault: 'client', $metadata: { httpStatusCode: 404 } });

beforeEach(() => {
  useTestEnv();
  cognito.reset();
  s3.reset();
  ses.reset();
  // A fixed clock makes the presigned link and its expiry predictable.
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
});

afterEach(() => {
  vi.useRealTimers();
});

describe('resendMfaQrCode', () => {
  it('e-mails a presigned link to the archived QR code', async () => {
    answerAsEnrolledUser();
    const result = await call({ email: ' Ada@Example.com ' });
    expect(result).toEqual(SENT);

    expect(cognito.calls()).toHaveLength(1);
    expect(cognito.commandCalls(AdminGetUserCommand)[0]!.args[0].input).toEqual({
      UserPoolId: TEST_ENV.USER_POOL_ID,
      Username: 'ada@example.com',
    });
    expect(s3.calls()).toHaveLength(1);
    expect(s3.commandCalls(HeadObjectCommand)[0]!.args[0].input).toEqual({ Bucket: TEST_ENV.MFA_BUCKET, Key: 'mfa-qr/uuid-1.png' });

    const { url, expiresAt } = await presignQrCode(TEST_ENV.MFA_BUCKET, 'uuid-1');
    expect(expiresAt).toBe('2025-01-31T09:10:00.000Z');
    expect(new URL(url).pathname).toBe('/mfa-qr/uuid-1.png');
    const validity = 'The link works for 10 minutes, until 2025-01-31 09:10 UTC.';
    expect(ses.calls()).toHaveLength(1);
    expect(ses.commandCalls(SendEmailCommand)[0]!.args[0].input).toEqual({
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
    });
  });

  it('sends to the address on file and falls back to the username when Cognito names no sub', async () => {
    answerAsEnrolledUser();
    cognito.on(AdminGetUserCommand).resolves({
      Username: 'uuid-9',
      UserAttributes: [{ Name: 'email', Value: 'ada.lovelace@example.com' }],
    });
    await call({ email: 'ada@example.com' });
    expect(s3.commandCalls(HeadObjectCommand)[0]!.args[0].input.Key).toBe('mfa-qr/uuid-9.png');
    const input = ses.commandCalls(SendEmailCommand)[0]!.args[0].input;
    expect(input.Destination).toEqual({ ToAddresses: ['ada.lovelace@example.com'] });
    expect(input.Content?.Simple?.Body?.Text?.Data).toContain('/mfa-qr/uuid-9.png?');
  });

  it('answers an unknown user and a user without an archived QR code exactly like a sent e-mail, sending none', async () => {
    answerAsEnrolledUser();
    const sent = await call({ email: 'ada@example.com' });
    expect(ses.calls()).toHaveLength(1);

    ses.reset();
    cognito.reset().on(AdminGetUserCommand).rejects(awsError('UserNotFoundException', 'User does not exist.'));
    s3.reset();
    const unknown = await call({ email: 'ada@example.com' });
    expect(s3.calls()).toHaveLength(0);

    answerAsEnrolledUser();
    s3.reset().on(HeadObjectCommand).rejects(notFound());
    const noQrCode = await call({ email: 'ada@example.com' });

    const statusOnly = Object.assign(new Error('UnknownError'), { name: 'UnknownError', $metadata: { httpStatusCode: 404 } });
    s3.reset().on(HeadObjectCommand).rejects(statusOnly);
    const noQrCodeByStatus = await call({ email: 'ada@example.com' });

    expect(ses.calls()).toHaveLength(0);
    expect(sent).toEqual(SENT);
    expect(unknown).toEqual(sent);
    expect(noQrCode).toEqual(sent);
    expect(noQrCodeByStatus).toEqual(sent);
  });

  it.each(['MFA_BUCKET', 'SES_FROM_ADDRESS'])('is disabled without %s, before any call', async (setting) => {
    answerAsEnrolledUser();
    delete process.env[setting];
    const result = await call({ email: 'ada@example.com' });
    expect(result.error).toEqual({
      errorType: 'FeatureDisabled',
      message: 'Re-sending the MFA QR code is not enabled for this gateway.',
    });
    expect(cognito.calls()).toHaveLength(0);
    expect(s3.calls()).toHaveLength(0);
    expect(ses.calls()).toHaveLength(0);
  });

  it.each([[{ email: 'not-an-email' }], [{}]])('refuses %o before any call', async (input) => {
    answerAsEnrolledUser();
    const result = await call(input);
    expect(result.error?.errorType).toBe('ValidationError');
    expect(result.error?.message).toContain('e-mail');
    expect(cognito.calls()).toHaveLength(0);
    expect(s3.calls()).toHaveLength(0);
    expect(ses.calls()).toHaveLength(0);
  });

  const failAt = {
    AdminGetUser: (error: Error) => cognito.on(AdminGetUserCommand).rejects(error),
    HeadObject: (error: Error) => s3.on(HeadObjectCommand).rejects(error),
    SendEmail: (error: Error) => ses.on(SendEmailCommand).rejects(error),
  };
  const forbidden = Object.assign(new Error('Forbidden'), { name: 'Forbidden', $fault: 'client', $metadata: { httpStatusCode: 403 } });
  it.each([
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
    const result = await call({ email: 'ada@example.com' });
    expect(result.error?.errorType).toBe(errorType);
    expect(result.error?.message).not.toContain(error.message);
    if (step !== 'SendEmail') expect(ses.calls()).toHaveLength(0);
  });

  it('fails when Cognito names no user id at all, sending nothing', async () => {
    answerAsEnrolledUser();
    cognito.on(AdminGetUserCommand).resolves({ UserAttributes: [{ Name: 'email', Value: 'ada@example.com' }] });
    const result = await call({ email: 'ada@example.com' });
    expect(result.error).toMatchObject({ errorType: 'InternalError', requestId: 'req-1234' });
    expect(s3.calls()).toHaveLength(0);
    expect(ses.calls()).toHaveLength(0);
  });
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
