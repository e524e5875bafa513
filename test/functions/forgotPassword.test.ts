import { CognitoIdentityProviderClient, ForgotPasswordCommand } from '@aws-sdk/client-cognito-identity-provider';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { handler } from '../../functions/forgotPassword';
import { maskEmail } from '../../functions/lib/mask';
import { awsError, gatewayEvent, lambdaContext, TEST_ENV, useTestEnv } from '../helpers';

const cognito = mockClient(CognitoIdentityProviderClient);
const call = (input: Record<string, unknown>) => handler(gatewayEvent('forgotPassword', input), lambdaContext);

const SENT = {
  email: 'ada@example.com',
  status: 'PASSWORD_FORGOT_CONFIRMATION_SENT',
  deliveryDestination: 'a***@e***',
} as const;

beforeEach(() => {
  useTestEnv();
  cognito.reset();
});

describe('forgotPassword', () => {
  it('asks Cognito to e-mail a reset code and answers with the masked destination', async () => {
    cognito.on(ForgotPasswordCommand).resolves({
      CodeDeliveryDetails: { Destination: 'a***@e***', DeliveryMedium: 'EMAIL', AttributeName: 'email' },
    });
    const result = await call({ email: ' Ada@Example.com ' });
    expect(result).toEqual({ data: SENT });
    expect(cognito.calls()).toHaveLength(1);
    expect(cognito.commandCalls(ForgotPasswordCommand)[0]!.args[0].input).toEqual({
      ClientId: TEST_ENV.USER_POOL_CLIENT_ID,
      Username: 'ada@example.com',
    });
  });

  it("masks the address itself, never echoing Cognito's destination, which only known users have", async () => {
    cognito.on(ForgotPasswordCommand).resolves({
      CodeDeliveryDetails: { Destination: 'b***@o***', DeliveryMedium: 'EMAIL', AttributeName: 'email' },
    });
    const result = await call({ email: 'bob.smith@mail.example.org' });
    expect(result.data?.deliveryDestination).toBe('b***@m***');
  });

  it.each([
    ['an unknown user', awsError('UserNotFoundException', 'Username/client id combination not found.')],
    [
      'a user without a verified e-mail',
      awsError('InvalidParameterException', 'Cannot reset password for the user as there is no registered/verified email or phone_number'),
    ],
    ['a user still on a temporary password', awsError('NotAuthorizedException', 'User password cannot be reset in the current state.')],
  ])('answers for %s exactly as for a known user', async (_who, error) => {
    cognito.on(ForgotPasswordCommand).resolves({
      CodeDeliveryDetails: { Destination: 'a***@e***', DeliveryMedium: 'EMAIL', AttributeName: 'email' },
    });
    const known = await call({ email: 'ada@example.com' });
    cognito.reset().on(ForgotPasswordCommand).rejects(error);
    const hidden = await call({ email: 'ada@example.com' });
    expect(hidden).toEqual(known);
    expect(hidden).toEqual({ data: SENT });
  });

  it.each([[{ email: 'not-an-email' }], [{ email: '' }], [{}]])('refuses %o before calling Cognito', async (input) => {
    const result = await call(input);
    expect(result.error?.errorType).toBe('ValidationError');
    expect(result.error?.message).toContain('e-mail');
    expect(cognito.calls()).toHaveLength(0);
  });

  it.each([
    [awsError('LimitExceededException', 'Attempt limit exceeded, please try after some time.'), 'TooManyRequests', 'Too many requests. Wait a moment and try again.'],
    [awsError('TooManyRequestsException', 'Rate exceeded'), 'TooManyRequests', 'Too many requests. Wait a moment and try again.'],
    [awsError('CodeDeliveryFailureException', 'Unable to deliver'), 'ServiceUnavailable', 'The e-mail could not be sent. Try again later.'],
    [awsError('InternalErrorException', 'Internal error', 'server'), 'ServiceUnavailable', 'The service is temporarily unavailable. Try again later.'],
  ] as const)('maps %s to %s', async (error, errorType, message) => {
    cognito.on(ForgotPasswordCommand).rejects(error);
    const result = await call({ email: 'ada@example.com' });
    expect(result.error).toEqual({ errorType, message });
  });

  it('answers anything unexpected with an InternalError and a request id', async () => {
    cognito.on(ForgotPasswordCommand).rejects(awsError('ResourceNotFoundException', 'User pool client does not exist.'));
    const result = await call({ email: 'ada@example.com' });
    expect(result.error).toMatchObject({ errorType: 'InternalError', requestId: 'req-1234' });
    expect(result.error?.message).not.toContain('does not exist');
  });
});

describe('maskEmail', () => {
  it.each([
    ['ada@example.com', 'a***@e***'],
    ['x@y.io', 'x***@y***'],
    ['first.last+tag@Sub.Example.com', 'f***@S***'],
    ['\u{1F600}smile@example.com', '\u{1F600}***@e***'],
    ['no-at-sign', 'n***@***'],
  ])('masks %s as %s', (address, masked) => {
    expect(maskEmail(address)).toBe(masked);
  });
});
