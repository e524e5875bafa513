import { AdminDeleteUserCommand } from '@aws-sdk/client-cognito-identity-provider';
import { DeleteObjectCommand } from '@aws-sdk/client-s3';
import { byEmail, findUser } from './lib/adminUser';
import { defineAdminOperation } from './lib/admin';
import { cognito } from './lib/cognito';
import { config } from './lib/config';
import { qrObjectKey } from './lib/qrObjectKey';
import { s3 } from './lib/s3';

/**
 * Deletes the user and their archived QR code. The QR code (it holds the TOTP secret) goes first,
 * as in deleteMe: a failure after it leaves an account that can be deleted again, never a secret
 * with no account left to find it by.
 */
export const handler = defineAdminOperation('adminDeleteUser', {
  args: byEmail,
  async run({ email }, { actingOn }) {
    const user = await findUser(email);
    actingOn({ userId: user.userId });
    const bucket = config.mfaBucket();
    if (bucket) await s3().send(new DeleteObjectCommand({ Bucket: bucket, Key: qrObjectKey(user.userId) }));
    await cognito().send(new AdminDeleteUserCommand({ UserPoolId: config.userPoolId(), Username: user.username }));
    return { userId: user.userId, email: user.email, action: 'USER_DELETED' as const };
  },
});
