import { GetObjectCommand } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { config } from './config';
import { s3 } from './s3';

/** Its own module, so a function that only links to a stored QR code does not bundle the QR encoder. */

export interface PresignedQrCode {
  url: string;
  expiresAt: string;
}

/** A short-lived GET link to an archived object; no S3 call is made. */
export async function presignQrCode(bucket: string, key: string): Promise<PresignedQrCode> {
  const expiresIn = config.qrUrlTtlSeconds();
  const url = await getSignedUrl(s3(), new GetObjectCommand({ Bucket: bucket, Key: key }), { expiresIn });
  return { url, expiresAt: new Date(Date.now() + expiresIn * 1000).toISOString() };
}
