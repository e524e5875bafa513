import { AdminGetUserCommand, CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generate } from 'otplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messages } from '../../functions/lib/errors';
import type { MfaSetup } from '../../functions/lib/mfa';
import type { AuthTokens } from '../../functions/lib/tokens';
import { loadEnvironment } from '../../infra/config';
import { ManualClock, MINUTE, SECOND } from '../../local/cognito/clock';
import { LOCAL_CREDENTIALS } from '../../local/credentials';
import { startStack, type LocalStack } from '../../local/stack';
import {
  codeBlocksOf,
  codeOf,
  dataOf,
  decodeQrDataUrl,
  decodeQrPng,
  errorOf,
  graphqlClient,
  Inbox,
  linkOf,
  secretOf,
  temporaryPasswordOf,
  tokenVerifiers,
  type Gql,
} from './client';
import { TEST_PASSWORD_COST, TEST_RECOVERY_CODE_COST } from '../helpers';

/**
 * Every operation of schema.graphql, driven over HTTP against the offline stack as a front end
 * drives it: e-mails read from the mailbox, QR codes scanned from their PNGs, authenticator codes
 * computed from the scanned secret, tokens checked against the pool's JWKS. The stack's clock is a
 * ManualClock, so each new authenticator code is for a later 30-second step and sessions expire
 * without waiting.
 */

const env = loadEnvironment('dev');
const PRODUCT = env.mfa.issuer;
const ALL_FREE = { graphql: 0, cognito: 0, s3: 0, ses: 0 };
const ADMIN_SCOPE = 'aws.cognito.signin.user.admin';

/** All meet the dev policy: 14+ characters with upper and lower case, a digit and a symbol. */
const PASSWORD = 'First-Password-1!';
const CHANGED_PASSWORD = 'Changed-Password-2#';
const RESET_PASSWORD = 'Reset-Password-3$';

const MESSAGES = messages;

const SUBJECTS = {
  invitation: new RegExp(`^Your ${escapeRegExp(PRODUCT)} account$`),
  reset: new RegExp(`^Reset your ${escapeRegExp(PRODUCT)} password$`),
  qrCode: new RegExp(`^Your ${escapeRegExp(PRODUCT)} authenticator QR code$`),
};

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const TOKENS = 'idToken accessToken refreshToken expiresIn tokenType';
const MFA_SETUP = 'session secretCode otpauthUri qrCodeDataUrl qrCodeUrl qrCodeExpiresAt';
const USER = 'userId email emailVerified fullName givenName familyName phoneNumber groups mfaEnabled';

const Q = {
  createUser: `mutation ($input: CreateUserInput!) { createUser(input: $input) { userId email status } }`,
  confirmUser: `mutation ($input: ConfirmUserInput!) { confirmUser(input: $input) { userId email status mfaSetup { ${MFA_SETUP} } } }`,
  confirmMfa: `mutation ($input: ConfirmMfaInput!) { confirmMfa(input: $input) { userId email mfaStatus tokens { ${TOKENS} } } }`,
  login: `mutation ($input: LoginInput!) { login(input: $input) { email verificationType verificationSession mfaSetup { ${MFA_SETUP} } } }`,
  verifyMfa: `mutation ($input: VerifyMfaInput!) { verifyMfa(input: $input) { ${TOKENS} } }`,
  refreshTokens: `mutation ($input: RefreshTokensInput!) { refreshTokens(input: $input) { ${TOKENS} } }`,
  me: `query ($accessToken: String) { me(accessToken: $accessToken) { ${USER} } }`,
  logout: `mutation ($accessToken: String) { logout(accessToken: $accessToken) { status } }`,
  forgotPassword: `mutation ($input: ForgotPasswordInput!) { forgotPassword(input: $input) { email status deliveryDestination } }`,
  confirmForgotPassword: `mutation ($input: ConfirmForgotPasswordInput!) { confirmForgotPassword(input: $input) { email status } }`,
  changePassword: `mutation ($input: ChangePasswordInput!, $accessToken: String) { changePassword(input: $input, accessToken: $accessToken) { status } }`,
  resendTemporaryPassword: `mutation ($input: ResendTemporaryPasswordInput!) { resendTemporaryPassword(input: $input) { email status } }`,
  resendMfaQrCode: `mutation ($input: ResendMfaQrCodeInput!) { resendMfaQrCode(input: $input) { email status } }`,
  updateProfile: `mutation ($input: UpdateProfileInput!, $accessToken: String) { updateProfile(input: $input, accessToken: $accessToken) { ${USER} } }`,
  deleteMe: `mutation ($accessToken: String) { deleteMe(accessToken: $accessToken) { userId email status } }`,
} as const;

