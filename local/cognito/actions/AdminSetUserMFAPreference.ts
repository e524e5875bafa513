import type { AdminSetUserMFAPreferenceRequest, AdminSetUserMFAPreferenceResponse } from '@aws-sdk/client-cognito-identity-provider';
import type { CognitoContext } from '../context';
import { setMfaPreference } from '../mfaPreference';
import { requirePool } from '../pools';
import { requireUser } from '../users';
import { required } from '../validate';

export async function AdminSetUserMFAPreference(
  ctx: CognitoContext,
  input: AdminSetUserMFAPreferenceRequest,
): Promise<AdminSetUserMFAPreferenceResponse> {
  const pool = requirePool(ctx, input.UserPoolId);
  setMfaPreference(ctx, pool, requireUser(pool, required(input.Username, 'username')), input);
  return {};
}
