import { CognitoIdentityProviderClient, ListGroupsCommand } from '@aws-sdk/client-cognito-identity-provider';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { handler } from '../../functions/adminListGroups';
import { adminEvent, auditRecordsOf, lambdaContext, TEST_ENV, useTestEnv } from '../helpers';

const cognito = mockClient(CognitoIdentityProviderClient);
const call = (args: Record<string, unknown> = {}, caller?: string | null) => handler(adminEvent('adminListGroups', args, caller), lambdaContext);

beforeEach(() => {
  useTestEnv();
  cognito.reset();
  cognito.on(ListGroupsCommand).resolves({ Groups: [{ GroupName: 'support', Precedence: 1 }], NextToken: 'next-page' });
});

describe('adminListGroups', () => {
  it('answers one page of groups, 20 by default', async () => {
    expect(await call()).toEqual({
      data: { groups: [{ name: 'support', description: null, precedence: 1, created: null, lastModified: null }], nextToken: 'next-page' },
    });
    expect(cognito.commandCalls(ListGroupsCommand)[0]!.args[0].input).toEqual({ UserPoolId: TEST_ENV.USER_POOL_ID, Limit: 20, NextToken: undefined });
  });

  it('passes the limit and the page token on', async () => {
    await call({ limit: 5, nextToken: 'next-page' });
    expect(cognito.commandCalls(ListGroupsCommand)[0]!.args[0].input).toEqual({ UserPoolId: TEST_ENV.USER_POOL_ID, Limit: 5, NextToken: 'next-page' });
  });

  it('refuses a limit above 60, or no caller, before any AWS request', async () => {
    expect((await call({ limit: 61 })).error?.errorType).toBe('ValidationError');
    expect((await call({}, null)).error?.errorType).toBe('NotAuthorized');
    expect(cognito.calls()).toHaveLength(0);
  });

  it('writes an audit record', async () => {
    expect(await auditRecordsOf(() => call())).toEqual([expect.objectContaining({ operation: 'adminListGroups', outcome: 'success' })]);
  });
});
