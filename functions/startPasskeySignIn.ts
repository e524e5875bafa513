import { randomBytes } from 'node:crypto';
import { InitiateAuthCommand, type InitiateAuthCommandOutput } from '@aws-sdk/client-cognito-identity-provider';
import * as v from 'valibot';
import { cognito } from './lib/cognito';
import { config } from './lib/config';
import { isAwsError } from './lib/errors';
import { defineOperation } from './lib/operation';
import { parsedJson, requirePasskeys } from './lib/passkeys';
import { email } from './lib/validate';

/**
 * Cognito's answers that mean "no passkey sign-in for this name" (no such user, a user who cannot
 * sign in yet, or one Cognito will not offer a passkey to): they get a challenge no passkey
 * answers, shaped like a real one, so the answer never tells whether the address has an account
 * or a passkey.
 */
const NO_PASSKEY_SIGN_IN = ['UserNotFoundException', 'NotAuthorizedException', 'UserNotConfirmedException', 'PasswordResetRequiredException', 'InvalidParameterException'];

/** Random bytes in a made-up session. */
const DECOY_SESSION_BYTES = 64;

/**
 * First step of a passkey sign-in: the options for navigator.credentials.get() and the session
 * finishPasskeySignIn answers. The options carry no allowCredentials (Cognito's list names the
 * user's passkeys, which would tell who has one): passkeys are discoverable credentials, and the
 * browser offers the ones it holds for the relying party.
 * https://docs.aws.amazon.com/cognito/latest/developerguide/authentication-flows-selection-sdk.html
 * https://www.w3.org/TR/webauthn-3/#dom-publickeycredentialrequestoptions-allowcredentials
 */
export const handler = defineOperation('startPasskeySignIn', {
  input: v.object({ email }),
  async run(input) {
    const rpId = requirePasskeys();
    let answer: InitiateAuthCommandOutput | undefined;
    try {
      answer = await cognito().send(
        new InitiateAuthCommand({
          AuthFlow: 'USER_AUTH',
          ClientId: config.clientId(),
          AuthParameters: { USERNAME: input.email, PREFERRED_CHALLENGE: 'WEB_AUTHN' },
        }),
      );
    } catch (err) {
      if (!isAwsError(err, NO_PASSKEY_SIGN_IN)) throw err;
    }
    const challenge = challengeOf(answer);
    return {
      email: input.email,
      // Only what navigator.credentials.get() needs, each value the same kind for every address.
      options: JSON.stringify({
        challenge: challenge?.challenge ?? randomBytes(32).toString('base64url'),
        rpId,
        timeout: config.authSessionMinutes() * 60_000,
        userVerification: 'required',
      }),
      // A made-up session is refused by finishPasskeySignIn exactly as a wrong passkey is.
      session: challenge?.session ?? randomBytes(DECOY_SESSION_BYTES).toString('base64url'),
    };
  },
});

/** The WEB_AUTHN challenge's request options, or undefined when Cognito offered something else. */
function challengeOf(answer: InitiateAuthCommandOutput | undefined): { challenge: string; session: string } | undefined {
  const session = answer?.Session;
  if (answer?.ChallengeName !== 'WEB_AUTHN' || !session) return undefined;
  const options = parsedJson(answer.ChallengeParameters?.CREDENTIAL_REQUEST_OPTIONS ?? '') as { challenge?: unknown } | null;
  return typeof options?.challenge === 'string' && options.challenge ? { challenge: options.challenge, session } : undefined;
}
