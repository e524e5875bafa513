import { CognitoIdentityProviderClient, GetUserCommand, UpdateUserAttributesCommand } from '@aws-sdk/client-cognito-identity-provider';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { MfaSetup } from '../../functions/lib/mfa';
import type { AuthTokens } from '../../functions/lib/tokens';
import { MINUTE } from '../../local/cognito/clock';
import { codeOf, decodeQrPng, linkOf, secretOf } from './client';
import { env, FlowStack, PASSWORD, Q, SUBJECTS, type EnrolledUser, type LoginStep } from './harness';

/**
 * The account-recovery threat model (README, "Account recovery"), each row tried over HTTP against
 * the offline stack the way an attacker would, then the ways a user gets back in.
 */

const f = new FlowStack();
const errorType = FlowStack.errorType;
const ATTACKER_PASSWORD = 'Attacker-Chosen-9!';
const REFUSED = { errorType: 'NotAuthorized', message: 'Incorrect e-mail, password or recovery code.' };

beforeAll(() => f.start());
afterAll(() => f.stop());
afterEach(() => vi.useRealTimers());

const refresh = (tokens: AuthTokens) => f.call(Q.refreshTokens, { input: { refreshToken: tokens.refreshToken } });
const me = (tokens: AuthTokens) => f.call(Q.me, {}, tokens.accessToken);
const recover = (user: { email: string; password: string }, recoveryCode: string) =>
  f.call<{ recoverAccount: LoginStep }>(Q.recoverAccount, { input: { email: user.email, password: user.password, recoveryCode } });
/**
 * The stack's S3 checks a presigned link's expiry on its ManualClock, so the function signs the
 * link at that time too (and the hold period is then measured from it as well).
 */
async function resendQr(email: string, password: string, at = f.clock.now().getTime()) {
  vi.useFakeTimers({ toFake: ['Date'], now: at });
  try {
    return await f.data('resendMfaQrCode', Q.resendMfaQrCode, { input: { email, password } });
  } finally {
    vi.useRealTimers();
  }
}

/** Every token a user held: none may work any more. */
async function expectRevoked(tokens: AuthTokens): Promise<void> {
  expect(errorType(await me(tokens))).toBe('NotAuthorized');
  expect(errorType(await refresh(tokens))).toBe('NotAuthorized');
}

/** The QR codes ever e-mailed to `email`, decoded from their links (those still served). */
async function mailedQrUris(email: string): Promise<string[]> {
  const mails = (await f.inbox.all(email)).filter((m) => SUBJECTS.qrCode.test(m.subject));
  const uris: string[] = [];
  for (const mail of mails) {
    const response = await fetch(linkOf(mail));
    if (response.ok) uris.push(decodeQrPng(Buffer.from(await response.arrayBuffer())));
  }
  return uris;
}

/** Resets the password with the code from the mailbox, as someone reading it can. */
async function resetThroughMailbox(email: string, newPassword: string): Promise<void> {
  await f.data('forgotPassword', Q.forgotPassword, { input: { email } });
  const verificationCode = codeOf(await f.inbox.next(email, SUBJECTS.reset));
  await f.data('confirmForgotPassword', Q.confirmForgotPassword, { input: { email, verificationCode, newPassword } });
}

