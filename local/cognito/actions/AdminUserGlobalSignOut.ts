import type { AdminUserGlobalSignOutRequest, AdminUserGlobalSignOutResponse } from '@aws-sdk/client-cognito-identity-provider';
import type { CognitoContext } from '../context';
import { requirePool } from '../pools';
import { requireUser } from '../users';
import { required } from '../validate';

export async function AdminUserGlobalSignOut(
  ctx: CognitoContext,
  input: AdminUserGlobalSignOutRequest,
): Promise<AdminUserGlobalSignOutResponse> {
  const pool = requirePool(ctx, input.UserPoolId);
  const user = requireUser(pool, required(input.Username, 'username'));
  ctx.tokens.revokeUser(pool.id, user.username);
  return {};
}
