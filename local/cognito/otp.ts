import { generateSecret, verify } from 'otplib';

export const TOTP_STEP_SECONDS = 30;

export type TotpCheck = { ok: true; step: number } | { ok: false; reason: 'mismatch' | 'reused' };

/**
 * RFC 6238 TOTP as Cognito uses it: SHA-1, 6-digit codes from a 30-second step, as authenticator
 * apps compute them (https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-settings-mfa-totp.html).
 * AWS does not publish how much clock drift it accepts; the emulator takes RFC 6238's recommended
 * one step either way (section 5.2), so a code is good for 30 s before and after its own step.
 */
export interface Otp {
  /** A base32 secret of 160 bits (32 characters). */
  newSecret(): string;
  /** `lastUsedStep`: the step of the last code accepted; a code of that step or older is a replay. */
  check(secret: string, code: string, now: Date, lastUsedStep?: number): Promise<TotpCheck>;
}

export const totp: Otp = {
  newSecret: () => generateSecret({ length: 20 }),
  async check(secret, code, now, lastUsedStep) {
    if (!/^\d{6}$/.test(code)) return { ok: false, reason: 'mismatch' };
    const result = await verify({
      secret,
      token: code,
      epoch: Math.floor(now.getTime() / 1000),
      strategy: 'totp',
      period: TOTP_STEP_SECONDS,
      epochTolerance: TOTP_STEP_SECONDS,
    });
    if (!result.valid) return { ok: false, reason: 'mismatch' };
    const step = Math.floor(now.getTime() / 1000 / TOTP_STEP_SECONDS) + result.delta;
    if (lastUsedStep !== undefined && step <= lastUsedStep) return { ok: false, reason: 'reused' };
    return { ok: true, step };
  },
};
