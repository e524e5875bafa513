import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { config } from '../../../functions/lib/config';
import {
  consumeRecoveryCode,
  newRecoveryCodes,
  normalizeRecoveryCode,
  parseRecoveryCodeCost,
  RECOVERY_CODE_COST,
  RECOVERY_CODE_COUNT,
  remainingRecoveryCodes,
  type RecoveryCodeSet,
} from '../../../functions/lib/recoveryCodes';
import { TEST_RECOVERY_CODE_COST } from '../../helpers';

/** Crockford's base32: no i, l, o or u, which people misread. */
const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';

/** At the tests' cost: what a set does does not depend on it. */
let set: RecoveryCodeSet;
/** At the deployed cost. */
let deployed: RecoveryCodeSet;

beforeAll(async () => {
  [set, deployed] = await Promise.all([newRecoveryCodes(TEST_RECOVERY_CODE_COST), newRecoveryCodes()]);
});

describe('the hashing cost', () => {
  afterEach(() => {
    delete process.env.RECOVERY_CODE_COST;
  });

  it('is scrypt N=2^14, r=8, p=1 unless a test lowers it: deployed functions leave the setting unset', () => {
    expect(RECOVERY_CODE_COST).toEqual({ N: 16384, r: 8, p: 1 });
    delete process.env.RECOVERY_CODE_COST;
    expect(config.recoveryCodeCost()).toEqual(RECOVERY_CODE_COST);
  });

  it('reads the RECOVERY_CODE_COST setting as N,r,p', () => {
    process.env.RECOVERY_CODE_COST = '16,1,1';
    expect(config.recoveryCodeCost()).toEqual({ N: 16, r: 1, p: 1 });
    expect(parseRecoveryCodeCost(' 1024 , 8 , 2 ')).toEqual({ N: 1024, r: 8, p: 2 });
  });

  it.each([['16,1'], ['16,1,1,1'], ['16,0,1'], ['16,1.5,1'], ['a,b,c'], ['-16,1,1']])('refuses the setting %o as a configuration fault', (setting) => {
    expect(parseRecoveryCodeCost(setting)).toBeNull();
    process.env.RECOVERY_CODE_COST = setting;
    expect(() => config.recoveryCodeCost()).toThrow(expect.objectContaining({ errorType: 'InternalError', message: 'The gateway is not configured.' }));
  });

  it('is recorded with a set hashed at another cost, which is checked at that cost', async () => {
    expect(set.stored.split('.')[0]).toBe('s1$16$1$1');
    expect(await consumeRecoveryCode(set.stored, set.codes[2]!)).toMatch(/^s1\$16\$1\$1\./);
    // Read at the deployed cost, the same hashes match nothing.
    expect(await consumeRecoveryCode(set.stored.replace(/^s1\$16\$1\$1\./, 's1.'), set.codes[2]!)).toBeNull();
  });

  it('checks a set stored at the deployed cost at that cost', async () => {
    const next = await consumeRecoveryCode(deployed.stored, deployed.codes[4]!);
    expect(next!.split('.')[0]).toBe('s1');
    expect(remainingRecoveryCodes(next!)).toBe(9);
    expect(await consumeRecoveryCode(next!, deployed.codes[4]!)).toBeNull();
  });
});

describe('newRecoveryCodes', () => {
  it('makes ten distinct codes shown as xxxxx-xxxxx', () => {
    expect(RECOVERY_CODE_COUNT).toBe(10);
    expect(set.codes).toHaveLength(10);
    expect(new Set(set.codes).size).toBe(10);
    for (const code of set.codes) expect(code).toMatch(/^[0-9a-hjkmnp-tv-z]{5}-[0-9a-hjkmnp-tv-z]{5}$/);
  });

  it("draws from all 32 symbols of Crockford's base32 and no other: ten symbols are 50 bits", async () => {
    const more = await Promise.all(Array.from({ length: 5 }, () => newRecoveryCodes(TEST_RECOVERY_CODE_COST)));
    const symbols = [...set.codes, ...more.flatMap((s) => s.codes)].join('').replaceAll('-', '');
    expect(symbols).toHaveLength(600);
    // Missing one of 32 symbols in 600 draws has a chance of about 32 * (31/32)^600, below 1e-6.
    expect([...new Set(symbols)].sort().join('')).toBe(ALPHABET);
    expect(Math.log2(new Set(symbols).size) * 10).toBe(50);
  });

  it('stores the format, one salt and one hash per code, never a code', () => {
    const [format, salt, ...hashes] = deployed.stored.split('.');
    expect(format).toBe('s1');
    expect(Buffer.from(salt!, 'base64url')).toHaveLength(16);
    expect(hashes).toHaveLength(10);
    for (const hash of hashes) expect(Buffer.from(hash, 'base64url')).toHaveLength(16);
    expect(remainingRecoveryCodes(deployed.stored)).toBe(10);
    const lowerStored = deployed.stored.toLowerCase();
    for (const code of deployed.codes) {
      expect(lowerStored).not.toContain(code.replace('-', ''));
      expect(lowerStored).not.toContain(code.slice(0, 5));
      expect(lowerStored).not.toContain(code.slice(6));
    }
  });

  it('salts every set anew: the same code would hash differently', async () => {
    const other = await newRecoveryCodes(TEST_RECOVERY_CODE_COST);
    expect(other.stored.split('.')[1]).not.toBe(set.stored.split('.')[1]);
    expect(other.codes).not.toEqual(set.codes);
  });

  it('stays within the attribute size Cognito allows', () => {
    expect(deployed.stored.length).toBeLessThanOrEqual(2048);
    expect(set.stored.length).toBeLessThanOrEqual(2048);
  });
});

