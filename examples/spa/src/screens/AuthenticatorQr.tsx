import type { MfaSetup } from '../auth';

/** What an authenticator app needs: the QR code to scan, or the secret to type in. */
export function AuthenticatorQr({ setup }: { setup: MfaSetup }) {
  return (
    <>
      <p>Scan this QR code with your authenticator app:</p>
      <img className="qr" data-testid="mfa-qr" src={setup.qrCodeDataUrl} alt="QR code for your authenticator app" />
      <p>
        Or type this secret into it: <code className="secret" data-testid="mfa-secret">{setup.secretCode}</code>
      </p>
    </>
  );
}
