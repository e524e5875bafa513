/**
 * A passkey as the API shows it (the Passkey type), from Cognito's WebAuthnCredentialDescription.
 * finishPasskeyRegistration (a function, on Node.js, where the SDK gives CreatedAt as a Date) and
 * listPasskeys (a resolver, on APPSYNC_JS, where the JSON gives it in epoch seconds) both answer
 * through it, each passing the creation time as ISO 8601; written in the subset APPSYNC_JS runs.
 * https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_WebAuthnCredentialDescription.html
 */

export interface CredentialDescription {
  CredentialId?: string;
  FriendlyCredentialName?: string;
  RelyingPartyId?: string;
  AuthenticatorAttachment?: string;
  AuthenticatorTransports?: string[];
}

export interface Passkey {
  id: string;
  name: string;
  created: string;
  relyingPartyId: string;
  authenticatorAttachment: string | null;
  transports: string[];
}

export function passkeyView(credential: CredentialDescription, created: string): Passkey {
  return {
    id: credential.CredentialId ?? '',
    name: credential.FriendlyCredentialName ?? '',
    created,
    relyingPartyId: credential.RelyingPartyId ?? '',
    authenticatorAttachment: credential.AuthenticatorAttachment ?? null,
    transports: credential.AuthenticatorTransports ?? [],
  };
}
