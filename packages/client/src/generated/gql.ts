/* eslint-disable */
import * as types from './graphql.js';



/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "mutation changePassword($input: ChangePasswordInput!, $accessToken: String) {\n  changePassword(input: $input, accessToken: $accessToken) {\n    status\n    sessionsEnded\n  }\n}": typeof types.ChangePasswordDocument,
    "mutation confirmForgotPassword($input: ConfirmForgotPasswordInput!) {\n  confirmForgotPassword(input: $input) {\n    email\n    status\n  }\n}": typeof types.ConfirmForgotPasswordDocument,
    "mutation confirmMfa($input: ConfirmMfaInput!) {\n  confirmMfa(input: $input) {\n    userId\n    email\n    mfaStatus\n    tokens {\n      idToken\n      accessToken\n      refreshToken\n      expiresIn\n      tokenType\n    }\n    recoveryCodes\n  }\n}": typeof types.ConfirmMfaDocument,
    "mutation confirmReplaceAuthenticator($input: ConfirmReplaceAuthenticatorInput!, $accessToken: String) {\n  confirmReplaceAuthenticator(input: $input, accessToken: $accessToken) {\n    mfaStatus\n    status\n  }\n}": typeof types.ConfirmReplaceAuthenticatorDocument,
    "mutation confirmUser($input: ConfirmUserInput!) {\n  confirmUser(input: $input) {\n    userId\n    email\n    status\n    mfaSetup {\n      session\n      secretCode\n      otpauthUri\n      qrCodeDataUrl\n      qrCodeUrl\n      qrCodeExpiresAt\n    }\n  }\n}": typeof types.ConfirmUserDocument,
    "mutation createUser($input: CreateUserInput!) {\n  createUser(input: $input) {\n    userId\n    email\n    status\n  }\n}": typeof types.CreateUserDocument,
    "mutation deleteMe($accessToken: String) {\n  deleteMe(accessToken: $accessToken) {\n    userId\n    email\n    status\n  }\n}": typeof types.DeleteMeDocument,
    "mutation deletePasskey($input: DeletePasskeyInput!, $accessToken: String) {\n  deletePasskey(input: $input, accessToken: $accessToken) {\n    credentialId\n    status\n  }\n}": typeof types.DeletePasskeyDocument,
    "mutation finishPasskeyRegistration($input: FinishPasskeyRegistrationInput!, $accessToken: String) {\n  finishPasskeyRegistration(input: $input, accessToken: $accessToken) {\n    id\n    name\n    created\n    relyingPartyId\n    authenticatorAttachment\n    transports\n  }\n}": typeof types.FinishPasskeyRegistrationDocument,
    "mutation finishPasskeySignIn($input: FinishPasskeySignInInput!) {\n  finishPasskeySignIn(input: $input) {\n    idToken\n    accessToken\n    refreshToken\n    expiresIn\n    tokenType\n  }\n}": typeof types.FinishPasskeySignInDocument,
    "mutation forgotPassword($input: ForgotPasswordInput!) {\n  forgotPassword(input: $input) {\n    email\n    status\n    deliveryDestination\n  }\n}": typeof types.ForgotPasswordDocument,
    "query listPasskeys($accessToken: String, $nextToken: String) {\n  listPasskeys(accessToken: $accessToken, nextToken: $nextToken) {\n    passkeys {\n      id\n      name\n      created\n      relyingPartyId\n      authenticatorAttachment\n      transports\n    }\n    nextToken\n  }\n}": typeof types.ListPasskeysDocument,
    "mutation login($input: LoginInput!) {\n  login(input: $input) {\n    email\n    verificationType\n    verificationSession\n    mfaSetup {\n      session\n      secretCode\n      otpauthUri\n      qrCodeDataUrl\n      qrCodeUrl\n      qrCodeExpiresAt\n    }\n  }\n}": typeof types.LoginDocument,
    "mutation logout($accessToken: String) {\n  logout(accessToken: $accessToken) {\n    status\n  }\n}": typeof types.LogoutDocument,
    "query me($accessToken: String) {\n  me(accessToken: $accessToken) {\n    userId\n    email\n    emailVerified\n    fullName\n    givenName\n    familyName\n    phoneNumber\n    groups\n    mfaEnabled\n  }\n}": typeof types.MeDocument,
    "mutation recoverAccount($input: RecoverAccountInput!) {\n  recoverAccount(input: $input) {\n    email\n    verificationType\n    verificationSession\n    mfaSetup {\n      session\n      secretCode\n      otpauthUri\n      qrCodeDataUrl\n      qrCodeUrl\n      qrCodeExpiresAt\n    }\n  }\n}": typeof types.RecoverAccountDocument,
    "mutation refreshTokens($input: RefreshTokensInput!) {\n  refreshTokens(input: $input) {\n    idToken\n    accessToken\n    refreshToken\n    expiresIn\n    tokenType\n  }\n}": typeof types.RefreshTokensDocument,
    "mutation regenerateRecoveryCodes($accessToken: String) {\n  regenerateRecoveryCodes(accessToken: $accessToken) {\n    recoveryCodes\n  }\n}": typeof types.RegenerateRecoveryCodesDocument,
    "mutation replaceAuthenticator($accessToken: String) {\n  replaceAuthenticator(accessToken: $accessToken) {\n    session\n    secretCode\n    otpauthUri\n    qrCodeDataUrl\n    qrCodeUrl\n    qrCodeExpiresAt\n  }\n}": typeof types.ReplaceAuthenticatorDocument,
    "mutation resendMfaQrCode($input: ResendMfaQrCodeInput!) {\n  resendMfaQrCode(input: $input) {\n    email\n    status\n  }\n}": typeof types.ResendMfaQrCodeDocument,
    "mutation resendTemporaryPassword($input: ResendTemporaryPasswordInput!) {\n  resendTemporaryPassword(input: $input) {\n    email\n    status\n  }\n}": typeof types.ResendTemporaryPasswordDocument,
    "mutation startPasskeyRegistration($accessToken: String) {\n  startPasskeyRegistration(accessToken: $accessToken) {\n    options\n  }\n}": typeof types.StartPasskeyRegistrationDocument,
    "mutation startPasskeySignIn($input: StartPasskeySignInInput!) {\n  startPasskeySignIn(input: $input) {\n    email\n    options\n    session\n  }\n}": typeof types.StartPasskeySignInDocument,
    "mutation updateProfile($input: UpdateProfileInput!, $accessToken: String) {\n  updateProfile(input: $input, accessToken: $accessToken) {\n    userId\n    email\n    emailVerified\n    fullName\n    givenName\n    familyName\n    phoneNumber\n    groups\n    mfaEnabled\n  }\n}": typeof types.UpdateProfileDocument,
    "mutation verifyMfa($input: VerifyMfaInput!) {\n  verifyMfa(input: $input) {\n    idToken\n    accessToken\n    refreshToken\n    expiresIn\n    tokenType\n  }\n}": typeof types.VerifyMfaDocument,
};
const documents: Documents = {
    "mutation changePassword($input: ChangePasswordInput!, $accessToken: String) {\n  changePassword(input: $input, accessToken: $accessToken) {\n    status\n    sessionsEnded\n  }\n}": types.ChangePasswordDocument,
    "mutation confirmForgotPassword($input: ConfirmForgotPasswordInput!) {\n  confirmForgotPassword(input: $input) {\n    email\n    status\n  }\n}": types.ConfirmForgotPasswordDocument,
    "mutation confirmMfa($input: ConfirmMfaInput!) {\n  confirmMfa(input: $input) {\n    userId\n    email\n    mfaStatus\n    tokens {\n      idToken\n      accessToken\n      refreshToken\n      expiresIn\n      tokenType\n    }\n    recoveryCodes\n  }\n}": types.ConfirmMfaDocument,
    "mutation confirmReplaceAuthenticator($input: ConfirmReplaceAuthenticatorInput!, $accessToken: String) {\n  confirmReplaceAuthenticator(input: $input, accessToken: $accessToken) {\n    mfaStatus\n    status\n  }\n}": types.ConfirmReplaceAuthenticatorDocument,
    "mutation confirmUser($input: ConfirmUserInput!) {\n  confirmUser(input: $input) {\n    userId\n    email\n    status\n    mfaSetup {\n      session\n      secretCode\n      otpauthUri\n      qrCodeDataUrl\n      qrCodeUrl\n      qrCodeExpiresAt\n    }\n  }\n}": types.ConfirmUserDocument,
    "mutation createUser($input: CreateUserInput!) {\n  createUser(input: $input) {\n    userId\n    email\n    status\n  }\n}": types.CreateUserDocument,
    "mutation deleteMe($accessToken: String) {\n  deleteMe(accessToken: $accessToken) {\n    userId\n    email\n    status\n  }\n}": types.DeleteMeDocument,
    "mutation deletePasskey($input: DeletePasskeyInput!, $accessToken: String) {\n  deletePasskey(input: $input, accessToken: $accessToken) {\n    credentialId\n    status\n  }\n}": types.DeletePasskeyDocument,
    "mutation finishPasskeyRegistration($input: FinishPasskeyRegistrationInput!, $accessToken: String) {\n  finishPasskeyRegistration(input: $input, accessToken: $accessToken) {\n    id\n    name\n    created\n    relyingPartyId\n    authenticatorAttachment\n    transports\n  }\n}": types.FinishPasskeyRegistrationDocument,
    "mutation finishPasskeySignIn($input: FinishPasskeySignInInput!) {\n  finishPasskeySignIn(input: $input) {\n    idToken\n    accessToken\n    refreshToken\n    expiresIn\n    tokenType\n  }\n}": types.FinishPasskeySignInDocument,
    "mutation forgotPassword($input: ForgotPasswordInput!) {\n  forgotPassword(input: $input) {\n    email\n    status\n    deliveryDestination\n  }\n}": types.ForgotPasswordDocument,
    "query listPasskeys($accessToken: String, $nextToken: String) {\n  listPasskeys(accessToken: $accessToken, nextToken: $nextToken) {\n    passkeys {\n      id\n      name\n      created\n      relyingPartyId\n      authenticatorAttachment\n      transports\n    }\n    nextToken\n  }\n}": types.ListPasskeysDocument,
    "mutation login($input: LoginInput!) {\n  login(input: $input) {\n    email\n    verificationType\n    verificationSession\n    mfaSetup {\n      session\n      secretCode\n      otpauthUri\n      qrCodeDataUrl\n      qrCodeUrl\n      qrCodeExpiresAt\n    }\n  }\n}": types.LoginDocument,
    "mutation logout($accessToken: String) {\n  logout(accessToken: $accessToken) {\n    status\n  }\n}": types.LogoutDocument,
    "query me($accessToken: String) {\n  me(accessToken: $accessToken) {\n    userId\n    email\n    emailVerified\n    fullName\n    givenName\n    familyName\n    phoneNumber\n    groups\n    mfaEnabled\n  }\n}": types.MeDocument,
    "mutation recoverAccount($input: RecoverAccountInput!) {\n  recoverAccount(input: $input) {\n    email\n    verificationType\n    verificationSession\n    mfaSetup {\n      session\n      secretCode\n      otpauthUri\n      qrCodeDataUrl\n      qrCodeUrl\n      qrCodeExpiresAt\n    }\n  }\n}": types.RecoverAccountDocument,
    "mutation refreshTokens($input: RefreshTokensInput!) {\n  refreshTokens(input: $input) {\n    idToken\n    accessToken\n    refreshToken\n    expiresIn\n    tokenType\n  }\n}": types.RefreshTokensDocument,
    "mutation regenerateRecoveryCodes($accessToken: String) {\n  regenerateRecoveryCodes(accessToken: $accessToken) {\n    recoveryCodes\n  }\n}": types.RegenerateRecoveryCodesDocument,
    "mutation replaceAuthenticator($accessToken: String) {\n  replaceAuthenticator(accessToken: $accessToken) {\n    session\n    secretCode\n    otpauthUri\n    qrCodeDataUrl\n    qrCodeUrl\n    qrCodeExpiresAt\n  }\n}": types.ReplaceAuthenticatorDocument,
    "mutation resendMfaQrCode($input: ResendMfaQrCodeInput!) {\n  resendMfaQrCode(input: $input) {\n    email\n    status\n  }\n}": types.ResendMfaQrCodeDocument,
    "mutation resendTemporaryPassword($input: ResendTemporaryPasswordInput!) {\n  resendTemporaryPassword(input: $input) {\n    email\n    status\n  }\n}": types.ResendTemporaryPasswordDocument,
    "mutation startPasskeyRegistration($accessToken: String) {\n  startPasskeyRegistration(accessToken: $accessToken) {\n    options\n  }\n}": types.StartPasskeyRegistrationDocument,
    "mutation startPasskeySignIn($input: StartPasskeySignInInput!) {\n  startPasskeySignIn(input: $input) {\n    email\n    options\n    session\n  }\n}": types.StartPasskeySignInDocument,
    "mutation updateProfile($input: UpdateProfileInput!, $accessToken: String) {\n  updateProfile(input: $input, accessToken: $accessToken) {\n    userId\n    email\n    emailVerified\n    fullName\n    givenName\n    familyName\n    phoneNumber\n    groups\n    mfaEnabled\n  }\n}": types.UpdateProfileDocument,
    "mutation verifyMfa($input: VerifyMfaInput!) {\n  verifyMfa(input: $input) {\n    idToken\n    accessToken\n    refreshToken\n    expiresIn\n    tokenType\n  }\n}": types.VerifyMfaDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation changePassword($input: ChangePasswordInput!, $accessToken: String) {\n  changePassword(input: $input, accessToken: $accessToken) {\n    status\n    sessionsEnded\n  }\n}"): typeof import('./graphql.js').ChangePasswordDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation confirmForgotPassword($input: ConfirmForgotPasswordInput!) {\n  confirmForgotPassword(input: $input) {\n    email\n    status\n  }\n}"): typeof import('./graphql.js').ConfirmForgotPasswordDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation confirmMfa($input: ConfirmMfaInput!) {\n  confirmMfa(input: $input) {\n    userId\n    email\n    mfaStatus\n    tokens {\n      idToken\n      accessToken\n      refreshToken\n      expiresIn\n      tokenType\n    }\n    recoveryCodes\n  }\n}"): typeof import('./graphql.js').ConfirmMfaDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation confirmReplaceAuthenticator($input: ConfirmReplaceAuthenticatorInput!, $accessToken: String) {\n  confirmReplaceAuthenticator(input: $input, accessToken: $accessToken) {\n    mfaStatus\n    status\n  }\n}"): typeof import('./graphql.js').ConfirmReplaceAuthenticatorDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation confirmUser($input: ConfirmUserInput!) {\n  confirmUser(input: $input) {\n    userId\n    email\n    status\n    mfaSetup {\n      session\n      secretCode\n      otpauthUri\n      qrCodeDataUrl\n      qrCodeUrl\n      qrCodeExpiresAt\n    }\n  }\n}"): typeof import('./graphql.js').ConfirmUserDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation createUser($input: CreateUserInput!) {\n  createUser(input: $input) {\n    userId\n    email\n    status\n  }\n}"): typeof import('./graphql.js').CreateUserDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation deleteMe($accessToken: String) {\n  deleteMe(accessToken: $accessToken) {\n    userId\n    email\n    status\n  }\n}"): typeof import('./graphql.js').DeleteMeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation deletePasskey($input: DeletePasskeyInput!, $accessToken: String) {\n  deletePasskey(input: $input, accessToken: $accessToken) {\n    credentialId\n    status\n  }\n}"): typeof import('./graphql.js').DeletePasskeyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation finishPasskeyRegistration($input: FinishPasskeyRegistrationInput!, $accessToken: String) {\n  finishPasskeyRegistration(input: $input, accessToken: $accessToken) {\n    id\n    name\n    created\n    relyingPartyId\n    authenticatorAttachment\n    transports\n  }\n}"): typeof import('./graphql.js').FinishPasskeyRegistrationDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation finishPasskeySignIn($input: FinishPasskeySignInInput!) {\n  finishPasskeySignIn(input: $input) {\n    idToken\n    accessToken\n    refreshToken\n    expiresIn\n    tokenType\n  }\n}"): typeof import('./graphql.js').FinishPasskeySignInDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation forgotPassword($input: ForgotPasswordInput!) {\n  forgotPassword(input: $input) {\n    email\n    status\n    deliveryDestination\n  }\n}"): typeof import('./graphql.js').ForgotPasswordDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query listPasskeys($accessToken: String, $nextToken: String) {\n  listPasskeys(accessToken: $accessToken, nextToken: $nextToken) {\n    passkeys {\n      id\n      name\n      created\n      relyingPartyId\n      authenticatorAttachment\n      transports\n    }\n    nextToken\n  }\n}"): typeof import('./graphql.js').ListPasskeysDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation login($input: LoginInput!) {\n  login(input: $input) {\n    email\n    verificationType\n    verificationSession\n    mfaSetup {\n      session\n      secretCode\n      otpauthUri\n      qrCodeDataUrl\n      qrCodeUrl\n      qrCodeExpiresAt\n    }\n  }\n}"): typeof import('./graphql.js').LoginDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation logout($accessToken: String) {\n  logout(accessToken: $accessToken) {\n    status\n  }\n}"): typeof import('./graphql.js').LogoutDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query me($accessToken: String) {\n  me(accessToken: $accessToken) {\n    userId\n    email\n    emailVerified\n    fullName\n    givenName\n    familyName\n    phoneNumber\n    groups\n    mfaEnabled\n  }\n}"): typeof import('./graphql.js').MeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation recoverAccount($input: RecoverAccountInput!) {\n  recoverAccount(input: $input) {\n    email\n    verificationType\n    verificationSession\n    mfaSetup {\n      session\n      secretCode\n      otpauthUri\n      qrCodeDataUrl\n      qrCodeUrl\n      qrCodeExpiresAt\n    }\n  }\n}"): typeof import('./graphql.js').RecoverAccountDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation refreshTokens($input: RefreshTokensInput!) {\n  refreshTokens(input: $input) {\n    idToken\n    accessToken\n    refreshToken\n    expiresIn\n    tokenType\n  }\n}"): typeof import('./graphql.js').RefreshTokensDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation regenerateRecoveryCodes($accessToken: String) {\n  regenerateRecoveryCodes(accessToken: $accessToken) {\n    recoveryCodes\n  }\n}"): typeof import('./graphql.js').RegenerateRecoveryCodesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation replaceAuthenticator($accessToken: String) {\n  replaceAuthenticator(accessToken: $accessToken) {\n    session\n    secretCode\n    otpauthUri\n    qrCodeDataUrl\n    qrCodeUrl\n    qrCodeExpiresAt\n  }\n}"): typeof import('./graphql.js').ReplaceAuthenticatorDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation resendMfaQrCode($input: ResendMfaQrCodeInput!) {\n  resendMfaQrCode(input: $input) {\n    email\n    status\n  }\n}"): typeof import('./graphql.js').ResendMfaQrCodeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation resendTemporaryPassword($input: ResendTemporaryPasswordInput!) {\n  resendTemporaryPassword(input: $input) {\n    email\n    status\n  }\n}"): typeof import('./graphql.js').ResendTemporaryPasswordDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation startPasskeyRegistration($accessToken: String) {\n  startPasskeyRegistration(accessToken: $accessToken) {\n    options\n  }\n}"): typeof import('./graphql.js').StartPasskeyRegistrationDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation startPasskeySignIn($input: StartPasskeySignInInput!) {\n  startPasskeySignIn(input: $input) {\n    email\n    options\n    session\n  }\n}"): typeof import('./graphql.js').StartPasskeySignInDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation updateProfile($input: UpdateProfileInput!, $accessToken: String) {\n  updateProfile(input: $input, accessToken: $accessToken) {\n    userId\n    email\n    emailVerified\n    fullName\n    givenName\n    familyName\n    phoneNumber\n    groups\n    mfaEnabled\n  }\n}"): typeof import('./graphql.js').UpdateProfileDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation verifyMfa($input: VerifyMfaInput!) {\n  verifyMfa(input: $input) {\n    idToken\n    accessToken\n    refreshToken\n    expiresIn\n    tokenType\n  }\n}"): typeof import('./graphql.js').VerifyMfaDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
