import { createHash } from 'node:crypto';

// Its own module, apart from mfa.ts: functions that only move or delete an archived code must not bundle
// the QR encoder (qrcode is CommonJS, which esbuild cannot tree-shake).

/**
 * The archive holds one QR code per user, always that of the user's active, verified
 * authenticator: resendMfaQrCode serves it and deleteMe removes it.
 */
export function qrObjectKey(userId: string): string {
  return `mfa-qr/${userId}.png`;
}

/**
 * An enrolment's QR code waits here, named by its enrolment session, until the first code from it
 * is verified; then it becomes the user's archived code. Nothing ever serves a pending code, and the
 * bucket expires what is left of abandoned enrolments.
 */
export function pendingQrObjectKey(session: string): string {
  return `mfa-qr/pending/${createHash('sha256').update(session).digest('hex')}.png`;
}
