import { AdminGetUserCommand } from '@aws-sdk/client-cognito-identity-provider';
import { HeadObjectCommand } from '@aws-sdk/client-s3';
import { z } from 'zod';
import { cognito } from './lib/cognito';
import { config } from './lib/config';
import { GatewayError, isAwsError } from './lib/errors';
import { logger } from './lib/logger';
import { sendMail } from './lib/mail';
import { presignQrCode, qrObjectKey } from './lib/mfa';
import { defineOperation } from './lib/operation';
import { s3 } from './lib/s3';
import { mfaQrCodeMail } from './lib/templates';
import { email } from './lib/validate';

interface Recipient {
  userId: string;
  email: string;
}

/** The user's id and address on file, or null for an unknown address. */
async function recipientOf(address: string): Promise<Recipient | null> {
  try {
    const out = await cognito().send(new AdminGetUserCommand({ UserPoolId: config.userPoolId(), Username: address }));
    const attribute = (name: string) => out.UserAttributes?.find((a) => a.Name === name)?.Value;
    const userId = attribute('sub') ?? out.Username;
    if (!userId) throw new GatewayError('InternalError', 'Cognito returned no user id.');
    return { userId, email: attribute('email') ?? address };
  } catch (err) {
    if (isAwsError(err, ['UserNotFoundException'])) return null;
    throw err;
  }
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
 * E-mails a short-lived link to the user's archived MFA QR code. Unknown addresses and users with
 * no archived code get the same answer, and no e-mail.
 */
export const handler = defineOperation('resendMfaQrCode', {
  input: z.object({ email }),
  async run(input, { requestId }) {
    const bucket = config.mfaBucket();
    if (!bucket || !config.sesFrom()) {
      throw new GatewayError('FeatureDisabled', 'Re-sending the MFA QR code is not enabled for this gateway.');
    }
    const answer = { email: input.email, status: 'MFA_QR_CODE_SENT' as const };
    const recipient = await recipientOf(input.email);
    if (!recipient) {
      logger.info('MFA QR code not sent', { requestId, reason: 'unknown user' });
      return answer;
    }
    if (!(await qrCodeStored(bucket, recipient.userId))) {
      logger.info('MFA QR code not sent', { requestId, reason: 'no archived QR code' });
      return answer;
    }
    const link = await presignQrCode(bucket, recipient.userId);
    const validMinutes = Math.floor(config.qrUrlTtlSeconds() / 60);
    await sendMail({ to: recipient.email, ...mfaQrCodeMail({ product: config.mfaIssuer(), ...link, validMinutes }) });
    return answer;
  },
});
