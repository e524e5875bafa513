import { AdminDisableUserCommand, AdminUserGlobalSignOutCommand, CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { handler } from '../../functions/adminDisableUser';
import { adminEvent, awsError, lambdaContext, TEST_ENV, useTestEnv } from '../helpers';
import { answerAdminGetUser, userActionCases } from './adminCases';

const cognito = mockClient(CognitoIdentityProviderClient);
const arrange = () => {
  answerAdminGetUser(cognito);
  cognito.on(AdminDisableUserCommand).resolves({});
  cognito.on(AdminUserGlobalSignOutCommand).resolves({});
};

beforeEach(() => {
  useTestEnv();
  cognito.reset();
});

describe('adminDisableUser', () => {
  it('disables the user, then signs them out everywhere', async () => {
    arrange();
    const result = await handler(adminEvent('adminDisableUser', { email: 'Ada@Example.com' }), lambdaContext);
    expect(result).toEqual({ data: { userId: 'uuid-1', email: 'ada@example.com', action: 'USER_DISABLED' } });
    const target = { UserPoolId: TEST_ENV.USER_POOL_ID, Username: 'uuid-1' };
    expect(cognito.calls().map((c) => c.args[0].constructor.name)).toEqual([
      'AdminGetUserCommand',
      'AdminDisableUserCommand',
      'AdminUserGlobalSignOutCommand',
    ]);
    expect(cognito.commandCalls(AdminDisableUserCommand)[0]!.args[0].input).toEqual(target);
    expect(cognito.commandCalls(AdminUserGlobalSignOutCommand)[0]!.args[0].input).toEqual(target);
  });

  it('does not sign out when disabling fails', async () => {
    arrange();
    cognito.on(AdminDisableUserCommand).rejects(awsError('TooManyRequestsException'));
    const result = await handler(adminEvent('adminDisableUser', { email: 'ada@example.com' }), lambdaContext);
    expect(result.error?.errorType).toBe('TooManyRequests');
    expect(cognito.commandCalls(AdminUserGlobalSignOutCommand)).toHaveLength(0);
  });

  userActionCases({ field: 'adminDisableUser', handler, cognito, arrange });
});