describe('an attacker with the mailbox only', () => {
  let victim: EnrolledUser;
  beforeAll(async () => {
    victim = await f.enrol('mailbox.victim@example.com');
  });

  it('can reset the password; every session of the user ends and the user is told', async () => {
    await resetThroughMailbox(victim.email, ATTACKER_PASSWORD);
    await expectRevoked(victim.tokens);
    const notice = await f.inbox.next(victim.email, SUBJECTS.passwordReset);
    expect(notice.body.text).toMatch(/If this was not you/);
    expect(notice.body.html).toMatch(/If this was not you/);
  });

  it('gets no tokens and no TOTP secret from login: the authenticator is still asked for', async () => {
    const step = await f.login(victim.email, ATTACKER_PASSWORD);
    expect(step).toMatchObject({ verificationType: 'SOFTWARE_TOKEN_MFA', mfaSetup: null });
  });

  it('gets no QR code: resendMfaQrCode answers as usual but mails nothing while the reset is recent', async () => {
    expect(await resendQr(victim.email, ATTACKER_PASSWORD)).toEqual({ email: victim.email, status: 'MFA_QR_CODE_SENT' });
    expect(await mailedQrUris(victim.email)).toEqual([]);
  });

  it('cannot recover the account without a recovery code', async () => {
    const guessed = await recover({ email: victim.email, password: ATTACKER_PASSWORD }, 'aaaaa-aaaaa');
    expect(guessed.errors?.[0]).toMatchObject(REFUSED);
  });

  it('also when the reset is made by calling Cognito directly, bypassing the gateway', async () => {
    const other = await f.enrol('direct.victim@example.com');
    const { CognitoIdentityProviderClient: Client, ForgotPasswordCommand, ConfirmForgotPasswordCommand } = await import(
      '@aws-sdk/client-cognito-identity-provider'
    );
    const cognito = new Client({ endpoint: f.stack.info.cognitoEndpoint, region: f.stack.info.region, credentials: { accessKeyId: 'x', secretAccessKey: 'x' } });
    await cognito.send(new ForgotPasswordCommand({ ClientId: f.stack.info.clientId, Username: other.email }));
    const code = codeOf(await f.inbox.next(other.email, SUBJECTS.reset));
    await cognito.send(
      new ConfirmForgotPasswordCommand({ ClientId: f.stack.info.clientId, Username: other.email, ConfirmationCode: code, Password: ATTACKER_PASSWORD }),
    );
    await expectRevoked(other.tokens);
    await f.inbox.next(other.email, SUBJECTS.passwordReset);
    await resendQr(other.email, ATTACKER_PASSWORD);
    expect(await mailedQrUris(other.email)).toEqual([]);
  });
});

describe('an attacker with the mailbox and the password', () => {
  let victim: EnrolledUser;
  beforeAll(async () => {
    victim = await f.enrol('password.victim@example.com');
  });

  it('gets no tokens without the authenticator or a recovery code', async () => {
    const step = await f.login(victim.email, victim.password);
    expect(step.mfaSetup).toBeNull();
    const guess = await f.call(Q.verifyMfa, { input: { email: victim.email, verificationSession: step.verificationSession, otp: '000000' } });
    expect(errorType(guess)).toBe('CodeMismatch');
    for (const code of ['aaaaa-aaaaa', 'not a code', victim.recoveryCodes[0]!.toUpperCase().replace('-', 'x')]) {
      expect((await recover(victim, code)).errors?.[0]).toMatchObject(REFUSED);
    }
  });

  it('unknown e-mail, wrong password and wrong code all get the one NotAuthorized answer', async () => {
    const answers = await Promise.all([
      recover({ email: 'nobody.here@example.com', password: victim.password }, victim.recoveryCodes[0]!),
      recover({ email: victim.email, password: 'Wrong-Password-7!' }, victim.recoveryCodes[0]!),
      recover(victim, 'zzzzz-zzzzz'),
    ]);
    for (const answer of answers) expect(answer).toEqual({ status: 200, data: null, errors: [expect.objectContaining(REFUSED)] });
    expect(new Set(answers.map((a) => JSON.stringify({ ...a.errors?.[0], path: null, locations: null })))).toHaveProperty('size', 1);
  });

  it('gets no archived QR code within the hold period after resetting the password by e-mail', async () => {
    await resetThroughMailbox(victim.email, ATTACKER_PASSWORD);
    await resendQr(victim.email, ATTACKER_PASSWORD);
    expect(await mailedQrUris(victim.email)).toEqual([]);
  });

  it('once the hold period is over, the QR code can be re-sent again, with a notice in the mail', async () => {
    // The functions' clock is the stack's: move it past the hold.
    f.clock.advance((env.mfa.qrResendHoldHours * 60 + 1) * MINUTE);
    await resendQr(victim.email, ATTACKER_PASSWORD);
    const mail = await f.inbox.next(victim.email, SUBJECTS.qrCode);
    expect(mail.body.text).toMatch(/If you did not ask for this, someone knows your password/);
  });
});

