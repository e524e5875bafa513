import { HeadObjectCommand } from '@aws-sdk/client-s3';
import * as v from 'valibot';
import { readAccount, type Account } from './lib/account';
import { config } from './lib/config';
import { GatewayError, isAwsError, toGatewayError } from './lib/errors';
import { logger } from './lib/logger';
import { sendMail } from './lib/mail';
import { presignQrCode } from './lib/presignQrCode';
import { qrObjectKey } from './lib/qrObjectKey';
import { defineOperation } from './lib/operation';
import { s3 } from './lib/s3';
import { passwordSignIn } from './lib/signIn';
import { mfaQrCodeMail } from './lib/templates';
import { email, password } from './lib/validate';

/** True when Cognito accepts the password of a user who has an authenticator. */
async function passwordAccepted(input: { email: string; password: string }): Promise<boolean> {
  try {
    const signIn = await passwordSignIn(input);
    return signIn.ChallengeName === 'SOFTWARE_TOKEN_MFA';
  } catch (err) {
    // A lockout (TooManyRequests) is reported, so that it is not mistaken for a sent e-mail.
    const { errorType } = toGatewayError(err);
    if (errorType === 'NotAuthorized' || errorType === 'PasswordResetRequired') return false;
    throw err;
  }
}

/** Why the code is not sent to this account now, or null. */
function refusal(account: Account, now: number): string | null {
  if (!account.enabled) return 'user disabled';
  const resetAt = Number(account.attributes.passwordResetAt ?? 0);
  if (resetAt && now / 1000 - resetAt < config.qrResendHoldHours() * 3600) return 'password recently reset by e-mail';
  return null;
}

/**
 * Whether the user's QR code is archived. S3 answers 404 for a missing object only to a role that
 * may list the bucket, which is why this function's row in operations.ts has s3:ListBucket.
 */
async function qrCodeStored(bucket: string, userId: string): Promise<boolean> {
  try {
    await s3().send(new HeadObjectCommand({ Bucket: bucket, Key: qrObjectKey(userId) }));
    return true;
  } catch (err) {
    const status = (err as { $metadata?: { httpStatusCode?: number } } | null)?.$metadata?.httpStatusCode;
    if (isAwsError(err, ['NotFound', 'NoSuchKey']) || status === 404) return false;
    throw err;
  }
}

/**
 * E-mails a short-lived link to the QR code of the user's active authenticator. It needs the
 * password, so the mailbox alone is not enough; and it is refused for a while after a password
 * reset by e-mailed code, so the mailbox plus a password set through it is not enough either.
 * Every refusal gets the same answer as success, and no e-mail.
 */
export const handler = defineOperation('resendMfaQrCode', {
  input: v.object({ email, password: password() }),
  async run(input, { requestId }) {
    const bucket = config.mfaBucket();
    if (!bucket || !config.sesFrom()) {
      throw new GatewayError('FeatureDisabled', 'Re-sending the MFA QR code is not enabled for this gateway.');
    }
    const answer = { email: input.email, status: 'MFA_QR_CODE_SENT' as const };
    const notSent = (reason: string) => {
      logger.info('MFA QR code not sent', { requestId, reason });
      return answer;
    };
    if (!(await passwordAccepted(input))) return notSent('sign-in refused');
    const account = await readAccount(input.email);
    const refused = refusal(account, Date.now());
    if (refused) return notSent(refused);
    if (!(await qrCodeStored(bucket, account.userId))) return notSent('no archived QR code');
    const link = await presignQrCode(bucket, qrObjectKey(account.userId));
    const validMinutes = Math.floor(config.qrUrlTtlSeconds() / 60);
    await sendMail({ to: account.email, ...mfaQrCodeMail({ product: config.mfaIssuer(), ...link, validMinutes }) });
    return answer;
  },
});
