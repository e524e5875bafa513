import {
  AdminDeleteSoftwareTokenCommand,
  AdminDeleteUserAttributesCommand,
  AdminUserGlobalSignOutCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { DeleteObjectCommand } from '@aws-sdk/client-s3';
import { cognitoAttributeName } from '../accountAttributes';
import { byEmail, findUser } from './lib/adminUser';
import { defineAdminOperation } from './lib/admin';
import { cognito } from './lib/cognito';
import { config } from './lib/config';
import { qrObjectKey } from './lib/qrObjectKey';
import { notifyUser } from './lib/notifications';
import { s3 } from './lib/s3';

/**
 * For a user who lost their authenticator: removes the TOTP factor (in an MFA-required pool the
 * next login then answers MFA_SETUP with a fresh QR code), deletes the archived QR code and the
 * recovery codes that belonged to it, signs the user out everywhere and tells them by e-mail.
 * https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_AdminDeleteSoftwareToken.html
 */
export const handler = defineAdminOperation('adminResetMfa', {
  args: byEmail,
  async run({ email }, { actingOn }) {
    const user = await findUser(email);
    actingOn({ userId: user.userId });
    const target = { UserPoolId: config.userPoolId(), Username: user.username };
    await cognito().send(new AdminDeleteSoftwareTokenCommand(target));
    const bucket = config.mfaBucket();
    if (bucket) await s3().send(new DeleteObjectCommand({ Bucket: bucket, Key: qrObjectKey(user.userId) }));
    await cognito().send(
      new AdminDeleteUserAttributesCommand({ ...target, UserAttributeNames: [cognitoAttributeName('recoveryCodes')] }),
    );
    await cognito().send(new AdminUserGlobalSignOutCommand(target));
    // Best effort: the reset is done, so a notice that cannot be sent is logged, not made a failure.
    await notifyUser(user.email, 'mfaReset');
    return { userId: user.userId, email: user.email, action: 'MFA_RESET' as const };
  },
});
