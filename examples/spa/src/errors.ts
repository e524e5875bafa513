import { AuthError } from '@auth-gateway/client';
import type { ErrorType } from '../../../functions/lib/errors';

/** What the user reads for each errorType the gateway answers with. */
const GATEWAY_ERRORS: Record<ErrorType, string> = {
  ValidationError: 'Some of the values are not valid.',
  InvalidPassword: 'The new password does not meet the password policy.',
  NotAuthorized: 'Incorrect e-mail or password, or your session has ended. Sign in again.',
  CodeMismatch: 'That code is not right. Check it and try again.',
  ExpiredCode: 'That code has expired or was already used. Wait for a new one.',
  SessionExpired: 'This step took too long. Start again.',
  UserAlreadyExists: 'An account with this e-mail already exists.',
  TooManyRequests: 'Too many attempts. Wait a few minutes and try again.',
  PasswordResetRequired: 'You need to reset your password: use "Forgot password".',
  ReauthenticationRequired: 'For your security, confirm it is you: sign in again with your password and authenticator code.',
  NotFound: 'That item no longer exists. Reload the page.',
  FeatureDisabled: 'This feature is turned off.',
  ServiceUnavailable: 'The service is temporarily unavailable. Try again later.',
  InternalError: 'Something went wrong on our side. Try again later.',
};

/** Errors that come from AppSync or the network rather than the gateway's functions. */
const TRANSPORT_ERRORS: Readonly<Record<string, string>> = {
  UnauthorizedException: 'This page is not allowed to call the API: check its API key.',
  HttpError: 'The API gave an unexpected answer. Try again later.',
};

/** Gateway messages of these types are written for users and say which value or rule failed. */
const SPECIFIC: ReadonlySet<string> = new Set<ErrorType>(['ValidationError', 'InvalidPassword']);

/** What a form says instead of the general message, where it knows better what went wrong. */
export type ErrorMessages = Partial<Record<ErrorType, string>>;

export function describeError(error: unknown, messages: ErrorMessages = {}): string {
  if (error instanceof AuthError) {
    if (SPECIFIC.has(error.errorType)) return error.message;
    const errorType = error.errorType as ErrorType;
    return messages[errorType] ?? GATEWAY_ERRORS[errorType] ?? TRANSPORT_ERRORS[error.errorType] ?? 'The request failed. Try again.';
  }
  // The browser's own WebAuthn refusals: https://www.w3.org/TR/webauthn-3/#sctn-getAssertion
  if (error instanceof DOMException && error.name === 'NotAllowedError') return 'No passkey was used: it was cancelled, timed out, or this device has none for this site.';
  if (error instanceof DOMException && error.name === 'SecurityError') return 'Passkeys do not work on this address: open the app at its own domain.';
  if (error instanceof DOMException && error.name === 'InvalidStateError') return 'This device already has a passkey for your account.';
  // fetch rejects with a TypeError when the API cannot be reached at all.
  if (error instanceof TypeError) return 'Cannot reach the API. Is the local stack running (npm start)?';
  return 'Something went wrong. Try again.';
}

/** The gateway wants a fresh sign-in before this action (replace authenticator, new codes, delete). */
export function needsRecentSignIn(error: unknown): boolean {
  return error instanceof AuthError && error.errorType === 'ReauthenticationRequired';
}
