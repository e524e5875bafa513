import { useState } from 'react';
import { auth, type MfaSetup } from '../auth';
import { Form } from '../Form';
import type { Go } from '../screens';
import { useAction } from '../useAction';
import { AuthenticatorQr } from './AuthenticatorQr';
import { OtpField } from './OtpField';

/**
 * Moves to a new authenticator app: its first code makes it the only one that works, and every
 * session ends, this one too, so the user signs in again with the new app.
 */
export function ReplaceAuthenticator({ go, setup }: { go: Go; setup: MfaSetup }) {
  const [otp, setOtp] = useState('');
  const { pending, error, run } = useAction();

  const submit = () =>
    run(async () => {
      await auth.confirmReplaceAuthenticator({ input: { otp, session: setup.session } });
      go({ name: 'login' }, 'Your new authenticator is on and you were signed out everywhere. Log in with a code from the new app.');
    });

  return (
    <Form testId="replace-authenticator" title="Replace your authenticator" submitLabel="Switch to this app" pendingLabel="Checking…" pending={pending} error={error} onSubmit={submit}>
      <AuthenticatorQr setup={setup} />
      <p>Enter the code the new app shows. Until then, your old authenticator keeps working.</p>
      <OtpField value={otp} onChange={setOtp} />
    </Form>
  );
}
