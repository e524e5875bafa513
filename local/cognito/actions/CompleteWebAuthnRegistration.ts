import type { CompleteWebAuthnRegistrationRequest, CompleteWebAuthnRegistrationResponse } from '@aws-sdk/client-cognito-identity-provider';
import { verifyRegistrationResponse, type RegistrationResponseJSON } from '@simplewebauthn/server';
import type { CognitoContext } from '../context';
import { errors } from '../errors';
import { touch } from '../users';
import { required } from '../validate';
import { clientDataOrigin, originAllowed, relyingParty, webAuthnState } from '../webauthn';

/**
 * Verifies the browser's registration response (RegistrationResponseJSON) against the challenge
 * StartWebAuthnRegistration handed out and stores the passkey's public key and signature counter.
 * The challenge answers once, whatever the outcome, and only before it expires
 * (WebAuthnChallengeNotFoundException), and only for the app client that started it
 * (WebAuthnClientMismatchException); the origin must align with the relying party ID
 * (WebAuthnOriginNotAllowedException), the authenticator data must be for the RP ID
 * (WebAuthnRelyingPartyMismatchException), and user verification is required when the pool says
 * so. The attestation itself is verified (`none` and the packed, TPM, … formats the library knows).
 * https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_CompleteWebAuthnRegistration.html
 */
export async function CompleteWebAuthnRegistration(
  ctx: CognitoContext,
  input: CompleteWebAuthnRegistrationRequest,
): Promise<CompleteWebAuthnRegistrationResponse> {
  const { pool, client, user } = await ctx.tokens.verifyAccessToken(required(input.AccessToken, 'accessToken'));
  const response = required(input.Credential, 'credential') as unknown as RegistrationResponseJSON;
  const rp = relyingParty(pool);
  const state = webAuthnState(user);
  const pending = state.registration;
  const now = ctx.clock.now().getTime();
  if (!pending || now >= pending.expiresAt) {
    delete state.registration;
    throw errors.webAuthnChallengeNotFound();
  }
  if (pending.clientId !== client.id) throw errors.webAuthnClientMismatch();
  delete state.registration;
  if (typeof response !== 'object' || response === null || typeof response.response !== 'object') {
    throw errors.invalidParameter('Credential must be a RegistrationResponseJSON object.');
  }
  if (!originAllowed(rp.rpId, clientDataOrigin(response.response.clientDataJSON))) throw errors.webAuthnOriginNotAllowed();
  let verified;
  try {
    verified = await verifyRegistrationResponse({
      response,
      expectedChallenge: pending.challenge,
      expectedOrigin: clientDataOrigin(response.response.clientDataJSON),
      expectedRPID: rp.rpId,
      requireUserVerification: rp.userVerification === 'required',
    });
  } catch (err) {
    throw /RP ID/i.test((err as Error).message) ? errors.webAuthnRelyingPartyMismatch() : errors.webAuthnCredentialNotSupported();
  }
  if (!verified.verified) throw errors.webAuthnCredentialNotSupported();
  const { credential } = verified.registrationInfo;
  if (Object.values(pool.users).some((u) => u.webAuthn?.credentials.some((c) => c.id === credential.id))) {
    throw errors.invalidParameter('This passkey is already registered.');
  }
  state.credentials.push({
    id: credential.id,
    publicKey: Buffer.from(credential.publicKey).toString('base64url'),
    counter: credential.counter,
    rpId: rp.rpId,
    ...(credential.transports?.length ? { transports: credential.transports } : {}),
    ...(response.authenticatorAttachment ? { attachment: response.authenticatorAttachment } : {}),
    createdAt: now,
  });
  touch(user, ctx.clock.now());
  return {};
}
