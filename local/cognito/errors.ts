/**
 * A failure as Cognito reports it: its `__type` name and message, HTTP 400 for the caller's
 * mistakes. The SDK turns `__type` into the exception class of the same name.
 */
export class CognitoError extends Error {
  constructor(
    readonly type: string,
    message: string,
    readonly status = 400,
  ) {
    super(message);
    this.name = type;
  }
}

const error = (type: string) => (message: string) => new CognitoError(type, message);
const notAuthorized = error('NotAuthorizedException');

/** Cognito's own messages, kept in one place because clients match on some of them. */
export const errors = {
  notAuthorized,
  badCredentials: () => notAuthorized('Incorrect username or password.'),
  userDisabled: () => notAuthorized('User is disabled.'),
  attemptsExceeded: () => notAuthorized('Password attempts exceeded'),
  temporaryPasswordExpired: () => notAuthorized('Temporary password has expired and must be reset by an administrator.'),
  invalidSession: () => notAuthorized('Invalid session for the user.'),
  sessionExpired: () => notAuthorized('Invalid session for the user, session is expired.'),
  invalidAccessToken: () => notAuthorized('Invalid Access Token'),
  accessTokenExpired: () => notAuthorized('Access Token has expired'),
  accessTokenRevoked: () => notAuthorized('Access Token has been revoked'),
  invalidRefreshToken: () => notAuthorized('Invalid Refresh Token'),
  refreshTokenExpired: () => notAuthorized('Refresh Token has expired'),
  refreshTokenRevoked: () => notAuthorized('Refresh Token has been revoked'),
  /**
   * A refresh token a rotating client replaced, used after its grace period. The exception is the
   * one the API reference lists for this case; the message is not documented.
   * https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_GetTokensFromRefreshToken.html
   */
  refreshTokenReused: () => new CognitoError('RefreshTokenReuseException', 'Refresh Token has been rotated'),
  cannotResetPassword: () => notAuthorized('User password cannot be reset in the current state.'),
  secretHash: (clientId: string) => notAuthorized(`Unable to verify secret hash for client ${clientId}`),
  userNotFound: () => new CognitoError('UserNotFoundException', 'User does not exist.'),
  usernameExists: (message = 'User account already exists') => new CognitoError('UsernameExistsException', message),
  aliasExists: () => new CognitoError('AliasExistsException', 'An account with the given email already exists.'),
  groupExists: () => new CognitoError('GroupExistsException', 'A group with the name already exists.'),
  resourceNotFound: error('ResourceNotFoundException'),
  invalidParameter: error('InvalidParameterException'),
  invalidPassword: (rule: string) => new CognitoError('InvalidPasswordException', `Password does not conform to policy: ${rule}`),
  resetCodeMismatch: () => new CognitoError('CodeMismatchException', 'Invalid verification code provided, please try again.'),
  resetCodeExpired: () => new CognitoError('ExpiredCodeException', 'Invalid code provided, please request a code again.'),
  totpMismatch: () => new CognitoError('CodeMismatchException', 'Invalid code received for user'),
  totpReused: () => new CognitoError('ExpiredCodeException', 'Your software token has already been used once.'),
  enableTotpMismatch: () => new CognitoError('EnableSoftwareTokenMFAException', 'Code mismatch'),
  attemptLimit: () => new CognitoError('LimitExceededException', 'Attempt limit exceeded, please try after some time.'),
  passwordResetRequired: () => new CognitoError('PasswordResetRequiredException', 'Password reset required for the user'),
  unsupportedUserState: error('UnsupportedUserStateException'),
  unsupportedOperation: error('UnsupportedOperationException'),
  unsupportedTokenType: () => new CognitoError('UnsupportedTokenTypeException', 'Unsupported token type'),
  codeDeliveryFailure: () => new CognitoError('CodeDeliveryFailureException', 'Unable to deliver the message.'),
  /*
   * Passkey registration failures, by the exceptions the API reference lists for
   * StartWebAuthnRegistration and CompleteWebAuthnRegistration; AWS does not publish their messages.
   * (RespondToAuthChallenge lists none of them: a refused passkey sign-in is NotAuthorizedException.)
   * https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_StartWebAuthnRegistration.html
   * https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_CompleteWebAuthnRegistration.html
   */
  webAuthnConfigurationMissing: () =>
    new CognitoError('WebAuthnConfigurationMissingException', 'The user pool has no passkey relying party ID configured.'),
  webAuthnChallengeNotFound: () => new CognitoError('WebAuthnChallengeNotFoundException', 'The passkey registration challenge was not found or has expired.'),
  webAuthnClientMismatch: () => new CognitoError('WebAuthnClientMismatchException', 'The access token is for a different app client than the registration.'),
  webAuthnOriginNotAllowed: () => new CognitoError('WebAuthnOriginNotAllowedException', 'The passkey origin does not match the relying party ID.'),
  webAuthnRelyingPartyMismatch: () => new CognitoError('WebAuthnRelyingPartyMismatchException', 'The passkey is for a different relying party ID.'),
  webAuthnCredentialNotSupported: () => new CognitoError('WebAuthnCredentialNotSupportedException', 'The passkey credential could not be verified.'),
  unknownOperation: (target: string) => new CognitoError('UnknownOperationException', `Unknown operation ${target}`),
  serialization: () => new CognitoError('SerializationException', 'The request body is not valid JSON.'),
  internal: () => new CognitoError('InternalErrorException', 'Internal server error.', 500),
};

/** Cognito's wording for a missing required field, e.g. `userPoolId`. */
export function missing(field: string): CognitoError {
  return errors.invalidParameter(`1 validation error detected: Value null at '${field}' failed to satisfy constraint: Member must not be null`);
}
