import { ChangePasswordCommand, CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { handler } from '../../functions/changePassword';
import { awsError, fakeJwt, gatewayEvent, lambdaContext, useTestEnv } from '../helpers';

const cognito = mockClient(CognitoIdentityProviderClient);
const ACCESS_TOKEN = fakeJwt({ sub: 'uuid-1', token_use: 'access' });
const INPUT = { oldPassword: 'Old-Pass-1!xyz', newPassword: 'New-Pass-2!xyz' };
const call = (input: Record<string, unknown>, accessToken: string | null = ACCESS_TOKEN) =>
  handler({ ...gatewayEvent('changePassword', input), accessToken }, lambdaContext);

beforeEach(() => {
  useTestEnv();
  cognito.reset();
});

describe('changePassword', () => {
  it("changes the signed-in user's password", async () => {
    cognito.on(ChangePasswordCommand).resolves({});
    const result = await call(INPUT);
    expect(result).toEqual({ data: { status: 'PASSWORD_CHANGED' } });
    expect(cognito.calls()).toHaveLength(1);
    expect(cognito.commandCalls(ChangePasswordCommand)[0]!.args[0].input).toEqual({
      AccessToken: ACCESS_TOKEN,
      PreviousPassword: INPUT.oldPassword,
      ProposedPassword: INPUT.newPassword,
    });
  });

  it.each([[null], [''], ['  ']])('refuses a call with access token %o before calling Cognito', async (accessToken) => {
    const result = await call(INPUT, accessToken);
    expect(result.error?.errorType).toBe('NotAuthorized');
    expect(result.error?.message).toContain('access token');
    expect(cognito.calls()).toHaveLength(0);
  });

  it.each([
    [{ newPassword: INPUT.newPassword }, 'old password is required'],
    [{ ...INPUT, oldPassword: '' }, 'old password is required'],
    [{ oldPassword: INPUT.oldPassword }, 'new password is required'],
    [{ ...INPUT, newPassword: 'x'.repeat(257) }, 'new password is at most 256'],
  ])('refuses %o before calling Cognito', async (input, words) => {
    const result = await call(input);
    expect(result.error?.errorType).toBe('ValidationError');
    expect(result.error?.message).toContain(words);
    expect(cognito.calls()).toHaveLength(0);
  });

  it.each([
    [awsError('NotAuthorizedException', 'Incorrect username or password.'), 'NotAuthorized', 'Incorrect e-mail or password.'],
    [
      awsError('NotAuthorizedException', 'Access Token has been revoked'),
      'NotAuthorized',
      'The access token is invalid, expired or revoked. Sign in again.',
    ],
    [
      awsError('InvalidPasswordException', 'Password does not conform to policy: Password must have uppercase characters'),
      'InvalidPassword',
      'The password does not meet the password policy: Password must have uppercase characters',
    ],
    [
      awsError('PasswordHistoryPolicyViolationException', 'Password was used recently'),
      'InvalidPassword',
      'The new password was used recently. Choose another one.',
    ],
    [awsError('LimitExceededException', 'Attempt limit exceeded'), 'TooManyRequests', 'Too many requests. Wait a moment and try again.'],
    [
      awsError('PasswordResetRequiredException', 'Password reset required for the user'),
      'PasswordResetRequired',
      'A password reset is required: call forgotPassword.',
    ],
    [awsError('InternalErrorException', 'Internal error', 'server'), 'ServiceUnavailable', 'The service is temporarily unavailable. Try again later.'],
  ] as const)('maps %s to %s', async (error, errorType, message) => {
    cognito.on(ChangePasswordCommand).rejects(error);
    const result = await call(INPUT);
    expect(result.error).toEqual({ errorType, message });
  });
});
