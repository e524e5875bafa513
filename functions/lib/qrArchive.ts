import { DeleteObjectCommand, GetObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { config } from './config';
import { errorName } from './errors';
import { logger } from './logger';
import { pendingQrObjectKey, qrObjectKey } from './qrObjectKey';
import { s3 } from './s3';

// Apart from mfa.ts: the functions that only archive a verified code never draw one, so they do
// not bundle the QR encoder.

/**
 * After Cognito verified a code from the new authenticator: its pending QR code becomes the user's
 * archived one. Without it (archive off, or it was never written), the old archived code is
 * removed, so the archive never holds a QR code that no longer works. Best effort: the new
 * authenticator works whatever happens here.
 */
export async function archiveVerifiedQrCode(args: { session: string | null; userId: string }): Promise<void> {
  const bucket = config.mfaBucket();
  if (!bucket) return;
  const active = qrObjectKey(args.userId);
  try {
    const pending = args.session ? pendingQrObjectKey(args.session) : null;
    const png = pending ? await readObject(bucket, pending) : null;
    if (png) {
      await s3().send(new PutObjectCommand({ Bucket: bucket, Key: active, Body: png, ContentType: 'image/png' }));
      await s3().send(new DeleteObjectCommand({ Bucket: bucket, Key: pending! }));
    } else {
      await s3().send(new DeleteObjectCommand({ Bucket: bucket, Key: active }));
    }
  } catch (err) {
    logger.warn('QR code archive not updated', { cause: errorName(err) });
  }
}

async function readObject(bucket: string, key: string): Promise<Uint8Array | null> {
  try {
    const out = await s3().send(new GetObjectCommand({ Bucket: bucket, Key: key }));
    return (await out.Body?.transformToByteArray()) ?? null;
  } catch (err) {
    if (errorName(err) === 'NoSuchKey') return null;
    throw err;
  }
}
