import type { AdminUpdateUserAttributesRequest, AdminUpdateUserAttributesResponse } from '@aws-sdk/client-cognito-identity-provider';
import { attributeMap, checkMutable } from '../attributes';
import type { CognitoContext } from '../context';
import { errors } from '../errors';
import { requirePool } from '../pools';
import { findUser, requireUser, touch, unverifyChanged } from '../users';
import { required } from '../validate';

/**
 * An administrator's changes: any attribute the pool declares, custom ones and verification
 * flags included, whatever the app clients may write; immutable ones are still refused.
 * https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_AdminUpdateUserAttributes.html
 */
export async function AdminUpdateUserAttributes(
  ctx: CognitoContext,
  input: AdminUpdateUserAttributesRequest,
): Promise<AdminUpdateUserAttributesResponse> {
  const pool = requirePool(ctx, input.UserPoolId);
  const user = requireUser(pool, required(input.Username, 'username'));
  const changes = attributeMap(pool, required(input.UserAttributes, 'userAttributes'));
  checkMutable(pool, Object.keys(changes));
  const email = changes.email?.toLowerCase();
  if (email && Object.values(pool.users).some((other) => other !== user && other.attributes.email?.toLowerCase() === email)) {
    throw errors.aliasExists();
  }
  unverifyChanged(user, changes);
  Object.assign(user.attributes, changes);
  touch(user, ctx.clock.now());
  return {};
}
