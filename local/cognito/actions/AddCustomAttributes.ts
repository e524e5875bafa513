import type { AddCustomAttributesRequest, AddCustomAttributesResponse } from '@aws-sdk/client-cognito-identity-provider';
import { customAttributeNames, declaredAttribute } from '../attributes';
import type { CognitoContext } from '../context';
import { errors } from '../errors';
import { requirePool } from '../pools';
import { required } from '../validate';

/** Cognito's limits on custom attributes: https://docs.aws.amazon.com/cognito/latest/developerguide/quotas.html */
const MAX_CUSTOM_ATTRIBUTES = 50;
const MAX_NAME_LENGTH = 20;

/**
 * Adds custom attributes to an existing pool; they can never be removed or changed afterwards.
 * https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_AddCustomAttributes.html
 */
export async function AddCustomAttributes(ctx: CognitoContext, input: AddCustomAttributesRequest): Promise<AddCustomAttributesResponse> {
  const pool = requirePool(ctx, input.UserPoolId);
  const added = required(input.CustomAttributes, 'customAttributes');
  for (const attribute of added) {
    const name = required(attribute.Name, 'name').replace(/^custom:/, '');
    if (name.length > MAX_NAME_LENGTH) throw errors.invalidParameter(`Custom attribute name ${name} is longer than ${MAX_NAME_LENGTH} characters.`);
    if (declaredAttribute(pool, `custom:${name}`)) throw errors.invalidParameter(`Existing attribute already has name custom:${name}.`);
  }
  if (customAttributeNames(pool).length + added.length > MAX_CUSTOM_ATTRIBUTES) {
    throw errors.invalidParameter(`A user pool can have at most ${MAX_CUSTOM_ATTRIBUTES} custom attributes.`);
  }
  const schema = (pool.settings.Schema ??= []);
  for (const attribute of added) {
    schema.push({ AttributeDataType: 'String', Mutable: true, ...attribute, Name: attribute.Name!.replace(/^custom:/, '') });
  }
  pool.updatedAt = ctx.clock.now().getTime();
  return {};
}
