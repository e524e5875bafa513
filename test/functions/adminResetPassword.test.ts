import { AdminResetUserPasswordCommand, CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { handler } from '../../functions/adminResetPassword';
import { adminEvent, awsError, lambdaContext, TEST_ENV, useTestEnv } from '../helpers';
import { answerAdminGetUser, userActionCases } from './adminCases';

const cognito = mockClient(CognitoIdentityProviderClient);
const arrange = () => {
  answerAdminGetUser(cognito);
  cognito.on(AdminResetUserPasswordCommand).resolves({});
};

beforeEach(() => {
  useTestEnv();
  cognito.reset();
});

describe('adminResetPassword', () => {
  it('resets the password; Cognito e-mails the code', async () => {
    arrange();
    const result = await handler(adminEvent('adminResetPassword', { email: 'ada@example.com' }), lambdaContext);
    expect(result).toEqual({ data: { userId: 'uuid-1', email: 'ada@example.com', action: 'PASSWORD_RESET' } });
    expect(cognito.calls().map((c) => c.args[0].constructor.name)).toEqual(['AdminGetUserCommand', 'AdminResetUserPasswordCommand']);
    expect(cognito.commandCalls(AdminResetUserPasswordCommand)[0]!.args[0].input).toEqual({ UserPoolId: TEST_ENV.USER_POOL_ID, Username: 'uuid-1' });
  });

  it('maps Cognito throttling to TooManyRequests', async () => {
    arrange();
    cognito.on(AdminResetUserPasswordCommand).rejects(awsError('TooManyRequestsException'));
    const result = await handler(adminEvent('adminResetPassword', { email: 'ada@example.com' }), lambdaContext);
    expect(result.error).toEqual({ errorType: 'TooManyRequests', message: 'Too many requests. Wait a moment and try again.' });
  });

  userActionCases({ field: 'adminResetPassword', handler, cognito, arrange });
});
