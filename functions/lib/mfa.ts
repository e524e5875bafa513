import { AssociateSoftwareTokenCommand } from '@aws-sdk/client-cognito-identity-provider';
import { GetObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { generateURI } from 'otplib';
import QRCode from 'qrcode';
import { cognito } from './cognito';
import { config } from './config';
import { GatewayError } from './errors';
import { logger } from './logger';
import { s3 } from './s3';

export interface MfaSetup {
  session: string;
  secretCode: string;
  otpauthUri: string;
  qrCodeDataUrl: string;
  qrCodeUrl: string | null;
  qrCodeExpiresAt: string | null;
}

export interface PresignedQrCode {
  url: string;
  expiresAt: string;
}

/** One object per user, so a new enrolment replaces the old QR code and deleteMe finds it. */
export function qrObjectKey(userId: string): string {
  return `mfa-qr/${userId}.png`;
}

/** A short-lived GET link to the archived QR code; no S3 call is made. */
export async function presignQrCode(bucket: string, userId: string): Promise<PresignedQrCode> {
  const expiresIn = config.qrUrlTtlSeconds();
  const url = await getSignedUrl(s3(), new GetObjectCommand({ Bucket: bucket, Key: qrObjectKey(userId) }), { expiresIn });
  return { url, expiresAt: new Date(Date.now() + expiresIn * 1000).toISOString() };
}

/**
 * Answers an MFA_SETUP challenge's first half: asks Cognito for a TOTP secret bound to the
 * session, draws the QR code and archives it (the bucket's default KMS key encrypts it).
 * `userId` is Cognito's USER_ID_FOR_SRP; without it the code is returned but not archived.
 */
export async function startMfaSetup(args: { session: string; email: string; userId?: string }): Promise<MfaSetup> {
  const associated = await cognito().send(new AssociateSoftwareTokenCommand({ Session: args.session }));
  if (!associated.SecretCode || !associated.Session) {
    throw new GatewayError('InternalError', 'Cognito returned no TOTP secret.');
  }
  const otpauthUri = generateURI({ issuer: config.mfaIssuer(), label: args.email, secret: associated.SecretCode });
  const png = await QRCode.toBuffer(otpauthUri, { type: 'png', errorCorrectionLevel: 'M', margin: 2, width: 256 });
  const bucket = config.mfaBucket();
  let archived: PresignedQrCode | null = null;
  if (bucket && args.userId) {
    await s3().send(
      new PutObjectCommand({ Bucket: bucket, Key: qrObjectKey(args.userId), Body: png, ContentType: 'image/png' }),
    );
    archived = await presignQrCode(bucket, args.userId);
  } else if (bucket) {
    logger.warn('QR code not archived: Cognito named no user id');
  }
  return {
    session: associated.Session,
    secretCode: associated.SecretCode,
    otpauthUri,
    qrCodeDataUrl: `data:image/png;base64,${png.toString('base64')}`,
    qrCodeUrl: archived?.url ?? null,
    qrCodeExpiresAt: archived?.expiresAt ?? null,
  };
}
