import type { ListUserPoolsRequest, ListUserPoolsResponse } from '@aws-sdk/client-cognito-identity-provider';
import type { CognitoContext } from '../context';
import { page, toPoolDescription } from '../pools';
import { required } from '../validate';

export async function ListUserPools(ctx: CognitoContext, input: ListUserPoolsRequest): Promise<ListUserPoolsResponse> {
  const pools = Object.values(ctx.store.state.pools);
  const { items, next } = page(pools, required(input.MaxResults, 'maxResults'), input.NextToken);
  return { UserPools: items.map(toPoolDescription), ...(next ? { NextToken: next } : {}) };
}
