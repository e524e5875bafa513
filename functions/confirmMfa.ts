import { RespondToAuthChallengeCommand, VerifySoftwareTokenCommand } from '@aws-sdk/client-cognito-identity-provider';
import * as v from 'valibot';
import { cognito } from './lib/cognito';
import { config } from './lib/config';
import { errorName, GatewayError } from './lib/errors';
import { writeAccountAttributes } from './lib/account';
import { logger } from './lib/logger';
import { archiveVerifiedQrCode } from './lib/qrArchive';
import { defineOperation } from './lib/operation';
import { newRecoveryCodes } from './lib/recoveryCodes';
import { claimsOf, toAuthTokens } from './lib/tokens';
import { email, opaque, optionalText, otp } from './lib/validate';

/**
 * Finishes MFA enrolment: Cognito checks the first authenticator code (the gateway never checks
 * TOTP codes itself), then answers the MFA_SETUP challenge with the user's first tokens. Only now,
 * verified, does the QR code become the archived one, and the user gets a new set of recovery
 * codes (any older set stops working).
 */
export const handler = defineOperation('confirmMfa', {
  input: v.object({
    email,
    session: opaque('session'),
    otp,
    deviceName: optionalText(128, 'The device name is at most 128 characters.'),
  }),
  async run(input) {
    const verified = await cognito().send(
      new VerifySoftwareTokenCommand({
        Session: input.session,
        UserCode: input.otp,
        FriendlyDeviceName: input.deviceName || undefined,
      }),
    );
    if (verified.Status !== 'SUCCESS') throw new GatewayError('CodeMismatch', 'The authenticator code is incorrect.');
    if (!verified.Session) throw new GatewayError('InternalError', 'Cognito returned no session.');
    const signedIn = await cognito().send(
      new RespondToAuthChallengeCommand({
        ChallengeName: 'MFA_SETUP',
        ClientId: config.clientId(),
        // Verifying the code spends the enrolment session; only the one it returns goes on.
        Session: verified.Session,
        ChallengeResponses: { USERNAME: input.email },
      }),
    );
    const tokens = toAuthTokens(signedIn.AuthenticationResult);
    const userId = claimsOf(tokens.idToken).sub;
    if (typeof userId !== 'string' || !userId) throw new GatewayError('InternalError', 'Cognito returned no user id.');
    await archiveVerifiedQrCode({ session: input.session, userId });
    return { userId, email: input.email, mfaStatus: 'CONFIRMED' as const, tokens, recoveryCodes: await issueRecoveryCodes(userId) };
  },
});

/**
 * The user is enrolled and has tokens whatever happens here; if the codes cannot be stored, the
 * answer says so with null and the user, freshly signed in, can call regenerateRecoveryCodes.
 */
async function issueRecoveryCodes(userId: string): Promise<string[] | null> {
  try {
    const set = await newRecoveryCodes(config.recoveryCodeCost());
    // The user the tokens were just issued to, not the e-mail the caller typed.
    await writeAccountAttributes(userId, { recoveryCodes: set.stored });
    return set.codes;
  } catch (err) {
    logger.warn('recovery codes not issued', { cause: errorName(err) });
    return null;
  }
}
