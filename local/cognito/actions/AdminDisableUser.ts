import type { AdminDisableUserRequest, AdminDisableUserResponse } from '@aws-sdk/client-cognito-identity-provider';
import type { CognitoContext } from '../context';
import { requirePool } from '../pools';
import { requireUser, touch } from '../users';
import { required } from '../validate';

/** As in AWS, disabling also revokes the user's tokens: they stay revoked if the user is enabled again. */
export async function AdminDisableUser(ctx: CognitoContext, input: AdminDisableUserRequest): Promise<AdminDisableUserResponse> {
  const pool = requirePool(ctx, input.UserPoolId);
  const user = requireUser(pool, required(input.Username, 'username'));
  user.enabled = false;
  ctx.tokens.revokeUser(pool.id, user.username);
  touch(user, ctx.clock.now());
  return {};
}
