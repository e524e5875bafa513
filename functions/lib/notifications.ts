import { config } from './config';
import { errorName } from './errors';
import { logger } from './logger';
import { sendMail } from './mail';
import { notificationMail, type NotificationKind } from './templates';

export type { NotificationKind };

/**
 * Tells the user that something security-relevant happened to the account. Best effort: the change
 * it reports has already happened, so a mail that cannot be sent is logged, never thrown.
 * Without an SES identity (`email: null`) the gateway sends no notifications.
 */
export async function notifyUser(to: string, kind: NotificationKind): Promise<void> {
  if (!config.sesFrom()) {
    logger.info('notification not sent', { kind, reason: 'e-mail is not configured' });
    return;
  }
  try {
    await sendMail({ to, ...notificationMail({ product: config.mfaIssuer(), kind }) });
  } catch (err) {
    logger.warn('notification not sent', { kind, cause: errorName(err) });
  }
}
