import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generate } from 'otplib';
import { expect } from 'vitest';
import type { MfaSetup } from '../../functions/lib/mfa';
import type { AuthTokens } from '../../functions/lib/tokens';
import { loadEnvironment } from '../../infra/config';
import { ManualClock, SECOND } from '../../local/cognito/clock';
import { startStack, type LocalStack, type StackOptions } from '../../local/stack';
import { dataOf, errorOf, graphqlClient, Inbox, secretOf, temporaryPasswordOf, type GraphQLAnswer, type Gql } from './client';
import { TEST_PASSWORD_COST, TEST_RECOVERY_CODE_COST } from '../helpers';

/**
 * One offline stack on free ports with a ManualClock, and the steps a front end takes against it,
 * over HTTP only: for flow tests that start from enrolled users rather than walk the sign-up.
 */

export const env = loadEnvironment('dev');
export const PRODUCT = env.mfa.issuer;
const ALL_FREE = { graphql: 0, cognito: 0, s3: 0, ses: 0 };

/** Meets the dev policy: 14+ characters with upper and lower case, a digit and a symbol. */
export const PASSWORD = 'First-Password-1!';

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export const SUBJECTS = {
  invitation: new RegExp(`^Your ${escapeRegExp(PRODUCT)} account$`),
  reset: new RegExp(`^Reset your ${escapeRegExp(PRODUCT)} password$`),
  qrCode: new RegExp(`^Your ${escapeRegExp(PRODUCT)} authenticator QR code$`),
  passwordChanged: new RegExp(`^${escapeRegExp(PRODUCT)}: your password was changed$`),
  passwordReset: new RegExp(`^${escapeRegExp(PRODUCT)}: your password was reset$`),
  authenticatorReplaced: new RegExp(`^${escapeRegExp(PRODUCT)}: your authenticator app was replaced$`),
  recoveryCodeUsed: new RegExp(`^${escapeRegExp(PRODUCT)}: a recovery code was used$`),
  passkeyAdded: new RegExp(`^${escapeRegExp(PRODUCT)}: a passkey was added to your account$`),
  passkeyRemoved: new RegExp(`^${escapeRegExp(PRODUCT)}: a passkey was removed from your account$`),
};

const TOKENS = 'idToken accessToken refreshToken expiresIn tokenType';
const MFA_SETUP = 'session secretCode otpauthUri qrCodeDataUrl qrCodeUrl qrCodeExpiresAt';
const LOGIN = `email verificationType verificationSession mfaSetup { ${MFA_SETUP} }`;

export const Q = {
  createUser: `mutation ($input: CreateUserInput!) { createUser(input: $input) { email status } }`,
  confirmUser: `mutation ($input: ConfirmUserInput!) { confirmUser(input: $input) { userId email status mfaSetup { ${MFA_SETUP} } } }`,
  confirmMfa: `mutation ($input: ConfirmMfaInput!) { confirmMfa(input: $input) { userId email mfaStatus tokens { ${TOKENS} } recoveryCodes } }`,
  login: `mutation ($input: LoginInput!) { login(input: $input) { ${LOGIN} } }`,
  verifyMfa: `mutation ($input: VerifyMfaInput!) { verifyMfa(input: $input) { ${TOKENS} } }`,
  refreshTokens: `mutation ($input: RefreshTokensInput!) { refreshTokens(input: $input) { ${TOKENS} } }`,
  me: `query { me { userId email fullName mfaEnabled } }`,
  logout: `mutation { logout { status } }`,
  forgotPassword: `mutation ($input: ForgotPasswordInput!) { forgotPassword(input: $input) { email status } }`,
  confirmForgotPassword: `mutation ($input: ConfirmForgotPasswordInput!) { confirmForgotPassword(input: $input) { email status } }`,
  changePassword: `mutation ($input: ChangePasswordInput!) { changePassword(input: $input) { status sessionsEnded } }`,
  resendMfaQrCode: `mutation ($input: ResendMfaQrCodeInput!) { resendMfaQrCode(input: $input) { email status } }`,
  updateProfile: `mutation ($input: UpdateProfileInput!) { updateProfile(input: $input) { fullName } }`,
  deleteMe: `mutation { deleteMe { userId status } }`,
  recoverAccount: `mutation ($input: RecoverAccountInput!) { recoverAccount(input: $input) { ${LOGIN} } }`,
  replaceAuthenticator: `mutation { replaceAuthenticator { ${MFA_SETUP} } }`,
  confirmReplaceAuthenticator: `mutation ($input: ConfirmReplaceAuthenticatorInput!) { confirmReplaceAuthenticator(input: $input) { mfaStatus status } }`,
  regenerateRecoveryCodes: `mutation { regenerateRecoveryCodes { recoveryCodes } }`,
  startPasskeySignIn: `mutation ($input: StartPasskeySignInInput!) { startPasskeySignIn(input: $input) { email options session } }`,
  finishPasskeySignIn: `mutation ($input: FinishPasskeySignInInput!) { finishPasskeySignIn(input: $input) { ${TOKENS} } }`,
} as const;

