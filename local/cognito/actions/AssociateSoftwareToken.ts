import type { AssociateSoftwareTokenRequest, AssociateSoftwareTokenResponse } from '@aws-sdk/client-cognito-identity-provider';
import type { CognitoContext } from '../context';
import { errors } from '../errors';
import { endSession, openSession, startSession } from '../sessions';
import { sessionSignIn } from '../signin';
import { touch } from '../users';

/**
 * Hands out a new TOTP secret, kept pending until VerifySoftwareToken sees a right code. During
 * MFA_SETUP the secret is bound to the sign-in session, which is spent and replaced by a new one;
 * a signed-in user asks with the access token instead.
 */
export async function AssociateSoftwareToken(
  ctx: CognitoContext,
  input: AssociateSoftwareTokenRequest,
): Promise<AssociateSoftwareTokenResponse> {
  if (!input.Session === !input.AccessToken) {
    throw errors.invalidParameter('Exactly one of AccessToken and Session must be given.');
  }
  const secret = ctx.otp.newSecret();
  if (input.AccessToken) {
    const { user } = await ctx.tokens.verifyAccessToken(input.AccessToken);
    user.totp.pendingSecret = secret;
    touch(user, ctx.clock.now());
    return { SecretCode: secret };
  }
  const session = openSession(ctx, input.Session);
  const signIn = sessionSignIn(ctx, session);
  if (session.record.challenge !== 'MFA_SETUP') throw errors.invalidSession();
  signIn.user.totp.pendingSecret = secret;
  touch(signIn.user, ctx.clock.now());
  endSession(ctx, session);
  const next = startSession(ctx, { ...signIn, challenge: 'MFA_SETUP', step: 'SECRET_ASSOCIATED' });
  return { SecretCode: secret, Session: next };
}
