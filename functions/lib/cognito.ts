import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { timeAwsCalls } from './awsCalls';
import { config } from './config';

let cached: { endpoint?: string; client: CognitoIdentityProviderClient } | undefined;

/**
 * Created on first use so each function bundles and builds only the clients it calls; rebuilt
 * when the endpoint override changes (an offline stack restarted on other ports).
 *
 * No retries: most calls are not idempotent (a retried ForgotPassword mails a second code, a
 * retried sign-in counts as a second failure towards the lockout, and a throttled call would cost
 * three), and a retried throttle hides Cognito's LimitExceededException behind a later answer.
 * The caller sees TooManyRequests and decides when to try again.
 */
export function cognito(): CognitoIdentityProviderClient {
  const endpoint = config.endpoint('COGNITO');
  if (!cached || cached.endpoint !== endpoint) cached = { endpoint, client: timeAwsCalls(new CognitoIdentityProviderClient({ endpoint, maxAttempts: 1 }), 'Cognito') };
  return cached.client;
}
