import { MINUTE, SECOND } from './clock';
import { errors, type CognitoError } from './errors';
import { keyedHash } from './keyedHash';
import type { FailedSignIns, PoolRecord, UserRecord } from './state';

/** Anything whose wrong passwords are counted: a user, or a name no user has. */
interface Counted {
  failures: FailedSignIns;
}

/**
 * Cognito's lockout for wrong passwords, with its documented numbers: the 5th failure in a row
 * and each one after it lock sign-in for 1 s, then 2 s, 4 s, ... doubling up to about 15 minutes.
 * Attempts while locked are refused without checking the password and do not lengthen the
 * lockout. A user with no failure for 15 minutes starts again from zero; a success resets too.
 * https://docs.aws.amazon.com/cognito/latest/developerguide/authentication.html
 * ("Lockout behavior for failed sign-in attempts")
 */
export const LOCKOUT_AFTER = 5;
export const LOCKOUT_FIRST_MS = SECOND;
export const LOCKOUT_MAX_MS = 15 * MINUTE;
export const FAILURES_FORGOTTEN_AFTER_MS = 15 * MINUTE;

const locked = (failures: FailedSignIns | undefined, now: Date) =>
  failures?.lockedUntil !== undefined && now.getTime() < failures.lockedUntil;

export function isLockedOut(counted: Counted, now: Date): boolean {
  return locked(counted.failures, now);
}

/** Counts one failure; true once the lockout has begun. */
function countFailure(failures: FailedSignIns, now: Date): boolean {
  const at = now.getTime();
  const last = failures.lastFailureAt;
  failures.count = last !== undefined && at - last < FAILURES_FORGOTTEN_AFTER_MS ? failures.count + 1 : 1;
  failures.lastFailureAt = at;
  delete failures.lockedUntil;
  if (failures.count < LOCKOUT_AFTER) return false;
  failures.lockedUntil = at + Math.min(LOCKOUT_FIRST_MS * 2 ** (failures.count - LOCKOUT_AFTER), LOCKOUT_MAX_MS);
  return true;
}

/** Counts a wrong password and gives the error to answer with. */
export function recordFailure(counted: Counted, now: Date): CognitoError {
  return countFailure(counted.failures, now) ? errors.attemptsExceeded() : errors.badCredentials();
}

export function recordSuccess(counted: Counted): void {
  counted.failures = { count: 0 };
}

/**
 * Wrong MFA codes lock the user, not only the sign-in session: "After five unsuccessful attempts
 * to present an MFA code, Amazon Cognito begins the exponential-timeout lockout process" above,
 * with the same numbers. While it lasts, neither the password step nor an MFA code is checked.
 * https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-settings-mfa.html
 */
export function isMfaLockedOut(user: UserRecord, now: Date): boolean {
  return locked(user.mfaFailures, now);
}

/** Counts a wrong MFA code; the error once the lockout has begun, else undefined (the caller names the mismatch). */
export function recordMfaFailure(user: UserRecord, now: Date): CognitoError | undefined {
  return countFailure((user.mfaFailures ??= { count: 0 }), now) ? errors.attemptsExceeded() : undefined;
}

export function recordMfaSuccess(user: UserRecord): void {
  delete user.mfaFailures;
}

/**
 * Where a client hides whether users exist, names no user has are locked out like real users,
 * or the lockout itself would tell them apart. Counted by keyed hash of the lower-cased name, so the
 * state file holds no guessed e-mail addresses; forgotten once quiet for 15 minutes.
 */
export function unknownUserCounter(pool: PoolRecord, name: string, now: Date): Counted {
  const counters = (pool.unknownSignIns ??= {});
  for (const [key, failures] of Object.entries(counters)) {
    if ((failures.lastFailureAt ?? 0) + FAILURES_FORGOTTEN_AFTER_MS < now.getTime()) delete counters[key];
  }
  return { failures: (counters[keyedHash(pool, 'name', name.toLowerCase())] ??= { count: 0 }) };
}
