import { useState } from 'react';
import { auth } from '../auth';
import { Field, Form } from '../Form';
import type { Go } from '../screens';
import { runAfterSignIn, SENSITIVE_ACTION_TITLES, type SensitiveAction } from '../sensitiveActions';
import { useAction } from '../useAction';
import { OtpField } from './OtpField';

/**
 * The gateway wants a recent sign-in for this action: password and authenticator code sign the
 * user in again (new tokens), then the action runs.
 */
export function Reauthenticate({ go, email, action, argument }: { go: Go; email: string; action: SensitiveAction; argument?: string }) {
  const [password, setPassword] = useState('');
  const [otp, setOtp] = useState('');
  const { pending, error, run } = useAction();

  const submit = () =>
    run(async () => {
      const step = await auth.login({ input: { email, password } });
      if (step.verificationType !== 'SOFTWARE_TOKEN_MFA') throw new Error(`Unexpected sign-in step ${step.verificationType}.`);
      await auth.verifyMfa({ input: { email, verificationSession: step.verificationSession, otp } });
      await runAfterSignIn(action, go, argument);
    });

  return (
    <>
      <Form testId="reauthenticate" title={`Sign in again to ${SENSITIVE_ACTION_TITLES[action]}`} submitLabel="Confirm" pendingLabel="Checking…" pending={pending} error={error} onSubmit={submit}>
        <p>
          Signed in as <strong>{email}</strong>. Afterwards this goes ahead at once.
        </p>
        <Field label="Password" name="password" type="password" autoComplete="current-password" value={password} onChange={setPassword} />
        <OtpField value={otp} onChange={setOtp} />
      </Form>
      <button type="button" className="link" data-testid="reauthenticate-cancel" onClick={() => go({ name: 'profile' })}>
        Cancel
      </button>
    </>
  );
}
