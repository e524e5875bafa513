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
  private readonly pending = new Set<Promise<void>>();

  constructor(private readonly deliver?: Deliver) {}

  /**
   * Hands the message over after the current call has answered, for the calls whose answer must
   * not depend on whether there was anyone to write to: delivering, or not, then takes the caller
   * no time. A failure is reported on the console only, without the message (it holds a code).
   */
  queue(message: CognitoMessage): void {
    const deliver = this.deliver;
    if (!deliver) return;
    const run: Promise<void> = new Promise<void>((resolve) => setImmediate(resolve))
      .then(() => deliver(message))
      .catch(() => console.error(`Cognito emulator: an e-mail (${message.triggerSource}) could not be delivered.`))
      .finally(() => this.pending.delete(run));
    this.pending.add(run);
  }

  /** Resolves once every queued message has been handed over. */
  async idle(): Promise<void> {
    await Promise.all([...this.pending]);
  }

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
