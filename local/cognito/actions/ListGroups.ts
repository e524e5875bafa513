import type { ListGroupsRequest, ListGroupsResponse } from '@aws-sdk/client-cognito-identity-provider';
import type { CognitoContext } from '../context';
import { toGroupType } from '../groups';
import { page, requirePool } from '../pools';

/** The pool's groups, up to 60 a page. https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_ListGroups.html */
export async function ListGroups(ctx: CognitoContext, input: ListGroupsRequest): Promise<ListGroupsResponse> {
  const pool = requirePool(ctx, input.UserPoolId);
  const { items, next } = page(Object.values(pool.groups), input.Limit, input.NextToken);
  return { Groups: items.map((g) => toGroupType(pool, g)), ...(next ? { NextToken: next } : {}) };
}
