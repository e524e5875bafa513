import { CognitoIdentityProviderClient, ConfirmForgotPasswordCommand } from '@aws-sdk/client-cognito-identity-provider';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { handler } from '../../functions/confirmForgotPassword';
import { awsError, gatewayEvent, lambdaContext, TEST_ENV, useTestEnv } from '../helpers';

const cognito = mockClient(CognitoIdentityProviderClient);
const call = (input: Record<string, unknown>) => handler(gatewayEvent('confirmForgotPassword', input), lambdaContext);

const INPUT = { email: ' Ada@Example.com ', verificationCode: ' 123456 ', newPassword: 'New-Pass-2!xyz' };

beforeEach(() => {
  useTestEnv();
  cognito.reset();
});

describe('confirmForgotPassword', () => {
  it('sets the new password with the e-mailed code', async () => {
    cognito.on(ConfirmForgotPasswordCommand).resolves({});
    const result = await call(INPUT);
    expect(result).toEqual({ data: { email: 'ada@example.com', status: 'NEW_PASSWORD_SET_SUCCESSFULLY' } });
    expect(cognito.calls()).toHaveLength(1);
    expect(cognito.commandCalls(ConfirmForgotPasswordCommand)[0]!.args[0].input).toEqual({
      ClientId: TEST_ENV.USER_POOL_CLIENT_ID,
      Username: 'ada@example.com',
      ConfirmationCode: '123456',
      Password: 'New-Pass-2!xyz',
    });
  });

  it.each([
    [{ ...INPUT, email: 'nope' }, 'e-mail'],
    [{ ...INPUT, verificationCode: '12ab56' }, 'verification code'],
    [{ ...INPUT, verificationCode: '12345' }, 'verification code'],
    [{ email: INPUT.email, newPassword: INPUT.newPassword }, 'verification code is required'],
    [{ ...INPUT, newPassword: '' }, 'new password is required'],
    [{ ...INPUT, newPassword: 'x'.repeat(257) }, 'new password is at most 256'],
  ])('refuses %o before calling Cognito', async (input, words) => {
    const result = await call(input);
    expect(result.error?.errorType).toBe('ValidationError');
    expect(result.error?.message).toContain(words);
    expect(cognito.calls()).toHaveLength(0);
  });

  it.each([
    [awsError('CodeMismatchException', 'Invalid verification code provided, please try again.'), 'CodeMismatch', 'The code is incorrect.'],
    [
      awsError('ExpiredCodeException', 'Invalid code provided, please request a code again.'),
      'ExpiredCode',
      'The code has expired or was already used. Use a new code.',
    ],
    [
      awsError('InvalidPasswordException', 'Password does not conform to policy: Password not long enough'),
      'InvalidPassword',
      'The password does not meet the password policy: Password not long enough',
    ],
    [
      awsError('PasswordHistoryPolicyViolationException', 'Password was used recently'),
      'InvalidPassword',
      'The new password was used recently. Choose another one.',
    ],
    [
      awsError('TooManyFailedAttemptsException', 'Too many failed attempts'),
      'TooManyRequests',
      'Too many failed attempts. Wait a few minutes and try again.',
    ],
    [awsError('LimitExceededException', 'Attempt limit exceeded'), 'TooManyRequests', 'Too many requests. Wait a moment and try again.'],
    [awsError('InternalErrorException', 'Internal error', 'server'), 'ServiceUnavailable', 'The service is temporarily unavailable. Try again later.'],
  ] as const)('maps %s to %s', async (error, errorType, message) => {
    cognito.on(ConfirmForgotPasswordCommand).rejects(error);
    const result = await call(INPUT);
    expect(result.error).toEqual({ errorType, message });
  });
});
