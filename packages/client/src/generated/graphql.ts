/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
/** As @graphql-typed-document-node/core declares it: the result and variables types a document carries. */
export interface DocumentTypeDecoration<TResult, TVariables> {
  __apiType?: (variables: TVariables) => TResult;
}
export type AccountStatus =
  | 'CREATED'
  | 'MFA_SETUP_REQUIRED'
  | 'USER_DELETED';

export type ChangePasswordInput = {
  newPassword: string;
  oldPassword: string;
};

export type ConfirmForgotPasswordInput = {
  email: string;
  newPassword: string;
  /** The code from the password-reset e-mail. */
  verificationCode: string;
};

export type ConfirmMfaInput = {
  /** A name for the authenticator, shown nowhere but Cognito. */
  deviceName?: string | null | undefined;
  email: string;
  /** The 6-digit code the authenticator app shows. */
  otp: string;
  /** MfaSetup.session from confirmUser, login or recoverAccount. */
  session: string;
};

export type ConfirmReplaceAuthenticatorInput = {
  /** A name for the authenticator, shown nowhere but Cognito. */
  deviceName?: string | null | undefined;
  /** The 6-digit code the new authenticator app shows. */
  otp: string;
  /** MfaSetup.session from replaceAuthenticator: the archived QR code follows the new authenticator. */
  session?: string | null | undefined;
};

export type ConfirmUserInput = {
  email: string;
  newPassword: string;
  /** The temporary password from the invitation e-mail. */
  temporaryPassword: string;
};

export type CreateUserInput = {
  email: string;
  fullName: string;
  /** E.164, for example +447700900123. */
  phoneNumber?: string | null | undefined;
};

export type DeletePasskeyInput = {
  /** Passkey.id, as listPasskeys shows it. */
  credentialId: string;
};

export type DeliveryStatus =
  | 'MFA_QR_CODE_SENT'
  | 'TEMPORARY_PASSWORD_SENT';

export type FinishPasskeyRegistrationInput = {
  /** JSON of the PublicKeyCredential navigator.credentials.create() returned (credential.toJSON()). */
  credential: string;
};

export type FinishPasskeySignInInput = {
  /** JSON of the PublicKeyCredential navigator.credentials.get() returned (credential.toJSON()). */
  credential: string;
  email: string;
  /** PasskeySignInChallenge.session from startPasskeySignIn. */
  session: string;
};

export type ForgotPasswordInput = {
  email: string;
};

export type LoginInput = {
  email: string;
  password: string;
};

export type MfaStatus =
  | 'CONFIRMED';

export type PasskeyStatus =
  | 'DELETED';

export type PasswordStatus =
  | 'NEW_PASSWORD_SET_SUCCESSFULLY'
  | 'PASSWORD_CHANGED'
  | 'PASSWORD_FORGOT_CONFIRMATION_SENT';

export type RecoverAccountInput = {
  email: string;
  password: string;
  /** One of the recovery codes from confirmMfa or regenerateRecoveryCodes, for example 7kq2m-x9d4h. */
  recoveryCode: string;
};

export type RefreshTokensInput = {
  refreshToken: string;
};

export type ResendMfaQrCodeInput = {
  email: string;
  password: string;
};

export type ResendTemporaryPasswordInput = {
  email: string;
};

export type SessionStatus =
  | 'LOGGED_OUT';

export type StartPasskeySignInInput = {
  email: string;
};

/** Fields left out are unchanged. */
export type UpdateProfileInput = {
  familyName?: string | null | undefined;
  fullName?: string | null | undefined;
  givenName?: string | null | undefined;
  /** E.164, for example +447700900123. */
  phoneNumber?: string | null | undefined;
};

export type VerificationType =
  /** MFA enrolment was never finished: scan mfaSetup and call confirmMfa. */
  | 'MFA_SETUP'
  /** The user still has a temporary password: call confirmUser. */
  | 'NEW_PASSWORD_REQUIRED'
  /** Send the authenticator code with verifyMfa. */
  | 'SOFTWARE_TOKEN_MFA';

export type VerifyMfaInput = {
  email: string;
  otp: string;
  verificationSession: string;
};

export type ChangePasswordMutationVariables = Exact<{
  input: ChangePasswordInput;
  accessToken?: string | null | undefined;
}>;


