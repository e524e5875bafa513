import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { config } from './config';

let client: CognitoIdentityProviderClient | undefined;

/** Created on first use so each function bundles and builds only the clients it calls. */
export function cognito(): CognitoIdentityProviderClient {
  client ??= new CognitoIdentityProviderClient({ endpoint: config.endpoint('COGNITO') });
  return client;
}
