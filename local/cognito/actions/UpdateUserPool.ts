import type { UpdateUserPoolRequest, UpdateUserPoolResponse } from '@aws-sdk/client-cognito-identity-provider';
import type { CognitoContext } from '../context';
import { requirePool, validatePoolSettings } from '../pools';

/**
 * As in AWS, every setting the request leaves out returns to its default (MFA included); only
 * what cannot change after creation is kept: sign-in attributes, username case and the schema.
 */
export async function UpdateUserPool(ctx: CognitoContext, input: UpdateUserPoolRequest): Promise<UpdateUserPoolResponse> {
  const pool = requirePool(ctx, input.UserPoolId);
  const { UserPoolId: _id, PoolName, ...changes } = input;
  const { UsernameAttributes, AliasAttributes, UsernameConfiguration, Schema, SoftwareTokenMfaConfiguration } = pool.settings;
  const settings = { ...changes, UsernameAttributes, AliasAttributes, UsernameConfiguration, Schema, SoftwareTokenMfaConfiguration };
  validatePoolSettings(settings);
  pool.settings = settings;
  if (PoolName) pool.name = PoolName;
  pool.updatedAt = ctx.clock.now().getTime();
  return {};
}
