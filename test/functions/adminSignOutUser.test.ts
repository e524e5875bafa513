import { AdminUserGlobalSignOutCommand, CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { handler } from '../../functions/adminSignOutUser';
import { adminEvent, awsError, lambdaContext, TEST_ENV, useTestEnv } from '../helpers';
import { answerAdminGetUser, userActionCases } from './adminCases';

const cognito = mockClient(CognitoIdentityProviderClient);
const arrange = () => {
  answerAdminGetUser(cognito);
  cognito.on(AdminUserGlobalSignOutCommand).resolves({});
};

beforeEach(() => {
  useTestEnv();
  cognito.reset();
});

describe('adminSignOutUser', () => {
  it('signs the user out everywhere', async () => {
    arrange();
    const result = await handler(adminEvent('adminSignOutUser', { email: 'ada@example.com' }), lambdaContext);
    expect(result).toEqual({ data: { userId: 'uuid-1', email: 'ada@example.com', action: 'SIGNED_OUT' } });
    expect(cognito.calls().map((c) => c.args[0].constructor.name)).toEqual(['AdminGetUserCommand', 'AdminUserGlobalSignOutCommand']);
    expect(cognito.commandCalls(AdminUserGlobalSignOutCommand)[0]!.args[0].input).toEqual({ UserPoolId: TEST_ENV.USER_POOL_ID, Username: 'uuid-1' });
  });

  it('maps Cognito throttling to TooManyRequests', async () => {
    arrange();
    cognito.on(AdminUserGlobalSignOutCommand).rejects(awsError('TooManyRequestsException'));
    const result = await handler(adminEvent('adminSignOutUser', { email: 'ada@example.com' }), lambdaContext);
    expect(result.error).toEqual({ errorType: 'TooManyRequests', message: 'Too many requests. Wait a moment and try again.' });
  });

  userActionCases({ field: 'adminSignOutUser', handler, cognito, arrange });
});
