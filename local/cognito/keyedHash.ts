import { createHmac, randomBytes } from 'node:crypto';
import type { PoolRecord } from './state';

/**
 * Short secrets (6-digit codes) and guessed names are stored as HMAC-SHA256 under a random key
 * each pool keeps in the emulator's state, not as plain hashes: a million possible codes hash to
 * a table anyone could precompute, but not without the key. The key is made with the pool, or
 * at first use for pools kept from before keys existed.
 */
export function keyedHash(pool: PoolRecord, ...parts: string[]): string {
  pool.hashKey ??= randomBytes(32).toString('base64');
  // Lengths first, so ('ab', 'c') and ('a', 'bc') differ.
  const message = parts.map((part) => `${part.length}:${part}`).join('');
  return createHmac('sha256', Buffer.from(pool.hashKey, 'base64')).update(message).digest('hex');
}
