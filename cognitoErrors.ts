import type { ErrorType } from './functions/lib/errors';

/**
 * The one mapping from a Cognito failure to the gateway's errorType and message. The functions
 * (functions/lib/errors.ts, on Node.js) and the resolvers that call Cognito themselves
 * (resolvers/lib/cognito.ts, on APPSYNC_JS) both read it, so this file is written in the subset
 * APPSYNC_JS runs (no regex literals, classes, try/catch or loops; `npm run lint` checks it).
 */

export const messages = {
  badCredentials: 'Incorrect e-mail or password.',
  badToken: 'The access token is invalid, expired or revoked. Sign in again.',
  badRefreshToken: 'The refresh token is invalid, expired or revoked. Sign in again.',
  session: 'This sign-in session has expired or was already used. Start again.',
  lockout: 'Too many failed attempts. Wait a few minutes and try again.',
  throttled: 'Too many requests. Wait a moment and try again.',
  unavailable: 'The service is temporarily unavailable. Try again later.',
  unexpected: 'Something went wrong on our side.',
  noToken: "This operation needs the user's access token: send it in the Authorization header or the accessToken argument.",
  passkeysOff: 'Passkeys are not enabled for this gateway.',
  passkeyRefused: 'The passkey was not accepted, or the sign-in took too long. Start again.',
} as const;

/** Mutable types on purpose: the APPSYNC_JS lint allows callbacks for Array methods only, not ReadonlyArray ones. */
type Row = [string, ErrorType, string];

const mailFailed = 'The e-mail could not be sent. Try again later.';

/**
 * Cognito says several different things with NotAuthorizedException; the first of these phrases
 * its message contains (case aside) tells which.
 */
const NOT_AUTHORIZED: Row[] = [
  ['attempts exceeded', 'TooManyRequests', messages.lockout],
  ['session', 'SessionExpired', messages.session],
  ['temporary password has expired', 'NotAuthorized', 'The temporary password has expired. Ask for a new one with resendTemporaryPassword.'],
  ['refresh token', 'NotAuthorized', messages.badRefreshToken],
  ['token', 'NotAuthorized', messages.badToken],
];

const BY_NAME: Row[] = [
  ['UserNotFoundException', 'NotAuthorized', messages.badCredentials],
  ['UserNotConfirmedException', 'NotAuthorized', messages.badCredentials],
  // A refresh token that rotation replaced, used after the grace period.
  ['RefreshTokenReuseException', 'NotAuthorized', messages.badRefreshToken],
  ['CodeMismatchException', 'CodeMismatch', 'The code is incorrect.'],
  ['EnableSoftwareTokenMFAException', 'CodeMismatch', 'The authenticator code is incorrect.'],
  ['ExpiredCodeException', 'ExpiredCode', 'The code has expired or was already used. Use a new code.'],
  ['UsernameExistsException', 'UserAlreadyExists', 'A user with this e-mail already exists.'],
  ['AliasExistsException', 'UserAlreadyExists', 'A user with this e-mail already exists.'],
  ['PasswordResetRequiredException', 'PasswordResetRequired', 'A password reset is required: call forgotPassword.'],
  ['PasswordHistoryPolicyViolationException', 'InvalidPassword', 'The new password was used recently. Choose another one.'],
  ['InvalidParameterException', 'ValidationError', 'The request has an invalid value.'],
  ['TooManyRequestsException', 'TooManyRequests', messages.throttled],
  ['TooManyFailedAttemptsException', 'TooManyRequests', messages.lockout],
  ['LimitExceededException', 'TooManyRequests', messages.throttled],
  ['ThrottlingException', 'TooManyRequests', messages.throttled],
  ['SlowDown', 'TooManyRequests', messages.throttled],
  // Passkey registration (CompleteWebAuthnRegistration) and passkeys switched off on the pool.
  ['WebAuthnChallengeNotFoundException', 'SessionExpired', 'The passkey registration has expired or was already finished. Start again.'],
  ['WebAuthnOriginNotAllowedException', 'ValidationError', 'The passkey was made on a site this gateway does not accept.'],
  ['WebAuthnRelyingPartyMismatchException', 'ValidationError', 'The passkey was made for another site (relying party ID).'],
  ['WebAuthnCredentialNotSupportedException', 'ValidationError', 'This authenticator is not supported. Try another one.'],
  ['WebAuthnClientMismatchException', 'ValidationError', 'The passkey registration was started by another app client. Start again.'],
  ['WebAuthnNotEnabledException', 'FeatureDisabled', messages.passkeysOff],
  ['WebAuthnConfigurationMissingException', 'FeatureDisabled', messages.passkeysOff],
  ['InternalErrorException', 'ServiceUnavailable', messages.unavailable],
  ['ServiceUnavailable', 'ServiceUnavailable', messages.unavailable],
  ['CodeDeliveryFailureException', 'ServiceUnavailable', mailFailed],
  ['InvalidEmailRoleAccessPolicyException', 'ServiceUnavailable', mailFailed],
  ['MessageRejected', 'ServiceUnavailable', mailFailed],
  ['MailFromDomainNotVerifiedException', 'ServiceUnavailable', mailFailed],
  ['SendingPausedException', 'ServiceUnavailable', mailFailed],
  ['AccountSuspendedException', 'ServiceUnavailable', mailFailed],
  ['UnexpectedLambdaException', 'ServiceUnavailable', messages.unavailable],
  ['InvalidLambdaResponseException', 'ServiceUnavailable', messages.unavailable],
  ['UserLambdaValidationException', 'ServiceUnavailable', messages.unavailable],
];

/** Cognito's policy message names the rule that failed, in words meant for users. */
const POLICY_PREFIX = 'Password does not conform to policy: ';

export interface MappedError {
  errorType: ErrorType;
  message: string;
}

/**
 * The answer for an AWS error named `name` (the SDK's error name, Cognito's `__type`) with
 * Cognito's `message`; `serverFault` when the service failed (HTTP 5xx). Null when the error is
 * unknown and not the service's fault: the caller answers InternalError with its request id.
 */
export function mapAwsError(name: string, message: string, serverFault: boolean): MappedError | null {
  if (name === 'NotAuthorizedException') {
    const lower = message.toLowerCase();
    const match = NOT_AUTHORIZED.find((row) => lower.includes(row[0]));
    return match ? { errorType: match[1], message: match[2] } : { errorType: 'NotAuthorized', message: messages.badCredentials };
  }
  if (name === 'InvalidPasswordException') {
    const rule = message.startsWith(POLICY_PREFIX) ? message.slice(POLICY_PREFIX.length) : '';
    return {
      errorType: 'InvalidPassword',
      message: rule ? `The password does not meet the password policy: ${rule}` : 'The password does not meet the password policy.',
    };
  }
  const known = BY_NAME.find((row) => row[0] === name);
  if (known) return { errorType: known[1], message: known[2] };
  if (serverFault) return { errorType: 'ServiceUnavailable', message: messages.unavailable };
  return null;
}