export interface LoginStep {
  email: string;
  verificationType: string;
  verificationSession: string;
  mfaSetup: MfaSetup | null;
}

export interface EnrolledUser {
  email: string;
  password: string;
  userId: string;
  secret: string;
  recoveryCodes: string[];
  tokens: AuthTokens;
}

export class FlowStack {
  readonly clock = new ManualClock(Date.now());
  gql!: Gql;
  inbox!: Inbox;
  stack!: LocalStack;
  private dataDir = '';

  /** `options`: more stack options, e.g. envOverrides, or functionActions to see what a missing IAM action does. */
  async start(options: Omit<StackOptions, 'dataDir' | 'ports' | 'clock'> = {}): Promise<void> {
    this.dataDir = await mkdtemp(join(tmpdir(), 'flow-'));
    this.stack = await startStack({
      passwordCost: TEST_PASSWORD_COST,
      recoveryCodeCost: TEST_RECOVERY_CODE_COST,
      ...options,
      dataDir: this.dataDir,
      ports: ALL_FREE,
      clock: this.clock,
    });
    this.gql = graphqlClient(this.stack.info);
    this.inbox = new Inbox(this.stack.info.mailboxUrl);
  }

  async stop(): Promise<void> {
    await this.stack?.close();
    if (this.dataDir) await rm(this.dataDir, { recursive: true, force: true });
  }

  /** The code an authenticator app with `secret` shows at the stack's time. */
  currentOtp(secret: string): Promise<string> {
    return generate({ secret, epoch: Math.floor(this.clock.now().getTime() / 1000) });
  }

  /** The next 30-second step's code: Cognito refuses a code whose step was already used. */
  nextOtp(secret: string): Promise<string> {
    this.clock.advance(30 * SECOND);
    return this.currentOtp(secret);
  }

  call<T = Record<string, unknown>>(query: string, variables: Record<string, unknown> = {}, token?: string): Promise<GraphQLAnswer<T>> {
    return this.gql<T>(query, variables, { token });
  }

  async data<T>(field: string, query: string, variables: Record<string, unknown> = {}, token?: string): Promise<T> {
    return (dataOf(await this.call(query, variables, token)) as Record<string, T>)[field]!;
  }

  login(email: string, password: string): Promise<LoginStep> {
    return this.data('login', Q.login, { input: { email, password } });
  }

  /** login, then verifyMfa with the next code of `secret`. */
  async signIn(email: string, password: string, secret: string): Promise<AuthTokens> {
    const step = await this.login(email, password);
    expect(step.verificationType).toBe('SOFTWARE_TOKEN_MFA');
    return this.data('verifyMfa', Q.verifyMfa, { input: { email, verificationSession: step.verificationSession, otp: await this.nextOtp(secret) } });
  }

  /** Finishes an MFA_SETUP step with the next code of its secret: tokens and recovery codes. */
  async finishEnrolment(email: string, setup: MfaSetup) {
    return this.data<{ userId: string; tokens: AuthTokens; recoveryCodes: string[] | null }>('confirmMfa', Q.confirmMfa, {
      input: { email, session: setup.session, otp: await this.nextOtp(setup.secretCode) },
    });
  }

  /** createUser, the invitation, confirmUser and confirmMfa: a signed-in, enrolled user. */
  async enrol(email: string, password = PASSWORD): Promise<EnrolledUser> {
    await this.data('createUser', Q.createUser, { input: { email, fullName: 'Flow User' } });
    const temporaryPassword = temporaryPasswordOf(await this.inbox.next(email, SUBJECTS.invitation));
    const confirmed = await this.data<{ mfaSetup: MfaSetup }>('confirmUser', Q.confirmUser, {
      input: { email, temporaryPassword, newPassword: password },
    });
    const finished = await this.finishEnrolment(email, confirmed.mfaSetup);
    expect(finished.recoveryCodes).toHaveLength(10);
    return {
      email,
      password,
      userId: finished.userId,
      secret: secretOf(confirmed.mfaSetup.otpauthUri),
      recoveryCodes: finished.recoveryCodes!,
      tokens: finished.tokens,
    };
  }

  /** The errorType of an answer that must be exactly one error. */
  static errorType(answer: GraphQLAnswer<unknown>): string | null | undefined {
    return errorOf(answer).errorType;
  }
}
