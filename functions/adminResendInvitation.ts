import { AdminCreateUserCommand } from '@aws-sdk/client-cognito-identity-provider';
import { byEmail, findUser } from './lib/adminUser';
import { defineAdminOperation } from './lib/admin';
import { cognito } from './lib/cognito';
import { config } from './lib/config';

/**
 * E-mails a new temporary password to a user who has not signed in yet. Unlike
 * resendTemporaryPassword it says so when the user is unknown or already confirmed (Cognito's
 * UnsupportedUserStateException becomes InvalidUserState).
 * https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_AdminCreateUser.html
 */
export const handler = defineAdminOperation('adminResendInvitation', {
  args: byEmail,
  async run({ email }, { actingOn }) {
    const user = await findUser(email);
    actingOn({ userId: user.userId });
    await cognito().send(
      new AdminCreateUserCommand({
        UserPoolId: config.userPoolId(),
        Username: user.username,
        MessageAction: 'RESEND',
        DesiredDeliveryMediums: ['EMAIL'],
      }),
    );
    return { userId: user.userId, email: user.email, action: 'INVITATION_RESENT' as const };
  },
});
