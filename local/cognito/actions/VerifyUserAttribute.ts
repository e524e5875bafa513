import type { VerifyUserAttributeRequest, VerifyUserAttributeResponse } from '@aws-sdk/client-cognito-identity-provider';
import type { CognitoContext } from '../context';
import { touch } from '../users';
import { required } from '../validate';
import { checkVerificationCode } from '../verificationCodes';

/**
 * Verifies an attribute with the code e-mailed for it (after UpdateUserAttributes changed it, or
 * GetUserAttributeVerificationCode). A wrong code answers CodeMismatchException, an old one
 * ExpiredCodeException.
 * https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_VerifyUserAttribute.html
 */
export async function VerifyUserAttribute(ctx: CognitoContext, input: VerifyUserAttributeRequest): Promise<VerifyUserAttributeResponse> {
  const { pool, user } = await ctx.tokens.verifyAccessToken(required(input.AccessToken, 'accessToken'));
  const attribute = required(input.AttributeName, 'attributeName');
  checkVerificationCode(ctx, pool, user, attribute, required(input.Code, 'code'));
  touch(user, ctx.clock.now());
  return {};
}
