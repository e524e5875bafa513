import { AdminGetUserCommand, CognitoIdentityProviderClient, ListUsersCommand } from '@aws-sdk/client-cognito-identity-provider';
import { describe, expect, it } from 'vitest';
import { LOCAL_CREDENTIALS } from '../../local/credentials';
import { Q, SUBJECTS, useAttackStack } from './stack';

const attack = useAttackStack();

describe('50 parallel createUser for one address', () => {
  it('make one account and one invitation, and 50 identical answers', async () => {
    const email = 'race@example.com';
    const answers = await Promise.all(
      Array.from({ length: 50 }, (_, i) => attack.gql(Q.createUser, { input: { email, fullName: `Racer ${i}` } })),
    );
    for (const answer of answers) {
      expect(answer).toEqual({ status: 200, data: { createUser: { userId: null, email, status: 'CREATED' } }, errors: undefined });
    }
    await attack.settled();

    const { info } = attack.stack();
    const cognito = new CognitoIdentityProviderClient({ endpoint: info.cognitoEndpoint, region: info.region, credentials: LOCAL_CREDENTIALS });
    const { Users = [] } = await cognito.send(new ListUsersCommand({ UserPoolId: info.userPoolId, Filter: `email = "${email}"` }));
    expect(Users).toHaveLength(1);
    const user = await cognito.send(new AdminGetUserCommand({ UserPoolId: info.userPoolId, Username: email }));
    expect(user.UserStatus).toBe('FORCE_CHANGE_PASSWORD');

    const mails = (await attack.inbox().all(email)).filter((m) => SUBJECTS.invitation.test(m.subject));
    expect(mails).toHaveLength(1);
  });
});
