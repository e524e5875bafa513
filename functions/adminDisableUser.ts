import { AdminDisableUserCommand, AdminUserGlobalSignOutCommand } from '@aws-sdk/client-cognito-identity-provider';
import { byEmail, findUser } from './lib/adminUser';
import { defineAdminOperation } from './lib/admin';
import { cognito } from './lib/cognito';
import { config } from './lib/config';

/**
 * Disables the account, then signs the user out everywhere: a disabled user cannot sign in, but
 * tokens already issued would otherwise keep working until they expire.
 */
export const handler = defineAdminOperation('adminDisableUser', {
  args: byEmail,
  async run({ email }, { actingOn }) {
    const user = await findUser(email);
    actingOn({ userId: user.userId });
    const target = { UserPoolId: config.userPoolId(), Username: user.username };
    await cognito().send(new AdminDisableUserCommand(target));
    await cognito().send(new AdminUserGlobalSignOutCommand(target));
    return { userId: user.userId, email: user.email, action: 'USER_DISABLED' as const };
  },
});
