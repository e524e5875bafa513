import type { WebAuthnCredentialDescription } from '@aws-sdk/client-cognito-identity-provider';
import * as v from 'valibot';
import { passkeyView, type Passkey } from '../../passkeyView';
import { config } from './config';
import { GatewayError, messages } from './errors';

/** Passkeys are on when the environment names their relying party (the `passkeys` setting). */
export function requirePasskeys(): string {
  const rpId = config.passkeysRelyingPartyId();
  if (!rpId) throw new GatewayError('FeatureDisabled', messages.passkeysOff);
  return rpId;
}

/** A passkey as the API shows it, as listPasskeys shows it too. */
export function toPasskey(credential: WebAuthnCredentialDescription): Passkey {
  return passkeyView(credential, (credential.CreatedAt ?? new Date(0)).toISOString());
}

const CREDENTIAL_MESSAGE = "The credential is the JSON of the browser's PublicKeyCredential (credential.toJSON()).";

/**
 * The browser's PublicKeyCredential as JSON (RegistrationResponseJSON or
 * AuthenticationResponseJSON): an object with the credential id and the authenticator's response.
 * Cognito verifies the rest; this only refuses what cannot be one, before any call.
 * https://www.w3.org/TR/webauthn-3/#dom-publickeycredential-tojson
 */
export const webAuthnCredential = v.pipe(
  v.string('The credential is required.'),
  v.trim(),
  v.maxLength(16384, 'The credential is too large.'),
  v.rawTransform(({ dataset, addIssue, NEVER }) => {
    const candidate = parsedJson(dataset.value) as { id?: unknown; response?: unknown } | null;
    if (!candidate || typeof candidate !== 'object' || typeof candidate.id !== 'string' || !candidate.id || typeof candidate.response !== 'object' || !candidate.response) {
      addIssue({ message: CREDENTIAL_MESSAGE });
      return NEVER;
    }
    return candidate as { id: string; response: Record<string, unknown> } & Record<string, unknown>;
  }),
);

/** The value `text` holds as JSON, or null when it is not JSON. */
export function parsedJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** A passkey's credential id as Cognito lists it: base64url. */
export const credentialId = v.pipe(
  v.string('The credential id is required.'),
  v.trim(),
  v.regex(/^[A-Za-z0-9_-]{16,1366}$/, 'The credential id is the base64url id listPasskeys shows.'),
);
