import {
  AdminGetUserCommand,
  AdminListGroupsForUserCommand,
  CognitoIdentityProviderClient,
  ListUsersCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { handler } from '../../functions/adminListUsers';
import { adminEvent, adminGetUserAnswer, auditRecordsOf, lambdaContext, TEST_ENV, useTestEnv } from '../helpers';

const cognito = mockClient(CognitoIdentityProviderClient);
const call = (args: Record<string, unknown> = {}, caller?: string | null) => handler(adminEvent('adminListUsers', args, caller), lambdaContext);
const listed = (username: string, email: string, extra: Record<string, unknown> = {}) => ({
  Username: username,
  Attributes: [{ Name: 'email', Value: email }],
  UserStatus: 'CONFIRMED' as const,
  Enabled: true,
  ...extra,
});

beforeEach(() => {
  useTestEnv();
  cognito.reset();
  cognito.on(ListUsersCommand).resolves({
    Users: [listed('uuid-1', 'ada@example.com'), listed('uuid-2', 'bob@example.com', { Enabled: false })],
    PaginationToken: 'page-2',
  });
  cognito.on(AdminGetUserCommand, { Username: 'uuid-1' }).resolves(adminGetUserAnswer() as never);
  cognito.on(AdminGetUserCommand, { Username: 'uuid-2' }).resolves(
    adminGetUserAnswer({
      Username: 'uuid-2',
      Enabled: false,
      UserMFASettingList: undefined,
      UserAttributes: [
        { Name: 'sub', Value: 'uuid-2' },
        { Name: 'email', Value: 'bob@example.com' },
      ],
    }) as never,
  );
  cognito.on(AdminListGroupsForUserCommand).resolves({ Groups: [] });
  cognito.on(AdminListGroupsForUserCommand, { Username: 'uuid-1' }).resolves({ Groups: [{ GroupName: 'support' }] });
});

describe('adminListUsers', () => {
  it('answers a page of users with MFA enrolment and groups, 20 by default', async () => {
    const result = await call();
    expect(result.data?.nextToken).toBe('page-2');
    expect(result.data?.users.map((u) => [u.userId, u.email, u.enabled, u.mfaEnrolled, u.groups])).toEqual([
      ['uuid-1', 'ada@example.com', true, true, ['support']],
      ['uuid-2', 'bob@example.com', false, false, []],
    ]);
    expect(cognito.commandCalls(ListUsersCommand)[0]!.args[0].input).toEqual({
      UserPoolId: TEST_ENV.USER_POOL_ID,
      Filter: undefined,
      Limit: 20,
      PaginationToken: undefined,
    });
  });

  it.each([
    [{ emailPrefix: 'Ada' }, 'email ^= "ada"'],
    [{ status: 'FORCE_CHANGE_PASSWORD' }, 'cognito:user_status = "FORCE_CHANGE_PASSWORD"'],
    [{ enabled: false }, 'status = "Disabled"'],
    [{ emailPrefix: 'a"b' }, 'email ^= "a\\"b"'],
  ])('sends filter %o to Cognito as %s', async (filter, expected) => {
    await call({ filter });
    expect(cognito.commandCalls(ListUsersCommand)[0]!.args[0].input.Filter).toBe(expected);
  });

  it('applies the conditions Cognito could not take to the page', async () => {
    const result = await call({ filter: { emailPrefix: 'b', enabled: true }, limit: 10, nextToken: 'page-2' });
    expect(cognito.commandCalls(ListUsersCommand)[0]!.args[0].input).toMatchObject({ Filter: 'email ^= "b"', Limit: 10, PaginationToken: 'page-2' });
    // bob is disabled: the page is empty, and the token still leads on.
    expect(result.data).toEqual({ users: [], nextToken: 'page-2' });
  });

  it('refuses bad limits and calls without a caller before any AWS request', async () => {
    expect((await call({ limit: 0 })).error?.errorType).toBe('ValidationError');
    expect((await call({}, null)).error?.errorType).toBe('NotAuthorized');
    expect(cognito.calls()).toHaveLength(0);
  });

  it('writes one audit record for the page', async () => {
    expect(await auditRecordsOf(() => call())).toEqual([expect.objectContaining({ operation: 'adminListUsers', outcome: 'success' })]);
  });
});
