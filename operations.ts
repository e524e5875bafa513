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
  | 's3:PutObject'
  | 's3:GetObject'
  | 's3:ListBucket'
  | 's3:DeleteObject'
  | 'ses:SendEmail';

export interface Operation {
  /** Schema field, resolver file, function file and test file name. */
  readonly field: string;
  readonly type: 'Query' | 'Mutation';
  /** Needs the user's access token (Authorization header or `accessToken` argument). */
  readonly token: boolean;
  /** Takes a password, a code or an e-mail to act on: AWS WAF gives it the stricter per-IP rate limit. */
  readonly credential?: boolean;
  /** Backend calls in order, as the README shows them; a call ending in `only)` is conditional. */
  readonly calls: readonly string[];
  /** Exactly the IAM actions the function's role gets, each on exactly its own resource. */
  readonly iam: readonly IamAction[];
}

export const operations = [
  {
    field: 'createUser',
    type: 'Mutation',
    token: false,
    credential: true,
    calls: ['AdminCreateUser'],
    iam: ['cognito-idp:AdminCreateUser'],
  },
  {
    field: 'confirmUser',
    type: 'Mutation',
    token: false,
    credential: true,
    calls: ['InitiateAuth', 'RespondToAuthChallenge', 'AssociateSoftwareToken', 'S3 PutObject (archive only)'],
    // GetObject: a presigned link works only if its signer may read the object.
    iam: ['s3:PutObject', 's3:GetObject'],
  },
  {
    field: 'confirmMfa',
    type: 'Mutation',
    token: false,
    credential: true,
    calls: ['VerifySoftwareToken', 'RespondToAuthChallenge'],
    iam: [],
  },
  {
    field: 'login',
    type: 'Mutation',
    token: false,
    credential: true,
    calls: ['InitiateAuth', 'AssociateSoftwareToken (MFA_SETUP only)', 'S3 PutObject (MFA_SETUP only)'],
    iam: ['s3:PutObject', 's3:GetObject'],
  },
  {
    field: 'verifyMfa',
    type: 'Mutation',
    token: false,
    credential: true,
    calls: ['RespondToAuthChallenge'],
    iam: [],
  },
  {
    field: 'refreshTokens',
    type: 'Mutation',
    token: false,
    calls: ['InitiateAuth'],
    iam: [],
  },
  { field: 'me', type: 'Query', token: true, calls: ['GetUser'], iam: [] },
  { field: 'logout', type: 'Mutation', token: true, calls: ['GlobalSignOut'], iam: [] },
  {
    field: 'forgotPassword',
    type: 'Mutation',
    token: false,
    credential: true,
    calls: ['ForgotPassword'],
    iam: [],
  },
  {
    field: 'confirmForgotPassword',
    type: 'Mutation',
    token: false,
    credential: true,
    calls: ['ConfirmForgotPassword'],
    iam: [],
  },
  {
    field: 'changePassword',
    type: 'Mutation',
    token: true,
    calls: ['ChangePassword'],
    iam: [],
  },
  {
    field: 'resendTemporaryPassword',
    type: 'Mutation',
    token: false,
    credential: true,
    calls: ['AdminCreateUser (MessageAction RESEND)'],
    iam: ['cognito-idp:AdminCreateUser'],
  },
  {
    field: 'resendMfaQrCode',
    type: 'Mutation',
    token: false,
    credential: true,
    calls: ['AdminGetUser', 'S3 HeadObject', 'SES SendEmail'],
    // ListBucket: without it S3 answers a missing QR code with 403, not 404, and an account with
    // no QR code would answer differently from an unknown e-mail.
    iam: ['cognito-idp:AdminGetUser', 's3:GetObject', 's3:ListBucket', 'ses:SendEmail'],
  },
  {
    field: 'updateProfile',
    type: 'Mutation',
    token: true,
    calls: ['UpdateUserAttributes', 'GetUser'],
    iam: [],
  },
  {
    field: 'deleteMe',
    type: 'Mutation',
    token: true,
    calls: ['GetUser', 'S3 DeleteObject (archive only)', 'DeleteUser'],
    iam: ['s3:DeleteObject'],
  },
] as const satisfies readonly Operation[];

export type OperationField = (typeof operations)[number]['field'];

/** Lambda functions that are not GraphQL fields: Cognito triggers, in `functions/<name>.ts`. */
export const triggers = [
  {
    name: 'customMessage',
    /** Cognito calls it in-process to brand invitation, reset and verification e-mails. */
    trigger: 'customMessage',
    iam: [] as readonly IamAction[],
  },
] as const;
