import { useState } from 'react';
import { auth } from '../auth';
import type { ErrorMessages } from '../errors';
import { Field, Form } from '../Form';
import type { Go } from '../screens';
import { useAction } from '../useAction';

/** The gateway answers the same for an unknown e-mail, a wrong password and a wrong code. */
const MESSAGES: ErrorMessages = { NotAuthorized: 'Incorrect e-mail, password or recovery code.' };

/**
 * For a user who lost the authenticator: password and one recovery code remove it and end every
 * session; then a new authenticator is set up as at sign-up, with new recovery codes.
 */
export function RecoverAccount({ go, email: initialEmail = '' }: { go: Go; email?: string }) {
  const [email, setEmail] = useState(initialEmail);
  const [password, setPassword] = useState('');
  const [recoveryCode, setRecoveryCode] = useState('');
  const { pending, error, run } = useAction(MESSAGES);

  const submit = () =>
    run(async () => {
      const { mfaSetup } = await auth.recoverAccount({ input: { email, password, recoveryCode } });
      if (!mfaSetup) throw new Error('The API asked for MFA set-up without the set-up details.');
      go({ name: 'mfaSetup', email, setup: mfaSetup }, 'Recovery code accepted; it cannot be used again. Set up your new authenticator app.');
    });

  return (
    <Form testId="recover-account" title="Lost your authenticator?" submitLabel="Continue" pendingLabel="Checking…" pending={pending} error={error} onSubmit={submit}>
      <p>Sign in with your password and one of the recovery codes you saved when you set up two-factor authentication.</p>
      <Field label="E-mail" name="email" type="email" autoComplete="username" value={email} onChange={setEmail} />
      <Field label="Password" name="password" type="password" autoComplete="current-password" value={password} onChange={setPassword} />
      <Field label="Recovery code" name="recoveryCode" autoComplete="off" spellCheck={false} value={recoveryCode} onChange={setRecoveryCode} />
    </Form>
  );
}
