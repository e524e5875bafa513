import { SendEmailCommand } from '@aws-sdk/client-sesv2';
import { config } from './config';
import { GatewayError } from './errors';
import { ses } from './ses';

export interface Mail {
  to: string;
  subject: string;
  html: string;
  text: string;
}

/** Sends one e-mail through SES from the configured identity. */
export async function sendMail(mail: Mail): Promise<void> {
  const from = config.sesFrom();
  if (!from) throw new GatewayError('FeatureDisabled', 'E-mail sending is not configured for this gateway.');
  const replyTo = config.sesReplyTo();
  await ses().send(
    new SendEmailCommand({
      FromEmailAddress: from,
      FromEmailAddressIdentityArn: config.sesIdentityArn(),
      ReplyToAddresses: replyTo ? [replyTo] : undefined,
      Destination: { ToAddresses: [mail.to] },
      Content: {
        Simple: {
          Subject: { Data: mail.subject, Charset: 'UTF-8' },
          Body: { Html: { Data: mail.html, Charset: 'UTF-8' }, Text: { Data: mail.text, Charset: 'UTF-8' } },
        },
      },
    }),
  );
}
