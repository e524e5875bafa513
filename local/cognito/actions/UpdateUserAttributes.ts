import type { UpdateUserAttributesRequest, UpdateUserAttributesResponse } from '@aws-sdk/client-cognito-identity-provider';
import { attributeMap, isImmutable } from '../attributes';
import type { CognitoContext } from '../context';
import { errors } from '../errors';
import { touch } from '../users';
import { required } from '../validate';

/** The user's own changes: verification flags and immutable attributes (sub, e-mail) are refused. */
export async function UpdateUserAttributes(
  ctx: CognitoContext,
  input: UpdateUserAttributesRequest,
): Promise<UpdateUserAttributesResponse> {
  const { pool, user } = await ctx.tokens.verifyAccessToken(required(input.AccessToken, 'accessToken'));
  const changes = attributeMap(pool, required(input.UserAttributes, 'userAttributes'));
  for (const name of Object.keys(changes)) {
    if (isImmutable(pool, name)) throw errors.invalidParameter(`Cannot modify the non-mutable attribute ${name}`);
    if (name.endsWith('_verified')) throw errors.notAuthorized(`A client attempted to write unauthorized attribute: ${name}`);
  }
  Object.assign(user.attributes, changes);
  touch(user, ctx.clock.now());
  // No attribute that needs verification can change here, so there is nothing to deliver.
  return { CodeDeliveryDetailsList: [] };
}
