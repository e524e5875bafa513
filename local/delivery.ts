import { SendEmailCommand, SESv2Client } from '@aws-sdk/client-sesv2';
import type { CustomMessageTriggerEvent } from 'aws-lambda';
import type { CognitoMessage } from './cognito/messages';
import type { LocalCredentials } from './credentials';

export type { CognitoMessage };

export type CustomMessageHandler = (event: CustomMessageTriggerEvent) => Promise<CustomMessageTriggerEvent>;

/** Cognito hands the trigger placeholders, never the secret itself, and fills them in afterwards. */
const CODE = '{####}';
const USERNAME = '{username}';

/** Cognito's own texts, used when the trigger leaves the response empty or drops a placeholder. */
function defaultMessage(triggerSource: string): { subject: string; html: string } {
  return triggerSource === 'CustomMessage_AdminCreateUser'
    ? { subject: 'Your temporary password', html: `Your username is ${USERNAME} and temporary password is ${CODE}.` }
    : { subject: 'Your verification code', html: `Your verification code is ${CODE}.` };
}

/** What Cognito sends after the trigger ran: its message if it kept the placeholders, else the default. */
function deliveredMessage(event: CustomMessageTriggerEvent, message: CognitoMessage): { subject: string; html: string } {
  const invitation = event.triggerSource === 'CustomMessage_AdminCreateUser';
  const written = event.response.emailMessage;
  const keepsPlaceholders = written?.includes(CODE) && (!invitation || written.includes(USERNAME));
  const chosen = keepsPlaceholders
    ? { subject: event.response.emailSubject ?? defaultMessage(event.triggerSource).subject, html: written! }
    : defaultMessage(event.triggerSource);
  return { subject: chosen.subject, html: chosen.html.replaceAll(CODE, message.code).replaceAll(USERNAME, message.username) };
}

/** The trigger event Cognito would send, placeholders included. */
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
      codeParameter: CODE,
      linkParameter: '{##Click Here##}',
      // Cognito sets it only for invitations, the one message that must name the user.
      usernameParameter: triggerSource === 'CustomMessage_AdminCreateUser' ? USERNAME : null,
      clientMetadata: {},
    },
    response: { smsMessage: null, emailMessage: null, emailSubject: null },
  } as CustomMessageTriggerEvent;
}

/**
 * Cognito's e-mail path, offline: run the CustomMessage trigger, then send what it wrote through
 * SES, where the local mailbox keeps it. AWS documents one body per Cognito message (the template's
 * or the trigger's `emailMessage`, up to 20,000 characters, formatted with HTML tags) and no
 * plain-text part, so the mailbox gets that one body as HTML and no text part.
 * https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-user-pool-settings-email-verification-message-customization.html
 * https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_MessageTemplateType.html
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
    const mail = deliveredMessage(event, message);
    await ses.send(
      new SendEmailCommand({
        FromEmailAddress: args.from,
        Destination: { ToAddresses: [message.to] },
        Content: {
          Simple: {
            Subject: { Data: mail.subject, Charset: 'UTF-8' },
            Body: { Html: { Data: mail.html, Charset: 'UTF-8' } },
          },
        },
      }),
    );
  };
}
