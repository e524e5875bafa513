import type { AdminDeleteUserRequest } from '@aws-sdk/client-cognito-identity-provider';
import type { CognitoContext } from '../context';
import { requirePool } from '../pools';
import { removeUser } from '../removeUser';
import { requireUser } from '../users';
import { required } from '../validate';

export async function AdminDeleteUser(ctx: CognitoContext, input: AdminDeleteUserRequest): Promise<Record<string, never>> {
  const pool = requirePool(ctx, input.UserPoolId);
  removeUser(ctx, pool, requireUser(pool, required(input.Username, 'username')));
  return {};
}
