import type { WebAuthnConfigurationType } from '@aws-sdk/client-cognito-identity-provider';
import { MINUTE } from './clock';
import { errors } from './errors';
import type { PoolRecord, UserRecord, WebAuthnState } from './state';

/**
 * How long a registration challenge (StartWebAuthnRegistration) stays valid, and the timeout its
 * creation options give the browser. Cognito documents no validity for it, so the emulator uses
 * WebAuthn's recommended default ceremony timeout, 300 000 ms.
 * https://www.w3.org/TR/webauthn-3/#sctn-timeout-recommended-range
 * A WEB_AUTHN sign-in challenge lives as long as its session (AuthSessionValidity), and its
 * request options ask the browser for no longer.
 */
export const REGISTRATION_VALIDITY_MS = 5 * MINUTE;

/**
 * The pool's passkey settings. RelyingPartyId is required to register or sign in with a passkey
 * (without one Cognito answers WebAuthnConfigurationMissingException; the emulator has no user
 * pool domain to fall back on). UserVerification defaults to `preferred`, FactorConfiguration to
 * SINGLE_FACTOR.
 * https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_WebAuthnConfigurationType.html
 */
export interface RelyingParty {
  rpId: string;
  userVerification: 'required' | 'preferred';
  multiFactor: boolean;
}

export function relyingParty(pool: PoolRecord): RelyingParty {
  const config = pool.settings.WebAuthnConfiguration;
  if (!config?.RelyingPartyId) throw errors.webAuthnConfigurationMissing();
  return {
    rpId: config.RelyingPartyId,
    userVerification: config.UserVerification === 'required' ? 'required' : 'preferred',
    multiFactor: config.FactorConfiguration === 'MULTI_FACTOR_WITH_USER_VERIFICATION',
  };
}

/**
 * The origins a passkey of this relying party may be used from: the RP ID's own https origin.
 * Cognito refuses an origin that "does not align with the user pool relying party id"
 * (WebAuthnOriginNotAllowedException) without saying which origins align; the emulator accepts
 * only https://<RelyingPartyId>, and http://localhost:<port> when the RP ID is localhost, as
 * browsers treat localhost as a secure context.
 * https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_CompleteWebAuthnRegistration.html
 */
export function originAllowed(rpId: string, origin: string): boolean {
  if (origin === `https://${rpId}`) return true;
  return rpId === 'localhost' && /^http:\/\/localhost(:\d{1,5})?$/.test(origin);
}

/** The browser's clientDataJSON origin, read before the library checks it, to answer with Cognito's exception. */
export function clientDataOrigin(clientDataJSON: unknown): string {
  try {
    const parsed = JSON.parse(Buffer.from(String(clientDataJSON), 'base64url').toString('utf8')) as { origin?: unknown };
    return typeof parsed.origin === 'string' ? parsed.origin : '';
  } catch {
    return '';
  }
}

/** Validates SetUserPoolMfaConfig's WebAuthnConfiguration as the API reference types it. */
export function checkWebAuthnConfiguration(config: WebAuthnConfigurationType | undefined): void {
  if (!config) return;
  const rpId = config.RelyingPartyId;
  // RelyingPartyId: 1 to 127 characters (API_WebAuthnConfigurationType).
  if (rpId !== undefined && (rpId.length < 1 || rpId.length > 127)) {
    throw errors.invalidParameter('WebAuthnConfiguration.RelyingPartyId must be 1 to 127 characters.');
  }
  if (config.UserVerification !== undefined && !['required', 'preferred'].includes(config.UserVerification)) {
    throw errors.invalidParameter('WebAuthnConfiguration.UserVerification must be required or preferred.');
  }
  const factor = config.FactorConfiguration;
  if (factor !== undefined && !['SINGLE_FACTOR', 'MULTI_FACTOR_WITH_USER_VERIFICATION'].includes(factor)) {
    throw errors.invalidParameter('WebAuthnConfiguration.FactorConfiguration must be SINGLE_FACTOR or MULTI_FACTOR_WITH_USER_VERIFICATION.');
  }
}

export function webAuthnState(user: UserRecord): WebAuthnState {
  return (user.webAuthn ??= { credentials: [] });
}
