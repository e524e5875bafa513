import { useState } from 'react';
import { auth, type MfaSetup as Setup } from '../auth';
import { Form } from '../Form';
import type { Go } from '../screens';
import { useAction } from '../useAction';
import { OtpField } from './OtpField';

/** Shows the QR code and the secret for the authenticator app, and checks its first code. */
export function MfaSetup({ go, email, setup }: { go: Go; email: string; setup: Setup }) {
  const [otp, setOtp] = useState('');
  const { pending, error, run } = useAction();

  const submit = () =>
    run(async () => {
      await auth.confirmMfa({ input: { email, session: setup.session, otp } });
      go({ name: 'profile' }, 'Two-factor authentication is on.');
    });

  return (
    <Form testId="mfa-setup" title="Set up your authenticator" submitLabel="Turn on" pendingLabel="Checking…" pending={pending} error={error} onSubmit={submit}>
      <p>Scan this QR code with your authenticator app:</p>
      <img className="qr" data-testid="mfa-qr" src={setup.qrCodeDataUrl} alt="QR code for your authenticator app" />
      <p>
        Or type this secret into it: <code className="secret" data-testid="mfa-secret">{setup.secretCode}</code>
      </p>
      <OtpField value={otp} onChange={setOtp} />
    </Form>
  );
}
