import { AdminEnableUserCommand } from '@aws-sdk/client-cognito-identity-provider';
import { byEmail, findUser } from './lib/adminUser';
import { defineAdminOperation } from './lib/admin';
import { cognito } from './lib/cognito';
import { config } from './lib/config';

/** Lets a disabled user sign in again; their password and MFA are unchanged. */
export const handler = defineAdminOperation('adminEnableUser', {
  args: byEmail,
  async run({ email }, { actingOn }) {
    const user = await findUser(email);
    actingOn({ userId: user.userId });
    await cognito().send(new AdminEnableUserCommand({ UserPoolId: config.userPoolId(), Username: user.username }));
    return { userId: user.userId, email: user.email, action: 'USER_ENABLED' as const };
  },
});
