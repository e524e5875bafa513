import { CompleteWebAuthnRegistrationCommand, ListWebAuthnCredentialsCommand, SetUserMFAPreferenceCommand } from '@aws-sdk/client-cognito-identity-provider';
import * as v from 'valibot';
import { cognito } from './lib/cognito';
import { GatewayError } from './lib/errors';
import { notifySignedInUser } from './lib/notifySignedInUser';
import { defineOperation } from './lib/operation';
import { requirePasskeys, toPasskey, webAuthnCredential } from './lib/passkeys';

/** The most passkeys ListWebAuthnCredentials is asked for per page. */
const PAGE = 20;

/**
 * Stores the passkey the browser created for startPasskeyRegistration's options and tells the user
 * by e-mail. Passkey MFA is turned on first, so the passkey counts as both factors the moment it
 * is stored: turning it on needs the user's authenticator to stay enabled, and without a passkey
 * it changes nothing, so a failure at any step leaves nothing half-done — start again.
 * https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_CompleteWebAuthnRegistration.html
 * https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_WebAuthnMfaSettingsType.html
 */
export const handler = defineOperation('finishPasskeyRegistration', {
  input: v.object({ credential: webAuthnCredential }),
  async run({ credential }, { accessToken }) {
    requirePasskeys();
    await cognito().send(new SetUserMFAPreferenceCommand({ AccessToken: accessToken, WebAuthnMfaSettings: { Enabled: true } }));
    await cognito().send(new CompleteWebAuthnRegistrationCommand({ AccessToken: accessToken, Credential: credential as never }));
    // Stored: from here on a failure must not hide that (the passkey works, and listPasskeys shows it).
    const stored = await storedPasskey(accessToken, credential.id);
    await notifySignedInUser(accessToken, 'passkeyAdded');
    return stored;
  },
});

/** The stored passkey as Cognito lists it (its name is Cognito's), found by the id the browser made. */
async function storedPasskey(accessToken: string, id: string) {
  let nextToken: string | undefined;
  for (let page = 0; page < 50; page += 1) {
    const answer = await cognito().send(new ListWebAuthnCredentialsCommand({ AccessToken: accessToken, MaxResults: PAGE, NextToken: nextToken }));
    const found = (answer.Credentials ?? []).find((c) => c.CredentialId === id);
    if (found) return toPasskey(found);
    nextToken = answer.NextToken;
    if (!nextToken) break;
  }
  throw new GatewayError('InternalError', 'Cognito did not list the stored passkey.');
}
