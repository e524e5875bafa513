import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { config } from './config';

let cached: { endpoint?: string; client: CognitoIdentityProviderClient } | undefined;

/**
 * Created on first use so each function bundles and builds only the clients it calls; rebuilt
 * when the endpoint override changes (an offline stack restarted on other ports).
 */
export function cognito(): CognitoIdentityProviderClient {
  const endpoint = config.endpoint('COGNITO');
  if (!cached || cached.endpoint !== endpoint) cached = { endpoint, client: new CognitoIdentityProviderClient({ endpoint }) };
  return cached.client;
}
