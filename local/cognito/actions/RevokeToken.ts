import type { RevokeTokenRequest, RevokeTokenResponse } from '@aws-sdk/client-cognito-identity-provider';
import { requireClient } from '../clients';
import type { CognitoContext } from '../context';
import { errors } from '../errors';
import { required } from '../validate';

/** Revokes a refresh token and the access tokens of its sign-in. Access and id tokens cannot be revoked this way. */
export async function RevokeToken(ctx: CognitoContext, input: RevokeTokenRequest): Promise<RevokeTokenResponse> {
  const token = required(input.Token, 'token');
  const { client } = requireClient(ctx, required(input.ClientId, 'clientId'));
  if (client.secret && input.ClientSecret !== client.secret) throw errors.notAuthorized('Invalid client secret.');
  if (client.settings.EnableTokenRevocation === false) {
    throw errors.unsupportedOperation('Token revocation is not enabled for this app client.');
  }
  // A JWT here is an access or id token.
  if (token.split('.').length === 3) throw errors.unsupportedTokenType();
  ctx.tokens.revokeRefreshToken(client, token);
  return {};
}
