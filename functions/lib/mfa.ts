import { AssociateSoftwareTokenCommand } from '@aws-sdk/client-cognito-identity-provider';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { correction, generate } from 'lean-qr';
import { toPngBuffer } from 'lean-qr/extras/node_export';
import { generateURI } from 'otplib';
import { cognito } from './cognito';
import { config } from './config';
import { errorName, GatewayError } from './errors';
import { logger } from './logger';
import { presignQrCode, type PresignedQrCode } from './presignQrCode';
import { pendingQrObjectKey, qrObjectKey } from './qrObjectKey';
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
export { pendingQrObjectKey, qrObjectKey };

/** The drawn code is about this wide, in whole pixels per module, quiet zone included. */
const QR_WIDTH_PX = 256;
const QR_MARGIN_MODULES = 2;

/**
 * A black-on-white PNG of `text` as a QR code, error correction M at least (lean-qr raises it when
 * the code's size has room). lean-qr writes the PNG with Node's zlib: an ES module of a few KB, where
 * qrcode and its PNG encoder put about 60 KB of CommonJS into every function that draws one.
 */
function qrPng(text: string): Buffer {
  const code = generate(text, { minCorrectionLevel: correction.M });
  const scale = Math.max(1, Math.floor(QR_WIDTH_PX / (code.size + 2 * QR_MARGIN_MODULES)));
  const png = toPngBuffer(code, { on: [0, 0, 0], off: [255, 255, 255], pad: QR_MARGIN_MODULES, scale });
  // Typed as a Uint8Array: a view of the same bytes, for base64.
  return Buffer.from(png.buffer, png.byteOffset, png.byteLength);
}

/** Draws the QR code for a TOTP secret and keeps it as pending for `session` (best effort). */
async function qrCodeFor(secretCode: string, email: string, session: string) {
  const otpauthUri = generateURI({ issuer: config.mfaIssuer(), label: email, secret: secretCode });
  const png = qrPng(otpauthUri);
  const bucket = config.mfaBucket();
  let archived: PresignedQrCode | null = null;
  if (bucket) {
    const key = pendingQrObjectKey(session);
    try {
      await s3().send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: png, ContentType: 'image/png' }));
      archived = await presignQrCode(bucket, key);
    } catch (err) {
      // Enrolment goes on without the archive: the QR code is in the answer itself.
      logger.warn('QR code not archived', { cause: errorName(err) });
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
