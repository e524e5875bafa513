import { DeleteUserCommand, GetUserCommand } from '@aws-sdk/client-cognito-identity-provider';
import { DeleteObjectCommand } from '@aws-sdk/client-s3';
import * as v from 'valibot';
import { cognito } from './lib/cognito';
import { config } from './lib/config';
import { GatewayError } from './lib/errors';
import { qrObjectKey } from './lib/qrObjectKey';
import { defineOperation } from './lib/operation';
import { requireRecentSignIn } from './lib/reauth';
import { s3 } from './lib/s3';
import { toUser } from './lib/user';

/**
 * Deletes the signed-in user. The archived QR code holds the TOTP secret, so it goes first: if
 * anything fails after that, the account still works and the user can simply try again, whereas
 * the other order could leave a secret behind with no account left to find it by. It needs a
 * recent sign-in: a stolen, older access token cannot delete the account.
 */
export const handler = defineOperation('deleteMe', {
  input: v.object({}),
  async run(_input, { accessToken }) {
    requireRecentSignIn(accessToken);
    const user = toUser(await cognito().send(new GetUserCommand({ AccessToken: accessToken })), accessToken);
    if (!user.userId) throw new GatewayError('InternalError', 'Cognito returned no user id.');
    const bucket = config.mfaBucket();
    if (bucket) {
      await s3().send(new DeleteObjectCommand({ Bucket: bucket, Key: qrObjectKey(user.userId) }));
    }
    await cognito().send(new DeleteUserCommand({ AccessToken: accessToken }));
    return { userId: user.userId, email: user.email, status: 'USER_DELETED' as const };
  },
});
