import type { AdminGetUserRequest, AdminGetUserResponse } from '@aws-sdk/client-cognito-identity-provider';
import type { CognitoContext } from '../context';
import { requirePool } from '../pools';
import { mfaSettings, requireUser, toUserType } from '../users';
import { required } from '../validate';

export async function AdminGetUser(ctx: CognitoContext, input: AdminGetUserRequest): Promise<AdminGetUserResponse> {
  const pool = requirePool(ctx, input.UserPoolId);
  const user = requireUser(pool, required(input.Username, 'username'));
  const { Attributes, ...rest } = toUserType(user);
  return { ...rest, Username: user.username, UserAttributes: Attributes, ...mfaSettings(user) };
}