describe('a stolen refresh token', () => {
  it('refreshes until the user changes the password, and never after', async () => {
    const user = await f.enrol('stolen.refresh.change@example.com');
    expect((await refresh(user.tokens)).errors).toBeUndefined();
    const changed = await f.data('changePassword', Q.changePassword, { input: { oldPassword: user.password, newPassword: 'Changed-Password-2#' } }, user.tokens.accessToken);
    expect(changed).toEqual({ status: 'PASSWORD_CHANGED', sessionsEnded: true });
    await expectRevoked(user.tokens);
    await f.inbox.next(user.email, SUBJECTS.passwordChanged);
  });

  it('stops working after a reset, a logout and a recovery', async () => {
    const reset = await f.enrol('stolen.refresh.reset@example.com');
    await resetThroughMailbox(reset.email, 'Reset-Password-3$');
    await expectRevoked(reset.tokens);

    const loggedOut = await f.enrol('stolen.refresh.logout@example.com');
    await f.data('logout', Q.logout, {}, loggedOut.tokens.accessToken);
    await expectRevoked(loggedOut.tokens);

    const recovered = await f.enrol('stolen.refresh.recovery@example.com');
    await recover(recovered, recovered.recoveryCodes[3]!);
    await expectRevoked(recovered.tokens);
  });
});

describe('a stolen access token older than the re-authentication window', () => {
  let user: EnrolledUser;
  let stale: AuthTokens;
  beforeAll(async () => {
    user = await f.enrol('stolen.access@example.com');
    // A refresh long after the sign-in gives a token that is new, but not a new sign-in.
    f.clock.advance((env.security.reauthenticateWithinMinutes + 1) * MINUTE);
    stale = await f.data('refreshTokens', Q.refreshTokens, { input: { refreshToken: user.tokens.refreshToken } });
  });

  it('can read and edit the profile', async () => {
    expect(await f.data('me', Q.me, {}, stale.accessToken)).toMatchObject({ userId: user.userId });
    expect(await f.data('updateProfile', Q.updateProfile, { input: { fullName: 'Renamed' } }, stale.accessToken)).toEqual({ fullName: 'Renamed' });
  });

  it.each(['replaceAuthenticator', 'regenerateRecoveryCodes', 'deleteMe'] as const)('cannot call %s', async (field) => {
    expect(errorType(await f.call(Q[field], {}, stale.accessToken))).toBe('ReauthenticationRequired');
  });

  it('neither can the token from the sign-in itself once the window has passed', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: f.clock.now() });
    const answer = await f.call(Q.deleteMe, {}, user.tokens.accessToken);
    vi.useRealTimers();
    expect(errorType(answer)).toBe('ReauthenticationRequired');
    // The account is untouched: a fresh sign-in still works.
    await f.signIn(user.email, user.password, user.secret);
  });

  it('cannot reach the recovery codes through Cognito directly: the app client may neither read nor write them', async () => {
    const cognito = new CognitoIdentityProviderClient({ endpoint: f.stack.info.cognitoEndpoint, region: f.stack.info.region, credentials: { accessKeyId: 'x', secretAccessKey: 'x' } });
    const own = await cognito.send(new GetUserCommand({ AccessToken: stale.accessToken }));
    expect(JSON.stringify(own.UserAttributes)).not.toMatch(/custom:/);
    await expect(
      cognito.send(new UpdateUserAttributesCommand({ AccessToken: stale.accessToken, UserAttributes: [{ Name: 'custom:recovery_codes', Value: '' }] })),
    ).rejects.toMatchObject({ name: 'NotAuthorizedException' });
    const idClaims = JSON.parse(Buffer.from(stale.idToken.split('.')[1]!, 'base64url').toString());
    expect(Object.keys(idClaims).filter((claim) => claim.startsWith('custom:'))).toEqual([]);
  });
});

