import { useEffect, useState } from 'react';
import { auth, type User } from '../auth';
import { describeError } from '../errors';
import { ErrorMessage, Field, Form } from '../Form';
import type { Go } from '../screens';
import { runSensitive } from '../sensitiveActions';
import { useAction } from '../useAction';
import { Passkeys } from './Passkeys';
import { TwoFactor } from './TwoFactor';

/** The signed-in user as the gateway reads them from Cognito, with the fields they may change. */
export function Profile({ go }: { go: Go }) {
  const [user, setUser] = useState<User | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    auth.me().then(
      (me) => current && setUser(me),
      (err: unknown) => current && setLoadError(describeError(err)),
    );
    return () => {
      current = false;
    };
  }, []);

  if (loadError) return <ErrorMessage error={loadError} />;
  if (!user) return <p data-testid="profile-loading">Loading your profile…</p>;
  return (
    <>
      <h2>Your profile</h2>
      <dl data-testid="profile">
        <dt>E-mail</dt>
        <dd data-testid="profile-email">{user.email}</dd>
        <dt>Name</dt>
        <dd data-testid="profile-full-name">{user.fullName ?? '—'}</dd>
        <dt>Phone</dt>
        <dd data-testid="profile-phone">{user.phoneNumber ?? '—'}</dd>
        <dt>Two-factor</dt>
        <dd data-testid="profile-mfa">{user.mfaEnabled ? 'On' : 'Off'}</dd>
      </dl>
      <UpdateProfile user={user} onSaved={setUser} />
      <TwoFactor go={go} email={user.email} />
      <Passkeys go={go} email={user.email} />
      <DeleteAccount go={go} email={user.email} />
    </>
  );
}

function UpdateProfile({ user, onSaved }: { user: User; onSaved: (user: User) => void }) {
  const [fullName, setFullName] = useState(user.fullName ?? '');
  const [phoneNumber, setPhoneNumber] = useState(user.phoneNumber ?? '');
  const [saved, setSaved] = useState(false);
  const { pending, error, run } = useAction();

  const submit = () =>
    run(async () => {
      setSaved(false);
      // Empty fields are left out, which leaves them unchanged.
      const updated = await auth.updateProfile({ input: { fullName: fullName || undefined, phoneNumber: phoneNumber || undefined } });
      onSaved(updated);
      setSaved(true);
    });

  return (
    <Form testId="update-profile" title="Edit profile" submitLabel="Save" pendingLabel="Saving…" pending={pending} error={error} onSubmit={submit}>
      <Field label="Full name" name="fullName" autoComplete="name" value={fullName} onChange={setFullName} required={false} />
      <Field label="Phone (E.164, for example +447700900123)" name="phoneNumber" type="tel" autoComplete="tel" value={phoneNumber} onChange={setPhoneNumber} required={false} />
      {saved && <p className="notice" data-testid="profile-saved">Profile saved.</p>}
    </Form>
  );
}

function DeleteAccount({ go, email }: { go: Go; email: string }) {
  const [sure, setSure] = useState(false);
  const { pending, error, run } = useAction();

  const remove = () => run(() => runSensitive('deleteMe', email, go));

  return (
    <section>
      <h2>Delete account</h2>
      <label>
        <span>
          <input type="checkbox" data-testid="delete-confirm" checked={sure} onChange={(event) => setSure(event.target.checked)} /> I understand
          this cannot be undone.
        </span>
      </label>
      <ErrorMessage error={error} />
      <button type="button" className="danger" data-testid="delete-account" disabled={!sure || pending} onClick={remove}>
        {pending ? 'Deleting…' : 'Delete my account'}
      </button>
    </section>
  );
}
