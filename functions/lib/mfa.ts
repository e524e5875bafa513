import { AssociateSoftwareTokenCommand } from '@aws-sdk/client-cognito-identity-provider';
import { DeleteObjectCommand, GetObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { createHash } from 'node:crypto';
import { generateURI } from 'otplib';
import QRCode from 'qrcode';
import { cognito } from './cognito';
import { config } from './config';
import { GatewayError } from './errors';
import { logger } from './logger';
import { presignQrCode, type PresignedQrCode } from './presignQrCode';
import { qrObjectKey } from './qrObjectKey';
import { s3 } from './s3';

export interface MfaSetup {
  session: string;
  secretCode: string;
  otpauthUri: string;
  qrCodeDataUrl: string;
  qrCodeUrl: string | null;
  qrCodeExpiresAt: string | null;
}

/** Still exported here for the code that draws, archives and serves QR codes. */
export { qrObjectKey };

/**
 * An enrolment's QR code waits here, named by its enrolment session, until the first code from it
 * is verified; then it becomes the user's archived code. Nothing ever serves a pending code, and the
 * bucket expires what is left of abandoned enrolments.
 */
export function pendingQrObjectKey(session: string): string {
  return `mfa-qr/pending/${createHash('sha256').update(session).digest('hex')}.png`;
}

const causeOf = (err: unknown) => (err as { name?: string } | null)?.name;

/** Draws the QR code for a TOTP secret and keeps it as pending for `session` (best effort). */
async function qrCodeFor(secretCode: string, email: string, session: string) {
  const otpauthUri = generateURI({ issuer: config.mfaIssuer(), label: email, secret: secretCode });
  const png = await QRCode.toBuffer(otpauthUri, { type: 'png', errorCorrectionLevel: 'M', margin: 2, width: 256 });
  const bucket = config.mfaBucket();
  let archived: PresignedQrCode | null = null;
  if (bucket) {
    const key = pendingQrObjectKey(session);
    try {
      await s3().send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: png, ContentType: 'image/png' }));
      archived = await presignQrCode(bucket, key);
    } catch (err) {
      // Enrolment goes on without the archive: the QR code is in the answer itself.
      logger.warn('QR code not archived', { cause: causeOf(err) });
    }
  }
  return {
    otpauthUri,
    qrCodeDataUrl: `data:image/png;base64,${png.toString('base64')}`,
    qrCodeUrl: archived?.url ?? null,
    qrCodeExpiresAt: archived?.expiresAt ?? null,
  };
}

/**
 * Answers an MFA_SETUP challenge's first half: asks Cognito for a TOTP secret bound to the sign-in
 * session and draws its QR code. confirmMfa finishes it.
 */
export async function startMfaSetup(args: { session: string; email: string }): Promise<MfaSetup> {
  const associated = await cognito().send(new AssociateSoftwareTokenCommand({ Session: args.session }));
  if (!associated.SecretCode || !associated.Session) {
    throw new GatewayError('InternalError', 'Cognito returned no TOTP secret.');
  }
  return {
    session: associated.Session,
    secretCode: associated.SecretCode,
    ...(await qrCodeFor(associated.SecretCode, args.email, associated.Session)),
  };
}

/**
 * A signed-in user's new authenticator: Cognito keeps the secret pending, and the old authenticator
 * keeps working until a code from the new one is verified. `session` is a random name for the
 * pending QR code, to hand back with confirmReplaceAuthenticator.
 */
export async function startAuthenticatorReplacement(args: { accessToken: string; email: string; session: string }): Promise<MfaSetup> {
  const associated = await cognito().send(new AssociateSoftwareTokenCommand({ AccessToken: args.accessToken }));
  if (!associated.SecretCode) throw new GatewayError('InternalError', 'Cognito returned no TOTP secret.');
  return {
    session: args.session,
    secretCode: associated.SecretCode,
    ...(await qrCodeFor(associated.SecretCode, args.email, args.session)),
  };
}

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
    logger.warn('QR code archive not updated', { cause: causeOf(err) });
  }
}

async function readObject(bucket: string, key: string): Promise<Uint8Array | null> {
  try {
    const out = await s3().send(new GetObjectCommand({ Bucket: bucket, Key: key }));
    return (await out.Body?.transformToByteArray()) ?? null;
  } catch (err) {
    if (causeOf(err) === 'NoSuchKey') return null;
    throw err;
  }
}
