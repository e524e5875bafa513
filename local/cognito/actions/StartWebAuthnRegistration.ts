import type { StartWebAuthnRegistrationRequest, StartWebAuthnRegistrationResponse } from '@aws-sdk/client-cognito-identity-provider';
import { generateRegistrationOptions } from '@simplewebauthn/server';
import type { CognitoContext } from '../context';
import { required } from '../validate';
import { REGISTRATION_VALIDITY_MS, relyingParty, webAuthnState } from '../webauthn';

/**
 * Hands the signed-in user the options for navigator.credentials.create() (the
 * PublicKeyCredentialCreationOptionsJSON Cognito returns as CredentialCreationOptions) and
 * remembers the challenge for CompleteWebAuthnRegistration. A new start replaces an unfinished
 * one. The user's passkeys are excluded, so one authenticator is not registered twice.
 * https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_StartWebAuthnRegistration.html
 */
export async function StartWebAuthnRegistration(
  ctx: CognitoContext,
  input: StartWebAuthnRegistrationRequest,
): Promise<StartWebAuthnRegistrationResponse> {
  const { pool, client, user } = await ctx.tokens.verifyAccessToken(required(input.AccessToken, 'accessToken'));
  const rp = relyingParty(pool);
  const state = webAuthnState(user);
  const options = await generateRegistrationOptions({
    rpName: pool.name,
    rpID: rp.rpId,
    userName: user.attributes.email ?? user.username,
    userID: new TextEncoder().encode(user.attributes.sub ?? user.username),
    timeout: REGISTRATION_VALIDITY_MS,
    attestationType: 'none',
    excludeCredentials: state.credentials.map((c) => ({ id: c.id, ...(c.transports ? { transports: c.transports } : {}) })),
    // Passkeys are discoverable credentials; user verification as the pool asks.
    authenticatorSelection: { residentKey: 'required', requireResidentKey: true, userVerification: rp.userVerification },
  });
  state.registration = {
    challenge: options.challenge,
    clientId: client.id,
    expiresAt: ctx.clock.now().getTime() + REGISTRATION_VALIDITY_MS,
  };
  return { CredentialCreationOptions: options as unknown as StartWebAuthnRegistrationResponse['CredentialCreationOptions'] };
}
