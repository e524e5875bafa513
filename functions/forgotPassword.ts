import { ForgotPasswordCommand } from '@aws-sdk/client-cognito-identity-provider';
import * as v from 'valibot';
import { cognito } from './lib/cognito';
import { config } from './lib/config';
import { isAwsError } from './lib/errors';
import { maskEmail } from './lib/mask';
import { defineOperation } from './lib/operation';
import { email } from './lib/validate';

/**
 * Failures that would tell an unknown address (or one without a verified e-mail) from a known one.
 * The pool already hides unknown users, so these are the fallback; the only value the caller
 * controls is an e-mail the input rules accepted, so an InvalidParameterException is about the user.
 * A user still on a temporary password cannot reset it: Cognito says NotAuthorizedException, which
 * would single out invited-but-unconfirmed addresses (they recover with resendTemporaryPassword).
 */
const HIDDEN = ['UserNotFoundException', 'InvalidParameterException', 'NotAuthorizedException'];

/**
 * E-mails a password-reset code; unknown addresses get exactly the answer known ones get. Invoked
 * asynchronously (operations.ts), so the caller has its answer before Cognito is asked; the answer
 * never carries Cognito's own destination, which exists only for known addresses.
 */
export const handler = defineOperation('forgotPassword', {
  input: v.object({ email }),
  async run(input) {
    try {
      await cognito().send(new ForgotPasswordCommand({ ClientId: config.clientId(), Username: input.email }));
    } catch (err) {
      if (!isAwsError(err, HIDDEN)) throw err;
    }
    return {
      email: input.email,
      status: 'PASSWORD_FORGOT_CONFIRMATION_SENT' as const,
      deliveryDestination: maskEmail(input.email),
    };
  },
});
