import type { PasswordPolicyType } from '@aws-sdk/client-cognito-identity-provider';
import { randomBytes, randomInt, scrypt as scryptCallback, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { errors } from './errors';
import { randomFrom } from './ids';

const scrypt = (password: string, salt: Buffer, keylen: number, options: ScryptOptions) =>
  new Promise<Buffer>((resolve, reject) =>
    scryptCallback(password, salt, keylen, options, (err, key) => (err ? reject(err) : resolve(key))),
  );

/** scrypt's work factors: N (CPU and memory), r (block size), p (parallelism). */
export interface ScryptCost {
  readonly N: number;
  readonly r: number;
  readonly p: number;
}

/**
 * What the emulator spends on each password: tens of milliseconds, as a real password hash should.
 * Tests that create hundreds of users may pass a smaller cost (CognitoEmulatorOptions.passwordCost);
 * each hash records its own cost, so any hash verifies whatever the current setting.
 */
export const PASSWORD_COST: ScryptCost = { N: 16384, r: 8, p: 1 };
const KEY_LENGTH = 32;

/** `scrypt$N$r$p$salt$key`, so the cost can change without breaking stored hashes. */
export async function hashPassword(password: string, cost: ScryptCost = PASSWORD_COST): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password, salt, KEY_LENGTH, { N: cost.N, r: cost.r, p: cost.p });
  return ['scrypt', cost.N, cost.r, cost.p, salt.toString('base64'), key.toString('base64')].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, N, r, p, salt, key] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !key) return false;
  const expected = Buffer.from(key, 'base64');
  const actual = await scrypt(password, Buffer.from(salt, 'base64'), expected.length, {
    N: Number(N),
    r: Number(r),
    p: Number(p),
  });
  return timingSafeEqual(actual, expected);
}

const decoys = new Map<string, Promise<string>>();

/**
 * A hash of a random password at `cost`, made once per process and cost (at start-up, so no caller
 * pays for it): checking against it costs what checking a real password of that emulator costs.
 */
export function decoyHash(cost: ScryptCost = PASSWORD_COST): Promise<string> {
  const key = `${cost.N}$${cost.r}$${cost.p}`;
  const decoy = decoys.get(key) ?? hashPassword(randomBytes(16).toString('hex'), cost);
  decoys.set(key, decoy);
  return decoy;
}

/**
 * Checks the password against the stored hash, or against the decoy when there is none, so every
 * caller spends one password check whatever the user's state: an unknown user, a locked one or
 * one without a password answers no faster than a wrong password.
 */
export async function checkPasswordOrDecoy(password: string, stored: string | undefined, cost: ScryptCost = PASSWORD_COST): Promise<boolean> {
  if (stored) return verifyPassword(password, stored);
  await verifyPassword(password, await decoyHash(cost));
  return false;
}

/**
 * Cognito's defaults for a pool created without a password policy.
 * https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_PasswordPolicyType.html
 */
export const DEFAULT_POLICY: Required<
  Pick<
    PasswordPolicyType,
    'MinimumLength' | 'RequireUppercase' | 'RequireLowercase' | 'RequireNumbers' | 'RequireSymbols' | 'TemporaryPasswordValidityDays'
  >
> = {
  MinimumLength: 8,
  RequireUppercase: true,
  RequireLowercase: true,
  RequireNumbers: true,
  RequireSymbols: true,
  TemporaryPasswordValidityDays: 7,
};

export type Policy = typeof DEFAULT_POLICY;

export function effectivePolicy(policy: PasswordPolicyType | undefined): Policy {
  return {
    MinimumLength: policy?.MinimumLength ?? DEFAULT_POLICY.MinimumLength,
    RequireUppercase: policy?.RequireUppercase ?? DEFAULT_POLICY.RequireUppercase,
    RequireLowercase: policy?.RequireLowercase ?? DEFAULT_POLICY.RequireLowercase,
    RequireNumbers: policy?.RequireNumbers ?? DEFAULT_POLICY.RequireNumbers,
    RequireSymbols: policy?.RequireSymbols ?? DEFAULT_POLICY.RequireSymbols,
    TemporaryPasswordValidityDays: policy?.TemporaryPasswordValidityDays ?? DEFAULT_POLICY.TemporaryPasswordValidityDays,
  };
}

const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const LOWER = 'abcdefghijklmnopqrstuvwxyz';
const NUMBERS = '0123456789';
/** The characters Cognito counts as symbols (a space counts too, except at either end). */
const SYMBOLS = '^$*.[]{}()?"!@#%&/\\,><\':;|_~`=+- ';

/** Checks a password the way Cognito does, in Cognito's order and words. */
export function checkPassword(password: string, policy: Policy, field = 'password'): void {
  // Cognito's own pattern for every password field: no blank at either end, 256 characters at most.
  if (password.length > 256 || !/^\S(?:.*\S)?$/su.test(password)) {
    throw errors.invalidParameter(
      `1 validation error detected: Value at '${field}' failed to satisfy constraint: Member must satisfy regular expression pattern: ^[\\S]+.*[\\S]+$`,
    );
  }
  const has = (alphabet: string) => [...password].some((c) => alphabet.includes(c));
  if ([...password].length < policy.MinimumLength) throw errors.invalidPassword('Password not long enough');
  if (policy.RequireUppercase && !has(UPPER)) throw errors.invalidPassword('Password must have uppercase characters');
  if (policy.RequireLowercase && !has(LOWER)) throw errors.invalidPassword('Password must have lowercase characters');
  if (policy.RequireNumbers && !has(NUMBERS)) throw errors.invalidPassword('Password must have numeric characters');
  if (policy.RequireSymbols && !has(SYMBOLS)) throw errors.invalidPassword('Password must have symbol characters');
}

/** A random password that meets `policy`, as AdminCreateUser makes when given none. */
export function generateTemporaryPassword(policy: Policy): string {
  // Symbols that read unambiguously in an e-mail and need no escaping in HTML.
  const symbols = '!#%*+-=?@^_~';
  const chars = [randomFrom(UPPER, 1), randomFrom(LOWER, 1), randomFrom(NUMBERS, 1), randomFrom(symbols, 1)];
  const all = UPPER + LOWER + NUMBERS + symbols;
  while (chars.length < Math.max(policy.MinimumLength, 12)) chars.push(randomFrom(all, 1));
  for (let i = chars.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [chars[i], chars[j]] = [chars[j]!, chars[i]!];
  }
  return chars.join('');
}
