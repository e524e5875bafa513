import {
  AdminUpdateUserAttributesCommand,
  AdminUserGlobalSignOutCommand,
  CognitoIdentityProviderClient,
} from '@aws-sdk/client-cognito-identity-provider';
import { SendEmailCommand, SESv2Client } from '@aws-sdk/client-sesv2';
import type { PostConfirmationTriggerEvent } from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { logger } from '../../functions/lib/logger';
import { handler } from '../../functions/postConfirmation';
import { awsCallNames, awsCalls, awsError, notificationSent, NOW_SECONDS, useFixedClock, useTestEnv } from '../helpers';

const cognito = mockClient(CognitoIdentityProviderClient);
const ses = mockClient(SESv2Client);
/** The trigger runs for the pool in the event, which need not be the one configured for the functions. */
const POOL = 'eu-west-1_ResetPool9';

function triggerEvent(
  triggerSource: PostConfirmationTriggerEvent['triggerSource'] = 'PostConfirmation_ConfirmForgotPassword',
  userAttributes: Record<string, string> = { sub: 'uuid-1', email: 'ada@example.com' },
): PostConfirmationTriggerEvent {
  return {
    version: '1',
    region: 'eu-west-1',
    userPoolId: POOL,
    userName: 'uuid-1',
    triggerSource,
    callerContext: { awsSdkVersion: 'aws-sdk-js-3', clientId: 'client-1' },
    request: { userAttributes },
    response: {},
  };
}

const FOLLOW_UPS = [
  [
    'AdminUpdateUserAttributes',
    { UserPoolId: POOL, Username: 'uuid-1', UserAttributes: [{ Name: 'custom:password_reset_at', Value: String(NOW_SECONDS) }] },
  ],
  ['AdminUserGlobalSignOut', { UserPoolId: POOL, Username: 'uuid-1' }],
  notificationSent('ada@example.com', 'passwordReset'),
];

beforeEach(() => {
  useTestEnv();
  cognito.reset();
  ses.reset();
  cognito.on(AdminUpdateUserAttributesCommand).resolves({});
  cognito.on(AdminUserGlobalSignOutCommand).resolves({});
  ses.on(SendEmailCommand).resolves({ MessageId: 'message-1' });
});

useFixedClock();

afterEach(() => {
  vi.restoreAllMocks();
});

describe('postConfirmation', () => {
  it('after a password reset: records when, ends every session, tells the user, and returns the event', async () => {
    const event = triggerEvent();
    const untouched = structuredClone(event);
    const result = await handler(event);
    expect(result).toBe(event);
    expect(result).toEqual(untouched);
    expect(awsCalls(cognito, ses)).toEqual(FOLLOW_UPS);
  });

  it.each([
    ['recording the reset', () => cognito.on(AdminUpdateUserAttributesCommand).rejects(awsError('InternalErrorException', 'Internal error', 'server')), 'record the reset'],
    ['ending the sessions', () => cognito.on(AdminUserGlobalSignOutCommand).rejects(awsError('TooManyRequestsException', 'Rate exceeded')), 'end sessions'],
  ])('attempts every later step when %s fails, and logs which step failed', async (_case, fail, step) => {
    const error = vi.spyOn(logger, 'error');
    fail();
    const event = triggerEvent();
    expect(await handler(event)).toBe(event);
    expect(awsCallNames(cognito, ses)).toEqual(['AdminUpdateUserAttributes', 'AdminUserGlobalSignOut', 'SendEmail']);
    expect(error).toHaveBeenCalledTimes(1);
    expect(error).toHaveBeenCalledWith('password reset follow-up failed', { step, cause: expect.stringMatching(/Exception$/) });
  });

  it('still returns the event when every step fails', async () => {
    cognito.on(AdminUpdateUserAttributesCommand).rejects(awsError('AccessDeniedException', 'denied'));
    cognito.on(AdminUserGlobalSignOutCommand).rejects(awsError('AccessDeniedException', 'denied'));
    ses.on(SendEmailCommand).rejects(awsError('MessageRejected', 'rejected'));
    const event = triggerEvent();
    expect(await handler(event)).toBe(event);
    expect(awsCallNames(cognito, ses)).toEqual(['AdminUpdateUserAttributes', 'AdminUserGlobalSignOut', 'SendEmail']);
  });

  it('sends no mail to a user without an e-mail address', async () => {
    const event = triggerEvent('PostConfirmation_ConfirmForgotPassword', { sub: 'uuid-1' });
    expect(await handler(event)).toBe(event);
    expect(awsCallNames(cognito, ses)).toEqual(['AdminUpdateUserAttributes', 'AdminUserGlobalSignOut']);
  });

  it('sends no mail without an SES identity, and still does the rest', async () => {
    delete process.env.SES_FROM_ADDRESS;
    await handler(triggerEvent());
    expect(awsCalls(cognito, ses)).toEqual(FOLLOW_UPS.slice(0, 2));
  });

  it('does nothing after a sign-up confirmation', async () => {
    const event = triggerEvent('PostConfirmation_ConfirmSignUp');
    const untouched = structuredClone(event);
    expect(await handler(event)).toBe(event);
    expect(event).toEqual(untouched);
    expect(awsCalls(cognito, ses)).toEqual([]);
  });
});
