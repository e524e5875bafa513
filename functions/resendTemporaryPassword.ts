import { AdminCreateUserCommand } from '@aws-sdk/client-cognito-identity-provider';
import * as v from 'valibot';
import { cognito } from './lib/cognito';
import { config } from './lib/config';
import { isAwsError } from './lib/errors';
import { defineOperation } from './lib/operation';
import { email } from './lib/validate';

/**
 * Unknown users and users who already replaced their temporary password get no e-mail, but the
 * same answer as a resent invitation: otherwise this would tell which addresses have accounts.
 */
const HIDDEN = ['UserNotFoundException', 'UnsupportedUserStateException'];

/**
 * Re-sends the invitation with a new temporary password, for users who have not confirmed yet.
 * Invoked asynchronously (operations.ts): the caller's answer never waits for Cognito.
 */
export const handler = defineOperation('resendTemporaryPassword', {
  input: v.object({ email }),
  async run(input) {
    try {
      await cognito().send(
        new AdminCreateUserCommand({
          UserPoolId: config.userPoolId(),
          Username: input.email,
          MessageAction: 'RESEND',
          DesiredDeliveryMediums: ['EMAIL'],
        }),
      );
    } catch (err) {
      if (!isAwsError(err, HIDDEN)) throw err;
    }
    return { email: input.email, status: 'TEMPORARY_PASSWORD_SENT' as const };
  },
});
