import { useState } from 'react';
import { auth } from '../auth';
import { Field, Form } from '../Form';
import type { Go } from '../screens';
import { useAction } from '../useAction';

/** Replaces the temporary password from the invitation e-mail, then MFA enrolment starts. */
export function Confirm({ go, email: initialEmail = '' }: { go: Go; email?: string }) {
  const [email, setEmail] = useState(initialEmail);
  const [temporaryPassword, setTemporaryPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const { pending, error, run } = useAction();

  const submit = () =>
    run(async () => {
      const { mfaSetup } = await auth.confirmUser({ input: { email, temporaryPassword, newPassword } });
      go({ name: 'mfaSetup', email, setup: mfaSetup }, 'Password set. Now turn on two-factor authentication.');
    });

  return (
    <Form testId="confirm" title="Confirm your account" submitLabel="Set password" pendingLabel="Setting password…" pending={pending} error={error} onSubmit={submit}>
      <Field label="E-mail" name="email" type="email" autoComplete="email" value={email} onChange={setEmail} />
      <Field label="Temporary password (from the e-mail)" name="temporaryPassword" type="password" autoComplete="off" value={temporaryPassword} onChange={setTemporaryPassword} />
      <Field label="New password" name="newPassword" type="password" autoComplete="new-password" value={newPassword} onChange={setNewPassword} />
    </Form>
  );
}
