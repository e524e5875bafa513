// refreshTokens: calls Cognito's GetTokensFromRefreshToken itself, no function (see operations.ts).
import type { Context, HTTPRequest } from '@aws-appsync/utils';
import { authTokensOf, clientIdOf, cognitoRequest, cognitoResult } from './lib/cognito';
import { opaqueProblem, refuseProblems, trimmed } from './lib/input';

/**
 * New id and access tokens; Cognito refuses a refresh token that logout has revoked. A client
 * that rotates refresh tokens gets the new one in the answer; otherwise the token sent lives on.
 * https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_GetTokensFromRefreshToken.html
 */
export function request(ctx: Context): HTTPRequest<string> {
  refuseProblems([opaqueProblem(ctx.arguments.input.refreshToken, 'refresh token', 8192)]);
  return cognitoRequest('GetTokensFromRefreshToken', {
    ClientId: clientIdOf(ctx),
    RefreshToken: trimmed(ctx.arguments.input.refreshToken),
  });
}

export function response(ctx: Context): unknown {
  const answer = cognitoResult(ctx);
  return authTokensOf(ctx, answer.AuthenticationResult, trimmed(ctx.arguments.input.refreshToken));
}
