import type { AuthenticationResultType } from '@aws-sdk/client-cognito-identity-provider';
import { decodeJwt } from 'jose';
import { GatewayError } from './errors';

export interface AuthTokens {
  idToken: string;
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
  tokenType: string;
}

/** Cognito leaves RefreshToken out of a refresh unless it rotated it; then the sent one lives on. */
export function toAuthTokens(result: AuthenticationResultType | undefined, refreshTokenSent?: string): AuthTokens {
  const refreshToken = result?.RefreshToken ?? refreshTokenSent;
  if (!result?.IdToken || !result.AccessToken || !refreshToken) {
    throw new GatewayError('InternalError', 'Cognito returned no tokens.');
  }
  return {
    idToken: result.IdToken,
    accessToken: result.AccessToken,
    refreshToken,
    expiresIn: result.ExpiresIn ?? 3600,
    tokenType: result.TokenType ?? 'Bearer',
  };
}

/**
 * Claims of a token that Cognito has just issued or accepted in this same invocation. Not a
 * verification: never call it on a token Cognito has not vouched for.
 */
export function claimsOf(jwt: string): Record<string, unknown> {
  try {
    return decodeJwt(jwt);
  } catch {
    throw new GatewayError('InternalError', 'Cognito returned a malformed token.');
  }
}
