import { useState } from 'react';
import { auth } from '../auth';
import { Field, Form } from '../Form';
import type { Go } from '../screens';
import { useAction } from '../useAction';

export function ChangePassword({ go }: { go: Go }) {
  const [oldPassword, setOldPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const { pending, error, run } = useAction();

  const submit = () =>
    run(async () => {
      // The gateway ends every session of the user, this one too; the client forgets its tokens.
      await auth.changePassword({ input: { oldPassword, newPassword } });
      go({ name: 'login' }, 'Password changed, and you were signed out everywhere. Log in with your new password.');
    });

  return (
    <Form testId="change-password" title="Change password" submitLabel="Change password" pendingLabel="Changing…" pending={pending} error={error} onSubmit={submit}>
      <Field label="Current password" name="oldPassword" type="password" autoComplete="current-password" value={oldPassword} onChange={setOldPassword} />
      <Field label="New password" name="newPassword" type="password" autoComplete="new-password" value={newPassword} onChange={setNewPassword} />
    </Form>
  );
}