describe('normalizeRecoveryCode', () => {
  it.each([
    ['ab3de-fg7hk', 'ab3defg7hk'],
    ['AB3DE-FG7HK', 'ab3defg7hk'],
    [' ab3de fg7hk ', 'ab3defg7hk'],
    ['ab3de--fg7hk', 'ab3defg7hk'],
    ['ab3defg7hk', 'ab3defg7hk'],
    ['AB3DE\tFG7HK', 'ab3defg7hk'],
    // The letters base32 reads as digits.
    ['iI1lL-oO0ab', '11111000ab'],
  ])('reads %o as %o', (input, expected) => {
    expect(normalizeRecoveryCode(input)).toBe(expected);
  });

  it.each([
    ['too short', 'ab3de-fg7h'],
    ['too long', 'ab3de-fg7hkk'],
    ['a u, outside the alphabet', 'ab3de-fg7hu'],
    ['punctuation', 'ab3de.fg7hk'],
    ['empty', ''],
  ])('refuses a code that is %s', (_case, input) => {
    expect(normalizeRecoveryCode(input)).toBeNull();
  });
});

describe('consumeRecoveryCode', () => {
  it('accepts each code once and returns the set without it', async () => {
    let stored = set.stored;
    for (const [index, code] of set.codes.entries()) {
      const next = await consumeRecoveryCode(stored, code);
      expect(next).not.toBeNull();
      expect(remainingRecoveryCodes(next!)).toBe(9 - index);
      // Spent: never again, neither from the new set nor from the one it replaced.
      expect(await consumeRecoveryCode(next!, code)).toBeNull();
      stored = next!;
    }
    expect(remainingRecoveryCodes(stored)).toBe(0);
  });

  it('keeps the other codes working after one is spent', async () => {
    const next = await consumeRecoveryCode(set.stored, set.codes[3]!);
    expect(next!.split('.')[1]).toBe(set.stored.split('.')[1]);
    expect(await consumeRecoveryCode(next!, set.codes[7]!)).not.toBeNull();
  });

  it('accepts a code however it is typed', async () => {
    const code = set.codes[0]!;
    const typed = ` ${code.toUpperCase().replace('-', ' ')} `.replaceAll('1', 'l').replaceAll('0', 'O');
    expect(await consumeRecoveryCode(set.stored, typed)).not.toBeNull();
  });

  it('refuses a wrong code, leaving nothing spent', async () => {
    const other = await newRecoveryCodes(TEST_RECOVERY_CODE_COST);
    expect(await consumeRecoveryCode(set.stored, other.codes[0]!)).toBeNull();
    expect(await consumeRecoveryCode(set.stored, 'not a code')).toBeNull();
  });

  it('refuses a code checked against another set', async () => {
    const other = await newRecoveryCodes(TEST_RECOVERY_CODE_COST);
    expect(await consumeRecoveryCode(other.stored, set.codes[0]!)).toBeNull();
  });

  it.each([
    ['nothing stored', undefined],
    ['an empty value', ''],
    ['an unknown format', 's2.c2FsdA.aGFzaA'],
    ['a format without a salt', 's1'],
    ['a cost without its block size and parallelism', 's1$16.c2FsdA.aGFzaA'],
    ['a zero cost', 's1$0$1$1.c2FsdA.aGFzaA'],
  ])('refuses every code when there is %s', async (_case, stored) => {
    expect(await consumeRecoveryCode(stored, set.codes[0]!)).toBeNull();
    expect(remainingRecoveryCodes(stored)).toBe(0);
  });

  it('refuses a code whose stored hash was tampered with', async () => {
    const [format, salt, ...hashes] = set.stored.split('.');
    const flipped = Buffer.from(hashes[0]!, 'base64url');
    flipped[0] = flipped[0]! ^ 0xff;
    const tampered = [format, salt, flipped.toString('base64url'), ...hashes.slice(1)].join('.');
    expect(await consumeRecoveryCode(tampered, set.codes[0]!)).toBeNull();
    // The untouched hashes still work.
    expect(await consumeRecoveryCode(tampered, set.codes[1]!)).not.toBeNull();
  });

  it('refuses every code when the salt was changed', async () => {
    const [format, , ...hashes] = set.stored.split('.');
    const tampered = [format, Buffer.alloc(16).toString('base64url'), ...hashes].join('.');
    expect(await consumeRecoveryCode(tampered, set.codes[0]!)).toBeNull();
  });

  it('refuses a truncated hash', async () => {
    const [format, salt, first, ...rest] = set.stored.split('.');
    const truncated = [format, salt, first!.slice(0, 10), ...rest].join('.');
    expect(await consumeRecoveryCode(truncated, set.codes[0]!)).toBeNull();
  });
});
