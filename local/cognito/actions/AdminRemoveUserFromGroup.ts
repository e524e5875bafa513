import type { AdminRemoveUserFromGroupRequest } from '@aws-sdk/client-cognito-identity-provider';
import type { CognitoContext } from '../context';
import { requireGroup } from '../groups';
import { requirePool } from '../pools';
import { requireUser } from '../users';
import { required } from '../validate';

export async function AdminRemoveUserFromGroup(
  ctx: CognitoContext,
  input: AdminRemoveUserFromGroupRequest,
): Promise<Record<string, never>> {
  const pool = requirePool(ctx, input.UserPoolId);
  const user = requireUser(pool, required(input.Username, 'username'));
  const group = requireGroup(pool, required(input.GroupName, 'groupName'));
  user.groups = user.groups.filter((name) => name !== group.name);
  return {};
}
