import { useState } from 'react';
import { auth, type MfaSetup as Setup } from '../auth';
import { Form } from '../Form';
import type { Go } from '../screens';
import { useAction } from '../useAction';
import { AuthenticatorQr } from './AuthenticatorQr';
import { OtpField } from './OtpField';

/**
 * Shows the QR code and the secret for the authenticator app, and checks its first code: at sign-up,
 * and after a recovery code removed a lost authenticator. Then the new recovery codes, once.
 */
export function MfaSetup({ go, email, setup }: { go: Go; email: string; setup: Setup }) {
  const [otp, setOtp] = useState('');
  const { pending, error, run } = useAction();

  const submit = () =>
    run(async () => {
      const { recoveryCodes } = await auth.confirmMfa({ input: { email, session: setup.session, otp } });
      const done = 'Two-factor authentication is on.';
      if (recoveryCodes) return go({ name: 'recoveryCodes', codes: recoveryCodes, done }, done);
      go({ name: 'profile' }, `${done} Your recovery codes could not be created: get new ones below.`);
    });

  return (
    <Form testId="mfa-setup" title="Set up your authenticator" submitLabel="Turn on" pendingLabel="Checking…" pending={pending} error={error} onSubmit={submit}>
      <AuthenticatorQr setup={setup} />
      <OtpField value={otp} onChange={setOtp} />
    </Form>
  );
}
