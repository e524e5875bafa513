import { DeleteWebAuthnCredentialCommand } from '@aws-sdk/client-cognito-identity-provider';
import * as v from 'valibot';
import { cognito } from './lib/cognito';
import { GatewayError, isAwsError } from './lib/errors';
import { notifySignedInUser } from './lib/notifySignedInUser';
import { defineOperation } from './lib/operation';
import { credentialId, requirePasskeys } from './lib/passkeys';
import { requireRecentSignIn } from './lib/reauth';

/**
 * Deletes one of the signed-in user's passkeys and tells the user by e-mail. A recent sign-in is
 * required, as for every change to how the account signs in. A passkey the user does not have
 * (another user's included) is NotFound, the same answer whoever it belongs to.
 * https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_DeleteWebAuthnCredential.html
 */
export const handler = defineOperation('deletePasskey', {
  input: v.object({ credentialId }),
  async run(input, { accessToken }) {
    requirePasskeys();
    requireRecentSignIn(accessToken);
    try {
      await cognito().send(new DeleteWebAuthnCredentialCommand({ AccessToken: accessToken, CredentialId: input.credentialId }));
    } catch (err) {
      if (isAwsError(err, ['ResourceNotFoundException'])) throw new GatewayError('NotFound', 'You have no passkey with this id.');
      throw err;
    }
    await notifySignedInUser(accessToken, 'passkeyRemoved');
    return { credentialId: input.credentialId, status: 'DELETED' as const };
  },
});
