/**
 * The one table of operations. Each row is one GraphQL field, served by `resolvers/<field>.ts`,
 * which invokes `functions/<field>.ts`, tested by `test/functions/<field>.test.ts` — or, for rows
 * whose data source is `cognito`, calls Cognito itself and is tested by `test/resolvers/<field>.test.ts`.
 * CDK, the local runtime, the tests and the README all read this table; nothing else lists
 * operations.
 */

/** IAM actions a function may be granted. Cognito's public (token or session) APIs need none. */
export type IamAction =
  | 'cognito-idp:AdminCreateUser'
  | 'cognito-idp:AdminGetUser'
  | 'cognito-idp:AdminUpdateUserAttributes'
  | 'cognito-idp:ListUsers'
  | 'cognito-idp:AdminListGroupsForUser'
  | 'cognito-idp:AdminDisableUser'
  | 'cognito-idp:AdminEnableUser'
  | 'cognito-idp:AdminUserGlobalSignOut'
  | 'cognito-idp:AdminDeleteSoftwareToken'
  | 'cognito-idp:AdminDeleteUserAttributes'
  | 'cognito-idp:AdminResetUserPassword'
  | 'cognito-idp:AdminDeleteUser'
  | 'cognito-idp:ListGroups'
  | 'cognito-idp:CreateGroup'
  | 'cognito-idp:AdminAddUserToGroup'
  | 'cognito-idp:AdminRemoveUserFromGroup'
  | 's3:PutObject'
  | 's3:GetObject'
  | 's3:ListBucket'
  | 's3:DeleteObject'
  | 'ses:SendEmail';

/**
 * Who may call a field: `apiKey` for the app's users (the x-api-key header), `iam` for operators
 * (requests signed with SigV4 by an identity allowed appsync:GraphQL on the field).
 */
export type AuthMode = 'apiKey' | 'iam';

/**
 * Where the resolver sends its request. `lambda`: the field's own function. `cognito`: Cognito's
 * public JSON API through an unsigned AppSync HTTP data source, no function at all — for the hot
 * path (refreshes, profile reads, the MFA step), whose one call needs no IAM permission
 * (https://docs.aws.amazon.com/appsync/latest/devguide/resolver-reference-http-js.html).
 */
export type DataSourceKind = 'lambda' | 'cognito';

export interface Operation {
  /** Schema field, resolver file, function file and test file name. */
  readonly field: string;
  readonly type: 'Query' | 'Mutation';
  /** The field's only authorization mode; schema.graphql marks it with @aws_api_key or @aws_iam. */
  readonly auth: AuthMode;
  /** Needs the user's access token (Authorization header or `accessToken` argument). */
  readonly token: boolean;
  /** Takes a password, a code or an e-mail to act on: AWS WAF gives it the stricter per-IP rate limit. */
  readonly credential?: boolean;
  /** Backend calls in order, as the README shows them; a call ending in `only)` is conditional. */
  readonly calls: readonly string[];
  /** Exactly the IAM actions the function's role gets, each on exactly its own resource. */
  readonly iam: readonly IamAction[];
  /**
   * How the resolver invokes the function; RequestResponse when left out. `Event`: asynchronously
   * (https://docs.aws.amazon.com/appsync/latest/devguide/resolver-reference-lambda-js.html,
   * "Invocation type"): the resolver answers a fixed result at once and the function's outcome
   * never reaches the caller, so neither the answer nor its timing can tell whether the address
   * has an account.
   */
  readonly invocation?: Invocation;
  /** `lambda` when left out. A `cognito` row has no function, so `iam` is empty and `invocation` unset. */
  readonly dataSource?: DataSourceKind;
}

export type Invocation = 'RequestResponse' | 'Event';

