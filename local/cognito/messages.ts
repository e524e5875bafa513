import type { CodeDeliveryDetailsType } from '@aws-sdk/client-cognito-identity-provider';
import { errors } from './errors';

/** An invitation, reset or verification e-mail, handed over for delivery with its real code. */
export interface CognitoMessage {
  to: string;
  triggerSource: string;
  username: string;
  code: string;
  userAttributes: Record<string, string>;
  poolId: string;
  clientId?: string;
}

export type Deliver = (message: CognitoMessage) => Promise<void>;

/** Sends Cognito's e-mails through whatever the emulator was given; with nothing given they go nowhere. */
export class Messages {
  constructor(private readonly deliver?: Deliver) {}

  async send(message: CognitoMessage): Promise<void> {
    if (!this.deliver) return;
    try {
      await this.deliver(message);
    } catch {
      // The caller learns the e-mail failed, not why: the reason may quote the message.
      throw errors.codeDeliveryFailure();
    }
  }
}

/** Cognito's mask: `alice@example.com` becomes `a***@e***`. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  const local = at > 0 ? email.slice(0, at) : email;
  const domain = at > 0 ? email.slice(at + 1) : '';
  return `${local.slice(0, 1)}***@${domain.slice(0, 1)}***`;
}

export function emailDelivery(email: string): CodeDeliveryDetailsType {
  return { Destination: maskEmail(email), DeliveryMedium: 'EMAIL', AttributeName: 'email' };
}
