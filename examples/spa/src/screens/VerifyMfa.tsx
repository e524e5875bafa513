import { useState } from 'react';
import { auth } from '../auth';
import { Form } from '../Form';
import type { Go } from '../screens';
import { useAction } from '../useAction';
import { OtpField } from './OtpField';

/** Second login step: the authenticator code for the session the password step returned. */
export function VerifyMfa({ go, email, session }: { go: Go; email: string; session: string }) {
  const [otp, setOtp] = useState('');
  const { pending, error, run } = useAction();

  const submit = () =>
    run(async () => {
      await auth.verifyMfa({ input: { email, verificationSession: session, otp } });
      go({ name: 'profile' }, 'Signed in.');
    });

  return (
    <>
      <Form testId="verify-mfa" title="Enter your authenticator code" submitLabel="Verify" pendingLabel="Verifying…" pending={pending} error={error} onSubmit={submit}>
        <OtpField value={otp} onChange={setOtp} />
      </Form>
      <button type="button" className="link" data-testid="lost-authenticator" onClick={() => go({ name: 'recoverAccount', email })}>
        Lost your authenticator?
      </button>
    </>
  );
}
