import type { ListUserPoolClientsRequest, ListUserPoolClientsResponse } from '@aws-sdk/client-cognito-identity-provider';
import type { CognitoContext } from '../context';
import { page, requirePool } from '../pools';

export async function ListUserPoolClients(
  ctx: CognitoContext,
  input: ListUserPoolClientsRequest,
): Promise<ListUserPoolClientsResponse> {
  const pool = requirePool(ctx, input.UserPoolId);
  const clients = Object.values(pool.clients);
  const { items, next } = page(clients, input.MaxResults, input.NextToken);
  return {
    UserPoolClients: items.map((c) => ({ ClientId: c.id, ClientName: c.settings.ClientName, UserPoolId: pool.id })),
    ...(next ? { NextToken: next } : {}),
  };
}
