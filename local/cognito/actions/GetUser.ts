import type { GetUserRequest, GetUserResponse } from '@aws-sdk/client-cognito-identity-provider';
import { attributeList, pick } from '../attributes';
import { readableAttributes } from '../clientAttributes';
import type { CognitoContext } from '../context';
import { mfaSettings } from '../users';
import { required } from '../validate';

/** The user's own view: only the attributes the token's app client may read. */
export async function GetUser(ctx: CognitoContext, input: GetUserRequest): Promise<GetUserResponse> {
  const { client, user } = await ctx.tokens.verifyAccessToken(required(input.AccessToken, 'accessToken'));
  const readable = pick(user.attributes, readableAttributes(client));
  return { Username: user.username, UserAttributes: attributeList(readable), ...mfaSettings(user) };
}
