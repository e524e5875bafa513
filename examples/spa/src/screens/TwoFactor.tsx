import { ErrorMessage } from '../Form';
import type { Go } from '../screens';
import { runSensitive, type SensitiveAction } from '../sensitiveActions';
import { useAction } from '../useAction';

/** The profile's two-factor actions; both need a recent sign-in, which the gateway asks for when it is too old. */
export function TwoFactor({ go, email }: { go: Go; email: string }) {
  const { pending, error, run } = useAction();
  const start = (action: SensitiveAction) => run(() => runSensitive(action, email, go));

  return (
    <section data-testid="two-factor">
      <h2>Two-factor authentication</h2>
      <p>New phone? Move your codes to a new authenticator app. Lost your recovery codes or used some? Get a new set; the old ones stop working.</p>
      <div className="actions">
        <button type="button" data-testid="replace-authenticator-start" disabled={pending} onClick={() => start('replaceAuthenticator')}>
          Replace authenticator
        </button>
        <button type="button" className="secondary" data-testid="new-recovery-codes" disabled={pending} onClick={() => start('regenerateRecoveryCodes')}>
          New recovery codes
        </button>
      </div>
      <ErrorMessage error={error} />
    </section>
  );
}
