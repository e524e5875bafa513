import type { DescribeUserPoolClientRequest, DescribeUserPoolClientResponse } from '@aws-sdk/client-cognito-identity-provider';
import { requirePoolClient, toClientType } from '../clients';
import type { CognitoContext } from '../context';
import { requirePool } from '../pools';

export async function DescribeUserPoolClient(
  ctx: CognitoContext,
  input: DescribeUserPoolClientRequest,
): Promise<DescribeUserPoolClientResponse> {
  const pool = requirePool(ctx, input.UserPoolId);
  return { UserPoolClient: toClientType(pool, requirePoolClient(pool, input.ClientId)) };
}
