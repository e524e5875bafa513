import { randomBytes, randomInt, scrypt as scryptCallback, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';

/**
 * One-time recovery codes. Each is ten characters of Crockford's base32 (32 symbols, so 50 bits of
 * entropy), shown as `xxxxx-xxxxx`. Only a salted scrypt hash of each is kept: one salt per set,
 * so checking a code costs one scrypt whichever of the ten it is.
 */

export const RECOVERY_CODE_COUNT = 10;
const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';
const CODE_LENGTH = 10;
const FORMAT = 's1';
const HASH_BYTES = 16;
/** N = 2^14 costs tens of milliseconds: cheap once per sign-in, slow for anyone who steals the hashes. */
const SCRYPT = { N: 1 << 14, r: 8, p: 1, maxmem: 64 * 1024 * 1024 } as const;

const scrypt = promisify(scryptCallback) as (password: string, salt: Buffer, keylen: number, options: typeof SCRYPT) => Promise<Buffer>;

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

async function hash(code: string, salt: Buffer): Promise<Buffer> {
  return scrypt(code, salt, HASH_BYTES, SCRYPT);
}

export async function newRecoveryCodes(): Promise<RecoveryCodeSet> {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newCode);
  const salt = randomBytes(16);
  const hashes = await Promise.all(codes.map((code) => hash(normalizeRecoveryCode(code)!, salt)));
  return { codes, stored: [FORMAT, salt.toString('base64url'), ...hashes.map((h) => h.toString('base64url'))].join('.') };
}

interface ParsedSet {
  salt: Buffer;
  hashes: Buffer[];
}

function parse(stored: string | undefined): ParsedSet | null {
  const [format, salt, ...hashes] = (stored ?? '').split('.');
  if (format !== FORMAT || !salt) return null;
  return { salt: Buffer.from(salt, 'base64url'), hashes: hashes.map((h) => Buffer.from(h, 'base64url')) };
}

function serialize(set: ParsedSet): string {
  return [FORMAT, set.salt.toString('base64url'), ...set.hashes.map((h) => h.toString('base64url'))].join('.');
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
  const candidate = await hash(code, set.salt);
  let match = -1;
  set.hashes.forEach((stored, index) => {
    if (stored.length === candidate.length && timingSafeEqual(stored, candidate) && match < 0) match = index;
  });
  if (match < 0) return null;
  return serialize({ salt: set.salt, hashes: set.hashes.filter((_, index) => index !== match) });
}
