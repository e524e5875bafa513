import type { CustomMessageTriggerEvent } from 'aws-lambda';
import { config } from './lib/config';
import { invitationMail, passwordResetMail, verificationCodeMail, type HtmlMail } from './lib/templates';

type Request = CustomMessageTriggerEvent['request'];

/**
 * The branded e-mail for each message Cognito sends. The code and username are placeholders that
 * Cognito fills in after this trigger, and it refuses a message that leaves out one it needs.
 * Cognito takes one body per message, formatted with HTML tags, and has no field for a plain-text
 * part, so these are the HTML only (the gateway's own e-mails, sent through SES, carry both).
 * https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-user-pool-settings-email-verification-message-customization.html
 * https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-lambda-custom-message.html
 */
const MAILS: Partial<Record<CustomMessageTriggerEvent['triggerSource'], (request: Request, product: string) => HtmlMail | null>> = {
  // Without a username placeholder Cognito would refuse the invitation: keep its own text then.
  CustomMessage_AdminCreateUser: (request, product) =>
    request.usernameParameter
      ? invitationMail({ product, username: request.usernameParameter, temporaryPassword: request.codeParameter })
      : null,
  CustomMessage_ForgotPassword: (request, product) => passwordResetMail({ product, code: request.codeParameter }),
  CustomMessage_ResendCode: (request, product) => verificationCodeMail({ product, code: request.codeParameter }),
  CustomMessage_VerifyUserAttribute: (request, product) => verificationCodeMail({ product, code: request.codeParameter }),
  CustomMessage_UpdateUserAttribute: (request, product) => verificationCodeMail({ product, code: request.codeParameter }),
};

/**
 * Cognito's CustomMessage trigger: brands the e-mails Cognito sends; SMS texts and other messages
 * keep Cognito's defaults. It logs nothing, since the request carries codes and passwords.
 */
export const handler = async (event: CustomMessageTriggerEvent): Promise<CustomMessageTriggerEvent> => {
  const mail = MAILS[event.triggerSource]?.(event.request, config.mfaIssuer());
  if (mail) {
    event.response.emailSubject = mail.subject;
    event.response.emailMessage = mail.html;
  }
  return event;
};
