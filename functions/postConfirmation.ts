import { AdminUserGlobalSignOutCommand } from '@aws-sdk/client-cognito-identity-provider';
import type { PostConfirmationTriggerEvent } from 'aws-lambda';
import { writeAccountAttributes } from './lib/account';
import { cognito } from './lib/cognito';
import { errorName } from './lib/errors';
import { logger } from './lib/logger';
import { notifyUser } from './lib/notifications';


/**
 * Cognito's PostConfirmation trigger, after a password reset with an e-mailed code
 * (`PostConfirmation_ConfirmForgotPassword`). It runs however the reset was made — through the
 * gateway or by calling Cognito's public API directly — and:
 * - records when, so resendMfaQrCode holds the QR code back for `mfa.qrResendHoldHours` (the mailbox
 *   plus a password set through it must not yield the authenticator);
 * - ends every session of the user (Cognito keeps them valid after a reset);
 * - tells the user.
 * Each step is attempted even if one before it failed: the password is already reset, and failing
 * the trigger would only show the user an error for a reset that happened.
 */
export const handler = async (event: PostConfirmationTriggerEvent): Promise<PostConfirmationTriggerEvent> => {
  if (event.triggerSource !== 'PostConfirmation_ConfirmForgotPassword') return event;
  const username = event.userName;
  const steps: ReadonlyArray<readonly [string, () => Promise<unknown>]> = [
    ['record the reset', () => writeAccountAttributes(username, { passwordResetAt: String(Math.floor(Date.now() / 1000)) }, event.userPoolId)],
    ['end sessions', () => cognito().send(new AdminUserGlobalSignOutCommand({ UserPoolId: event.userPoolId, Username: username }))],
  ];
  for (const [step, run] of steps) {
    await run().catch((err: unknown) => logger.error('password reset follow-up failed', { step, cause: errorName(err) }));
  }
  const email = event.request.userAttributes.email;
  if (email) await notifyUser(email, 'passwordReset');
  return event;
};