type Tokens = AuthTokens;

interface LoginResult {
  email: string;
  verificationType: string;
  verificationSession: string;
  mfaSetup: MfaSetup | null;
}

const clock = new ManualClock(Date.now());
let dataDir: string;
let stack: LocalStack;
let gql: Gql;
let inbox: Inbox;
let verifiers: ReturnType<typeof tokenVerifiers>;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'flow-'));
  stack = await startStack({ dataDir, ports: ALL_FREE, clock, passwordCost: TEST_PASSWORD_COST, recoveryCodeCost: TEST_RECOVERY_CODE_COST });
  gql = graphqlClient(stack.info);
  inbox = new Inbox(stack.info.mailboxUrl);
  verifiers = tokenVerifiers(stack.info);
});

afterAll(async () => {
  await stack?.close();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

/** The user's id (`sub`), as an administrator reads it: createUser's answer does not carry it. */
async function subOf(email: string): Promise<string> {
  const cognito = new CognitoIdentityProviderClient({
    endpoint: stack.info.cognitoEndpoint,
    region: stack.info.region,
    credentials: LOCAL_CREDENTIALS,
  });
  const user = await cognito.send(new AdminGetUserCommand({ UserPoolId: stack.info.userPoolId, Username: email }));
  const sub = user.UserAttributes?.find((attribute) => attribute.Name === 'sub')?.Value;
  if (!sub) throw new Error(`${email} has no sub.`);
  return sub;
}

/** The code an authenticator app shows now. */
function currentOtp(secret: string): Promise<string> {
  return generate({ secret, epoch: Math.floor(clock.now().getTime() / 1000) });
}

/** The code of the next 30-second step: Cognito refuses a code whose step was already used. */
function nextOtp(secret: string): Promise<string> {
  clock.advance(30 * SECOND);
  return currentOtp(secret);
}

/** A code that is certainly not the current one: the current code with its last digit changed. */
async function wrongOtp(secret: string): Promise<string> {
  const code = await currentOtp(secret);
  return code.slice(0, 5) + String((Number(code[5]) + 1) % 10);
}

async function fetchQrCode(url: string): Promise<{ status: number; contentType: string | null; png: Buffer }> {
  const response = await fetch(url);
  return { status: response.status, contentType: response.headers.get('content-type'), png: Buffer.from(await response.arrayBuffer()) };
}

async function createUser(email: string, fullName: string, phoneNumber?: string) {
  const answer = await gql<{ createUser: { userId: null; email: string; status: string } }>(Q.createUser, {
    input: { email, fullName, phoneNumber },
  });
  return dataOf(answer).createUser;
}

/** Creates a user and reads the temporary password from the invitation; the id is in the pool. */
async function invite(email: string, fullName: string): Promise<{ userId: string; temporaryPassword: string }> {
  await createUser(email, fullName);
  const temporaryPassword = temporaryPasswordOf(await inbox.next(email, SUBJECTS.invitation));
  return { userId: await subOf(email), temporaryPassword };
}

async function confirmUser(email: string, temporaryPassword: string, newPassword: string) {
  return gql<{ confirmUser: { userId: string; email: string; status: string; mfaSetup: MfaSetup } }>(Q.confirmUser, {
    input: { email, temporaryPassword, newPassword },
  });
}

async function confirmMfa(email: string, session: string, otp: string, deviceName?: string) {
  return gql<{ confirmMfa: { userId: string; email: string; mfaStatus: string; tokens: Tokens } }>(Q.confirmMfa, {
    input: { email, session, otp, deviceName },
  });
}

async function login(email: string, password: string) {
  return gql<{ login: LoginResult }>(Q.login, { input: { email, password } });
}

async function verifyMfa(email: string, verificationSession: string, otp: string) {
  return gql<{ verifyMfa: Tokens }>(Q.verifyMfa, { input: { email, verificationSession, otp } });
}

/** login, then verifyMfa with the next code: a full sign-in of a user who has enrolled. */
async function signIn(email: string, password: string, secret: string): Promise<Tokens> {
  const step = dataOf(await login(email, password)).login;
  expect(step.verificationType).toBe('SOFTWARE_TOKEN_MFA');
  return dataOf(await verifyMfa(email, step.verificationSession, await nextOtp(secret))).verifyMfa;
}

async function me(options: { header?: string; argument?: string }) {
  return gql<{ me: Record<string, unknown> }>(Q.me, { accessToken: options.argument }, { token: options.header });
}

/** Checks a token pair from the gateway against the pool's JWKS, and that each is the kind it claims. */
async function expectGenuineTokens(tokens: Tokens, user: { userId: string; email: string }): Promise<void> {
  expect(tokens.tokenType).toBe('Bearer');
  expect(tokens.expiresIn).toBe(env.tokens.accessTokenMinutes * 60);
  const id = await verifiers.id.verify(tokens.idToken);
  expect(id).toMatchObject({ iss: verifiers.issuer, aud: stack.info.clientId, sub: user.userId, email: user.email, token_use: 'id' });
  const access = await verifiers.access.verify(tokens.accessToken);
  expect(access).toMatchObject({ iss: verifiers.issuer, client_id: stack.info.clientId, sub: user.userId, token_use: 'access' });
  expect(String(access.scope).split(' ')).toContain(ADMIN_SCOPE);
  await expect(verifiers.id.verify(tokens.accessToken)).rejects.toThrow();
  await expect(verifiers.access.verify(tokens.idToken)).rejects.toThrow();
  expect(tokens.refreshToken.length).toBeGreaterThan(20);
}

function expectError(answer: { status: number; data: unknown; errors?: unknown[] }, errorType: string, message?: string | RegExp) {
  expect(answer.status).toBe(200);
  const error = errorOf(answer as never);
  expect(error.errorType).toBe(errorType);
  if (typeof message === 'string') expect(error.message).toBe(message);
  else if (message) expect(error.message).toMatch(message);
  return error;
}

describe("a user's whole life, over HTTP", () => {
  const ada = { email: 'ada.lovelace@example.com', fullName: 'Ada Lovelace', userId: '', temporaryPassword: '' };
  let setup: MfaSetup;
  let secret: string;
  let tokens: Tokens;
  /** Every token pair issued before logout: all of them must stop working. */
  const issued: Tokens[] = [];
  let qrLink: string;

  it('createUser answers CREATED and Cognito e-mails the invitation with a temporary password', async () => {
    const created = await createUser(ada.email, ada.fullName);
    // No id in the answer: it would tell a new address from one that has an account.
    expect(created).toEqual({ userId: null, email: ada.email, status: 'CREATED' });

    const invitation = await inbox.next(ada.email, SUBJECTS.invitation);
    expect(invitation.destination.to).toEqual([ada.email]);
    expect(invitation.body.html).toContain(PRODUCT);
    const [username] = codeBlocksOf(invitation);
    expect(username).toBe(ada.email);
    ada.userId = await subOf(ada.email);
    expect(ada.userId).toMatch(/^[0-9a-f-]{36}$/);
    ada.temporaryPassword = temporaryPasswordOf(invitation);
    expect(ada.temporaryPassword.length).toBeGreaterThanOrEqual(env.passwordPolicy.minLength);
  });

  it('confirmUser sets the password and starts MFA enrolment with a secret, a URI and a QR code', async () => {
    const confirmed = dataOf(await confirmUser(ada.email, ada.temporaryPassword, PASSWORD)).confirmUser;
    expect(confirmed).toMatchObject({ userId: ada.userId, email: ada.email, status: 'MFA_SETUP_REQUIRED' });
    setup = confirmed.mfaSetup;
    const uri = new URL(setup.otpauthUri);
    expect(uri.protocol).toBe('otpauth:');
    expect(decodeURIComponent(uri.pathname)).toContain(`${PRODUCT}:${ada.email}`);
    expect(uri.searchParams.get('issuer')).toBe(PRODUCT);
    secret = secretOf(setup.otpauthUri);
    expect(secret).toBe(setup.secretCode);
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(decodeQrDataUrl(setup.qrCodeDataUrl)).toBe(setup.otpauthUri);
    // Not yet the archived code: it waits under pending/ until a code from it is verified.
    expect(setup.qrCodeUrl).toMatch(new RegExp(`^${escapeRegExp(stack.info.s3Endpoint)}/${stack.info.mfaBucket}/mfa-qr/pending/[0-9a-f]{64}\\.png\\?`));
    // The function's clock follows the stack's, which stands still while the test waits: measured
    // from it, the ten minutes hold however long the machine took to get here.
    const expiresIn = Date.parse(setup.qrCodeExpiresAt!) - clock.now().getTime();
    expect(expiresIn).toBeGreaterThanOrEqual(10 * MINUTE);
    expect(expiresIn).toBeLessThan(11 * MINUTE);
  });

  it('the presigned qrCodeUrl serves the PNG, which scans back to exactly the otpauth URI', async () => {
    const qr = await fetchQrCode(setup.qrCodeUrl!);
    expect(qr.status).toBe(200);
    expect(qr.contentType).toBe('image/png');
    expect(decodeQrPng(qr.png)).toBe(setup.otpauthUri);
  });

  it('confirmMfa with the first authenticator code finishes enrolment and returns genuine tokens', async () => {
    const confirmed = dataOf(await confirmMfa(ada.email, setup.session, await nextOtp(secret), 'Ada phone')).confirmMfa;
    expect(confirmed).toMatchObject({ userId: ada.userId, email: ada.email, mfaStatus: 'CONFIRMED' });
    await expectGenuineTokens(confirmed.tokens, ada);
    const id = await verifiers.id.verify(confirmed.tokens.idToken);
    expect(id).toMatchObject({ name: ada.fullName, email_verified: true });
    tokens = confirmed.tokens;
    issued.push(tokens);
  });

  it('login asks for the authenticator code, and verifyMfa returns genuine tokens', async () => {
    const step = dataOf(await login(ada.email, PASSWORD)).login;
    expect(step).toMatchObject({ email: ada.email, verificationType: 'SOFTWARE_TOKEN_MFA', mfaSetup: null });
    expect(step.verificationSession.length).toBeGreaterThan(20);
    tokens = dataOf(await verifyMfa(ada.email, step.verificationSession, await nextOtp(secret))).verifyMfa;
    await expectGenuineTokens(tokens, ada);
    issued.push(tokens);
  });

  it('me answers the profile with the token in the Authorization header or the accessToken argument', async () => {
    const profile = {
      userId: ada.userId,
      email: ada.email,
      emailVerified: true,
      fullName: ada.fullName,
      givenName: null,
      familyName: null,
      phoneNumber: null,
      groups: [],
      mfaEnabled: true,
    };
    expect(dataOf(await me({ header: tokens.accessToken })).me).toEqual(profile);
    expect(dataOf(await me({ argument: tokens.accessToken })).me).toEqual(profile);
    // The argument wins over the header.
    expect(dataOf(await me({ header: 'not-a-token', argument: tokens.accessToken })).me).toEqual(profile);
    expectError(await me({}), 'NotAuthorized', /needs the user's access token/);
    expectError(await me({ header: `${tokens.accessToken.slice(0, -4)}AAAA` }), 'NotAuthorized', MESSAGES.badToken);
  });

  it('refreshTokens returns new genuine id and access tokens and keeps the refresh token', async () => {
    const refreshed = dataOf(await gql<{ refreshTokens: Tokens }>(Q.refreshTokens, { input: { refreshToken: tokens.refreshToken } })).refreshTokens;
    expect(refreshed.refreshToken).toBe(tokens.refreshToken);
    expect(refreshed.accessToken).not.toBe(tokens.accessToken);
    expect(refreshed.idToken).not.toBe(tokens.idToken);
    await expectGenuineTokens(refreshed, ada);
    expect(dataOf(await me({ header: refreshed.accessToken })).me).toMatchObject({ userId: ada.userId });
    tokens = refreshed;
    issued.push(tokens);
  });

  it('changePassword changes it: the new password signs in, the old one fails NotAuthorized', async () => {
    const changed = await gql<{ changePassword: { status: string } }>(
      Q.changePassword,
      { input: { oldPassword: PASSWORD, newPassword: CHANGED_PASSWORD } },
      { token: tokens.accessToken },
    );
    expect(dataOf(changed).changePassword).toEqual({ status: 'PASSWORD_CHANGED' });
    expectError(await login(ada.email, PASSWORD), 'NotAuthorized', MESSAGES.badCredentials);
    tokens = await signIn(ada.email, CHANGED_PASSWORD, secret);
    await expectGenuineTokens(tokens, ada);
    issued.push(tokens);
  });

  it('logout signs out everywhere: every access token is refused by me, every refresh token by refreshTokens', async () => {
    const out = await gql<{ logout: { status: string } }>(Q.logout, {}, { token: tokens.accessToken });
    expect(dataOf(out).logout).toEqual({ status: 'LOGGED_OUT' });
    expect(issued.length).toBe(4);
    for (const old of issued) {
      expectError(await me({ header: old.accessToken }), 'NotAuthorized', MESSAGES.badToken);
      const refreshed = await gql(Q.refreshTokens, { input: { refreshToken: old.refreshToken } });
      expectError(refreshed, 'NotAuthorized', MESSAGES.badRefreshToken);
    }
  });

  it('resendMfaQrCode, with the password, e-mails a link whose PNG scans back to the verified otpauth URI', async () => {
    const resent = await gql<{ resendMfaQrCode: Record<string, unknown> }>(Q.resendMfaQrCode, { input: { email: ada.email, password: CHANGED_PASSWORD } });
    expect(dataOf(resent).resendMfaQrCode).toEqual({ email: ada.email, status: 'MFA_QR_CODE_SENT' });
    const mail = await inbox.next(ada.email, SUBJECTS.qrCode);
    qrLink = linkOf(mail);
    // The HTML escapes the link's "&"s; unescaped it is exactly the link in the text part.
    expect(mail.body.html).toContain('&amp;X-Amz-');
    expect(mail.body.text?.split('\n')).toContain(qrLink);
    expect(mail.body.text).toContain('The link works for 10 minutes');
    const qr = await fetchQrCode(qrLink);
    expect(qr.status).toBe(200);
    expect(qr.contentType).toBe('image/png');
    expect(decodeQrPng(qr.png)).toBe(setup.otpauthUri);
  });

  it('forgotPassword e-mails a code that confirmForgotPassword takes with a new password, which then signs in', async () => {
    const asked = await gql<{ forgotPassword: Record<string, unknown> }>(Q.forgotPassword, { input: { email: ada.email } });
    expect(dataOf(asked).forgotPassword).toEqual({
      email: ada.email,
      status: 'PASSWORD_FORGOT_CONFIRMATION_SENT',
      deliveryDestination: 'a***@e***',
    });
    const code = codeOf(await inbox.next(ada.email, SUBJECTS.reset));
    expect(code).toMatch(/^\d{6}$/);

    const confirmed = await gql<{ confirmForgotPassword: Record<string, unknown> }>(Q.confirmForgotPassword, {
      input: { email: ada.email, verificationCode: code, newPassword: RESET_PASSWORD },
    });
    expect(dataOf(confirmed).confirmForgotPassword).toEqual({ email: ada.email, status: 'NEW_PASSWORD_SET_SUCCESSFULLY' });
    expectError(await login(ada.email, CHANGED_PASSWORD), 'NotAuthorized', MESSAGES.badCredentials);
    tokens = await signIn(ada.email, RESET_PASSWORD, secret);
    await expectGenuineTokens(tokens, ada);
  });

  it('resendTemporaryPassword e-mails a new invitation to an unconfirmed user; only its password confirms', async () => {
    const bob = { email: 'bob@example.com' };
    const first = await invite(bob.email, 'Bob Builder');
    const resent = await gql<{ resendTemporaryPassword: Record<string, unknown> }>(Q.resendTemporaryPassword, { input: { email: bob.email } });
    expect(dataOf(resent).resendTemporaryPassword).toEqual({ email: bob.email, status: 'TEMPORARY_PASSWORD_SENT' });
    const second = temporaryPasswordOf(await inbox.next(bob.email, SUBJECTS.invitation));
    expect(second).not.toBe(first.temporaryPassword);

    expectError(await confirmUser(bob.email, first.temporaryPassword, PASSWORD), 'NotAuthorized', MESSAGES.badCredentials);
    const confirmed = dataOf(await confirmUser(bob.email, second, PASSWORD)).confirmUser;
    expect(confirmed).toMatchObject({ userId: first.userId, email: bob.email, status: 'MFA_SETUP_REQUIRED' });
    expect(decodeQrDataUrl(confirmed.mfaSetup.qrCodeDataUrl)).toBe(confirmed.mfaSetup.otpauthUri);
  });

  it('updateProfile changes the name and phone number, and me shows them', async () => {
    const updated = await gql<{ updateProfile: Record<string, unknown> }>(
      Q.updateProfile,
      { input: { fullName: 'Augusta Ada King', phoneNumber: '+447700900123' } },
      { token: tokens.accessToken },
    );
    const expected = { userId: ada.userId, email: ada.email, fullName: 'Augusta Ada King', phoneNumber: '+447700900123', givenName: null };
    expect(dataOf(updated).updateProfile).toMatchObject(expected);
    expect(dataOf(await me({ argument: tokens.accessToken })).me).toMatchObject(expected);
  });

  it('deleteMe deletes the user and the archived QR code: the link 404s and the password no longer signs in', async () => {
    const deleted = await gql<{ deleteMe: Record<string, unknown> }>(Q.deleteMe, {}, { token: tokens.accessToken });
    expect(dataOf(deleted).deleteMe).toEqual({ userId: ada.userId, email: ada.email, status: 'USER_DELETED' });
    expect((await fetchQrCode(qrLink)).status).toBe(404);
    expectError(await login(ada.email, RESET_PASSWORD), 'NotAuthorized', MESSAGES.badCredentials);
    expectError(await me({ header: tokens.accessToken }), 'NotAuthorized', MESSAGES.badToken);
  });
});

describe('edge cases, over HTTP', () => {
  const carol = { email: 'carol@example.com', userId: '' };
  let carolSecret: string;

  it('an enrolment abandoned after confirmUser is recovered by login, with a fresh secret', async () => {
    const invited = await invite(carol.email, 'Carol Shaw');
    carol.userId = invited.userId;
    const abandoned = dataOf(await confirmUser(carol.email, invited.temporaryPassword, PASSWORD)).confirmUser.mfaSetup;

    const step = dataOf(await login(carol.email, PASSWORD)).login;
    expect(step).toMatchObject({ email: carol.email, verificationType: 'MFA_SETUP' });
    const fresh = step.mfaSetup!;
    expect(step.verificationSession).toBe(fresh.session);
    expect(fresh.secretCode).not.toBe(abandoned.secretCode);
    expect(secretOf(fresh.otpauthUri)).toBe(fresh.secretCode);
    expect(decodeQrDataUrl(fresh.qrCodeDataUrl)).toBe(fresh.otpauthUri);
    // The archive holds the new QR code in place of the abandoned one.
    const qr = await fetchQrCode(fresh.qrCodeUrl!);
    expect(qr.status).toBe(200);
    expect(decodeQrPng(qr.png)).toBe(fresh.otpauthUri);

    clock.advance(30 * SECOND);
    const stale = await confirmMfa(carol.email, fresh.session, await currentOtp(abandoned.secretCode));
    expectError(stale, 'CodeMismatch', 'The authenticator code is incorrect.');
    carolSecret = fresh.secretCode;
    const confirmed = dataOf(await confirmMfa(carol.email, fresh.session, await currentOtp(carolSecret))).confirmMfa;
    expect(confirmed).toMatchObject({ userId: carol.userId, email: carol.email, mfaStatus: 'CONFIRMED' });
    await expectGenuineTokens(confirmed.tokens, carol);
  });

  it('a wrong authenticator code is CodeMismatch; the same session then takes the right one', async () => {
    const step = dataOf(await login(carol.email, PASSWORD)).login;
    clock.advance(30 * SECOND);
    expectError(await verifyMfa(carol.email, step.verificationSession, await wrongOtp(carolSecret)), 'CodeMismatch', 'The code is incorrect.');
    const tokens = dataOf(await verifyMfa(carol.email, step.verificationSession, await currentOtp(carolSecret))).verifyMfa;
    await expectGenuineTokens(tokens, carol);
  });

  it('a code already used is ExpiredCode, even in a new session', async () => {
    const used = await currentOtp(carolSecret);
    const step = dataOf(await login(carol.email, PASSWORD)).login;
    expectError(await verifyMfa(carol.email, step.verificationSession, used), 'ExpiredCode', /already used/);
  });

  it('a wrong or missing API key is HTTP 401 with the UnauthorizedException body', async () => {
    const refusal = { errors: [{ errorType: 'UnauthorizedException', message: 'You are not authorized to make this call.' }] };
    for (const apiKey of ['da2-wrongkeywrongkeywrongkey', null]) {
      const answer = await gql(Q.login, { input: { email: carol.email, password: PASSWORD } }, { apiKey });
      expect(answer.status).toBe(401);
      expect({ errors: answer.errors }).toEqual(refusal);
      expect(answer.data).toBeNull();
    }
  });

  it('an unknown e-mail gets exactly the answers a known one gets, and no mail', async () => {
    const nobody = 'nobody@example.com';
    const dave = 'dave@example.com';
    await invite(dave, 'Dave Unconfirmed');

    const unknownLogin = errorOf(await login(nobody, PASSWORD));
    const wrongPassword = errorOf(await login(carol.email, 'Wrong-Password-9!'));
    expect(unknownLogin).toEqual(wrongPassword);
    expect(unknownLogin).toMatchObject({ errorType: 'NotAuthorized', message: MESSAGES.badCredentials });

    const forgot = async (email: string) =>
      dataOf(await gql<{ forgotPassword: Record<string, unknown> }>(Q.forgotPassword, { input: { email } })).forgotPassword;
    const forgotUnknown = await forgot(nobody);
    const forgotKnown = await forgot(carol.email);
    expect(forgotUnknown).toEqual({ email: nobody, status: 'PASSWORD_FORGOT_CONFIRMATION_SENT', deliveryDestination: 'n***@e***' });
    expect(forgotKnown).toEqual({ email: carol.email, status: 'PASSWORD_FORGOT_CONFIRMATION_SENT', deliveryDestination: 'c***@e***' });
    expect(codeOf(await inbox.next(carol.email, SUBJECTS.reset))).toMatch(/^\d{6}$/);

    for (const email of [nobody, dave, carol.email]) {
      const resent = await gql<{ resendTemporaryPassword: Record<string, unknown> }>(Q.resendTemporaryPassword, { input: { email } });
      expect(dataOf(resent).resendTemporaryPassword).toEqual({ email, status: 'TEMPORARY_PASSWORD_SENT' });
    }
    // Only the invited-but-unconfirmed user gets a new invitation; a confirmed one gets nothing.
    await inbox.next(dave, SUBJECTS.invitation);
    expect((await inbox.all(carol.email)).filter((m) => SUBJECTS.invitation.test(m.subject))).toHaveLength(1);

    for (const email of [nobody, carol.email]) {
      const resent = await gql<{ resendMfaQrCode: Record<string, unknown> }>(Q.resendMfaQrCode, { input: { email, password: PASSWORD } });
      expect(dataOf(resent).resendMfaQrCode).toEqual({ email, status: 'MFA_QR_CODE_SENT' });
    }
    await inbox.next(carol.email, SUBJECTS.qrCode);

    // Every call above answered only after its e-mail was handed to SES, so none can still be on its way.
    expect(await inbox.all(nobody)).toEqual([]);
  });

  it('a malformed AWSEmail is a validation error, and no function runs for it', async () => {
    // As a variable: refused with the request, before any field runs.
    const asVariable = await gql(Q.createUser, { input: { email: 'not-an-e-mail', fullName: 'Nobody' } });
    expect(asVariable.status).toBe(200);
    expect(asVariable.data).toBeNull();
    const variableError = errorOf(asVariable);
    expect(variableError.path).toBeNull();
    expect(variableError.message).toMatch(/invalid value "not-an-e-mail".*Expected type "AWSEmail"/);

    // Inline in the query: a validation error of the document.
    const inline = await gql('mutation { createUser(input: { email: "not-an-e-mail", fullName: "Nobody" }) { userId } }');
    expect(inline.data).toBeNull();
    expect(errorOf(inline).message).toMatch(/^Validation error: .*AWSEmail/);

    // AWSEmail takes a host without a dot; the gateway's own rules do not.
    const dotless = await gql(Q.createUser, { input: { email: 'nobody@localhost', fullName: 'Nobody' } });
    expect(dotless.data).toBeNull();
    const dotlessError = expectError(dotless, 'ValidationError', 'Enter a valid e-mail address.');
    expect(dotlessError.path).toEqual(['createUser']);

    expect(await inbox.all('not-an-e-mail')).toEqual([]);
    expect(await inbox.all('nobody@localhost')).toEqual([]);
  });

  it('repeated wrong passwords lock sign-in (TooManyRequests), for known and unknown e-mails alike', async () => {
    const erin = 'erin@example.com';
    const { temporaryPassword } = await invite(erin, 'Erin Locked');
    for (const email of [erin, 'ghost@example.com']) {
      const answers: Array<string | null | undefined> = [];
      for (let attempt = 1; attempt <= 5; attempt++) answers.push(errorOf(await login(email, `Wrong-Password-${attempt}!`)).errorType);
      expect(answers).toEqual(['NotAuthorized', 'NotAuthorized', 'NotAuthorized', 'NotAuthorized', 'TooManyRequests']);
    }
    // While locked, even the right password is refused without being checked.
    expectError(await login(erin, temporaryPassword), 'TooManyRequests', MESSAGES.lockout);
  });

  // Last: it moves the clock past the session lifetime, beyond the presigned links' lifetime too.
  it('verifyMfa after the sign-in session has expired is SessionExpired', async () => {
    const step = dataOf(await login(carol.email, PASSWORD)).login;
    clock.advance(env.tokens.authSessionMinutes * MINUTE + 30 * SECOND);
    const late = await verifyMfa(carol.email, step.verificationSession, await currentOtp(carolSecret));
    expectError(late, 'SessionExpired', MESSAGES.session);
  });
});
