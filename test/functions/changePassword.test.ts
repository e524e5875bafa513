import { ChangePasswordCommand, CognitoIdentityProviderClient, GetUserCommand, GlobalSignOutCommand } from '@aws-sdk/client-cognito-identity-provider';
import { SendEmailCommand, SESv2Client } from '@aws-sdk/client-sesv2';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { handler } from '../../functions/changePassword';
import { awsCallNames, awsCalls, awsError, fakeJwt, gatewayEvent, lambdaContext, notificationSent, SIGNED_IN_USER, useTestEnv } from '../helpers';

const cognito = mockClient(CognitoIdentityProviderClient);
const ses = mockClient(SESv2Client);
const ACCESS_TOKEN = fakeJwt({ sub: 'uuid-1', token_use: 'access' });
const INPUT = { oldPassword: 'Old-Pass-1!xyz', newPassword: 'New-Pass-2!xyz' };
const call = (input: Record<string, unknown>, accessToken: string | null = ACCESS_TOKEN) =>
  handler({ ...gatewayEvent('changePassword', input), accessToken }, lambdaContext);

/** Cognito accepting the change for a signed-in user; SES accepting the notification. */
function answerAsSignedInUser(): void {
  cognito.on(ChangePasswordCommand).resolves({});
  cognito.on(GetUserCommand).resolves(SIGNED_IN_USER);
  cognito.on(GlobalSignOutCommand).resolves({});
  ses.on(SendEmailCommand).resolves({ MessageId: 'message-1' });
}

beforeEach(() => {
  useTestEnv();
  cognito.reset();
  ses.reset();
});

describe('changePassword', () => {
  it("changes the signed-in user's password, ends every session and tells the user", async () => {
    answerAsSignedInUser();
    const result = await call(INPUT);
    expect(result).toEqual({ data: { status: 'PASSWORD_CHANGED', sessionsEnded: true } });
    expect(awsCalls(cognito, ses)).toEqual([
      ['ChangePassword', { AccessToken: ACCESS_TOKEN, PreviousPassword: INPUT.oldPassword, ProposedPassword: INPUT.newPassword }],
      ['GetUser', { AccessToken: ACCESS_TOKEN }],
      ['GlobalSignOut', { AccessToken: ACCESS_TOKEN }],
      notificationSent('ada@example.com', 'passwordChanged'),
    ]);
    // The mail, in both parts, says what happened and what to do if it was not the user.
    const sent = ses.commandCalls(SendEmailCommand)[0]!.args[0].input.Content!.Simple!;
    expect(sent.Subject!.Data).toBe('Test Gateway: your password was changed');
    for (const part of [sent.Body!.Text!.Data!, sent.Body!.Html!.Data!]) {
      expect(part).toContain('every device signed in to it was signed out');
      expect(part).toContain('If this was not you');
    }
    expect(sent.Body!.Html!.Data).toMatch(/^<!doctype html>/);
  });

  it.each([
    ['GetUser', () => cognito.on(GetUserCommand).rejects(awsError('InternalErrorException', 'Internal error', 'server')), ['ChangePassword', 'GetUser']],
    [
      'GlobalSignOut',
      () => cognito.on(GlobalSignOutCommand).rejects(awsError('TooManyRequestsException', 'Rate exceeded')),
      ['ChangePassword', 'GetUser', 'GlobalSignOut'],
    ],
  ])('answers sessionsEnded false when %s fails after the change, sending no mail', async (_step, fail, calls) => {
    answerAsSignedInUser();
    fail();
    const result = await call(INPUT);
    expect(result).toEqual({ data: { status: 'PASSWORD_CHANGED', sessionsEnded: false } });
    expect(awsCallNames(cognito, ses)).toEqual(calls);
  });

  it('answers sessionsEnded true when only the notification fails', async () => {
    answerAsSignedInUser();
    ses.on(SendEmailCommand).rejects(awsError('MessageRejected', 'Email address is not verified.'));
    const result = await call(INPUT);
    expect(result).toEqual({ data: { status: 'PASSWORD_CHANGED', sessionsEnded: true } });
  });

  it('sends no notification without an SES identity', async () => {
    delete process.env.SES_FROM_ADDRESS;
    answerAsSignedInUser();
    const result = await call(INPUT);
    expect(result).toEqual({ data: { status: 'PASSWORD_CHANGED', sessionsEnded: true } });
    expect(ses.calls()).toHaveLength(0);
  });

  it.each([[null], [''], ['  ']])('refuses a call with access token %o before calling Cognito', async (accessToken) => {
    const result = await call(INPUT, accessToken);
    expect(result.error?.errorType).toBe('NotAuthorized');
    expect(result.error?.message).toContain('access token');
    expect(awsCalls(cognito, ses)).toEqual([]);
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
    answerAsSignedInUser();
    cognito.on(ChangePasswordCommand).rejects(error);
    const result = await call(INPUT);
    expect(result.error).toEqual({ errorType, message });
    // Nothing changed, so nobody is signed out or told.
    expect(awsCallNames(cognito, ses)).toEqual(['ChangePassword']);
  });
});
