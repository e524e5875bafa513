import type { AdminListGroupsForUserRequest, AdminListGroupsForUserResponse } from '@aws-sdk/client-cognito-identity-provider';
import type { CognitoContext } from '../context';
import { toGroupType } from '../groups';
import { page, requirePool } from '../pools';
import { groupsOf } from '../tokens';
import { requireUser } from '../users';
import { required } from '../validate';

export async function AdminListGroupsForUser(
  ctx: CognitoContext,
  input: AdminListGroupsForUserRequest,
): Promise<AdminListGroupsForUserResponse> {
  const pool = requirePool(ctx, input.UserPoolId);
  const user = requireUser(pool, required(input.Username, 'username'));
  const groups = groupsOf(pool, user).flatMap((name) => (pool.groups[name] ? [pool.groups[name]] : []));
  const { items, next } = page(groups, input.Limit, input.NextToken);
  return { Groups: items.map((g) => toGroupType(pool, g)), ...(next ? { NextToken: next } : {}) };
}
