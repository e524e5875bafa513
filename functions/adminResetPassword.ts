import { AdminResetUserPasswordCommand } from '@aws-sdk/client-cognito-identity-provider';
import { byEmail, findUser } from './lib/adminUser';
import { defineAdminOperation } from './lib/admin';
import { cognito } from './lib/cognito';
import { config } from './lib/config';

/**
 * Invalidates the password: Cognito e-mails the user a reset code, and until they set a new
 * password with it (confirmForgotPassword) login answers PasswordResetRequired.
 * https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_AdminResetUserPassword.html
 */
export const handler = defineAdminOperation('adminResetPassword', {
  args: byEmail,
  async run({ email }, { actingOn }) {
    const user = await findUser(email);
    actingOn({ userId: user.userId });
    await cognito().send(new AdminResetUserPasswordCommand({ UserPoolId: config.userPoolId(), Username: user.username }));
    return { userId: user.userId, email: user.email, action: 'PASSWORD_RESET' as const };
  },
});
