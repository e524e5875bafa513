import type { AdminEnableUserRequest, AdminEnableUserResponse } from '@aws-sdk/client-cognito-identity-provider';
import type { CognitoContext } from '../context';
import { requirePool } from '../pools';
import { requireUser, touch } from '../users';
import { required } from '../validate';

export async function AdminEnableUser(ctx: CognitoContext, input: AdminEnableUserRequest): Promise<AdminEnableUserResponse> {
  const pool = requirePool(ctx, input.UserPoolId);
  const user = requireUser(pool, required(input.Username, 'username'));
  user.enabled = true;
  touch(user, ctx.clock.now());
  return {};
}
