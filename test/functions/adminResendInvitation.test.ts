import { AdminCreateUserCommand, CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { handler } from '../../functions/adminResendInvitation';
import { adminEvent, awsError, lambdaContext, TEST_ENV, useTestEnv } from '../helpers';
import { answerAdminGetUser, userActionCases } from './adminCases';

const cognito = mockClient(CognitoIdentityProviderClient);
const arrange = () => {
  answerAdminGetUser(cognito);
  cognito.on(AdminCreateUserCommand).resolves({});
};

beforeEach(() => {
  useTestEnv();
  cognito.reset();
});

describe('adminResendInvitation', () => {
  it('re-sends the invitation with MessageAction RESEND', async () => {
    arrange();
    const result = await handler(adminEvent('adminResendInvitation', { email: 'ada@example.com' }), lambdaContext);
    expect(result).toEqual({ data: { userId: 'uuid-1', email: 'ada@example.com', action: 'INVITATION_RESENT' } });
    expect(cognito.calls().map((c) => c.args[0].constructor.name)).toEqual(['AdminGetUserCommand', 'AdminCreateUserCommand']);
    expect(cognito.commandCalls(AdminCreateUserCommand)[0]!.args[0].input).toEqual({ UserPoolId: TEST_ENV.USER_POOL_ID, Username: 'uuid-1', MessageAction: 'RESEND', DesiredDeliveryMediums: ['EMAIL'] });
  });

  it('maps Cognito throttling to TooManyRequests', async () => {
    arrange();
    cognito.on(AdminCreateUserCommand).rejects(awsError('TooManyRequestsException'));
    const result = await handler(adminEvent('adminResendInvitation', { email: 'ada@example.com' }), lambdaContext);
    expect(result.error).toEqual({ errorType: 'TooManyRequests', message: 'Too many requests. Wait a moment and try again.' });
  });

  userActionCases({ field: 'adminResendInvitation', handler, cognito, arrange });
});

describe('adminResendInvitation for a confirmed user', () => {
  it('answers InvalidUserState', async () => {
    answerAdminGetUser(cognito);
    cognito.on(AdminCreateUserCommand).rejects(awsError('UnsupportedUserStateException', 'User is already confirmed'));
    const result = await handler(adminEvent('adminResendInvitation', { email: 'ada@example.com' }), lambdaContext);
    expect(result.error?.errorType).toBe('InvalidUserState');
  });
});
