import { mapAwsError, messages } from '../../cognitoErrors';

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
  'NotFound',
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

interface AwsLikeError {
  name?: string;
  message?: string;
  $fault?: 'client' | 'server';
}

/** Turns anything thrown into a GatewayError; unknown failures become InternalError. */
export function toGatewayError(err: unknown): GatewayError {
  if (err instanceof GatewayError) return err;
  const { name = '', message = '', $fault } = (err ?? {}) as AwsLikeError;
  const mapped = mapAwsError(name, message, $fault === 'server');
  return mapped ? new GatewayError(mapped.errorType, mapped.message) : new GatewayError('InternalError', messages.unexpected);
}

/** The mapping itself is shared with the resolvers that call Cognito without a function. */
export { messages };

/**
 * True when `err` is an AWS error with one of `names`: for the few failures an operation answers
 * as success, so that the answer does not reveal whether an account exists.
 */
export function isAwsError(err: unknown, names: readonly string[]): boolean {
  const name = errorName(err);
  return typeof name === 'string' && names.includes(name);
}

/** The name of what was thrown (an AWS error's exception name), for logs: never its message, which may quote input. */
export function errorName(err: unknown): string | undefined {
  return (err as AwsLikeError | null | undefined)?.name;
}
