/**
 * The one table of operations. Each row is one GraphQL field, served by `resolvers/<field>.ts`,
 * which invokes `functions/<field>.ts`, tested by `test/functions/<field>.test.ts`.
 * CDK, the local runtime, the tests and the README all read this table; nothing else lists
 * operations.
 */

/** IAM actions a function may be granted. Cognito's public (token or session) APIs need none. */
export type IamAction =
  | 'cognito-idp:AdminCreateUser'
  | 'cognito-idp:AdminGetUser'
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

export interface Operation {
  /** Schema field, resolver file, function file and test file name. */
  readonly field: string;
  readonly type: 'Query' | 'Mutation';
  /** The field's only authorization mode; schema.graphql marks it with @aws_api_key or @aws_iam. */
  readonly auth: AuthMode;
  /** Needs the user's access token (Authorization header or `accessToken` argument). */
  readonly token: boolean;
  /** Backend calls in order, as the README shows them; a call ending in `only)` is conditional. */
  readonly calls: readonly string[];
  /** Exactly the IAM actions the function's role gets, each on exactly its own resource. */
  readonly iam: readonly IamAction[];
}

export const operations = [
  {
    field: 'createUser',
    type: 'Mutation',
    auth: 'apiKey',
    token: false,
    calls: ['AdminCreateUser'],
    iam: ['cognito-idp:AdminCreateUser'],
  },
  {
    field: 'confirmUser',
    type: 'Mutation',
    auth: 'apiKey',
    token: false,
    calls: ['InitiateAuth', 'RespondToAuthChallenge', 'AssociateSoftwareToken', 'S3 PutObject (archive only)'],
    // GetObject: a presigned link works only if its signer may read the object.
    iam: ['s3:PutObject', 's3:GetObject'],
  },
  {
    field: 'confirmMfa',
    type: 'Mutation',
    auth: 'apiKey',
    token: false,
    calls: ['VerifySoftwareToken', 'RespondToAuthChallenge'],
    iam: [],
  },
  {
    field: 'login',
    type: 'Mutation',
    auth: 'apiKey',
    token: false,
    calls: ['InitiateAuth', 'AssociateSoftwareToken (MFA_SETUP only)', 'S3 PutObject (MFA_SETUP only)'],
    iam: ['s3:PutObject', 's3:GetObject'],
  },
  {
    field: 'verifyMfa',
    type: 'Mutation',
    auth: 'apiKey',
    token: false,
    calls: ['RespondToAuthChallenge'],
    iam: [],
  },
  {
    field: 'refreshTokens',
    type: 'Mutation',
    auth: 'apiKey',
    token: false,
    calls: ['InitiateAuth'],
    iam: [],
  },
  { field: 'me', type: 'Query', auth: 'apiKey', token: true, calls: ['GetUser'], iam: [] },
  { field: 'logout', type: 'Mutation', auth: 'apiKey', token: true, calls: ['GlobalSignOut'], iam: [] },
  {
    field: 'forgotPassword',
    type: 'Mutation',
    auth: 'apiKey',
    token: false,
    calls: ['ForgotPassword'],
    iam: [],
  },
  {
    field: 'confirmForgotPassword',
    type: 'Mutation',
    auth: 'apiKey',
    token: false,
    calls: ['ConfirmForgotPassword'],
    iam: [],
  },
  {
    field: 'changePassword',
    type: 'Mutation',
    auth: 'apiKey',
    token: true,
    calls: ['ChangePassword'],
    iam: [],
  },
  {
    field: 'resendTemporaryPassword',
    type: 'Mutation',
    auth: 'apiKey',
    token: false,
    calls: ['AdminCreateUser (MessageAction RESEND)'],
    iam: ['cognito-idp:AdminCreateUser'],
  },
  {
    field: 'resendMfaQrCode',
    type: 'Mutation',
    auth: 'apiKey',
    token: false,
    calls: ['AdminGetUser', 'S3 HeadObject', 'SES SendEmail'],
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

export type OperationField = (typeof operations)[number]['field'];

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
] as const;
