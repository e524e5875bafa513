import { AdminCreateUserCommand, CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { handler } from '../../functions/resendTemporaryPassword';
import { awsError, gatewayEvent, lambdaContext, TEST_ENV, useTestEnv } from '../helpers';

const cognito = mockClient(CognitoIdentityProviderClient);
const call = (input: Record<string, unknown>) => handler(gatewayEvent('resendTemporaryPassword', input), lambdaContext);

const SENT = { data: { email: 'ada@example.com', status: 'TEMPORARY_PASSWORD_SENT' } };

beforeEach(() => {
  useTestEnv();
  cognito.reset();
});

describe('resendTemporaryPassword', () => {
  it('asks Cognito to re-send the invitation by e-mail', async () => {
    cognito.on(AdminCreateUserCommand).resolves({ User: { Username: 'uuid-1', UserStatus: 'FORCE_CHANGE_PASSWORD' } });
    const result = await call({ email: ' Ada@Example.com ' });
    expect(result).toEqual(SENT);
    expect(cognito.calls()).toHaveLength(1);
    expect(cognito.commandCalls(AdminCreateUserCommand)[0]!.args[0].input).toEqual({
      UserPoolId: TEST_ENV.USER_POOL_ID,
      Username: 'ada@example.com',
      MessageAction: 'RESEND',
      DesiredDeliveryMediums: ['EMAIL'],
    });
  });

  it('answers an unknown user and a confirmed user exactly as a resent invitation', async () => {
    cognito.on(AdminCreateUserCommand).resolves({ User: { Username: 'uuid-1' } });
    const resent = await call({ email: 'ada@example.com' });
    cognito.reset().on(AdminCreateUserCommand).rejects(awsError('UserNotFoundException', 'User does not exist.'));
    const unknown = await call({ email: 'ada@example.com' });
    cognito.reset().on(AdminCreateUserCommand).rejects(awsError('UnsupportedUserStateException', 'User is already confirmed.'));
    const confirmed = await call({ email: 'ada@example.com' });
    expect(unknown).toEqual(resent);
    expect(confirmed).toEqual(resent);
    expect(resent).toEqual(SENT);
  });

  it.each([[{ email: 'not-an-email' }], [{}]])('refuses %o before calling Cognito', async (input) => {
    const result = await call(input);
    expect(result.error?.errorType).toBe('ValidationError');
    expect(result.error?.message).toContain('e-mail');
    expect(cognito.calls()).toHaveLength(0);
  });

  it.each([
    [awsError('TooManyRequestsException', 'Rate exceeded'), 'TooManyRequests', 'Too many requests. Wait a moment and try again.'],
    [awsError('LimitExceededException', 'Limit exceeded'), 'TooManyRequests', 'Too many requests. Wait a moment and try again.'],
    [awsError('CodeDeliveryFailureException', 'Unable to deliver'), 'ServiceUnavailable', 'The e-mail could not be sent. Try again later.'],
    [awsError('InvalidParameterException', 'Invalid parameter'), 'ValidationError', 'The request has an invalid value.'],
    [awsError('InternalErrorException', 'Internal error', 'server'), 'ServiceUnavailable', 'The service is temporarily unavailable. Try again later.'],
  ] as const)('maps %s to %s', async (error, errorType, message) => {
    cognito.on(AdminCreateUserCommand).rejects(error);
    const result = await call({ email: 'ada@example.com' });
    expect(result.error).toEqual({ errorType, message });
  });

  it('answers anything unexpected with an InternalError and a request id', async () => {
    cognito.on(AdminCreateUserCommand).rejects(awsError('AccessDeniedException', 'not allowed'));
    const result = await call({ email: 'ada@example.com' });
    expect(result.error).toMatchObject({ errorType: 'InternalError', requestId: 'req-1234' });
    expect(result.error?.message).not.toContain('not allowed');
  });
});
