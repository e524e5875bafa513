import { timingSafeEqual } from 'node:crypto';
import { HOUR } from './clock';
import type { CognitoContext } from './context';
import { errors } from './errors';
import { digits } from './ids';
import { keyedHash } from './keyedHash';
import { signInName } from './users';
import type { PoolRecord, UserRecord } from './state';

/**
 * A forgot-password code is valid for one hour.
 * https://docs.aws.amazon.com/cognito/latest/developerguide/quotas.html ("Forgot password code: 1 hour")
 */
export const RESET_CODE_VALIDITY_MS = HOUR;
/**
 * "In a given hour, we allow between 5 and 20 attempts for a user to request or enter a password
 * reset code as part of forgot-password and confirm-forgot-password actions": the emulator takes
 * the strictest, 5, counting every ForgotPassword and ConfirmForgotPassword call, right or wrong.
 * https://docs.aws.amazon.com/cognito/latest/developerguide/how-to-recover-a-user-account.html
 * ("Forgot password behavior")
 */
export const RESET_ATTEMPTS_PER_HOUR = 5;
const RESET_ATTEMPT_WINDOW_MS = HOUR;

const hashCode = (pool: PoolRecord, user: UserRecord, code: string) => keyedHash(pool, 'reset', user.username, code);

/** Whether a password reset code can reach the user: Cognito needs a verified e-mail. */
export function verifiedEmail(user: UserRecord): string | undefined {
  return user.attributes.email_verified === 'true' ? user.attributes.email : undefined;
}

/** Takes one of the hour's attempts, or answers LimitExceededException when none is left. */
function spend(attempts: number[], now: Date): number[] {
  const recent = attempts.filter((at) => at > now.getTime() - RESET_ATTEMPT_WINDOW_MS);
  if (recent.length >= RESET_ATTEMPTS_PER_HOUR) throw errors.attemptLimit();
  return [...recent, now.getTime()];
}

/**
 * Counts a ForgotPassword or ConfirmForgotPassword attempt for a user or, where the client hides
 * whether users exist, for a name no user has, so the limit tells the two apart no more than
 * the answers do. Unknown names are kept by hash and forgotten once their hour is over.
 */
export function spendResetAttempt(pool: PoolRecord, user: UserRecord | undefined, name: string, now: Date): void {
  if (user) {
    user.resetAttempts = spend(user.resetAttempts ?? [], now);
    return;
  }
  const unknown = (pool.unknownResets ??= {});
  for (const [key, attempts] of Object.entries(unknown)) {
    if (attempts.every((at) => at <= now.getTime() - RESET_ATTEMPT_WINDOW_MS)) delete unknown[key];
  }
  const key = keyedHash(pool, 'name', name.toLowerCase());
  unknown[key] = spend(unknown[key] ?? [], now);
}

/**
 * A new 6-digit code for the user, replacing any earlier one. An administrator's reset
 * (`queued: false`) e-mails it first and stores it (hashed) only once it is on its way, so a
 * failed e-mail changes nothing. ForgotPassword queues the e-mail instead (see Messages.queue):
 * its answer must take the same time whether or not the user exists.
 */
export async function sendResetCode(
  ctx: CognitoContext,
  pool: PoolRecord,
  user: UserRecord,
  options: { clientId?: string; queued: boolean },
): Promise<string> {
  const email = verifiedEmail(user);
  if (!email) {
    throw errors.invalidParameter('Cannot reset password for the user as there is no registered/verified email or phone_number');
  }
  const code = digits(6);
  const message = {
    to: email,
    triggerSource: 'CustomMessage_ForgotPassword',
    username: signInName(pool, user),
    code,
    userAttributes: { ...user.attributes },
    poolId: pool.id,
    ...(options.clientId ? { clientId: options.clientId } : {}),
  };
  if (!options.queued) await ctx.messages.send(message);
  user.resetCode = { hash: hashCode(pool, user, code), expiresAt: ctx.clock.now().getTime() + RESET_CODE_VALIDITY_MS };
  if (options.queued) ctx.messages.queue(message);
  return email;
}

/** Accepts the user's current code once; wrong and expired codes fail as in Cognito. */
export function checkResetCode(ctx: CognitoContext, pool: PoolRecord, user: UserRecord, code: string): void {
  const stored = user.resetCode;
  if (!stored) throw errors.resetCodeMismatch();
  if (ctx.clock.now().getTime() >= stored.expiresAt) {
    delete user.resetCode;
    throw errors.resetCodeExpired();
  }
  if (!timingSafeEqual(Buffer.from(hashCode(pool, user, code)), Buffer.from(stored.hash))) throw errors.resetCodeMismatch();
  delete user.resetCode;
}