describe('a user who lost the phone', () => {
  let user: EnrolledUser;
  let newSecret: string;
  let newCodes: string[];
  beforeAll(async () => {
    user = await f.enrol('lost.phone@example.com');
  });

  it('gets back in with the password and one recovery code, and enrols a new authenticator', async () => {
    const answer = await recover(user, ` ${user.recoveryCodes[0]!.toUpperCase()} `);
    const step = answer.data!.recoverAccount;
    expect(step).toMatchObject({ email: user.email, verificationType: 'MFA_SETUP' });
    expect(step.verificationSession).toBe(step.mfaSetup!.session);
    newSecret = secretOf(step.mfaSetup!.otpauthUri);
    expect(newSecret).not.toBe(user.secret);
    await f.inbox.next(user.email, SUBJECTS.recoveryCodeUsed);

    const finished = await f.finishEnrolment(user.email, step.mfaSetup!);
    expect(finished.recoveryCodes).toHaveLength(10);
    newCodes = finished.recoveryCodes!;
    expect(newCodes.filter((code) => user.recoveryCodes.includes(code))).toEqual([]);
    expect(await f.data('me', Q.me, {}, finished.tokens.accessToken)).toMatchObject({ userId: user.userId, mfaEnabled: true });
  });

  it('the old authenticator no longer works; the new one does', async () => {
    const step = await f.login(user.email, user.password);
    const old = await f.call(Q.verifyMfa, { input: { email: user.email, verificationSession: step.verificationSession, otp: await f.nextOtp(user.secret) } });
    expect(errorType(old)).toBe('CodeMismatch');
    await f.signIn(user.email, user.password, newSecret);
  });

  it('the used code, and every code of the old set, never work again', async () => {
    for (const code of [user.recoveryCodes[0]!, user.recoveryCodes[1]!]) expect((await recover(user, code)).errors?.[0]).toMatchObject(REFUSED);
  });

  it('the archived QR code is that of the new authenticator', async () => {
    await resendQr(user.email, user.password);
    await f.inbox.next(user.email, SUBJECTS.qrCode);
    const uris = await mailedQrUris(user.email);
    expect(uris.map(secretOf)).toEqual([newSecret]);
  });

  it('regenerateRecoveryCodes (after a fresh sign-in) replaces every code', async () => {
    const tokens = await f.signIn(user.email, user.password, newSecret);
    const { recoveryCodes } = await f.data<{ recoveryCodes: string[] }>('regenerateRecoveryCodes', Q.regenerateRecoveryCodes, {}, tokens.accessToken);
    expect(recoveryCodes).toHaveLength(10);
    expect((await recover(user, newCodes[0]!)).errors?.[0]).toMatchObject(REFUSED);
    expect((await recover(user, recoveryCodes[9]!)).data?.recoverAccount.verificationType).toBe('MFA_SETUP');
  });

  it('after a recovery that stopped half-way, login itself offers the enrolment', async () => {
    // The last recovery removed the authenticator; its enrolment was never finished.
    const step = await f.login(user.email, user.password);
    expect(step.verificationType).toBe('MFA_SETUP');
    const finished = await f.finishEnrolment(user.email, step.mfaSetup!);
    expect(finished.tokens.accessToken).toBeTruthy();
  });
});

