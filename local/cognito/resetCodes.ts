import { timingSafeEqual } from 'node:crypto';
import { HOUR } from './clock';
import type { CognitoContext } from './context';
import { errors } from './errors';
import { digits, sha256 } from './ids';
import { signInName } from './users';
import type { PoolRecord, UserRecord } from './state';

export const RESET_CODE_VALIDITY_MS = HOUR;
/** Wrong guesses one code takes before it is thrown away, as Cognito limits attempts. */
export const RESET_CODE_ATTEMPTS = 5;

const hashCode = (pool: PoolRecord, user: UserRecord, code: string) => sha256(`${pool.id}:${user.username}:${code}`);

/** Whether a password reset code can reach the user: Cognito needs a verified e-mail. */
export function verifiedEmail(user: UserRecord): string | undefined {
  return user.attributes.email_verified === 'true' ? user.attributes.email : undefined;
}

/** A new 6-digit code, e-mailed first and stored (hashed) only once it is on its way; it replaces any earlier one. */
export async function sendResetCode(ctx: CognitoContext, pool: PoolRecord, user: UserRecord, clientId?: string): Promise<string> {
  const email = verifiedEmail(user);
  if (!email) {
    throw errors.invalidParameter('Cannot reset password for the user as there is no registered/verified email or phone_number');
  }
  const code = digits(6);
  await ctx.messages.send({
    to: email,
    triggerSource: 'CustomMessage_ForgotPassword',
    username: signInName(pool, user),
    code,
    userAttributes: { ...user.attributes },
    poolId: pool.id,
    ...(clientId ? { clientId } : {}),
  });
  user.resetCode = {
    hash: hashCode(pool, user, code),
    expiresAt: ctx.clock.now().getTime() + RESET_CODE_VALIDITY_MS,
    wrongAttempts: 0,
  };
  return email;
}

/** Accepts the user's current code once; wrong, expired and worn-out codes fail as in Cognito. */
export function checkResetCode(ctx: CognitoContext, pool: PoolRecord, user: UserRecord, code: string): void {
  const stored = user.resetCode;
  if (!stored) throw errors.resetCodeMismatch();
  if (ctx.clock.now().getTime() >= stored.expiresAt) {
    delete user.resetCode;
    throw errors.resetCodeExpired();
  }
  const matches = timingSafeEqual(Buffer.from(hashCode(pool, user, code)), Buffer.from(stored.hash));
  if (!matches) {
    stored.wrongAttempts += 1;
    if (stored.wrongAttempts < RESET_CODE_ATTEMPTS) throw errors.resetCodeMismatch();
    delete user.resetCode;
    throw errors.attemptLimit();
  }
  delete user.resetCode;
}
