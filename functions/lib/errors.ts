/**
 * The stable error contract: every failure reaches the client as one of these `errorType`s with a
 * message written here, never an AWS message or a stack trace.
 */
export const ERROR_TYPES = [
  'ValidationError',
  'InvalidPassword',
  'NotAuthorized',
  'CodeMismatch',
  'ExpiredCode',
  'SessionExpired',
  'UserAlreadyExists',
  'TooManyRequests',
  'PasswordResetRequired',
  'ReauthenticationRequired',
  'FeatureDisabled',
  'ServiceUnavailable',
  'InternalError',
] as const;

/** What the app's users can be answered. */
export type ErrorType = (typeof ERROR_TYPES)[number];

/** Answered by admin fields only: an operator may learn what a user may not (that an account exists). */
export const ADMIN_ERROR_TYPES = ['UserNotFound', 'GroupNotFound', 'GroupAlreadyExists', 'InvalidUserState'] as const;

export type GatewayErrorType = ErrorType | (typeof ADMIN_ERROR_TYPES)[number];

export class GatewayError extends Error {
  constructor(
    readonly errorType: GatewayErrorType,
    message: string,
  ) {
    super(message);
    this.name = 'GatewayError';
  }
}

const MESSAGES = {
  badCredentials: 'Incorrect e-mail or password.',
  badToken: 'The access token is invalid, expired or revoked. Sign in again.',
  badRefreshToken: 'The refresh token is invalid, expired or revoked. Sign in again.',
  session: 'This sign-in session has expired or was already used. Start again.',
  lockout: 'Too many failed attempts. Wait a few minutes and try again.',
  throttled: 'Too many requests. Wait a moment and try again.',
  unavailable: 'The service is temporarily unavailable. Try again later.',
} as const;

/** Cognito says several different things with NotAuthorizedException; its message tells which. */
const NOT_AUTHORIZED: ReadonlyArray<readonly [RegExp, ErrorType, string]> = [
  [/attempts exceeded/i, 'TooManyRequests', MESSAGES.lockout],
  [/session/i, 'SessionExpired', MESSAGES.session],
  [
    /temporary password has expired/i,
    'NotAuthorized',
    'The temporary password has expired. Ask for a new one with resendTemporaryPassword.',
  ],
  [/refresh token/i, 'NotAuthorized', MESSAGES.badRefreshToken],
  [/token/i, 'NotAuthorized', MESSAGES.badToken],
];

const BY_NAME: Readonly<Record<string, readonly [ErrorType, string]>> = {
  UserNotFoundException: ['NotAuthorized', MESSAGES.badCredentials],
  UserNotConfirmedException: ['NotAuthorized', MESSAGES.badCredentials],
  // A refresh token that rotation replaced, used after the grace period.
  RefreshTokenReuseException: ['NotAuthorized', MESSAGES.badRefreshToken],
  CodeMismatchException: ['CodeMismatch', 'The code is incorrect.'],
  EnableSoftwareTokenMFAException: ['CodeMismatch', 'The authenticator code is incorrect.'],
  ExpiredCodeException: [
    'ExpiredCode',
    'The code has expired or was already used. Use a new code.',
  ],
  UsernameExistsException: ['UserAlreadyExists', 'A user with this e-mail already exists.'],
  AliasExistsException: ['UserAlreadyExists', 'A user with this e-mail already exists.'],
  PasswordResetRequiredException: [
    'PasswordResetRequired',
    'A password reset is required: call forgotPassword.',
  ],
  PasswordHistoryPolicyViolationException: [
    'InvalidPassword',
    'The new password was used recently. Choose another one.',
  ],
  InvalidParameterException: ['ValidationError', 'The request has an invalid value.'],
  TooManyRequestsException: ['TooManyRequests', MESSAGES.throttled],
  TooManyFailedAttemptsException: ['TooManyRequests', MESSAGES.lockout],
  LimitExceededException: ['TooManyRequests', MESSAGES.throttled],
  ThrottlingException: ['TooManyRequests', MESSAGES.throttled],
  SlowDown: ['TooManyRequests', MESSAGES.throttled],
  InternalErrorException: ['ServiceUnavailable', MESSAGES.unavailable],
  ServiceUnavailable: ['ServiceUnavailable', MESSAGES.unavailable],
  CodeDeliveryFailureException: ['ServiceUnavailable', 'The e-mail could not be sent. Try again later.'],
  InvalidEmailRoleAccessPolicyException: ['ServiceUnavailable', 'The e-mail could not be sent. Try again later.'],
  MessageRejected: ['ServiceUnavailable', 'The e-mail could not be sent. Try again later.'],
  MailFromDomainNotVerifiedException: ['ServiceUnavailable', 'The e-mail could not be sent. Try again later.'],
  SendingPausedException: ['ServiceUnavailable', 'The e-mail could not be sent. Try again later.'],
  AccountSuspendedException: ['ServiceUnavailable', 'The e-mail could not be sent. Try again later.'],
  UnexpectedLambdaException: ['ServiceUnavailable', MESSAGES.unavailable],
  InvalidLambdaResponseException: ['ServiceUnavailable', MESSAGES.unavailable],
  UserLambdaValidationException: ['ServiceUnavailable', MESSAGES.unavailable],
};

const POLICY = /^Password does not conform to policy: (.+)$/;

interface AwsLikeError {
  name?: string;
  message?: string;
  $fault?: 'client' | 'server';
}

/** Turns anything thrown into a GatewayError; unknown failures become InternalError. */
export function toGatewayError(err: unknown): GatewayError {
  if (err instanceof GatewayError) return err;
  const { name = '', message = '', $fault } = (err ?? {}) as AwsLikeError;
  if (name === 'NotAuthorizedException') {
    const match = NOT_AUTHORIZED.find(([pattern]) => pattern.test(message));
    return match
      ? new GatewayError(match[1], match[2])
      : new GatewayError('NotAuthorized', MESSAGES.badCredentials);
  }
  if (name === 'InvalidPasswordException') {
    // Cognito's policy message names the rule that failed, in words meant for users.
    const rule = POLICY.exec(message)?.[1];
    return new GatewayError(
      'InvalidPassword',
      rule ? `The password does not meet the password policy: ${rule}` : 'The password does not meet the password policy.',
    );
  }
  const known = BY_NAME[name];
  if (known) return new GatewayError(known[0], known[1]);
  if ($fault === 'server') return new GatewayError('ServiceUnavailable', MESSAGES.unavailable);
  return new GatewayError('InternalError', 'Something went wrong on our side.');
}

export const messages = MESSAGES;

/**
 * True when `err` is an AWS error with one of `names`: for the few failures an operation answers
 * as success, so that the answer does not reveal whether an account exists.
 */
export function isAwsError(err: unknown, names: readonly string[]): boolean {
  const name = (err as AwsLikeError | null | undefined)?.name;
  return typeof name === 'string' && names.includes(name);
}