describe('replacing the authenticator while signed in', () => {
  let user: EnrolledUser;
  let setup: MfaSetup;
  beforeAll(async () => {
    user = await f.enrol('replace.phone@example.com');
  });

  it('an abandoned replacement changes nothing', async () => {
    const abandoned = await f.data<MfaSetup>('replaceAuthenticator', Q.replaceAuthenticator, {}, user.tokens.accessToken);
    expect(abandoned.secretCode).not.toBe(user.secret);
    await f.signIn(user.email, user.password, user.secret);
    await resendQr(user.email, user.password);
    await f.inbox.next(user.email, SUBJECTS.qrCode);
    expect((await mailedQrUris(user.email)).map(secretOf)).toEqual([user.secret]);
  });

  it('the old authenticator works until a code from the new one is verified, then only the new one', async () => {
    const tokens = await f.signIn(user.email, user.password, user.secret);
    setup = await f.data<MfaSetup>('replaceAuthenticator', Q.replaceAuthenticator, {}, tokens.accessToken);
    await f.signIn(user.email, user.password, user.secret);

    const wrong = await f.call(Q.confirmReplaceAuthenticator, { input: { otp: await f.nextOtp(user.secret), session: setup.session } }, tokens.accessToken);
    expect(errorType(wrong)).toBe('CodeMismatch');
    const done = await f.data('confirmReplaceAuthenticator', Q.confirmReplaceAuthenticator, {
      input: { otp: await f.nextOtp(setup.secretCode), session: setup.session },
    }, tokens.accessToken);
    expect(done).toEqual({ mfaStatus: 'CONFIRMED', status: 'LOGGED_OUT' });
    await expectRevoked(tokens);
    await expectRevoked(user.tokens);
    await f.inbox.next(user.email, SUBJECTS.authenticatorReplaced);

    const step = await f.login(user.email, user.password);
    const old = await f.call(Q.verifyMfa, { input: { email: user.email, verificationSession: step.verificationSession, otp: await f.nextOtp(user.secret) } });
    expect(errorType(old)).toBe('CodeMismatch');
    await f.signIn(user.email, user.password, setup.secretCode);
  });

  it('the archive follows: the re-sent QR code is the new authenticator', async () => {
    await resendQr(user.email, user.password);
    await f.inbox.next(user.email, SUBJECTS.qrCode);
    const uris = await mailedQrUris(user.email);
    expect(uris.map(secretOf)).toContain(setup.secretCode);
    expect(uris.at(-1)).toBe(setup.otpauthUri);
  });
});

describe('the QR archive', () => {
  it('holds only the verified secret after two concurrent MFA_SETUP logins', async () => {
    const email = 'two.logins@example.com';
    await f.data('createUser', Q.createUser, { input: { email, fullName: 'Two Logins' } });
    const { temporaryPasswordOf } = await import('./client');
    const temporaryPassword = temporaryPasswordOf(await f.inbox.next(email, SUBJECTS.invitation));
    await f.data('confirmUser', Q.confirmUser, { input: { email, temporaryPassword, newPassword: PASSWORD } });
    const [a, b] = await Promise.all([f.login(email, PASSWORD), f.login(email, PASSWORD)]);
    const attempts: Array<{ errors?: unknown[] }> = [];
    for (const step of [a!, b!]) {
      attempts.push(await f.call(Q.confirmMfa, { input: { email, session: step.mfaSetup!.session, otp: await f.nextOtp(step.mfaSetup!.secretCode) } }));
    }
    const verified = [a!, b!].filter((_, i) => !attempts[i]!.errors);
    expect(verified).toHaveLength(1);
    await resendQr(email, PASSWORD);
    await f.inbox.next(email, SUBJECTS.qrCode);
    expect(await mailedQrUris(email)).toEqual([verified[0]!.mfaSetup!.otpauthUri]);
  });

  it('an S3 failure during confirmUser and login does not strand the user: enrolment finishes without the archive', async () => {
    const email = 's3.down@example.com';
    await f.data('createUser', Q.createUser, { input: { email, fullName: 'S3 Down' } });
    const { temporaryPasswordOf } = await import('./client');
    const temporaryPassword = temporaryPasswordOf(await f.inbox.next(email, SUBJECTS.invitation));
    // Nothing listens on port 9: every function's S3 call fails to connect.
    f.stack.functions.updateEnvironment({ S3_ENDPOINT: 'http://127.0.0.1:9' });
    try {
      const confirmed = await f.data<{ mfaSetup: MfaSetup }>('confirmUser', Q.confirmUser, { input: { email, temporaryPassword, newPassword: PASSWORD } });
      expect(confirmed.mfaSetup.qrCodeUrl).toBeNull();
      const step = await f.login(email, PASSWORD);
      expect(step.mfaSetup!.qrCodeUrl).toBeNull();
      const finished = await f.finishEnrolment(email, step.mfaSetup!);
      expect(finished.recoveryCodes).toHaveLength(10);
    } finally {
      f.stack.functions.updateEnvironment({ S3_ENDPOINT: undefined });
    }
  });
});