export type ChangePasswordMutation = { changePassword: { status: PasswordStatus, sessionsEnded: boolean } };

export type ConfirmForgotPasswordMutationVariables = Exact<{
  input: ConfirmForgotPasswordInput;
}>;


export type ConfirmForgotPasswordMutation = { confirmForgotPassword: { email: string, status: PasswordStatus } };

export type ConfirmMfaMutationVariables = Exact<{
  input: ConfirmMfaInput;
}>;


export type ConfirmMfaMutation = { confirmMfa: { userId: string, email: string, mfaStatus: MfaStatus, recoveryCodes: Array<string> | null, tokens: { idToken: string, accessToken: string, refreshToken: string, expiresIn: number, tokenType: string } } };

export type ConfirmReplaceAuthenticatorMutationVariables = Exact<{
  input: ConfirmReplaceAuthenticatorInput;
  accessToken?: string | null | undefined;
}>;


export type ConfirmReplaceAuthenticatorMutation = { confirmReplaceAuthenticator: { mfaStatus: MfaStatus, status: SessionStatus } };

export type ConfirmUserMutationVariables = Exact<{
  input: ConfirmUserInput;
}>;


export type ConfirmUserMutation = { confirmUser: { userId: string, email: string, status: AccountStatus, mfaSetup: { session: string, secretCode: string, otpauthUri: string, qrCodeDataUrl: string, qrCodeUrl: string | null, qrCodeExpiresAt: string | null } } };

export type CreateUserMutationVariables = Exact<{
  input: CreateUserInput;
}>;


export type CreateUserMutation = { createUser: { userId: string | null, email: string, status: AccountStatus } };

export type DeleteMeMutationVariables = Exact<{
  accessToken?: string | null | undefined;
}>;


export type DeleteMeMutation = { deleteMe: { userId: string, email: string, status: AccountStatus } };

export type DeletePasskeyMutationVariables = Exact<{
  input: DeletePasskeyInput;
  accessToken?: string | null | undefined;
}>;


export type DeletePasskeyMutation = { deletePasskey: { credentialId: string, status: PasskeyStatus } };

export type FinishPasskeyRegistrationMutationVariables = Exact<{
  input: FinishPasskeyRegistrationInput;
  accessToken?: string | null | undefined;
}>;


export type FinishPasskeyRegistrationMutation = { finishPasskeyRegistration: { id: string, name: string, created: string, relyingPartyId: string, authenticatorAttachment: string | null, transports: Array<string> } };

export type FinishPasskeySignInMutationVariables = Exact<{
  input: FinishPasskeySignInInput;
}>;


export type FinishPasskeySignInMutation = { finishPasskeySignIn: { idToken: string, accessToken: string, refreshToken: string, expiresIn: number, tokenType: string } };

export type ForgotPasswordMutationVariables = Exact<{
  input: ForgotPasswordInput;
}>;


export type ForgotPasswordMutation = { forgotPassword: { email: string, status: PasswordStatus, deliveryDestination: string | null } };

export type ListPasskeysQueryVariables = Exact<{
  accessToken?: string | null | undefined;
  nextToken?: string | null | undefined;
}>;


export type ListPasskeysQuery = { listPasskeys: { nextToken: string | null, passkeys: Array<{ id: string, name: string, created: string, relyingPartyId: string, authenticatorAttachment: string | null, transports: Array<string> }> } };

export type LoginMutationVariables = Exact<{
  input: LoginInput;
}>;


export type LoginMutation = { login: { email: string, verificationType: VerificationType, verificationSession: string, mfaSetup: { session: string, secretCode: string, otpauthUri: string, qrCodeDataUrl: string, qrCodeUrl: string | null, qrCodeExpiresAt: string | null } | null } };

export type LogoutMutationVariables = Exact<{
  accessToken?: string | null | undefined;
}>;


export type LogoutMutation = { logout: { status: SessionStatus } };

export type MeQueryVariables = Exact<{
  accessToken?: string | null | undefined;
}>;


export type MeQuery = { me: { userId: string, email: string, emailVerified: boolean, fullName: string | null, givenName: string | null, familyName: string | null, phoneNumber: string | null, groups: Array<string>, mfaEnabled: boolean } };

