import type { SetUserMFAPreferenceRequest } from '@aws-sdk/client-cognito-identity-provider';
import type { CognitoContext } from './context';
import { errors } from './errors';
import type { UserRecord } from './state';
import { touch } from './users';

/** SetUserMFAPreference and its admin twin: TOTP can be turned on only once verified. SMS and e-mail MFA are not offered. */
export function setMfaPreference(
  ctx: CognitoContext,
  user: UserRecord,
  input: Pick<SetUserMFAPreferenceRequest, 'SoftwareTokenMfaSettings' | 'SMSMfaSettings' | 'EmailMfaSettings'>,
): void {
  if (input.SMSMfaSettings?.Enabled || input.EmailMfaSettings?.Enabled) {
    throw errors.invalidParameter('Only software token MFA is available in this user pool.');
  }
  const settings = input.SoftwareTokenMfaSettings;
  if (!settings) return;
  if ((settings.Enabled || settings.PreferredMfa) && !user.totp.verified) {
    throw errors.invalidParameter('User has not verified software token mfa');
  }
  if (settings.Enabled !== undefined) user.totp.enabled = settings.Enabled;
  if (settings.PreferredMfa !== undefined) user.totp.preferred = settings.PreferredMfa;
  if (!user.totp.enabled) user.totp.preferred = false;
  touch(user, ctx.clock.now());
}
