import type { CodeDeliveryDetailsType } from '@aws-sdk/client-cognito-identity-provider';
import { timingSafeEqual } from 'node:crypto';
import { DAY } from './clock';
import type { CognitoContext } from './context';
import { errors } from './errors';
import { digits } from './ids';
import { keyedHash } from './keyedHash';
import { emailDelivery } from './messages';
import type { PoolRecord, UserRecord } from './state';
import { signInName } from './users';

/**
 * An attribute verification code is valid for 24 hours.
 * https://docs.aws.amazon.com/cognito/latest/developerguide/quotas.html ("User attribute verification code validity")
 */
export const VERIFICATION_CODE_VALIDITY_MS = DAY;

const hashCode = (pool: PoolRecord, user: UserRecord, attribute: string, code: string) =>
  keyedHash(pool, 'verify', user.username, attribute, code);

/**
 * E-mails a new code for the user's e-mail address, replacing any earlier one; stored (hashed)
 * once the e-mail is on its way. Only e-mail can be verified: the emulator sends no SMS.
 */
export async function sendVerificationCode(
  ctx: CognitoContext,
  pool: PoolRecord,
  user: UserRecord,
  attribute: string,
  triggerSource: 'CustomMessage_UpdateUserAttribute' | 'CustomMessage_VerifyUserAttribute',
): Promise<CodeDeliveryDetailsType> {
  const email = user.attributes.email;
  if (attribute !== 'email' || !email) throw errors.invalidParameter(`The local Cognito emulator can verify only an e-mail address, not ${attribute}.`);
  const code = digits(6);
  await ctx.messages.send({
    to: email,
    triggerSource,
    username: signInName(pool, user),
    code,
    userAttributes: { ...user.attributes },
    poolId: pool.id,
  });
  (user.verificationCodes ??= {})[attribute] = {
    hash: hashCode(pool, user, attribute, code),
    expiresAt: ctx.clock.now().getTime() + VERIFICATION_CODE_VALIDITY_MS,
  };
  return emailDelivery(email);
}

/** Accepts the attribute's current code once: the attribute is then verified. */
export function checkVerificationCode(ctx: CognitoContext, pool: PoolRecord, user: UserRecord, attribute: string, code: string): void {
  const stored = user.verificationCodes?.[attribute];
  if (!stored) throw errors.resetCodeMismatch();
  if (ctx.clock.now().getTime() >= stored.expiresAt) {
    delete user.verificationCodes![attribute];
    throw errors.resetCodeExpired();
  }
  if (!timingSafeEqual(Buffer.from(hashCode(pool, user, attribute, code)), Buffer.from(stored.hash))) throw errors.resetCodeMismatch();
  delete user.verificationCodes![attribute];
  user.attributes[`${attribute}_verified`] = 'true';
}
