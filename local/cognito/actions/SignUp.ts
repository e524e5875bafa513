import type { SignUpRequest, SignUpResponse } from '@aws-sdk/client-cognito-identity-provider';
import { checkSecretHash, requireClient } from '../clients';
import type { CognitoContext } from '../context';
import { errors } from '../errors';
import { required } from '../validate';

/**
 * Self-service sign-up. Pools that only administrators may fill (AllowAdminCreateUserOnly, as
 * the gateway's) refuse it in Cognito's words; the emulator emulates no other pool's sign-up.
 * https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_SignUp.html
 */
export async function SignUp(ctx: CognitoContext, input: SignUpRequest): Promise<SignUpResponse> {
  const { pool, client } = requireClient(ctx, required(input.ClientId, 'clientId'));
  const username = required(input.Username, 'username');
  checkSecretHash(client, username, input.SecretHash);
  if (pool.settings.AdminCreateUserConfig?.AllowAdminCreateUserOnly) {
    throw errors.notAuthorized('SignUp is not permitted for this user pool');
  }
  throw errors.unsupportedOperation('The local Cognito emulator has no self-service sign-up: create users with AdminCreateUser.');
}
