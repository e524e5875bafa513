import type { SetUserMFAPreferenceRequest } from '@aws-sdk/client-cognito-identity-provider';
import type { CognitoContext } from './context';
import { errors } from './errors';
import type { PoolRecord, UserRecord } from './state';
import { touch } from './users';
import { webAuthnState } from './webauthn';

/**
 * SetUserMFAPreference and its admin twin: TOTP can be turned on only once verified. SMS and
 * e-mail MFA are not offered. Passkey MFA (WebAuthnMfaSettings) can be turned on only when the
 * pool's FactorConfiguration is MULTI_FACTOR_WITH_USER_VERIFICATION, and only for a user who keeps
 * another MFA method (here TOTP) "to prevent account lockout".
 * https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_WebAuthnMfaSettingsType.html
 * https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_SetUserMFAPreference.html
 */
export function setMfaPreference(
  ctx: CognitoContext,
  pool: PoolRecord,
  user: UserRecord,
  input: Pick<SetUserMFAPreferenceRequest, 'SoftwareTokenMfaSettings' | 'SMSMfaSettings' | 'EmailMfaSettings' | 'WebAuthnMfaSettings'>,
): void {
  if (input.SMSMfaSettings?.Enabled || input.EmailMfaSettings?.Enabled) {
    throw errors.invalidParameter('Only software token MFA is available in this user pool.');
  }
  const settings = input.SoftwareTokenMfaSettings;
  if ((settings?.Enabled || settings?.PreferredMfa) && !user.totp.verified) {
    throw errors.invalidParameter('User has not verified software token mfa');
  }
  const totpEnabledAfter = settings?.Enabled ?? user.totp.enabled;
  const webAuthn = input.WebAuthnMfaSettings;
  if (webAuthn?.Enabled) {
    if (pool.settings.WebAuthnConfiguration?.FactorConfiguration !== 'MULTI_FACTOR_WITH_USER_VERIFICATION') {
      throw errors.invalidParameter('Passkey MFA requires the user pool FactorConfiguration MULTI_FACTOR_WITH_USER_VERIFICATION.');
    }
    if (!user.totp.verified || !totpEnabledAfter) {
      throw errors.invalidParameter('Passkey MFA requires another MFA method to be enabled for the user.');
    }
  }
  if (settings) {
    if (settings.Enabled !== undefined) user.totp.enabled = settings.Enabled;
    if (settings.PreferredMfa !== undefined) user.totp.preferred = settings.PreferredMfa;
    if (!user.totp.enabled) user.totp.preferred = false;
  }
  if (webAuthn?.Enabled !== undefined) webAuthnState(user).mfaEnabled = webAuthn.Enabled;
  if (settings || webAuthn) touch(user, ctx.clock.now());
}
