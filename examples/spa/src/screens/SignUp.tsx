import { useState } from 'react';
import { auth } from '../auth';
import { Field, Form } from '../Form';
import type { Go } from '../screens';
import { useAction } from '../useAction';

export function SignUp({ go }: { go: Go }) {
  const [email, setEmail] = useState('');
  const [fullName, setFullName] = useState('');
  const { pending, error, run } = useAction();

  const submit = () =>
    run(async () => {
      await auth.createUser({ input: { email, fullName } });
      go({ name: 'confirm', email }, 'Check your e-mail for a temporary password.');
    });

  return (
    <Form testId="sign-up" title="Sign up" submitLabel="Sign up" pendingLabel="Signing up…" pending={pending} error={error} onSubmit={submit}>
      <Field label="E-mail" name="email" type="email" autoComplete="email" value={email} onChange={setEmail} />
      <Field label="Full name" name="fullName" autoComplete="name" value={fullName} onChange={setFullName} />
    </Form>
  );
}
