import { useState } from 'react';
import type { Go } from '../screens';

/**
 * The recovery codes, shown this once: the gateway keeps only their hashes. The user confirms they
 * saved them before going on, and may copy or download them.
 */
export function RecoveryCodes({ go, codes, done }: { go: Go; codes: readonly string[]; done: string }) {
  const [saved, setSaved] = useState(false);
  const [copy, setCopy] = useState<'copied' | 'failed' | null>(null);
  const text = `Recovery codes (each works once, with your password):\n${codes.join('\n')}\n`;

  const copyCodes = () =>
    navigator.clipboard.writeText(text).then(
      () => setCopy('copied'),
      () => setCopy('failed'),
    );

  return (
    <section data-testid="recovery-codes-step">
      <h2>Save your recovery codes</h2>
      <p>
        If you lose your phone or authenticator app, sign in with your password and one of these codes to set up a new one. Each code works
        once.
      </p>
      <p className="warning">
        <strong>They are shown only now.</strong> Keep them somewhere safe, such as a password manager, or print them.
      </p>
      <ol className="codes" data-testid="recovery-codes">
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ol>
      <div className="actions">
        <button type="button" className="secondary" data-testid="codes-copy" onClick={copyCodes}>Copy</button>
        <a className="button secondary" data-testid="codes-download" href={`data:text/plain;charset=utf-8,${encodeURIComponent(text)}`} download="recovery-codes.txt">
          Download
        </a>
        {copy === 'copied' && <span role="status">Copied.</span>}
        {copy === 'failed' && <span role="status">Could not copy: select the codes and copy them yourself.</span>}
      </div>
      <label className="check">
        <input type="checkbox" data-testid="codes-saved" checked={saved} onChange={(event) => setSaved(event.target.checked)} />
        I have saved my recovery codes.
      </label>
      <button type="button" data-testid="codes-continue" disabled={!saved} onClick={() => go({ name: 'profile' }, done)}>
        Continue
      </button>
    </section>
  );
}
