import { registerPasskey } from '@auth-gateway/client';
import { auth } from './auth';
import { describeError, needsRecentSignIn } from './errors';
import type { Go } from './screens';

/**
 * Actions the gateway allows only shortly after a sign-in with password and authenticator code.
 * Each says where the app goes once it succeeded.
 */
const SENSITIVE_ACTIONS = {
  addPasskey: async (go: Go) => {
    await registerPasskey(auth);
    go({ name: 'profile' }, 'Passkey added: it now signs you in on its own, no password or code needed.');
  },
  deletePasskey: async (go: Go, credentialId = '') => {
    await auth.deletePasskey({ input: { credentialId } });
    go({ name: 'profile' }, 'Passkey deleted.');
  },
  replaceAuthenticator: async (go: Go) => {
    const setup = await auth.replaceAuthenticator();
    go({ name: 'replaceAuthenticator', setup }, 'Your current authenticator keeps working until the new one is confirmed.');
  },
  regenerateRecoveryCodes: async (go: Go) => {
    const { recoveryCodes } = await auth.regenerateRecoveryCodes();
    go({ name: 'recoveryCodes', codes: recoveryCodes, done: 'New recovery codes saved. The old ones no longer work.' });
  },
  deleteMe: async (go: Go) => {
    await auth.deleteMe();
    go({ name: 'signUp' }, 'Your account was deleted.');
  },
} satisfies Record<string, (go: Go, argument?: string) => Promise<void>>;

export type SensitiveAction = keyof typeof SENSITIVE_ACTIONS;

/** What the re-authentication screen says it is for. */
export const SENSITIVE_ACTION_TITLES: Readonly<Record<SensitiveAction, string>> = {
  addPasskey: 'add a passkey',
  deletePasskey: 'delete a passkey',
  replaceAuthenticator: 'replace your authenticator',
  regenerateRecoveryCodes: 'get new recovery codes',
  deleteMe: 'delete your account',
};

/**
 * Runs the action at once; when the sign-in is too old, asks the user to sign in again first.
 * `argument`: what the action acts on (the passkey to delete).
 */
export async function runSensitive(action: SensitiveAction, email: string, go: Go, argument?: string): Promise<void> {
  try {
    await SENSITIVE_ACTIONS[action](go, argument);
  } catch (err) {
    if (!needsRecentSignIn(err)) throw err;
    go({ name: 'reauthenticate', email, action, argument }, describeError(err));
  }
}

/** Runs the action right after a fresh sign-in: no second prompt. */
export function runAfterSignIn(action: SensitiveAction, go: Go, argument?: string): Promise<void> {
  return SENSITIVE_ACTIONS[action](go, argument);
}
