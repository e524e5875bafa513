import type { AdminDeleteUserAttributesRequest, AdminDeleteUserAttributesResponse } from '@aws-sdk/client-cognito-identity-provider';
import { checkMutable, declaredAttribute } from '../attributes';
import type { CognitoContext } from '../context';
import { errors } from '../errors';
import { requirePool } from '../pools';
import { requireUser, touch } from '../users';
import { required } from '../validate';

/**
 * Removes attributes from a user, custom ones included, whatever the app clients may write.
 * Attributes the pool does not have, immutable ones and required ones are refused.
 * https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_AdminDeleteUserAttributes.html
 */
export async function AdminDeleteUserAttributes(
  ctx: CognitoContext,
  input: AdminDeleteUserAttributesRequest,
): Promise<AdminDeleteUserAttributesResponse> {
  const pool = requirePool(ctx, input.UserPoolId);
  const user = requireUser(pool, required(input.Username, 'username'));
  const names = required(input.UserAttributeNames, 'userAttributeNames');
  for (const name of names) {
    if (!declaredAttribute(pool, name)) {
      throw errors.invalidParameter(`Attributes did not conform to the schema: ${name}: Attribute does not exist in the schema.\n`);
    }
    const isRequired = (pool.settings.Schema ?? []).some((e) => e.Name === name && e.Required);
    if (isRequired) throw errors.invalidParameter(`Attributes did not conform to the schema: ${name}: The attribute is required\n`);
  }
  checkMutable(pool, names);
  for (const name of names) delete user.attributes[name];
  touch(user, ctx.clock.now());
  return {};
}
