import type { DeleteWebAuthnCredentialRequest, DeleteWebAuthnCredentialResponse } from '@aws-sdk/client-cognito-identity-provider';
import type { CognitoContext } from '../context';
import { errors } from '../errors';
import { touch } from '../users';
import { required } from '../validate';

/**
 * Removes one of the signed-in user's passkeys; an id the user does not have (another user's
 * included) is ResourceNotFoundException, the one error the API reference lists for it.
 * https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_DeleteWebAuthnCredential.html
 */
export async function DeleteWebAuthnCredential(
  ctx: CognitoContext,
  input: DeleteWebAuthnCredentialRequest,
): Promise<DeleteWebAuthnCredentialResponse> {
  const { user } = await ctx.tokens.verifyAccessToken(required(input.AccessToken, 'accessToken'));
  const id = required(input.CredentialId, 'credentialId');
  const credentials = user.webAuthn?.credentials ?? [];
  const index = credentials.findIndex((c) => c.id === id);
  if (index < 0) throw errors.resourceNotFound('Credential not found.');
  credentials.splice(index, 1);
  touch(user, ctx.clock.now());
  return {};
}
