import type { SetUserPoolMfaConfigRequest, SetUserPoolMfaConfigResponse } from '@aws-sdk/client-cognito-identity-provider';
import type { CognitoContext } from '../context';
import { errors } from '../errors';
import { requirePool } from '../pools';

/** TOTP is the only second factor the emulator offers, so MFA ON or OPTIONAL needs it enabled. */
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
  pool.settings.MfaConfiguration = mfa;
  if (software) pool.settings.SoftwareTokenMfaConfiguration = software;
  pool.updatedAt = ctx.clock.now().getTime();
  return { MfaConfiguration: mfa, ...(software ? { SoftwareTokenMfaConfiguration: software } : {}) };
}