export type RecoverAccountMutationVariables = Exact<{
  input: RecoverAccountInput;
}>;


export type RecoverAccountMutation = { recoverAccount: { email: string, verificationType: VerificationType, verificationSession: string, mfaSetup: { session: string, secretCode: string, otpauthUri: string, qrCodeDataUrl: string, qrCodeUrl: string | null, qrCodeExpiresAt: string | null } | null } };

export type RefreshTokensMutationVariables = Exact<{
  input: RefreshTokensInput;
}>;


export type RefreshTokensMutation = { refreshTokens: { idToken: string, accessToken: string, refreshToken: string, expiresIn: number, tokenType: string } };

export type RegenerateRecoveryCodesMutationVariables = Exact<{
  accessToken?: string | null | undefined;
}>;


export type RegenerateRecoveryCodesMutation = { regenerateRecoveryCodes: { recoveryCodes: Array<string> } };

export type ReplaceAuthenticatorMutationVariables = Exact<{
  accessToken?: string | null | undefined;
}>;


export type ReplaceAuthenticatorMutation = { replaceAuthenticator: { session: string, secretCode: string, otpauthUri: string, qrCodeDataUrl: string, qrCodeUrl: string | null, qrCodeExpiresAt: string | null } };

export type ResendMfaQrCodeMutationVariables = Exact<{
  input: ResendMfaQrCodeInput;
}>;


export type ResendMfaQrCodeMutation = { resendMfaQrCode: { email: string, status: DeliveryStatus } };

export type ResendTemporaryPasswordMutationVariables = Exact<{
  input: ResendTemporaryPasswordInput;
}>;


export type ResendTemporaryPasswordMutation = { resendTemporaryPassword: { email: string, status: DeliveryStatus } };

export type StartPasskeyRegistrationMutationVariables = Exact<{
  accessToken?: string | null | undefined;
}>;


export type StartPasskeyRegistrationMutation = { startPasskeyRegistration: { options: string } };

export type StartPasskeySignInMutationVariables = Exact<{
  input: StartPasskeySignInInput;
}>;


export type StartPasskeySignInMutation = { startPasskeySignIn: { email: string, options: string, session: string } };

export type UpdateProfileMutationVariables = Exact<{
  input: UpdateProfileInput;
  accessToken?: string | null | undefined;
}>;


export type UpdateProfileMutation = { updateProfile: { userId: string, email: string, emailVerified: boolean, fullName: string | null, givenName: string | null, familyName: string | null, phoneNumber: string | null, groups: Array<string>, mfaEnabled: boolean } };

export type VerifyMfaMutationVariables = Exact<{
  input: VerifyMfaInput;
}>;


export type VerifyMfaMutation = { verifyMfa: { idToken: string, accessToken: string, refreshToken: string, expiresIn: number, tokenType: string } };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}

export const ChangePasswordDocument = new TypedDocumentString(`
    mutation changePassword($input: ChangePasswordInput!, $accessToken: String) {
  changePassword(input: $input, accessToken: $accessToken) {
    status
    sessionsEnded
  }
}
    `) as unknown as TypedDocumentString<ChangePasswordMutation, ChangePasswordMutationVariables>;
export const ConfirmForgotPasswordDocument = new TypedDocumentString(`
    mutation confirmForgotPassword($input: ConfirmForgotPasswordInput!) {
  confirmForgotPassword(input: $input) {
    email
    status
  }
}
    `) as unknown as TypedDocumentString<ConfirmForgotPasswordMutation, ConfirmForgotPasswordMutationVariables>;
export const ConfirmMfaDocument = new TypedDocumentString(`
    mutation confirmMfa($input: ConfirmMfaInput!) {
  confirmMfa(input: $input) {
    userId
    email
    mfaStatus
    tokens {
      idToken
      accessToken
      refreshToken
      expiresIn
      tokenType
    }
    recoveryCodes
  }
}
    `) as unknown as TypedDocumentString<ConfirmMfaMutation, ConfirmMfaMutationVariables>;
