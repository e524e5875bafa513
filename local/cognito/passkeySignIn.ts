import type { InitiateAuthResponse } from '@aws-sdk/client-cognito-identity-provider';
import { generateAuthenticationOptions, verifyAuthenticationResponse, type AuthenticationResponseJSON } from '@simplewebauthn/server';
import { checkAuthFlow, hidesUserExistence } from './clients';
import { MINUTE } from './clock';
import type { CognitoContext } from './context';
import { errors } from './errors';
import { DEFAULT_SESSION_MINUTES, endSession, startSession, type OpenSession } from './sessions';
import { signedIn, type AuthStep, type SignIn } from './signin';
import type { ClientRecord, PoolRecord } from './state';
import { clientDataOrigin, originAllowed, relyingParty, webAuthnState } from './webauthn';
import { findUser, touch } from './users';

/**
 * Choice-based sign-in, USER_AUTH, with the passkey as the first factor: PREFERRED_CHALLENGE
 * WEB_AUTHN answers a WEB_AUTHN challenge whose CREDENTIAL_REQUEST_OPTIONS is the
 * PublicKeyCredentialRequestOptionsJSON for navigator.credentials.get(). The client must allow
 * ALLOW_USER_AUTH. Other first factors, and USER_AUTH without PREFERRED_CHALLENGE (which answers
 * SELECT_CHALLENGE), are not emulated.
 * https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_InitiateAuth.html
 * https://docs.aws.amazon.com/cognito/latest/developerguide/authentication-flows-selection-sdk.html
 */
export async function initiatePasskeySignIn(
  ctx: CognitoContext,
  pool: PoolRecord,
  client: ClientRecord,
  params: Record<string, string>,
): Promise<InitiateAuthResponse> {
  checkAuthFlow(client, 'USER_AUTH');
  const username = params.USERNAME;
  if (!username) throw errors.invalidParameter('Missing required parameter USERNAME');
  if (params.PREFERRED_CHALLENGE !== 'WEB_AUTHN') {
    throw errors.invalidParameter('The local Cognito emulator answers USER_AUTH only with PREFERRED_CHALLENGE WEB_AUTHN.');
  }
  // InitiateAuth lists no WebAuthn exception: a pool without a relying party ID refuses the
  // challenge as an invalid request (the message is the emulator's own).
  if (!pool.settings.WebAuthnConfiguration?.RelyingPartyId) {
    throw errors.invalidParameter('WEB_AUTHN is not configured for this user pool.');
  }
  const rp = relyingParty(pool);
  if (!passkeyMayStart(pool)) {
    // Pool-wide, so it reveals nothing about the user.
    throw errors.invalidParameter('Passkey sign-in is not available while MFA is required unless passkeys satisfy MFA.');
  }
  const user = findUser(pool, username);
  if (!user && !hidesUserExistence(client)) throw errors.userNotFound();
  // A name no user has gets the same answer as a user without passkeys: a challenge no passkey
  // can answer (empty allowCredentials), refused as a wrong passkey would be.
  const options = await generateAuthenticationOptions({
    rpID: rp.rpId,
    userVerification: rp.userVerification,
    // The browser may take as long as the session that will carry its answer stays open.
    timeout: (client.settings.AuthSessionValidity ?? DEFAULT_SESSION_MINUTES) * MINUTE,
    allowCredentials: (user?.webAuthn?.credentials ?? []).map((c) => ({ id: c.id, ...(c.transports ? { transports: c.transports } : {}) })),
  });
  const session = startSession(ctx, {
    pool,
    client,
    user: { username: user?.username ?? username },
    challenge: 'WEB_AUTHN',
    webAuthnChallenge: options.challenge,
    ...(user ? {} : { decoy: true }),
  });
  return {
    ChallengeName: 'WEB_AUTHN',
    Session: session,
    // No USER_ID_FOR_SRP here: the stored username would tell a known name from an unknown one.
    ChallengeParameters: { CREDENTIAL_REQUEST_OPTIONS: JSON.stringify(options) },
  };
}

/**
 * With MFA ON, a passkey is a sign-in only where the pool lets it satisfy MFA
 * (FactorConfiguration MULTI_FACTOR_WITH_USER_VERIFICATION): WebAuthnMfaSettings says passkey
 * sign-in "is available when MFA is required" only once passkey MFA is on.
 * https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_WebAuthnMfaSettingsType.html
 */
