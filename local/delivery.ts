import { SendEmailCommand, SESv2Client } from '@aws-sdk/client-sesv2';
import type { CustomMessageTriggerEvent } from 'aws-lambda';
import type { LocalCredentials } from './credentials';

/** What the Cognito emulator hands over when it would send an invitation or a code by e-mail. */
export interface CognitoMessage {
  to: string;
  triggerSource: string;
  username: string;
  code: string;
  userAttributes: Record<string, string>;
  poolId: string;
  clientId?: string;
}

export type CustomMessageHandler = (event: CustomMessageTriggerEvent) => Promise<CustomMessageTriggerEvent>;

/** Cognito's own texts, used when the CustomMessage trigger leaves the response empty. */
function defaultMessage(event: CustomMessageTriggerEvent): { subject: string; html: string } {
  const code = event.request.codeParameter;
  return event.triggerSource === 'CustomMessage_AdminCreateUser'
    ? {
        subject: 'Your temporary password',
        html: `Your username is ${event.request.usernameParameter} and temporary password is ${code}.`,
      }
    : { subject: 'Your verification code', html: `Your verification code is ${code}.` };
}

/**
 * The trigger event Cognito would send. In AWS the code and username are placeholders that
 * Cognito fills in after the trigger; locally they are the real values, so the message the
 * trigger writes is the message delivered.
 */
export function customMessageEvent(message: CognitoMessage, region: string): CustomMessageTriggerEvent {
  const triggerSource = message.triggerSource as CustomMessageTriggerEvent['triggerSource'];
  return {
    version: '1',
    region,
    userPoolId: message.poolId,
    triggerSource,
    userName: message.username,
    callerContext: { awsSdkVersion: 'local', clientId: message.clientId ?? 'CLIENT_ID_NOT_APPLICABLE' },
    request: {
      userAttributes: message.userAttributes,
      codeParameter: message.code,
      linkParameter: '{##Click Here##}',
      // Cognito sets it only for invitations, the one message that must name the user.
      usernameParameter: triggerSource === 'CustomMessage_AdminCreateUser' ? message.username : null,
      clientMetadata: {},
    },
    response: { smsMessage: null, emailMessage: null, emailSubject: null },
  } as CustomMessageTriggerEvent;
}

/**
 * Cognito's e-mail path, offline: run the CustomMessage trigger, then send what it wrote through
 * SES, where the local mailbox keeps it.
 */
export function cognitoMailer(args: {
  customMessage: CustomMessageHandler;
  sesEndpoint: string;
  region: string;
  credentials: LocalCredentials;
  from: string;
}): (message: CognitoMessage) => Promise<void> {
  const ses = new SESv2Client({ endpoint: args.sesEndpoint, region: args.region, credentials: args.credentials });
  return async (message) => {
    const event = await args.customMessage(customMessageEvent(message, args.region));
    const fallback = defaultMessage(event);
    await ses.send(
      new SendEmailCommand({
        FromEmailAddress: args.from,
        Destination: { ToAddresses: [message.to] },
        Content: {
          Simple: {
            Subject: { Data: event.response.emailSubject ?? fallback.subject, Charset: 'UTF-8' },
            Body: { Html: { Data: event.response.emailMessage ?? fallback.html, Charset: 'UTF-8' } },
          },
        },
      }),
    );
  };
}
