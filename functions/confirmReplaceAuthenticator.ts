import { GetUserCommand, GlobalSignOutCommand, VerifySoftwareTokenCommand } from '@aws-sdk/client-cognito-identity-provider';
import * as v from 'valibot';
import { cognito } from './lib/cognito';
import { GatewayError } from './lib/errors';
import { archiveVerifiedQrCode } from './lib/qrArchive';
import { notifyUser } from './lib/notifications';
import { defineOperation } from './lib/operation';
import { toUser } from './lib/user';
import { optionalText, otp } from './lib/validate';

/**
 * Finishes an authenticator replacement: Cognito verifies a code from the new app, which from then
 * on is the only one that works. Then every session of the user ends, this one too: the next
 * sign-in uses the new authenticator. If anything after the verification fails, the new
 * authenticator already works; the user signs in with it (and may call logout to end the old
 * sessions at once).
 */
export const handler = defineOperation('confirmReplaceAuthenticator', {
  input: v.object({
    otp,
    /** MfaSetup.session from replaceAuthenticator: names its QR code for the archive. */
    session: optionalText(256, 'The session is malformed.'),
    deviceName: optionalText(128, 'The device name is at most 128 characters.'),
  }),
  async run(input, { accessToken }) {
    const verified = await cognito().send(
      new VerifySoftwareTokenCommand({ AccessToken: accessToken, UserCode: input.otp, FriendlyDeviceName: input.deviceName || undefined }),
    );
    if (verified.Status !== 'SUCCESS') throw new GatewayError('CodeMismatch', 'The authenticator code is incorrect.');
    const user = toUser(await cognito().send(new GetUserCommand({ AccessToken: accessToken })), accessToken);
    await archiveVerifiedQrCode({ session: input.session || null, userId: user.userId });
    await cognito().send(new GlobalSignOutCommand({ AccessToken: accessToken }));
    await notifyUser(user.email, 'authenticatorReplaced');
    return { mfaStatus: 'CONFIRMED' as const, status: 'LOGGED_OUT' as const };
  },
});
