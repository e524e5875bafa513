import type { DataOf } from './documents.js';
import type { AuthClient } from './index.js';

/**
 * Runs a WebAuthn ceremony: takes the options the gateway returned (JSON), answers the
 * PublicKeyCredential as JSON. `browserPasskeys()` is the browser's own; tests and native shells
 * pass their own.
 */
export interface PasskeyAuthenticator {
  /** navigator.credentials.create() for PublicKeyCredentialCreationOptionsJSON. */
  create(optionsJson: string): Promise<string>;
  /** navigator.credentials.get() for PublicKeyCredentialRequestOptionsJSON. */
  get(optionsJson: string): Promise<string>;
}

interface JsonCredential {
  toJSON(): unknown;
}

/** The WebAuthn Level 3 JSON entry points; typed here so the package needs no DOM types to build. */
interface PublicKeyCredentialStatics {
  parseCreationOptionsFromJSON(options: unknown): unknown;
  parseRequestOptionsFromJSON(options: unknown): unknown;
}

interface Credentials {
  create(options: { publicKey: unknown }): Promise<JsonCredential | null>;
  get(options: { publicKey: unknown }): Promise<JsonCredential | null>;
}

/**
 * The browser's authenticators, through WebAuthn Level 3's JSON methods
 * (PublicKeyCredential.parseCreationOptionsFromJSON, parseRequestOptionsFromJSON, toJSON), which
 * current Chrome, Edge, Firefox and Safari have.
 * https://www.w3.org/TR/webauthn-3/#sctn-parseCreationOptionsFromJSON
 */
export function browserPasskeys(): PasskeyAuthenticator {
  const scope = globalThis as { PublicKeyCredential?: Partial<PublicKeyCredentialStatics>; navigator?: { credentials?: Credentials } };
  const statics = scope.PublicKeyCredential;
  const credentials = scope.navigator?.credentials;
  if (!statics?.parseCreationOptionsFromJSON || !statics.parseRequestOptionsFromJSON || !credentials) {
    throw new Error('This browser has no WebAuthn JSON support (PublicKeyCredential.parseCreationOptionsFromJSON): passkeys are not available here.');
  }
  const { parseCreationOptionsFromJSON, parseRequestOptionsFromJSON } = statics as PublicKeyCredentialStatics;
  const answered = (credential: JsonCredential | null): string => {
    if (!credential) throw new Error('The browser returned no passkey.');
    return JSON.stringify(credential.toJSON());
  };
  return {
    create: async (optionsJson) => answered(await credentials.create({ publicKey: parseCreationOptionsFromJSON.call(statics, JSON.parse(optionsJson)) })),
    get: async (optionsJson) => answered(await credentials.get({ publicKey: parseRequestOptionsFromJSON.call(statics, JSON.parse(optionsJson)) })),
  };
}

/**
 * Adds a passkey to the signed-in user's account: startPasskeyRegistration, the authenticator's
 * ceremony, finishPasskeyRegistration. Needs a recent sign-in (ReauthenticationRequired otherwise).
 * A cancelled ceremony rejects with the browser's NotAllowedError and stores nothing.
 */
export async function registerPasskey(
  auth: Pick<AuthClient, 'startPasskeyRegistration' | 'finishPasskeyRegistration'>,
  authenticator: PasskeyAuthenticator = browserPasskeys(),
): Promise<DataOf<'finishPasskeyRegistration'>> {
  const { options } = await auth.startPasskeyRegistration();
  const credential = await authenticator.create(options);
  return auth.finishPasskeyRegistration({ input: { credential } });
}

/**
 * Signs in with a passkey alone (it stands for password and authenticator code): startPasskeySignIn,
 * the authenticator's ceremony, finishPasskeySignIn, whose tokens the client keeps.
 */
export async function signInWithPasskey(
  auth: Pick<AuthClient, 'startPasskeySignIn' | 'finishPasskeySignIn'>,
  email: string,
  authenticator: PasskeyAuthenticator = browserPasskeys(),
): Promise<DataOf<'finishPasskeySignIn'>> {
  const { options, session } = await auth.startPasskeySignIn({ input: { email } });
  const credential = await authenticator.get(options);
  return auth.finishPasskeySignIn({ input: { email, session, credential } });
}
