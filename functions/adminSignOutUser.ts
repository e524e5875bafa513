import { AdminUserGlobalSignOutCommand } from '@aws-sdk/client-cognito-identity-provider';
import { byEmail, findUser } from './lib/adminUser';
import { defineAdminOperation } from './lib/admin';
import { cognito } from './lib/cognito';
import { config } from './lib/config';

/** Signs the user out everywhere: every refresh token, and the access tokens, stop working. */
export const handler = defineAdminOperation('adminSignOutUser', {
  args: byEmail,
  async run({ email }, { actingOn }) {
    const user = await findUser(email);
    actingOn({ userId: user.userId });
    await cognito().send(new AdminUserGlobalSignOutCommand({ UserPoolId: config.userPoolId(), Username: user.username }));
    return { userId: user.userId, email: user.email, action: 'SIGNED_OUT' as const };
  },
});