export const operations = [
  {
    field: 'createUser',
    type: 'Mutation',
    auth: 'apiKey',
    token: false,
    credential: true,
    calls: ['AdminCreateUser'],
    iam: ['cognito-idp:AdminCreateUser'],
    invocation: 'Event',
  },
  {
    field: 'confirmUser',
    type: 'Mutation',
    auth: 'apiKey',
    token: false,
    credential: true,
    calls: ['InitiateAuth', 'RespondToAuthChallenge', 'AssociateSoftwareToken', 'S3 PutObject (archive only)'],
    // GetObject: a presigned link works only if its signer may read the object.
    iam: ['s3:PutObject', 's3:GetObject'],
  },
  {
    field: 'confirmMfa',
    type: 'Mutation',
    auth: 'apiKey',
    token: false,
    credential: true,
    calls: [
      'VerifySoftwareToken',
      'RespondToAuthChallenge',
      'S3 GetObject → PutObject → DeleteObject (archive only)',
      'AdminUpdateUserAttributes',
    ],
    // The verified QR code moves from pending to the archive; ListBucket makes a missing one a 404.
    iam: ['s3:GetObject', 's3:PutObject', 's3:DeleteObject', 's3:ListBucket', 'cognito-idp:AdminUpdateUserAttributes'],
  },
  {
    field: 'login',
    type: 'Mutation',
    auth: 'apiKey',
    token: false,
    credential: true,
    calls: ['InitiateAuth', 'AssociateSoftwareToken (MFA_SETUP only)', 'S3 PutObject (MFA_SETUP only)'],
    iam: ['s3:PutObject', 's3:GetObject'],
  },
  {
    field: 'verifyMfa',
    type: 'Mutation',
    auth: 'apiKey',
    token: false,
    credential: true,
    calls: ['RespondToAuthChallenge'],
    iam: [],
    dataSource: 'cognito',
  },
  {
    field: 'refreshTokens',
    type: 'Mutation',
    auth: 'apiKey',
    token: false,
    calls: ['GetTokensFromRefreshToken'],
    iam: [],
    dataSource: 'cognito',
  },
  { field: 'me', type: 'Query', auth: 'apiKey', token: true, calls: ['GetUser'], iam: [], dataSource: 'cognito' },
  { field: 'logout', type: 'Mutation', auth: 'apiKey', token: true, calls: ['GlobalSignOut'], iam: [] },
  {
    field: 'forgotPassword',
    type: 'Mutation',
    auth: 'apiKey',
    token: false,
    credential: true,
    calls: ['ForgotPassword'],
    iam: [],
    invocation: 'Event',
  },
  {
    field: 'confirmForgotPassword',
    type: 'Mutation',
    auth: 'apiKey',
    token: false,
    credential: true,
    calls: ['ConfirmForgotPassword'],
    iam: [],
  },
  {
    field: 'changePassword',
    type: 'Mutation',
    auth: 'apiKey',
    token: true,
    calls: ['ChangePassword', 'GetUser', 'GlobalSignOut', 'SES SendEmail'],
    iam: ['ses:SendEmail'],
  },
  {
    field: 'resendTemporaryPassword',
    type: 'Mutation',
    auth: 'apiKey',
    token: false,
    credential: true,
    calls: ['AdminCreateUser (MessageAction RESEND)'],
    iam: ['cognito-idp:AdminCreateUser'],
    invocation: 'Event',
  },
  {
    field: 'resendMfaQrCode',
    type: 'Mutation',
    auth: 'apiKey',
    token: false,
    credential: true,
    calls: ['InitiateAuth', 'AdminGetUser', 'S3 HeadObject', 'SES SendEmail'],
    // ListBucket: without it S3 answers a missing QR code with 403, not 404, and an account with
    // no QR code would answer differently from an unknown e-mail.
    iam: ['cognito-idp:AdminGetUser', 's3:GetObject', 's3:ListBucket', 'ses:SendEmail'],
  },
  {
    field: 'updateProfile',
    type: 'Mutation',
    auth: 'apiKey',
    token: true,
    calls: ['UpdateUserAttributes', 'GetUser'],
    iam: [],
  },
  {
    field: 'deleteMe',
    type: 'Mutation',
    auth: 'apiKey',
    token: true,
    calls: ['GetUser', 'S3 DeleteObject (archive only)', 'DeleteUser'],
    iam: ['s3:DeleteObject'],
  },
  {
    field: 'recoverAccount',
    type: 'Mutation',
    auth: 'apiKey',
    token: false,
    credential: true,
    calls: [
      'InitiateAuth',
      'AdminGetUser',
      'AdminUpdateUserAttributes',
      'AdminDeleteSoftwareToken',
      'AdminUserGlobalSignOut',
      'SES SendEmail',
      'InitiateAuth',
      'AssociateSoftwareToken',
      'S3 PutObject (archive only)',
    ],
    iam: [
      'cognito-idp:AdminGetUser',
      'cognito-idp:AdminUpdateUserAttributes',
      'cognito-idp:AdminDeleteSoftwareToken',
      'cognito-idp:AdminUserGlobalSignOut',
      'ses:SendEmail',
      's3:PutObject',
      's3:GetObject',
    ],
  },
  {
    field: 'replaceAuthenticator',
    type: 'Mutation',
    auth: 'apiKey',
    token: true,
    calls: ['GetUser', 'AssociateSoftwareToken', 'S3 PutObject (archive only)'],
    iam: ['s3:PutObject', 's3:GetObject'],
  },
  {
    field: 'confirmReplaceAuthenticator',
    type: 'Mutation',
    auth: 'apiKey',
    token: true,
    calls: ['VerifySoftwareToken', 'GetUser', 'S3 GetObject → PutObject → DeleteObject (archive only)', 'GlobalSignOut', 'SES SendEmail'],
    iam: ['s3:GetObject', 's3:PutObject', 's3:DeleteObject', 's3:ListBucket', 'ses:SendEmail'],
  },
  {
    field: 'regenerateRecoveryCodes',
    type: 'Mutation',
    auth: 'apiKey',
    token: true,
    calls: ['GetUser', 'AdminUpdateUserAttributes'],
    iam: ['cognito-idp:AdminUpdateUserAttributes'],
  },

  // Passkeys (the `passkeys` setting): a verified passkey sign-in counts as both factors, while
  // password and authenticator code keep working. Without the setting they answer FeatureDisabled.
  {
    field: 'startPasskeyRegistration',
    type: 'Mutation',
    auth: 'apiKey',
    token: true,
    calls: ['StartWebAuthnRegistration'],
    iam: [],
  },
  {
    field: 'finishPasskeyRegistration',
    type: 'Mutation',
    auth: 'apiKey',
    token: true,
    calls: ['SetUserMFAPreference', 'CompleteWebAuthnRegistration', 'ListWebAuthnCredentials', 'GetUser', 'SES SendEmail'],
    iam: ['ses:SendEmail'],
  },
  {
    field: 'listPasskeys',
    type: 'Query',
    auth: 'apiKey',
    token: true,
    calls: ['ListWebAuthnCredentials'],
    iam: [],
    dataSource: 'cognito',
  },
  {
    field: 'deletePasskey',
    type: 'Mutation',
    auth: 'apiKey',
    token: true,
    calls: ['DeleteWebAuthnCredential', 'GetUser', 'SES SendEmail'],
    iam: ['ses:SendEmail'],
  },
  {
    field: 'startPasskeySignIn',
    type: 'Mutation',
    auth: 'apiKey',
    token: false,
    credential: true,
    calls: ['InitiateAuth'],
    iam: [],
  },
  {
    field: 'finishPasskeySignIn',
    type: 'Mutation',
    auth: 'apiKey',
    token: false,
    credential: true,
    calls: ['RespondToAuthChallenge'],
    iam: [],
    dataSource: 'cognito',
  },

  // Administration, for support engineers: IAM-signed requests only, never the API key. Each
  // reads the user first, so a wrong address fails before any change and the audit record names
  // the user id.
  {
    field: 'adminListUsers',
    type: 'Query',
    auth: 'iam',
    token: false,
    calls: ['ListUsers', 'AdminGetUser and AdminListGroupsForUser per user'],
    iam: ['cognito-idp:ListUsers', 'cognito-idp:AdminGetUser', 'cognito-idp:AdminListGroupsForUser'],
  },
  {
    field: 'adminGetUser',
    type: 'Query',
    auth: 'iam',
    token: false,
    calls: ['AdminGetUser', 'AdminListGroupsForUser'],
    iam: ['cognito-idp:AdminGetUser', 'cognito-idp:AdminListGroupsForUser'],
  },
  {
    field: 'adminDisableUser',
    type: 'Mutation',
    auth: 'iam',
    token: false,
    calls: ['AdminGetUser', 'AdminDisableUser', 'AdminUserGlobalSignOut'],
    iam: ['cognito-idp:AdminGetUser', 'cognito-idp:AdminDisableUser', 'cognito-idp:AdminUserGlobalSignOut'],
  },
  {
    field: 'adminEnableUser',
    type: 'Mutation',
    auth: 'iam',
    token: false,
    calls: ['AdminGetUser', 'AdminEnableUser'],
    iam: ['cognito-idp:AdminGetUser', 'cognito-idp:AdminEnableUser'],
  },
  {
    field: 'adminResetMfa',
    type: 'Mutation',
    auth: 'iam',
    token: false,
    calls: [
      'AdminGetUser',
      'AdminDeleteSoftwareToken',
      'S3 DeleteObject (archive only)',
      'AdminDeleteUserAttributes',
      'AdminUserGlobalSignOut',
      'SES SendEmail (e-mail configured only)',
    ],
    iam: [
      'cognito-idp:AdminGetUser',
      'cognito-idp:AdminDeleteSoftwareToken',
      'cognito-idp:AdminDeleteUserAttributes',
      'cognito-idp:AdminUserGlobalSignOut',
      's3:DeleteObject',
      'ses:SendEmail',
    ],
  },
  {
    field: 'adminResetPassword',
    type: 'Mutation',
    auth: 'iam',
    token: false,
    calls: ['AdminGetUser', 'AdminResetUserPassword'],
    iam: ['cognito-idp:AdminGetUser', 'cognito-idp:AdminResetUserPassword'],
  },
  {
    field: 'adminSignOutUser',
    type: 'Mutation',
    auth: 'iam',
    token: false,
    calls: ['AdminGetUser', 'AdminUserGlobalSignOut'],
    iam: ['cognito-idp:AdminGetUser', 'cognito-idp:AdminUserGlobalSignOut'],
  },
  {
    field: 'adminDeleteUser',
    type: 'Mutation',
    auth: 'iam',
    token: false,
    calls: ['AdminGetUser', 'S3 DeleteObject (archive only)', 'AdminDeleteUser'],
    iam: ['cognito-idp:AdminGetUser', 's3:DeleteObject', 'cognito-idp:AdminDeleteUser'],
  },
  {
    field: 'adminResendInvitation',
    type: 'Mutation',
    auth: 'iam',
    token: false,
    calls: ['AdminGetUser', 'AdminCreateUser (MessageAction RESEND)'],
    iam: ['cognito-idp:AdminGetUser', 'cognito-idp:AdminCreateUser'],
  },
  {
    field: 'adminListGroups',
    type: 'Query',
    auth: 'iam',
    token: false,
    calls: ['ListGroups'],
    iam: ['cognito-idp:ListGroups'],
  },
  {
    field: 'adminCreateGroup',
    type: 'Mutation',
    auth: 'iam',
    token: false,
    calls: ['CreateGroup'],
    iam: ['cognito-idp:CreateGroup'],
  },
  {
    field: 'adminAddUserToGroup',
    type: 'Mutation',
    auth: 'iam',
    token: false,
    calls: ['AdminGetUser', 'AdminAddUserToGroup'],
    iam: ['cognito-idp:AdminGetUser', 'cognito-idp:AdminAddUserToGroup'],
  },
  {
    field: 'adminRemoveUserFromGroup',
    type: 'Mutation',
    auth: 'iam',
    token: false,
    calls: ['AdminGetUser', 'AdminRemoveUserFromGroup'],
    iam: ['cognito-idp:AdminGetUser', 'cognito-idp:AdminRemoveUserFromGroup'],
  },
] as const satisfies readonly Operation[];

