import type { CognitoContext } from './context';
import { errors } from './errors';
import { isMfaLockedOut, recordMfaFailure, recordMfaSuccess } from './lockout';
import { countWrongCode, type OpenSession } from './sessions';
import type { UserRecord } from './state';

/**
 * Checks a sign-in's TOTP code against the user's verified secret and remembers its time step,
 * so the same code is refused the second time. A wrong code uses up one of the session's tries
 * and counts toward the user's MFA lockout; while locked out, no code is checked.
 */
export async function checkTotp(ctx: CognitoContext, user: UserRecord, code: string, session: OpenSession): Promise<void> {
  const now = ctx.clock.now();
  if (isMfaLockedOut(user, now)) throw errors.attemptsExceeded();
  const secret = user.totp.verified ? user.totp.secret : undefined;
  const result = secret ? await ctx.otp.check(secret, code, now, user.totp.lastUsedStep) : undefined;
  if (!result?.ok) {
    countWrongCode(ctx, session);
    throw recordMfaFailure(user, now) ?? (result?.reason === 'reused' ? errors.totpReused() : errors.totpMismatch());
  }
  recordMfaSuccess(user);
  user.totp.lastUsedStep = result.step;
}
