import { GetUserCommand } from '@aws-sdk/client-cognito-identity-provider';
import { randomBytes } from 'node:crypto';
import * as v from 'valibot';
import { cognito } from './lib/cognito';
import { startAuthenticatorReplacement } from './lib/mfa';
import { defineOperation } from './lib/operation';
import { requireRecentSignIn } from './lib/reauth';
import { toUser } from './lib/user';

/**
 * Starts moving the signed-in user to a new authenticator app. The old one keeps working until
 * confirmReplaceAuthenticator verifies a code from the new one, so abandoning this changes nothing.
 */
export const handler = defineOperation('replaceAuthenticator', {
  input: v.object({}),
  async run(_input, { accessToken }) {
    requireRecentSignIn(accessToken);
    const user = toUser(await cognito().send(new GetUserCommand({ AccessToken: accessToken })), accessToken);
    // Names the pending QR code; confirmReplaceAuthenticator hands it back.
    const session = randomBytes(32).toString('base64url');
    return startAuthenticatorReplacement({ accessToken, email: user.email, session });
  },
});
