import type { UpdateUserAttributesRequest, UpdateUserAttributesResponse } from '@aws-sdk/client-cognito-identity-provider';
import { attributeMap, checkMutable } from '../attributes';
import { checkWritable } from '../clientAttributes';
import type { CognitoContext } from '../context';
import { touch, unverifyChanged } from '../users';
import { sendVerificationCode } from '../verificationCodes';
import { required } from '../validate';

/**
 * The user's own changes, limited to what the token's app client may write
 * (NotAuthorizedException otherwise) and to what the pool's schema declares mutable.
 * https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_UpdateUserAttributes.html
 */
export async function UpdateUserAttributes(
  ctx: CognitoContext,
  input: UpdateUserAttributesRequest,
): Promise<UpdateUserAttributesResponse> {
  const { pool, client, user } = await ctx.tokens.verifyAccessToken(required(input.AccessToken, 'accessToken'));
  const changes = attributeMap(pool, required(input.UserAttributes, 'userAttributes'));
  checkWritable(client, Object.keys(changes));
  checkMutable(pool, Object.keys(changes));
  const emailChanged = changes.email !== undefined && changes.email !== user.attributes.email;
  unverifyChanged(user, changes);
  Object.assign(user.attributes, changes);
  touch(user, ctx.clock.now());
  // A new e-mail address gets a code to verify it with (VerifyUserAttribute). The gateway's
  // client cannot change the e-mail, so this serves other clients only.
  if (!emailChanged) return { CodeDeliveryDetailsList: [] };
  return { CodeDeliveryDetailsList: [await sendVerificationCode(ctx, pool, user, 'email', 'CustomMessage_UpdateUserAttribute')] };
}
