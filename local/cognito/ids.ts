import { createHash, randomBytes, randomInt, randomUUID } from 'node:crypto';

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const LOWER_ALNUM = 'abcdefghijklmnopqrstuvwxyz0123456789';

export function randomFrom(alphabet: string, length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += alphabet[randomInt(alphabet.length)];
  return out;
}

export const uuid = (): string => randomUUID();

/** Shaped like Cognito's: `<region>_<9 characters>`. */
export const newPoolId = (region: string): string => `${region}_${randomFrom(ALNUM, 9)}`;
export const newClientId = (): string => randomFrom(LOWER_ALNUM, 26);
export const newClientSecret = (): string => randomFrom(LOWER_ALNUM, 51);

/** An unguessable string for sessions and refresh tokens. */
export const opaqueToken = (bytes = 64): string => randomBytes(bytes).toString('base64url');

export const digits = (count: number): string => randomFrom('0123456789', count);

/**
 * Sessions and refresh tokens are stored by hash only; they carry enough entropy for a plain
 * SHA-256. Short codes are not: they are stored with keyedHash.ts.
 */
export const sha256 = (value: string): string => createHash('sha256').update(value).digest('hex');
