import type { AdminAddUserToGroupRequest } from '@aws-sdk/client-cognito-identity-provider';
import type { CognitoContext } from '../context';
import { requireGroup } from '../groups';
import { requirePool } from '../pools';
import { requireUser } from '../users';
import { required } from '../validate';

/** Group changes show in tokens issued afterwards, as in Cognito. */
export async function AdminAddUserToGroup(ctx: CognitoContext, input: AdminAddUserToGroupRequest): Promise<Record<string, never>> {
  const pool = requirePool(ctx, input.UserPoolId);
  const user = requireUser(pool, required(input.Username, 'username'));
  const group = requireGroup(pool, required(input.GroupName, 'groupName'));
  if (!user.groups.includes(group.name)) user.groups.push(group.name);
  return {};
}
