// Its own module, apart from mfa.ts: functions that only delete an archived code must not bundle
// the QR encoder (qrcode is CommonJS, which esbuild cannot tree-shake).

/**
 * The archive holds one QR code per user, always that of the user's active, verified
 * authenticator: resendMfaQrCode serves it and deleteMe removes it.
 */
export function qrObjectKey(userId: string): string {
  return `mfa-qr/${userId}.png`;
}
