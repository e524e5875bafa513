import type { IncomingMessage } from 'node:http';
import { userPoolArn } from '../iam/arns';
import { deniedMessage, LOCAL_ACCOUNT_ID, type IamDirectory } from '../iam/directory';
import { SIGNATURE_FAULT_MESSAGES, signedRequestOf, verifySigV4 } from '../iam/sigv4';
import { CognitoError } from './errors';

/**
 * Which calls need IAM credentials, and their check. Cognito's user-facing operations are
 * authorised by the user's session or token and sent unsigned; every other operation is
 * authorised with IAM: SigV4-signed, and allowed by the caller's policy on the pool.
 * https://docs.aws.amazon.com/cognito/latest/developerguide/user-pools-API-operations.html
 * (unauthenticated, token-authorized and IAM-authorized operations)
 */

/** Unauthenticated and token-authorized operations: the ones no IAM policy governs. */
export const PUBLIC_ACTIONS: ReadonlySet<string> = new Set([
  'AssociateSoftwareToken',
  'ChangePassword',
  'CompleteWebAuthnRegistration',
  'ConfirmDevice',
  'ConfirmForgotPassword',
  'ConfirmSignUp',
  'DeleteUser',
  'DeleteUserAttributes',
  'DeleteWebAuthnCredential',
  'ForgetDevice',
  'ForgotPassword',
  'GetDevice',
  'GetTokensFromRefreshToken',
  'GetUser',
  'GetUserAttributeVerificationCode',
  'GetUserAuthFactors',
  'GlobalSignOut',
  'InitiateAuth',
  'ListDevices',
  'ListWebAuthnCredentials',
  'ResendConfirmationCode',
  'RespondToAuthChallenge',
  'RevokeToken',
  'SetUserMFAPreference',
  'SetUserSettings',
  'SignUp',
  'StartWebAuthnRegistration',
  'UpdateAuthEventFeedback',
  'UpdateDeviceStatus',
  'UpdateUserAttributes',
  'VerifySoftwareToken',
  'VerifyUserAttribute',
]);

/**
 * The answers AWS's JSON services give a request they cannot authenticate: HTTP 403 for a missing
 * signature, 400 for an unknown key or a wrong signature, and 400 AccessDeniedException when the
 * caller's policy does not allow the call.
 * https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/CommonErrors.html
 */
export const iamErrors = {
  missing: () => new CognitoError('MissingAuthenticationTokenException', 'Missing Authentication Token', 403),
  unknownKey: () => new CognitoError('UnrecognizedClientException', SIGNATURE_FAULT_MESSAGES.unknownKey),
  mismatch: () => new CognitoError('InvalidSignatureException', SIGNATURE_FAULT_MESSAGES.mismatch),
  malformed: () => new CognitoError('IncompleteSignatureException', SIGNATURE_FAULT_MESSAGES.malformed),
  denied: (principalArn: string, action: string, resource: string) =>
    new CognitoError('AccessDeniedException', deniedMessage(principalArn, action, resource)),
};

export interface CognitoIam {
  directory: IamDirectory;
  /** Defaults to the local account. */
  accountId?: string;
}

/** The pool's ARN, the resource of every pool-level action; account-level ones (CreateUserPool, ListUserPools) act on `*`. */
export function poolArn(region: string, accountId: string, input: Record<string, unknown>): string {
  return typeof input.UserPoolId === 'string' ? userPoolArn(region, input.UserPoolId, accountId) : '*';
}

/** Throws the error Cognito answers when `action` is not both signed and allowed. */
export async function authorizeCall(
  iam: CognitoIam,
  req: IncomingMessage,
  body: string,
  call: { action: string; region: string; input: Record<string, unknown> },
): Promise<void> {
  if (PUBLIC_ACTIONS.has(call.action)) return;
  if (!req.headers.authorization) throw iamErrors.missing();
  // No clock-skew check, as in the local S3: tests move the stack's clock.
  const check = await verifySigV4(signedRequestOf(req, body), { service: 'cognito-idp', secretOf: iam.directory.secretOf });
  if (!check.ok) throw check.fault === 'unknownKey' ? iamErrors.unknownKey() : check.fault === 'mismatch' ? iamErrors.mismatch() : iamErrors.malformed();
  const principal = iam.directory.principal(check.accessKeyId)!;
  const resource = poolArn(call.region, iam.accountId ?? LOCAL_ACCOUNT_ID, call.input);
  const action = `cognito-idp:${call.action}`;
  if (!iam.directory.authorize('cognito-idp', principal, action, resource)) throw iamErrors.denied(principal.arn, action, resource);
}
