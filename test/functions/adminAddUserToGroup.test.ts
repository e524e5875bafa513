import { AdminAddUserToGroupCommand, CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { handler } from '../../functions/adminAddUserToGroup';
import { adminEvent, auditRecordsOf, awsError, lambdaContext, TEST_ENV, useTestEnv } from '../helpers';
import { answerAdminGetUser, userActionCases } from './adminCases';

const cognito = mockClient(CognitoIdentityProviderClient);
const arrange = () => {
  answerAdminGetUser(cognito);
  cognito.on(AdminAddUserToGroupCommand).resolves({});
};
const call = (group = 'support') => handler(adminEvent('adminAddUserToGroup', { email: 'ada@example.com', group }), lambdaContext);

beforeEach(() => {
  useTestEnv();
  cognito.reset();
});

describe('adminAddUserToGroup', () => {
  it('adds the user to the group', async () => {
    arrange();
    expect(await call()).toEqual({ data: { userId: 'uuid-1', email: 'ada@example.com', action: 'ADDED_TO_GROUP', group: 'support' } });
    expect(cognito.commandCalls(AdminAddUserToGroupCommand)[0]!.args[0].input).toEqual({
      UserPoolId: TEST_ENV.USER_POOL_ID,
      Username: 'uuid-1',
      GroupName: 'support',
    });
  });

  it('answers GroupNotFound for an unknown group', async () => {
    arrange();
    cognito.on(AdminAddUserToGroupCommand).rejects(awsError('ResourceNotFoundException', 'Group not found.'));
    expect((await call()).error).toEqual({ errorType: 'GroupNotFound', message: 'There is no group with this name.' });
  });

  it('refuses a group name with spaces before any AWS request', async () => {
    arrange();
    expect((await call('two words')).error?.errorType).toBe('ValidationError');
    expect(cognito.calls()).toHaveLength(0);
  });

  it('names the group in the audit record', async () => {
    arrange();
    const [record] = await auditRecordsOf(() => call());
    expect(record).toMatchObject({ userId: 'uuid-1', group: 'support' });
  });

  userActionCases({ field: 'adminAddUserToGroup', handler, cognito, arrange, extraArgs: { group: 'support' } });
});
