import { GetUserCommand } from '@aws-sdk/client-cognito-identity-provider';
import { cognito } from './cognito';
import { errorName } from './errors';
import { logger } from './logger';
import { notifyUser, type NotificationKind } from './notifications';
import { toUser } from './user';

/**
 * notifyUser for the user of an access token, read with GetUser: for changes made with the user's
 * own token. Best effort too: a user Cognito cannot read now is logged, never thrown.
 */
export async function notifySignedInUser(accessToken: string, kind: NotificationKind): Promise<void> {
  try {
    const user = toUser(await cognito().send(new GetUserCommand({ AccessToken: accessToken })), accessToken);
    await notifyUser(user.email, kind);
  } catch (err) {
    logger.warn('notification not sent', { kind, cause: errorName(err) });
  }
}
