import type { AdminResetUserPasswordRequest, AdminResetUserPasswordResponse } from '@aws-sdk/client-cognito-identity-provider';
import type { CognitoContext } from '../context';
import { errors } from '../errors';
import { requirePool } from '../pools';
import { sendResetCode } from '../resetCodes';
import { requireUser, touch } from '../users';
import { required } from '../validate';

/** The current password stops working (sign-in answers PasswordResetRequiredException) and a reset code is e-mailed. */
export async function AdminResetUserPassword(
  ctx: CognitoContext,
  input: AdminResetUserPasswordRequest,
): Promise<AdminResetUserPasswordResponse> {
  const pool = requirePool(ctx, input.UserPoolId);
  const user = requireUser(pool, required(input.Username, 'username'));
  if (user.status === 'FORCE_CHANGE_PASSWORD') throw errors.cannotResetPassword();
  await sendResetCode(ctx, pool, user, { queued: false });
  user.status = 'RESET_REQUIRED';
  touch(user, ctx.clock.now());
  return {};
}
