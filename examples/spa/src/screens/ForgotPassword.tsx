import { useState } from 'react';
import { auth } from '../auth';
import { Field, Form } from '../Form';
import type { Go } from '../screens';
import { useAction } from '../useAction';

/** Asks for a reset code by e-mail; the answer is the same whether or not the account exists. */
export function ForgotPassword({ go, email: initialEmail = '' }: { go: Go; email?: string }) {
  const [email, setEmail] = useState(initialEmail);
  const { pending, error, run } = useAction();

  const submit = () =>
    run(async () => {
      await auth.forgotPassword({ input: { email } });
      go({ name: 'resetPassword', email }, 'If an account exists for this e-mail, a reset code is on its way.');
    });

  return (
    <Form testId="forgot-password" title="Forgot password" submitLabel="Send reset code" pendingLabel="Sending…" pending={pending} error={error} onSubmit={submit}>
      <Field label="E-mail" name="email" type="email" autoComplete="email" value={email} onChange={setEmail} />
    </Form>
  );
}

/** Sets a new password with the code from the reset e-mail. */
export function ResetPassword({ go, email }: { go: Go; email: string }) {
  const [verificationCode, setVerificationCode] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const { pending, error, run } = useAction();

  const submit = () =>
    run(async () => {
      await auth.confirmForgotPassword({ input: { email, verificationCode, newPassword } });
      go({ name: 'login', email }, 'Password reset. Log in with your new password.');
    });

  return (
    <Form testId="reset-password" title={`Reset the password of ${email}`} submitLabel="Reset password" pendingLabel="Resetting…" pending={pending} error={error} onSubmit={submit}>
      <Field label="Code (from the e-mail)" name="verificationCode" autoComplete="one-time-code" value={verificationCode} onChange={setVerificationCode} />
      <Field label="New password" name="newPassword" type="password" autoComplete="new-password" value={newPassword} onChange={setNewPassword} />
    </Form>
  );
}
