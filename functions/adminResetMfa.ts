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
import { logger } from './lib/logger';
import { qrObjectKey } from './lib/mfa';
import { notifyMfaReset } from './lib/mfaResetNotice';
import { s3 } from './lib/s3';

/**
 * For a user who lost their authenticator: removes the TOTP factor (in an MFA-required pool the
 * next login then answers MFA_SETUP with a fresh QR code), deletes the archived QR code and the
 * recovery codes that belonged to it, signs the user out everywhere and tells them by e-mail.
 * https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_AdminDeleteSoftwareToken.html
 */
export const handler = defineAdminOperation('adminResetMfa', {
  args: byEmail,
  async run({ email }, { actingOn, requestId }) {
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
    // The reset is done by now: a notice that cannot be sent is reported, not made a failure.
    let userNotified = false;
    if (config.sesFrom()) {
      try {
        await notifyMfaReset(user.email);
        userNotified = true;
      } catch (err) {
        logger.warn('MFA reset notice not sent', { requestId, cause: (err as { name?: string })?.name });
      }
    }
    return { userId: user.userId, email: user.email, action: 'MFA_RESET' as const, userNotified };
  },
});
