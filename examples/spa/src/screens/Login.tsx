import { useState } from 'react';
import { signInWithPasskey } from '@auth-gateway/client';
import { auth } from '../auth';
import { ErrorMessage, Field, Form } from '../Form';
import type { Go } from '../screens';
import { useAction } from '../useAction';

/** First step: the password. The answer says which step comes next. */
export function Login({ go, email: initialEmail = '' }: { go: Go; email?: string }) {
  const [email, setEmail] = useState(initialEmail);
  const [password, setPassword] = useState('');
  const { pending, error, run } = useAction();
  const passkey = useAction({ NotAuthorized: 'That passkey did not sign you in. Try again, or log in with your password.' });

  // The passkey stands for password and authenticator code: nothing else to type.
  const signInWithPasskeyNow = () =>
    passkey.run(async () => {
      await signInWithPasskey(auth, email);
      go({ name: 'profile' }, 'Signed in with your passkey.');
    });

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
      <section data-testid="passkey-sign-in">
        <button type="button" className="secondary" data-testid="passkey-sign-in-submit" disabled={passkey.pending || !email} onClick={signInWithPasskeyNow}>
          {passkey.pending ? 'Waiting for your device…' : 'Sign in with a passkey'}
        </button>
        <ErrorMessage error={passkey.error} />
      </section>
      <button type="button" className="link" data-testid="lost-authenticator" onClick={() => go({ name: 'recoverAccount', email })}>
        Lost your authenticator?
      </button>
    </>
  );
}