export const ConfirmReplaceAuthenticatorDocument = new TypedDocumentString(`
    mutation confirmReplaceAuthenticator($input: ConfirmReplaceAuthenticatorInput!, $accessToken: String) {
  confirmReplaceAuthenticator(input: $input, accessToken: $accessToken) {
    mfaStatus
    status
  }
}
    `) as unknown as TypedDocumentString<ConfirmReplaceAuthenticatorMutation, ConfirmReplaceAuthenticatorMutationVariables>;
export const ConfirmUserDocument = new TypedDocumentString(`
    mutation confirmUser($input: ConfirmUserInput!) {
  confirmUser(input: $input) {
    userId
    email
    status
    mfaSetup {
      session
      secretCode
      otpauthUri
      qrCodeDataUrl
      qrCodeUrl
      qrCodeExpiresAt
    }
  }
}
    `) as unknown as TypedDocumentString<ConfirmUserMutation, ConfirmUserMutationVariables>;
export const CreateUserDocument = new TypedDocumentString(`
    mutation createUser($input: CreateUserInput!) {
  createUser(input: $input) {
    userId
    email
    status
  }
}
    `) as unknown as TypedDocumentString<CreateUserMutation, CreateUserMutationVariables>;
export const DeleteMeDocument = new TypedDocumentString(`
    mutation deleteMe($accessToken: String) {
  deleteMe(accessToken: $accessToken) {
    userId
    email
    status
  }
}
    `) as unknown as TypedDocumentString<DeleteMeMutation, DeleteMeMutationVariables>;
export const DeletePasskeyDocument = new TypedDocumentString(`
    mutation deletePasskey($input: DeletePasskeyInput!, $accessToken: String) {
  deletePasskey(input: $input, accessToken: $accessToken) {
    credentialId
    status
  }
}
    `) as unknown as TypedDocumentString<DeletePasskeyMutation, DeletePasskeyMutationVariables>;
export const FinishPasskeyRegistrationDocument = new TypedDocumentString(`
    mutation finishPasskeyRegistration($input: FinishPasskeyRegistrationInput!, $accessToken: String) {
  finishPasskeyRegistration(input: $input, accessToken: $accessToken) {
    id
    name
    created
    relyingPartyId
    authenticatorAttachment
    transports
  }
}
    `) as unknown as TypedDocumentString<FinishPasskeyRegistrationMutation, FinishPasskeyRegistrationMutationVariables>;
export const FinishPasskeySignInDocument = new TypedDocumentString(`
    mutation finishPasskeySignIn($input: FinishPasskeySignInInput!) {
  finishPasskeySignIn(input: $input) {
    idToken
    accessToken
    refreshToken
    expiresIn
    tokenType
  }
}
    `) as unknown as TypedDocumentString<FinishPasskeySignInMutation, FinishPasskeySignInMutationVariables>;
export const ForgotPasswordDocument = new TypedDocumentString(`
    mutation forgotPassword($input: ForgotPasswordInput!) {
  forgotPassword(input: $input) {
    email
    status
    deliveryDestination
  }
}
    `) as unknown as TypedDocumentString<ForgotPasswordMutation, ForgotPasswordMutationVariables>;
export const ListPasskeysDocument = new TypedDocumentString(`
    query listPasskeys($accessToken: String, $nextToken: String) {
  listPasskeys(accessToken: $accessToken, nextToken: $nextToken) {
    passkeys {
      id
      name
      created
      relyingPartyId
      authenticatorAttachment
      transports
    }
    nextToken
  }
}
    `) as unknown as TypedDocumentString<ListPasskeysQuery, ListPasskeysQueryVariables>;
export const LoginDocument = new TypedDocumentString(`
    mutation login($input: LoginInput!) {
  login(input: $input) {
    email
    verificationType
    verificationSession
    mfaSetup {
      session
      secretCode
      otpauthUri
      qrCodeDataUrl
      qrCodeUrl
      qrCodeExpiresAt
    }
  }
}
    `) as unknown as TypedDocumentString<LoginMutation, LoginMutationVariables>;
export const LogoutDocument = new TypedDocumentString(`
    mutation logout($accessToken: String) {
  logout(accessToken: $accessToken) {
    status
  }
}
    `) as unknown as TypedDocumentString<LogoutMutation, LogoutMutationVariables>;
