import type { GetUserRequest, GetUserResponse } from '@aws-sdk/client-cognito-identity-provider';
import { attributeList } from '../attributes';
import type { CognitoContext } from '../context';
import { mfaSettings } from '../users';
import { required } from '../validate';

export async function GetUser(ctx: CognitoContext, input: GetUserRequest): Promise<GetUserResponse> {
  const { user } = await ctx.tokens.verifyAccessToken(required(input.AccessToken, 'accessToken'));
  return { Username: user.username, UserAttributes: attributeList(user.attributes), ...mfaSettings(user) };
}
