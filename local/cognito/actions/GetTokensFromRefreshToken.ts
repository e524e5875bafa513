import type { GetTokensFromRefreshTokenRequest, GetTokensFromRefreshTokenResponse } from '@aws-sdk/client-cognito-identity-provider';
import { checkAuthFlow, refreshTokenRotation, requireClient } from '../clients';
import type { CognitoContext } from '../context';
import { errors } from '../errors';
import { required } from '../validate';

/**
 * New id and access tokens for a refresh token: same sign-in, same `auth_time`. Without rotation
 * the answer carries no refresh token and the one sent stays valid, as with REFRESH_TOKEN_AUTH;
 * a rotating client (which must not allow REFRESH_TOKEN_AUTH) also gets a new refresh token, and
 * the one sent works on only for the client's grace period.
 * https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_GetTokensFromRefreshToken.html
 * https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-using-the-refresh-token.html
 */
export async function GetTokensFromRefreshToken(
  ctx: CognitoContext,
  input: GetTokensFromRefreshTokenRequest,
): Promise<GetTokensFromRefreshTokenResponse> {
  const token = required(input.RefreshToken, 'refreshToken');
  const { client } = requireClient(ctx, required(input.ClientId, 'clientId'));
  if (client.secret && input.ClientSecret !== client.secret) throw errors.notAuthorized('Invalid client secret.');
  const rotation = refreshTokenRotation(client);
  if (!rotation) checkAuthFlow(client, 'REFRESH_TOKEN_AUTH');
  return { AuthenticationResult: await ctx.tokens.refresh(client, token, rotation) };
}
