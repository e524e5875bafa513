import type { AdminDeleteSoftwareTokenRequest, AdminDeleteSoftwareTokenResponse } from '@aws-sdk/client-cognito-identity-provider';
import type { CognitoContext } from '../context';
import { requirePool } from '../pools';
import { requireUser, touch } from '../users';
import { required } from '../validate';

/**
 * Removes the user's TOTP authenticator, the verified one and any still being set up, with the
 * preference for it. Where the pool requires MFA and the user has no other factor (TOTP is the
 * only one the emulator offers), the next sign-in answers MFA_SETUP.
 * https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_AdminDeleteSoftwareToken.html
 */
export async function AdminDeleteSoftwareToken(
  ctx: CognitoContext,
  input: AdminDeleteSoftwareTokenRequest,
): Promise<AdminDeleteSoftwareTokenResponse> {
  const pool = requirePool(ctx, input.UserPoolId);
  const user = requireUser(pool, required(input.Username, 'username'));
  user.totp = { verified: false, enabled: false, preferred: false };
  touch(user, ctx.clock.now());
  return {};
}