/** A `cognito` row can grant nothing and queue nothing: there is no function to give it to. */
type Misfit = Extract<(typeof operations)[number], { dataSource: 'cognito'; iam: readonly [IamAction, ...IamAction[]] } | { dataSource: 'cognito'; invocation: Invocation }>;
const noMisfit: [Misfit] extends [never] ? true : never = true;
void noMisfit;

export type OperationField = (typeof operations)[number]['field'];

/** The row's invocation type, RequestResponse unless the row says otherwise. */
export function invocationOf(field: string): Invocation {
  const row: Operation | undefined = operations.find((op) => op.field === field);
  return row?.invocation ?? 'RequestResponse';
}

/** The row's data source, `lambda` unless the row says otherwise. */
export function dataSourceOf(field: string): DataSourceKind {
  const row: Operation | undefined = operations.find((op) => op.field === field);
  return row?.dataSource ?? 'lambda';
}

/** The rows served by their own Lambda function (`functions/<field>.ts`). */
export const functionOperations = operations.filter((op) => dataSourceOf(op.field) === 'lambda');

/** The fields the app's users call with the API key: the typed client's methods. */
export type UserOperationField = Extract<(typeof operations)[number], { auth: 'apiKey' }>['field'];

/** The operator fields, callable with IAM (SigV4) only. */
export type AdminOperationField = Extract<(typeof operations)[number], { auth: 'iam' }>['field'];

type Row = (typeof operations)[number];

/** The API-key rows: the typed client's methods and GraphiQL's tabs. */
export const userOperations = operations.filter((op): op is Extract<Row, { auth: 'apiKey' }> => op.auth === 'apiKey');

/** The IAM rows: the admin API. */
export const adminOperations = operations.filter((op): op is Extract<Row, { auth: 'iam' }> => op.auth === 'iam');

/** Lambda functions that are not GraphQL fields: Cognito triggers, in `functions/<name>.ts`. */
export const triggers = [
  {
    name: 'customMessage',
    /** Cognito calls it in-process to brand invitation, reset and verification e-mails. */
    trigger: 'customMessage',
    iam: [] as readonly IamAction[],
  },
  {
    name: 'postConfirmation',
    /** After a password reset by e-mailed code, however it was made: records it, signs out, notifies. */
    trigger: 'postConfirmation',
    iam: ['cognito-idp:AdminUpdateUserAttributes', 'cognito-idp:AdminUserGlobalSignOut', 'ses:SendEmail'] as readonly IamAction[],
  },
] as const;
