import type { GetUserPoolMfaConfigRequest, GetUserPoolMfaConfigResponse } from '@aws-sdk/client-cognito-identity-provider';
import type { CognitoContext } from '../context';
import { requirePool } from '../pools';

export async function GetUserPoolMfaConfig(
  ctx: CognitoContext,
  input: GetUserPoolMfaConfigRequest,
): Promise<GetUserPoolMfaConfigResponse> {
  const pool = requirePool(ctx, input.UserPoolId);
  const software = pool.settings.SoftwareTokenMfaConfiguration;
  return { MfaConfiguration: pool.settings.MfaConfiguration ?? 'OFF', ...(software ? { SoftwareTokenMfaConfiguration: software } : {}) };
}
