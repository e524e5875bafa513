import type { SetUserMFAPreferenceRequest, SetUserMFAPreferenceResponse } from '@aws-sdk/client-cognito-identity-provider';
import type { CognitoContext } from '../context';
import { setMfaPreference } from '../mfaPreference';
import { required } from '../validate';

export async function SetUserMFAPreference(
  ctx: CognitoContext,
  input: SetUserMFAPreferenceRequest,
): Promise<SetUserMFAPreferenceResponse> {
  const { pool, user } = await ctx.tokens.verifyAccessToken(required(input.AccessToken, 'accessToken'));
  setMfaPreference(ctx, pool, user, input);
  return {};
}
