import { AdminListGroupsForUserCommand, CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { handler } from '../../functions/adminGetUser';
import { adminEvent, lambdaContext, TEST_ENV, useTestEnv } from '../helpers';
import { answerAdminGetUser, userActionCases } from './adminCases';

const cognito = mockClient(CognitoIdentityProviderClient);
const arrange = () => {
  answerAdminGetUser(cognito);
  cognito
    .on(AdminListGroupsForUserCommand)
    .resolvesOnce({ Groups: [{ GroupName: 'support' }], NextToken: 'page-2' })
    .resolves({ Groups: [{ GroupName: 'beta' }] });
};

beforeEach(() => {
  useTestEnv();
  cognito.reset();
});

describe('adminGetUser', () => {
  it('answers the account with its status, MFA enrolment and every page of groups', async () => {
    arrange();
    const result = await handler(adminEvent('adminGetUser', { email: 'ada@example.com' }), lambdaContext);
    expect(result).toEqual({
      data: {
        userId: 'uuid-1',
        email: 'ada@example.com',
        name: 'Ada Lovelace',
        status: 'CONFIRMED',
        enabled: true,
        mfaEnrolled: true,
        groups: ['support', 'beta'],
        created: '2026-01-02T03:04:05.000Z',
        lastModified: '2026-02-03T04:05:06.000Z',
      },
    });
    const pages = cognito.commandCalls(AdminListGroupsForUserCommand).map((c) => c.args[0].input);
    expect(pages).toEqual([
      { UserPoolId: TEST_ENV.USER_POOL_ID, Username: 'uuid-1', Limit: 60, NextToken: undefined },
      { UserPoolId: TEST_ENV.USER_POOL_ID, Username: 'uuid-1', Limit: 60, NextToken: 'page-2' },
    ]);
  });

  it('says when the user never finished MFA enrolment', async () => {
    arrange();
    answerAdminGetUser(cognito, { UserMFASettingList: undefined, UserStatus: 'FORCE_CHANGE_PASSWORD' });
    const result = await handler(adminEvent('adminGetUser', { email: 'ada@example.com' }), lambdaContext);
    expect(result.data).toMatchObject({ mfaEnrolled: false, status: 'FORCE_CHANGE_PASSWORD' });
  });

  userActionCases({ field: 'adminGetUser', handler, cognito, arrange });
});