function passkeyMayStart(pool: PoolRecord): boolean {
  if ((pool.settings.MfaConfiguration ?? 'OFF') !== 'ON') return true;
  return pool.settings.WebAuthnConfiguration?.FactorConfiguration === 'MULTI_FACTOR_WITH_USER_VERIFICATION';
}

/**
 * Verifies the assertion (AuthenticationResponseJSON) of a WEB_AUTHN challenge: one of the
 * user's passkeys, the session's challenge, an origin aligned with the RP ID, the RP ID's hash,
 * user verification when required, and a signature counter that moved on. Every refusal is
 * "Incorrect username or password." (RespondToAuthChallenge lists no passkey exception), and the
 * session answers once.
 * https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_RespondToAuthChallenge.html
 */
export async function answerPasskey(
  ctx: CognitoContext,
  signIn: SignIn,
  session: OpenSession,
  credentialJson: string | undefined,
): Promise<AuthStep> {
  if (!credentialJson) throw errors.invalidParameter('Missing required parameter CREDENTIAL');
  endSession(ctx, session);
  const { pool, user } = signIn;
  if (!pool.settings.WebAuthnConfiguration?.RelyingPartyId) throw errors.badCredentials();
  const rp = relyingParty(pool);
  let response: AuthenticationResponseJSON;
  try {
    response = JSON.parse(credentialJson) as AuthenticationResponseJSON;
  } catch {
    throw errors.invalidParameter('CREDENTIAL must be an AuthenticationResponseJSON document.');
  }
  const stored = webAuthnState(user).credentials.find((c) => c.id === response?.id);
  const challenge = session.record.webAuthnChallenge;
  if (!stored || !challenge || typeof response.response !== 'object') throw errors.badCredentials();
  const origin = clientDataOrigin(response.response.clientDataJSON);
  if (!originAllowed(rp.rpId, origin)) throw errors.badCredentials();
  const satisfiesMfa = passkeyIsMfa(signIn);
  let verified;
  try {
    verified = await verifyAuthenticationResponse({
      response,
      expectedChallenge: challenge,
      expectedOrigin: origin,
      expectedRPID: rp.rpId,
      credential: { id: stored.id, publicKey: Buffer.from(stored.publicKey, 'base64url'), counter: stored.counter },
      // Passkey MFA "requires user verification" (API_WebAuthnMfaSettingsType).
      requireUserVerification: rp.userVerification === 'required' || satisfiesMfa,
    });
  } catch {
    throw errors.badCredentials();
  }
  if (!verified.verified) throw errors.badCredentials();
  stored.counter = verified.authenticationInfo.newCounter;
  touch(user, ctx.clock.now());
  if (mfaApplies(signIn) && !(satisfiesMfa && verified.authenticationInfo.userVerified)) {
    // Unreachable through passkeyMayStart for MFA ON unless the user has not turned passkey MFA
    // on (or no longer keeps TOTP): then the passkey alone is not enough and the sign-in is refused.
    throw errors.notAuthorized('Passkey sign-in does not satisfy MFA for this user.');
  }
  return signedIn(ctx, signIn);
}

/** Whether this user must pass MFA: the pool requires it, or it is optional and the user turned TOTP on. */
function mfaApplies({ pool, user }: SignIn): boolean {
  const mfa = pool.settings.MfaConfiguration ?? 'OFF';
  return mfa === 'ON' || (mfa === 'OPTIONAL' && user.totp.verified && user.totp.enabled);
}

/**
 * A passkey with user verification satisfies MFA when the pool's FactorConfiguration is
 * MULTI_FACTOR_WITH_USER_VERIFICATION and the user turned passkey MFA on while keeping another
 * MFA method (TOTP) enabled.
 * https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_WebAuthnConfigurationType.html
 * https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_WebAuthnMfaSettingsType.html
 */
function passkeyIsMfa({ pool, user }: SignIn): boolean {
  return (
    pool.settings.WebAuthnConfiguration?.FactorConfiguration === 'MULTI_FACTOR_WITH_USER_VERIFICATION' &&
    user.webAuthn?.mfaEnabled === true &&
    user.totp.verified &&
    user.totp.enabled
  );
}
