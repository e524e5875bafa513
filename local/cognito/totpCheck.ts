import type { CognitoContext } from './context';
import { errors } from './errors';
import { countWrongCode, type OpenSession } from './sessions';
import type { UserRecord } from './state';

/**
 * Checks a TOTP code against the user's verified secret and remembers its time step, so the same
 * code is refused the second time. A wrong code inside a sign-in session uses up one of its tries.
 */
export async function checkTotp(ctx: CognitoContext, user: UserRecord, code: string, session?: OpenSession): Promise<void> {
  const secret = user.totp.verified ? user.totp.secret : undefined;
  const result = secret ? await ctx.otp.check(secret, code, ctx.clock.now(), user.totp.lastUsedStep) : undefined;
  if (!result?.ok) {
    if (session) countWrongCode(ctx, session);
    throw result?.reason === 'reused' ? errors.totpReused() : errors.totpMismatch();
  }
  user.totp.lastUsedStep = result.step;
}
