import type { ForgotPasswordRequest, ForgotPasswordResponse } from '@aws-sdk/client-cognito-identity-provider';
import { checkSecretHash, hidesUserExistence, requireClient } from '../clients';
import type { CognitoContext } from '../context';
import { errors } from '../errors';
import { emailDelivery } from '../messages';
import { sendResetCode, spendResetAttempt } from '../resetCodes';
import { findUser } from '../users';
import { required } from '../validate';

/**
 * E-mails a reset code. For an unknown user a client that hides user existence answers exactly
 * as for a known one (the destination masked from the name given) and sends nothing. Both paths
 * compute one keyed hash (the code's, or the unknown name's attempt counter) and the e-mail goes
 * out after the answer, so neither answers sooner.
 * https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-user-pool-managing-errors.html
 */
export async function ForgotPassword(ctx: CognitoContext, input: ForgotPasswordRequest): Promise<ForgotPasswordResponse> {
  const { pool, client } = requireClient(ctx, required(input.ClientId, 'clientId'));
  const username = required(input.Username, 'username');
  checkSecretHash(client, username, input.SecretHash);
  const user = findUser(pool, username);
  if (!user && !hidesUserExistence(client)) throw errors.userNotFound();
  spendResetAttempt(pool, user, username, ctx.clock.now());
  if (!user) {
    return { CodeDeliveryDetails: emailDelivery(username.includes('@') ? username : `${username}@${username}`) };
  }
  if (!user.enabled) throw errors.userDisabled();
  if (user.status === 'FORCE_CHANGE_PASSWORD') throw errors.cannotResetPassword();
  const email = await sendResetCode(ctx, pool, user, { clientId: client.id, queued: true });
  return { CodeDeliveryDetails: emailDelivery(email) };
}
