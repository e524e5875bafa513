import type { DescribeUserPoolRequest, DescribeUserPoolResponse } from '@aws-sdk/client-cognito-identity-provider';
import type { CognitoContext } from '../context';
import { requirePool, toUserPoolType } from '../pools';

export async function DescribeUserPool(ctx: CognitoContext, input: DescribeUserPoolRequest): Promise<DescribeUserPoolResponse> {
  return { UserPool: toUserPoolType(requirePool(ctx, input.UserPoolId)) };
}
