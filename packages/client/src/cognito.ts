import { AuthError } from './errors.js';
import type { IssuedTokens } from './session.js';

/**
 * Refreshing straight against Cognito's public API, as Amplify does: one unsigned JSON call to
 * GetTokensFromRefreshToken with the app client's id (public: it is in every token). It works with
 * refresh-token rotation on or off; with it on, Cognito sends the new refresh token.
 * https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_GetTokensFromRefreshToken.html
 */

export interface CognitoRefreshOptions {
  /** The user pool's app client id (the gateway's `clientId` output). */
  clientId: string;
  /** The user pool's region: the endpoint is then `https://cognito-idp.<region>.amazonaws.com/`. */
  region?: string;
  /** Cognito's endpoint, when not the region's (the local emulator, a proxy). Wins over `region`. */
  endpoint?: string;
}

interface CognitoAnswer {
  AuthenticationResult?: { IdToken?: string; AccessToken?: string; RefreshToken?: string; ExpiresIn?: number };
  __type?: string;
}

/** Cognito's exceptions a refresh can meet, as the gateway's errorTypes. */
const ERROR_TYPES: Readonly<Record<string, readonly [string, string]>> = {
  NotAuthorizedException: ['NotAuthorized', 'The refresh token is invalid, expired or revoked. Sign in again.'],
  // A refresh token that rotation replaced, used after the grace period.
  RefreshTokenReuseException: ['NotAuthorized', 'The refresh token is invalid, expired or revoked. Sign in again.'],
  TooManyRequestsException: ['TooManyRequests', 'Too many requests. Wait a moment and try again.'],
  LimitExceededException: ['TooManyRequests', 'Too many requests. Wait a moment and try again.'],
  // A web ACL on the user pool refused the request.
  ForbiddenException: ['Forbidden', 'The request was refused.'],
};

export function cognitoEndpoint(options: CognitoRefreshOptions): string {
  if (options.endpoint) return options.endpoint;
  if (options.region && /^[a-z]{2}(-[a-z]+)+-\d$/.test(options.region)) return `https://cognito-idp.${options.region}.amazonaws.com/`;
  throw new TypeError('refresh: "cognito" needs cognito.region (such as eu-west-1) or cognito.endpoint.');
}

/** The refresh function the session calls, sending `refreshToken` to Cognito. */
export function refreshWithCognito(send: typeof globalThis.fetch, options: CognitoRefreshOptions): (refreshToken: string) => Promise<IssuedTokens> {
  if (!options.clientId) throw new TypeError('refresh: "cognito" needs cognito.clientId, the app client id.');
  const url = cognitoEndpoint(options);
  return async (refreshToken) => {
    const response = await send(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-amz-json-1.1',
        'x-amz-target': 'AWSCognitoIdentityProviderService.GetTokensFromRefreshToken',
      },
      body: JSON.stringify({ ClientId: options.clientId, RefreshToken: refreshToken }),
    });
    const answer = (await response.json().catch(() => undefined)) as CognitoAnswer | undefined;
    const result = answer?.AuthenticationResult;
    if (response.ok && result?.IdToken && result.AccessToken) {
      // Without rotation Cognito sends no refresh token: the one sent stays the user's.
      return { idToken: result.IdToken, accessToken: result.AccessToken, refreshToken: result.RefreshToken ?? refreshToken, expiresIn: result.ExpiresIn ?? 3600 };
    }
    // `__type` may carry a namespace before '#'; the header is the other place Cognito names it.
    const type = (answer?.__type ?? response.headers.get('x-amzn-errortype') ?? '').split('#').pop()!.split(':')[0]!;
    const [errorType, message] = ERROR_TYPES[type] ?? (response.status >= 500
      ? ['ServiceUnavailable', 'The service is temporarily unavailable. Try again later.']
      : ['HttpError', `Cognito answered HTTP ${response.status}${type ? ` (${type})` : ''}.`]);
    throw new AuthError(message, errorType, type ? { cognitoError: type } : null, null, response.status);
  };
}
