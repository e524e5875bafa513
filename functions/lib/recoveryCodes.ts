import { randomBytes, randomInt, scrypt as scryptCallback, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';

/**
 * One-time recovery codes. Each is ten characters of Crockford's base32 (32 symbols, so 50 bits of
 * entropy), shown as `xxxxx-xxxxx`. Only a salted scrypt hash of each is kept: one salt per set,
 * so checking a code costs one scrypt whichever of the ten it is. A set records the cost it was
 * hashed at, so a code is checked at that cost whatever the setting is now.
 */

export const RECOVERY_CODE_COUNT = 10;
const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';
const CODE_LENGTH = 10;
const FORMAT = 's1';
const HASH_BYTES = 16;
const MAXMEM = 64 * 1024 * 1024;

/** scrypt's work factors: N (CPU and memory), r (block size), p (parallelism). */
export interface RecoveryCodeCost {
  readonly N: number;
  readonly r: number;
  readonly p: number;
}

/**
 * N = 2^14 costs tens of milliseconds: cheap once per sign-in, slow for anyone who steals the hashes.
 * Deployed functions always use it; only tests lower it (the RECOVERY_CODE_COST setting).
 */
export const RECOVERY_CODE_COST: RecoveryCodeCost = { N: 1 << 14, r: 8, p: 1 };

const scrypt = promisify(scryptCallback) as (
  password: string,
  salt: Buffer,
  keylen: number,
  options: RecoveryCodeCost & { maxmem: number },
) => Promise<Buffer>;

const isDefault = (cost: RecoveryCodeCost) =>
  cost.N === RECOVERY_CODE_COST.N && cost.r === RECOVERY_CODE_COST.r && cost.p === RECOVERY_CODE_COST.p;

/**
 * The set's first field: `s1` at RECOVERY_CODE_COST (every set stored before the cost could
 * change), `s1$N$r$p` at any other cost.
 */
function formatOf(cost: RecoveryCodeCost): string {
  return isDefault(cost) ? FORMAT : [FORMAT, cost.N, cost.r, cost.p].join('$');
}

function costOf(format: string): RecoveryCodeCost | null {
  const [scheme, ...factors] = format.split('$');
  if (scheme !== FORMAT) return null;
  if (factors.length === 0) return RECOVERY_CODE_COST;
  const [N, r, p] = factors.map(Number);
  const whole = (n: number | undefined): n is number => Number.isSafeInteger(n) && n! > 0;
  return factors.length === 3 && whole(N) && whole(r) && whole(p) ? { N, r, p } : null;
}

/** `N,r,p` (the RECOVERY_CODE_COST setting) as a cost; null when it is not three positive integers. */
export function parseRecoveryCodeCost(setting: string): RecoveryCodeCost | null {
  const factors = setting.split(',');
  return factors.length === 3 ? costOf([FORMAT, ...factors.map((f) => f.trim())].join('$')) : null;
}

export interface RecoveryCodeSet {
  /** Shown to the user once. */
  codes: string[];
  /** What is stored: the format, the salt and one hash per code. */
  stored: string;
}

function newCode(): string {
  const symbols = Array.from({ length: CODE_LENGTH }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
  return `${symbols.slice(0, 5)}-${symbols.slice(5)}`;
}

/** What a person may type: any case, dashes or spaces, and the letters base32 reads as digits. */
export function normalizeRecoveryCode(input: string): string | null {
  const code = input
    .toLowerCase()
    .replace(/[\s-]/g, '')
    .replace(/[il]/g, '1')
    .replace(/o/g, '0');
  return code.length === CODE_LENGTH && [...code].every((char) => ALPHABET.includes(char)) ? code : null;
}

async function hash(code: string, salt: Buffer, cost: RecoveryCodeCost): Promise<Buffer> {
  return scrypt(code, salt, HASH_BYTES, { N: cost.N, r: cost.r, p: cost.p, maxmem: MAXMEM });
}

interface ParsedSet {
  cost: RecoveryCodeCost;
  salt: Buffer;
  hashes: Buffer[];
}

function serialize(set: ParsedSet): string {
  return [formatOf(set.cost), set.salt.toString('base64url'), ...set.hashes.map((h) => h.toString('base64url'))].join('.');
}

/** A new set of codes hashed at `cost` (the function's setting, RECOVERY_CODE_COST when unset). */
export async function newRecoveryCodes(cost: RecoveryCodeCost = RECOVERY_CODE_COST): Promise<RecoveryCodeSet> {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newCode);
  const salt = randomBytes(16);
  const hashes = await Promise.all(codes.map((code) => hash(normalizeRecoveryCode(code)!, salt, cost)));
  return { codes, stored: serialize({ cost, salt, hashes }) };
}

function parse(stored: string | undefined): ParsedSet | null {
  const [format, salt, ...hashes] = (stored ?? '').split('.');
  const cost = costOf(format ?? '');
  if (!cost || !salt) return null;
  return { cost, salt: Buffer.from(salt, 'base64url'), hashes: hashes.map((h) => Buffer.from(h, 'base64url')) };
}

/** How many unused codes a stored set still has. */
export function remainingRecoveryCodes(stored: string | undefined): number {
  return parse(stored)?.hashes.length ?? 0;
}

/**
 * Checks `input` against the stored set. A match returns the set without that code (what to store
 * next); anything else returns null. Every stored hash is compared, so the time taken does not
 * depend on which code matched.
 */
export async function consumeRecoveryCode(stored: string | undefined, input: string): Promise<string | null> {
  const set = parse(stored);
  const code = normalizeRecoveryCode(input);
  if (!set || !code) return null;
  const candidate = await hash(code, set.salt, set.cost);
  let match = -1;
  set.hashes.forEach((stored, index) => {
    if (stored.length === candidate.length && timingSafeEqual(stored, candidate) && match < 0) match = index;
  });
  if (match < 0) return null;
  return serialize({ ...set, hashes: set.hashes.filter((_, index) => index !== match) });
}
