import { CognitoIdentityProviderClient, CreateGroupCommand } from '@aws-sdk/client-cognito-identity-provider';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { handler } from '../../functions/adminCreateGroup';
import { adminEvent, auditRecordsOf, awsError, lambdaContext, OPERATOR_ARN, TEST_ENV, useTestEnv } from '../helpers';

const cognito = mockClient(CognitoIdentityProviderClient);
const call = (args: Record<string, unknown> = { name: 'support', description: 'Support desk' }, caller?: string | null) =>
  handler(adminEvent('adminCreateGroup', args, caller), lambdaContext);

beforeEach(() => {
  useTestEnv();
  cognito.reset();
  cognito.on(CreateGroupCommand).resolves({
    Group: { GroupName: 'support', Description: 'Support desk', CreationDate: new Date('2026-01-01T00:00:00Z'), LastModifiedDate: new Date('2026-01-01T00:00:00Z') },
  });
});

describe('adminCreateGroup', () => {
  it('creates the group and answers it', async () => {
    expect(await call()).toEqual({
      data: { name: 'support', description: 'Support desk', precedence: null, created: '2026-01-01T00:00:00.000Z', lastModified: '2026-01-01T00:00:00.000Z' },
    });
    expect(cognito.commandCalls(CreateGroupCommand)[0]!.args[0].input).toEqual({
      UserPoolId: TEST_ENV.USER_POOL_ID,
      GroupName: 'support',
      Description: 'Support desk',
    });
  });

  it('answers GroupAlreadyExists', async () => {
    cognito.on(CreateGroupCommand).rejects(awsError('GroupExistsException', 'A group with the name already exists.'));
    expect((await call()).error).toEqual({ errorType: 'GroupAlreadyExists', message: 'A group with this name already exists.' });
  });

  it('refuses a bad name or a missing caller before any AWS request', async () => {
    expect((await call({ name: '' })).error?.errorType).toBe('ValidationError');
    expect((await call({ name: 'support' }, null)).error?.errorType).toBe('NotAuthorized');
    expect(cognito.calls()).toHaveLength(0);
  });

  it('audits the caller and the group', async () => {
    const [record] = await auditRecordsOf(() => call());
    expect(record).toMatchObject({ operation: 'adminCreateGroup', caller: OPERATOR_ARN, group: 'support', outcome: 'success' });
  });
});
