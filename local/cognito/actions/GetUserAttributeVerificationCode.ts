import type {
  GetUserAttributeVerificationCodeRequest,
  GetUserAttributeVerificationCodeResponse,
} from '@aws-sdk/client-cognito-identity-provider';
import type { CognitoContext } from '../context';
import { required } from '../validate';
import { sendVerificationCode } from '../verificationCodes';

/**
 * E-mails a new code to verify the user's e-mail address with VerifyUserAttribute.
 * https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_GetUserAttributeVerificationCode.html
 */
export async function GetUserAttributeVerificationCode(
  ctx: CognitoContext,
  input: GetUserAttributeVerificationCodeRequest,
): Promise<GetUserAttributeVerificationCodeResponse> {
  const { pool, user } = await ctx.tokens.verifyAccessToken(required(input.AccessToken, 'accessToken'));
  const attribute = required(input.AttributeName, 'attributeName');
  return { CodeDeliveryDetails: await sendVerificationCode(ctx, pool, user, attribute, 'CustomMessage_VerifyUserAttribute') };
}
