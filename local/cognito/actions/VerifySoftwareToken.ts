import type { VerifySoftwareTokenRequest, VerifySoftwareTokenResponse } from '@aws-sdk/client-cognito-identity-provider';
import type { CognitoContext } from '../context';
import { errors } from '../errors';
import { countWrongCode, endSession, openSession, startSession } from '../sessions';
import { sessionSignIn } from '../signin';
import type { UserRecord } from '../state';
import { touch } from '../users';
import { modelConstrained, required } from '../validate';

/**
 * Checks the first code of the pending secret and makes it the user's TOTP. In MFA_SETUP the
 * answer carries the session RespondToAuthChallenge needs; by access token the secret becomes
 * the user's, and is turned on at once only where the pool requires MFA (otherwise
 * SetUserMFAPreference turns it on).
 */
export async function VerifySoftwareToken(
  ctx: CognitoContext,
  input: VerifySoftwareTokenRequest,
): Promise<VerifySoftwareTokenResponse> {
  // UserCode: "Fixed length of 6. Pattern: [0-9]+", checked before anything else, as a model constraint.
  // https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_VerifySoftwareToken.html
  const code = modelConstrained(required(input.UserCode, 'userCode'), 'userCode', { length: 6, pattern: /^[0-9]+$/, patternText: '[0-9]+' });
  if (!input.Session === !input.AccessToken) {
    throw errors.invalidParameter('Exactly one of AccessToken and Session must be given.');
  }
  if (input.AccessToken) {
    const { pool, user } = await ctx.tokens.verifyAccessToken(input.AccessToken);
    const step = await checkFirstCode(ctx, user, code);
    const required = pool.settings.MfaConfiguration === 'ON';
    adopt(user, step, input.FriendlyDeviceName, required || user.totp.enabled, required || user.totp.preferred);
    touch(user, ctx.clock.now());
    return { Status: 'SUCCESS' };
  }
  const session = openSession(ctx, input.Session);
  const signIn = sessionSignIn(ctx, session);
  if (session.record.challenge !== 'MFA_SETUP' || session.record.step !== 'SECRET_ASSOCIATED') throw errors.invalidSession();
  const { user } = signIn;
  let step: number;
  try {
    step = await checkFirstCode(ctx, user, code);
  } catch (err) {
    countWrongCode(ctx, session);
    throw err;
  }
  adopt(user, step, input.FriendlyDeviceName, true, true);
  touch(user, ctx.clock.now());
  endSession(ctx, session);
  const next = startSession(ctx, { ...signIn, challenge: 'MFA_SETUP', step: 'TOKEN_VERIFIED' });
  return { Status: 'SUCCESS', Session: next };
}

async function checkFirstCode(ctx: CognitoContext, user: UserRecord, code: string): Promise<number> {
  const secret = user.totp.pendingSecret;
  if (!secret) throw errors.invalidParameter('No software token is being set up: call AssociateSoftwareToken first.');
  const result = await ctx.otp.check(secret, code, ctx.clock.now());
  if (!result.ok) throw errors.enableTotpMismatch();
  return result.step;
}

function adopt(user: UserRecord, step: number, deviceName: string | undefined, enabled: boolean, preferred: boolean): void {
  user.totp = {
    secret: user.totp.pendingSecret,
    verified: true,
    enabled,
    preferred,
    lastUsedStep: step,
    ...(deviceName ? { deviceName } : {}),
  };
}
