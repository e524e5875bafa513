import type { DeleteUserRequest } from '@aws-sdk/client-cognito-identity-provider';
import type { CognitoContext } from '../context';
import { removeUser } from '../removeUser';
import { required } from '../validate';

export async function DeleteUser(ctx: CognitoContext, input: DeleteUserRequest): Promise<Record<string, never>> {
  const { pool, user } = await ctx.tokens.verifyAccessToken(required(input.AccessToken, 'accessToken'));
  removeUser(ctx, pool, user);
  return {};
}
