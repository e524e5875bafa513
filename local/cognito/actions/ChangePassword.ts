import type { ChangePasswordRequest, ChangePasswordResponse } from '@aws-sdk/client-cognito-identity-provider';
import type { CognitoContext } from '../context';
import { errors } from '../errors';
import { isLockedOut, recordFailure, recordSuccess } from '../lockout';
import { checkPassword, hashPassword, verifyPassword } from '../passwords';
import { poolPolicy } from '../pools';
import { touch } from '../users';
import { required } from '../validate';

/** A wrong previous password counts toward the same lockout as a wrong sign-in. */
export async function ChangePassword(ctx: CognitoContext, input: ChangePasswordRequest): Promise<ChangePasswordResponse> {
  const { pool, user } = await ctx.tokens.verifyAccessToken(required(input.AccessToken, 'accessToken'));
  const previous = required(input.PreviousPassword, 'previousPassword');
  const proposed = required(input.ProposedPassword, 'proposedPassword');
  checkPassword(proposed, poolPolicy(pool), 'proposedPassword');
  const now = ctx.clock.now();
  if (isLockedOut(user, now)) throw errors.attemptsExceeded();
  if (!user.passwordHash || !(await verifyPassword(previous, user.passwordHash))) throw recordFailure(user, now);
  recordSuccess(user);
  user.passwordHash = await hashPassword(proposed, ctx.passwordCost);
  touch(user, now);
  return {};
}
