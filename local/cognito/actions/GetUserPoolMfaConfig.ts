import type { GetUserPoolMfaConfigRequest, GetUserPoolMfaConfigResponse } from '@aws-sdk/client-cognito-identity-provider';
import type { CognitoContext } from '../context';
import { requirePool } from '../pools';

/** https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_GetUserPoolMfaConfig.html */
export async function GetUserPoolMfaConfig(
  ctx: CognitoContext,
  input: GetUserPoolMfaConfigRequest,
): Promise<GetUserPoolMfaConfigResponse> {
  const pool = requirePool(ctx, input.UserPoolId);
  const software = pool.settings.SoftwareTokenMfaConfiguration;
  const webAuthn = pool.settings.WebAuthnConfiguration;
  return {
    MfaConfiguration: pool.settings.MfaConfiguration ?? 'OFF',
    ...(software ? { SoftwareTokenMfaConfiguration: software } : {}),
    ...(webAuthn ? { WebAuthnConfiguration: webAuthn } : {}),
  };
}
