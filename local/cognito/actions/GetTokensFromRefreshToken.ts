import type { GetTokensFromRefreshTokenRequest, GetTokensFromRefreshTokenResponse } from '@aws-sdk/client-cognito-identity-provider';
import { checkAuthFlow, requireClient } from '../clients';
import type { CognitoContext } from '../context';
import { errors } from '../errors';
import { required } from '../validate';

/**
 * New id and access tokens for a refresh token, as REFRESH_TOKEN_AUTH gives them: same sign-in,
 * same `auth_time`. The emulator's clients do not rotate refresh tokens, so the answer carries
 * no new refresh token and the old one stays valid.
 * https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_GetTokensFromRefreshToken.html
 */
export async function GetTokensFromRefreshToken(
  ctx: CognitoContext,
  input: GetTokensFromRefreshTokenRequest,
): Promise<GetTokensFromRefreshTokenResponse> {
  const token = required(input.RefreshToken, 'refreshToken');
  const { client } = requireClient(ctx, required(input.ClientId, 'clientId'));
  if (client.secret && input.ClientSecret !== client.secret) throw errors.notAuthorized('Invalid client secret.');
  checkAuthFlow(client, 'REFRESH_TOKEN_AUTH');
  return { AuthenticationResult: await ctx.tokens.refresh(client, token) };
}
