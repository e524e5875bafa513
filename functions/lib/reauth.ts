import { decodeJwt } from 'jose';
import { config } from './config';
import { GatewayError, messages } from './errors';

/**
 * Sensitive operations need a recent sign-in: the access token's `auth_time` (when the user gave
 * password and authenticator code) must lie within `security.reauthenticateWithinMinutes`.
 * A refresh keeps `auth_time`, so a stolen refresh token never renews the window.
 *
 * The claims are read before Cognito has checked the token; that is safe only because the caller
 * then sends this same token to Cognito, which refuses a forged or revoked one.
 */
export function requireRecentSignIn(accessToken: string, now = Date.now()): void {
  let claims: { auth_time?: unknown; iat?: unknown };
  try {
    claims = decodeJwt(accessToken);
  } catch {
    throw new GatewayError('NotAuthorized', messages.badToken);
  }
  const { auth_time: authTime, iat } = claims;
  if (typeof authTime !== 'number' || typeof iat !== 'number') throw new GatewayError('NotAuthorized', messages.badToken);
  // `iat` too: a token refreshed long after the sign-in is stale even if this machine's clock lags.
  const windowSeconds = config.reauthenticateWithinMinutes() * 60;
  if (Math.max(now / 1000, iat) - authTime > windowSeconds) {
    throw new GatewayError(
      'ReauthenticationRequired',
      `This needs a recent sign-in: sign in again with your password and authenticator code (within ${config.reauthenticateWithinMinutes()} minutes).`,
    );
  }
}
