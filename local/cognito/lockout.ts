import { MINUTE, SECOND } from './clock';
import { errors, type CognitoError } from './errors';
import { sha256 } from './ids';
import type { FailedSignIns, PoolRecord } from './state';

/** Anything whose wrong passwords are counted: a user, or a name no user has. */
interface Counted {
  failures: FailedSignIns;
}

/**
 * Cognito's lockout for wrong passwords, with its documented numbers: the 5th failure in a row
 * and each one after it lock sign-in for 1 s, then 2 s, 4 s, ... doubling up to 15 minutes.
 * Attempts while locked are refused without checking the password and do not lengthen the
 * lockout. A user with no failure for 15 minutes starts again from zero; a success resets too.
 */
export const LOCKOUT_AFTER = 5;
export const LOCKOUT_FIRST_MS = SECOND;
export const LOCKOUT_MAX_MS = 15 * MINUTE;
export const FAILURES_FORGOTTEN_AFTER_MS = 15 * MINUTE;

export function isLockedOut(counted: Counted, now: Date): boolean {
  return counted.failures.lockedUntil !== undefined && now.getTime() < counted.failures.lockedUntil;
}

/** Counts a wrong password and gives the error to answer with. */
export function recordFailure(counted: Counted, now: Date): CognitoError {
  const at = now.getTime();
  const failures = counted.failures;
  const last = failures.lastFailureAt;
  failures.count = last !== undefined && at - last < FAILURES_FORGOTTEN_AFTER_MS ? failures.count + 1 : 1;
  failures.lastFailureAt = at;
  delete failures.lockedUntil;
  if (failures.count < LOCKOUT_AFTER) return errors.badCredentials();
  failures.lockedUntil = at + Math.min(LOCKOUT_FIRST_MS * 2 ** (failures.count - LOCKOUT_AFTER), LOCKOUT_MAX_MS);
  return errors.attemptsExceeded();
}

export function recordSuccess(counted: Counted): void {
  counted.failures = { count: 0 };
}

/**
 * Where a client hides whether users exist, names no user has are locked out like real users,
 * or the lockout itself would tell them apart. Counted by hash of the lower-cased name, so the
 * state file holds no guessed e-mail addresses; forgotten once quiet for 15 minutes.
 */
export function unknownUserCounter(pool: PoolRecord, name: string, now: Date): Counted {
  const counters = (pool.unknownSignIns ??= {});
  for (const [key, failures] of Object.entries(counters)) {
    if ((failures.lastFailureAt ?? 0) + FAILURES_FORGOTTEN_AFTER_MS < now.getTime()) delete counters[key];
  }
  return { failures: (counters[sha256(name.toLowerCase())] ??= { count: 0 }) };
}
