import { useState } from 'react';
import { auth } from '../auth';
import { Field, Form } from '../Form';
import type { Go } from '../screens';
import { useAction } from '../useAction';

/** First step: the password. The answer says which step comes next. */
export function Login({ go, email: initialEmail = '' }: { go: Go; email?: string }) {
  const [email, setEmail] = useState(initialEmail);
  const [password, setPassword] = useState('');
  const { pending, error, run } = useAction();

  const submit = () =>
    run(async () => {
      const result = await auth.login({ input: { email, password } });
      switch (result.verificationType) {
        case 'SOFTWARE_TOKEN_MFA':
          return go({ name: 'verifyMfa', email, session: result.verificationSession });
        case 'MFA_SETUP':
          if (!result.mfaSetup) throw new Error('The API asked for MFA set-up without the set-up details.');
          return go({ name: 'mfaSetup', email, setup: result.mfaSetup }, 'Finish setting up two-factor authentication.');
        case 'NEW_PASSWORD_REQUIRED':
          return go({ name: 'confirm', email }, 'Choose your password with the temporary password from the invitation e-mail.');
      }
    });

  return (
    <>
      <Form testId="login" title="Log in" submitLabel="Log in" pendingLabel="Logging in…" pending={pending} error={error} onSubmit={submit}>
        <Field label="E-mail" name="email" type="email" autoComplete="username" value={email} onChange={setEmail} />
        <Field label="Password" name="password" type="password" autoComplete="current-password" value={password} onChange={setPassword} />
      </Form>
      <button type="button" className="link" data-testid="lost-authenticator" onClick={() => go({ name: 'recoverAccount', email })}>
        Lost your authenticator?
      </button>
    </>
  );
}
