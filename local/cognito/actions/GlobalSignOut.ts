import type { GlobalSignOutRequest, GlobalSignOutResponse } from '@aws-sdk/client-cognito-identity-provider';
import type { CognitoContext } from '../context';
import { required } from '../validate';

/** Revokes every refresh token of the user and, with them, every access token already issued. */
export async function GlobalSignOut(ctx: CognitoContext, input: GlobalSignOutRequest): Promise<GlobalSignOutResponse> {
  const { pool, user } = await ctx.tokens.verifyAccessToken(required(input.AccessToken, 'accessToken'));
  ctx.tokens.revokeUser(pool.id, user.username);
  return {};
}
