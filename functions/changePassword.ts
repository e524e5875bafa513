import { ChangePasswordCommand, GetUserCommand, GlobalSignOutCommand } from '@aws-sdk/client-cognito-identity-provider';
import * as v from 'valibot';
import { cognito } from './lib/cognito';
import { errorName } from './lib/errors';
import { logger } from './lib/logger';
import { notifyUser } from './lib/notifications';
import { defineOperation } from './lib/operation';
import { toUser } from './lib/user';
import { password } from './lib/validate';

/**
 * Changes the signed-in user's password (Cognito checks the old one and the pool's policy), then
 * ends every session of the user, this one included: Cognito itself leaves them all valid. The
 * caller signs in again with the new password.
 *
 * The password is changed first; if ending the sessions then fails, the answer says so
 * (`sessionsEnded: false`) and the caller, whose token still works, ends them with logout.
 */
export const handler = defineOperation('changePassword', {
  input: v.object({ oldPassword: password('old password'), newPassword: password('new password') }),
  async run(input, { accessToken }) {
    await cognito().send(
      new ChangePasswordCommand({
        AccessToken: accessToken,
        PreviousPassword: input.oldPassword,
        ProposedPassword: input.newPassword,
      }),
    );
    let sessionsEnded = false;
    try {
      const user = toUser(await cognito().send(new GetUserCommand({ AccessToken: accessToken })), accessToken);
      await cognito().send(new GlobalSignOutCommand({ AccessToken: accessToken }));
      sessionsEnded = true;
      await notifyUser(user.email, 'passwordChanged');
    } catch (err) {
      logger.warn('sessions not ended after a password change', { cause: errorName(err) });
    }
    return { status: 'PASSWORD_CHANGED' as const, sessionsEnded };
  },
});
