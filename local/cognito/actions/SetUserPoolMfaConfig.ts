import type { SetUserPoolMfaConfigRequest, SetUserPoolMfaConfigResponse } from '@aws-sdk/client-cognito-identity-provider';
import type { CognitoContext } from '../context';
import { errors } from '../errors';
import { requirePool } from '../pools';
import { checkWebAuthnConfiguration } from '../webauthn';

/**
 * TOTP is the only second factor the emulator offers, so MFA ON or OPTIONAL needs it enabled.
 * WebAuthnConfiguration (passkey relying party, user verification, passkeys as MFA) is kept and
 * answered as given; a call without it leaves it as it was.
 * https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_SetUserPoolMfaConfig.html
 */
export async function SetUserPoolMfaConfig(
  ctx: CognitoContext,
  input: SetUserPoolMfaConfigRequest,
): Promise<SetUserPoolMfaConfigResponse> {
  const pool = requirePool(ctx, input.UserPoolId);
  const mfa = input.MfaConfiguration ?? pool.settings.MfaConfiguration ?? 'OFF';
  const software = input.SoftwareTokenMfaConfiguration ?? pool.settings.SoftwareTokenMfaConfiguration;
  if (mfa !== 'OFF' && !software?.Enabled && !input.SmsMfaConfiguration) {
    throw errors.invalidParameter('At least one MFA method must be enabled when MFA is ON or OPTIONAL.');
  }
  checkWebAuthnConfiguration(input.WebAuthnConfiguration);
  pool.settings.MfaConfiguration = mfa;
  if (software) pool.settings.SoftwareTokenMfaConfiguration = software;
  if (input.WebAuthnConfiguration) pool.settings.WebAuthnConfiguration = input.WebAuthnConfiguration;
  pool.updatedAt = ctx.clock.now().getTime();
  const webAuthn = pool.settings.WebAuthnConfiguration;
  return {
    MfaConfiguration: mfa,
    ...(software ? { SoftwareTokenMfaConfiguration: software } : {}),
    ...(webAuthn ? { WebAuthnConfiguration: webAuthn } : {}),
  };
}