export const MeDocument = new TypedDocumentString(`
    query me($accessToken: String) {
  me(accessToken: $accessToken) {
    userId
    email
    emailVerified
    fullName
    givenName
    familyName
    phoneNumber
    groups
    mfaEnabled
  }
}
    `) as unknown as TypedDocumentString<MeQuery, MeQueryVariables>;
export const RecoverAccountDocument = new TypedDocumentString(`
    mutation recoverAccount($input: RecoverAccountInput!) {
  recoverAccount(input: $input) {
    email
    verificationType
    verificationSession
    mfaSetup {
      session
      secretCode
      otpauthUri
      qrCodeDataUrl
      qrCodeUrl
      qrCodeExpiresAt
    }
  }
}
    `) as unknown as TypedDocumentString<RecoverAccountMutation, RecoverAccountMutationVariables>;
export const RefreshTokensDocument = new TypedDocumentString(`
    mutation refreshTokens($input: RefreshTokensInput!) {
  refreshTokens(input: $input) {
    idToken
    accessToken
    refreshToken
    expiresIn
    tokenType
  }
}
    `) as unknown as TypedDocumentString<RefreshTokensMutation, RefreshTokensMutationVariables>;
export const RegenerateRecoveryCodesDocument = new TypedDocumentString(`
    mutation regenerateRecoveryCodes($accessToken: String) {
  regenerateRecoveryCodes(accessToken: $accessToken) {
    recoveryCodes
  }
}
    `) as unknown as TypedDocumentString<RegenerateRecoveryCodesMutation, RegenerateRecoveryCodesMutationVariables>;
export const ReplaceAuthenticatorDocument = new TypedDocumentString(`
    mutation replaceAuthenticator($accessToken: String) {
  replaceAuthenticator(accessToken: $accessToken) {
    session
    secretCode
    otpauthUri
    qrCodeDataUrl
    qrCodeUrl
    qrCodeExpiresAt
  }
}
    `) as unknown as TypedDocumentString<ReplaceAuthenticatorMutation, ReplaceAuthenticatorMutationVariables>;
export const ResendMfaQrCodeDocument = new TypedDocumentString(`
    mutation resendMfaQrCode($input: ResendMfaQrCodeInput!) {
  resendMfaQrCode(input: $input) {
    email
    status
  }
}
    `) as unknown as TypedDocumentString<ResendMfaQrCodeMutation, ResendMfaQrCodeMutationVariables>;
export const ResendTemporaryPasswordDocument = new TypedDocumentString(`
    mutation resendTemporaryPassword($input: ResendTemporaryPasswordInput!) {
  resendTemporaryPassword(input: $input) {
    email
    status
  }
}
    `) as unknown as TypedDocumentString<ResendTemporaryPasswordMutation, ResendTemporaryPasswordMutationVariables>;
export const StartPasskeyRegistrationDocument = new TypedDocumentString(`
    mutation startPasskeyRegistration($accessToken: String) {
  startPasskeyRegistration(accessToken: $accessToken) {
    options
  }
}
    `) as unknown as TypedDocumentString<StartPasskeyRegistrationMutation, StartPasskeyRegistrationMutationVariables>;
export const StartPasskeySignInDocument = new TypedDocumentString(`
    mutation startPasskeySignIn($input: StartPasskeySignInInput!) {
  startPasskeySignIn(input: $input) {
    email
    options
    session
  }
}
    `) as unknown as TypedDocumentString<StartPasskeySignInMutation, StartPasskeySignInMutationVariables>;
export const UpdateProfileDocument = new TypedDocumentString(`
    mutation updateProfile($input: UpdateProfileInput!, $accessToken: String) {
  updateProfile(input: $input, accessToken: $accessToken) {
    userId
    email
    emailVerified
    fullName
    givenName
    familyName
    phoneNumber
    groups
    mfaEnabled
  }
}
    `) as unknown as TypedDocumentString<UpdateProfileMutation, UpdateProfileMutationVariables>;
export const VerifyMfaDocument = new TypedDocumentString(`
    mutation verifyMfa($input: VerifyMfaInput!) {
  verifyMfa(input: $input) {
    idToken
    accessToken
    refreshToken
    expiresIn
    tokenType
  }
}
    `) as unknown as TypedDocumentString<VerifyMfaMutation, VerifyMfaMutationVariables>;