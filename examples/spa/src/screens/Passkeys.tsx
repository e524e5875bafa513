import { useCallback, useEffect, useState } from 'react';
import { auth, type Passkey } from '../auth';
import { describeError } from '../errors';
import { ErrorMessage } from '../Form';
import type { Go } from '../screens';
import { runSensitive } from '../sensitiveActions';
import { useAction } from '../useAction';

/**
 * The user's passkeys: each one signs in on its own, standing for password and authenticator code.
 * Adding and deleting one needs a recent sign-in, which the gateway asks for when it is too old.
 */
export function Passkeys({ go, email }: { go: Go; email: string }) {
  const [passkeys, setPasskeys] = useState<Passkey[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const { pending, error, run } = useAction();

  const load = useCallback(async () => {
    const all: Passkey[] = [];
    let nextToken: string | undefined;
    do {
      const page = await auth.listPasskeys(nextToken ? { nextToken } : undefined);
      all.push(...page.passkeys);
      nextToken = page.nextToken ?? undefined;
    } while (nextToken);
    return all;
  }, []);

  useEffect(() => {
    let current = true;
    load().then(
      (found) => current && setPasskeys(found),
      (err: unknown) => current && setLoadError(describeError(err)),
    );
    return () => {
      current = false;
    };
  }, [load]);

  if (loadError) return <ErrorMessage error={loadError} />;
  return (
    <section data-testid="passkeys">
      <h2>Passkeys</h2>
      <p>A passkey signs you in with your device's fingerprint, face or PIN: no password, no authenticator code.</p>
      {passkeys === null ? (
        <p>Loading your passkeys…</p>
      ) : passkeys.length === 0 ? (
        <p data-testid="passkeys-none">You have no passkeys yet.</p>
      ) : (
        <ul data-testid="passkey-list">
          {passkeys.map((passkey) => (
            <li key={passkey.id} data-testid="passkey">
              <span data-testid="passkey-name">{passkey.name}</span>, added {new Date(passkey.created).toLocaleDateString()}{' '}
              <button type="button" className="secondary" data-testid="passkey-delete" disabled={pending} onClick={() => run(() => runSensitive('deletePasskey', email, go, passkey.id))}>
                Delete
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="actions">
        <button type="button" data-testid="passkey-add" disabled={pending} onClick={() => run(() => runSensitive('addPasskey', email, go))}>
          {pending ? 'Waiting for your device…' : 'Add a passkey'}
        </button>
      </div>
      <ErrorMessage error={error} />
    </section>
  );
}
