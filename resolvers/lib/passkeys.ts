import { util, type Context } from '@aws-appsync/utils';
import { messages } from '../../cognitoErrors';
import { passkeyView, type Passkey } from '../../passkeyView';
import { cognitoFailure } from './cognito';

/** Passkey fields answer FeatureDisabled, before any call, when the `passkeys` setting is off. */
export function requirePasskeys(ctx: Context): void {
  if (ctx.env.PASSKEYS !== 'on') util.error(messages.passkeysOff, 'FeatureDisabled');
}

/** A passkey as Cognito lists it (CreatedAt in epoch seconds on the wire), as the API shows it. */
export function passkeyOf(credential: Record<string, any>): Passkey {
  return passkeyView(credential, util.time.epochMilliSecondsToISO8601(Math.round((credential.CreatedAt ?? 0) * 1000)));
}

/** What the browser's PublicKeyCredential JSON must at least look like before Cognito is asked. */
export function credentialProblem(value: unknown): string | null {
  if (typeof value !== 'string' || !value.trim()) return 'The credential is required.';
  const text = value.trim();
  if (text.length > 16384) return 'The credential is too large.';
  const looksLikeOne = text.startsWith('{') && text.endsWith('}') && text.indexOf('"id"') > 0 && text.indexOf('"response"') > 0;
  return looksLikeOne ? null : "The credential is the JSON of the browser's PublicKeyCredential (credential.toJSON()).";
}

/**
 * Whether Cognito refused the passkey answer itself: a wrong or foreign passkey, a made-up,
 * used or expired session, a user who no longer qualifies. All of them get one answer, so a
 * refusal never tells an address with an account (or a passkey) from one without. A lockout and
 * Cognito's own faults keep their own answers.
 */
export function passkeyRefused(ctx: Context): boolean {
  const failure = cognitoFailure(ctx);
  if (!failure || failure.serverFault) return false;
  if (failure.name === 'NotAuthorizedException') return failure.message.toLowerCase().indexOf('attempts exceeded') < 0;
  return ['CodeMismatchException', 'ExpiredCodeException', 'UserNotFoundException', 'UserNotConfirmedException'].indexOf(failure.name) >= 0;
}
