import type { ConfirmForgotPasswordRequest, ConfirmForgotPasswordResponse } from '@aws-sdk/client-cognito-identity-provider';
import { checkSecretHash, hidesUserExistence, requireClient } from '../clients';
import type { CognitoContext } from '../context';
import { errors } from '../errors';
import { recordSuccess } from '../lockout';
import { checkPassword, hashPassword } from '../passwords';
import { poolPolicy } from '../pools';
import { checkResetCode, spendResetAttempt } from '../resetCodes';
import { runPostConfirmation } from '../triggers';
import { findUser, touch } from '../users';
import { required } from '../validate';

/** Sets the new password with the e-mailed code; the user is CONFIRMED again and any lockout ends. */
export async function ConfirmForgotPassword(
  ctx: CognitoContext,
  input: ConfirmForgotPasswordRequest,
): Promise<ConfirmForgotPasswordResponse> {
  const { pool, client } = requireClient(ctx, required(input.ClientId, 'clientId'));
  const username = required(input.Username, 'username');
  const code = required(input.ConfirmationCode, 'confirmationCode');
  const password = required(input.Password, 'password');
  checkSecretHash(client, username, input.SecretHash);
  // The policy first, so a password that breaks it does not use up the code.
  checkPassword(password, poolPolicy(pool));
  const user = findUser(pool, username);
  if (!user && !hidesUserExistence(client)) throw errors.userNotFound();
  spendResetAttempt(pool, user, username, ctx.clock.now());
  if (!user) throw errors.resetCodeMismatch();
  checkResetCode(ctx, pool, user, code);
  user.passwordHash = await hashPassword(password, ctx.passwordCost);
  user.status = 'CONFIRMED';
  recordSuccess(user);
  touch(user, ctx.clock.now());
  await runPostConfirmation(ctx, { pool, user, clientId: client.id, triggerSource: 'PostConfirmation_ConfirmForgotPassword' });
  return {};
}
