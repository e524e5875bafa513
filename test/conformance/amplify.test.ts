import { Amplify, fetchAuthSession } from '@aws-amplify/core';
import {
  confirmResetPassword,
  confirmSignIn,
  deleteUser,
  fetchMFAPreference,
  fetchUserAttributes,
  resetPassword,
  setUpTOTP,
  signIn,
  signOut,
  updatePassword,
  updateUserAttributes,
  verifyTOTPSetup,
} from '@aws-amplify/auth';
import { cognitoUserPoolsTokenProvider } from '@aws-amplify/auth/cognito';
import { generate } from 'otplib';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { MINUTE } from '../../local/cognito/clock';
import { codeOf, temporaryPasswordOf } from '../flow/client';
import { env, FlowStack, PASSWORD, Q, SUBJECTS } from '../flow/harness';
import { MemoryStorage } from './memoryStorage';

/**
 * AWS's own client library, Amplify v6 Auth, against the offline stack's Cognito emulator: every
 * step goes through Amplify's public API, which builds the requests and reads the answers as it
 * does against Cognito. Only the user's creation and mailbox come from the gateway. Each step
 * also names the Cognito actions Amplify sent, so a change in what Amplify relies on shows here.
 */

/** The Cognito actions Amplify sent, from the X-Amz-Target of its requests, which pass through unchanged. */
const sent: string[] = [];
const realFetch = globalThis.fetch;
function recordCognitoActions(endpoint: string): void {
  globalThis.fetch = (input, init) => {
    const request = new Request(input, init);
    const target = request.headers.get('x-amz-target');
    if (request.url.startsWith(endpoint) && target) sent.push(target.replace('AWSCognitoIdentityProviderService.', ''));
    return realFetch(input, init);
  };
}
const actionsSent = () => sent.splice(0);

const flow = new FlowStack();
const storage = new MemoryStorage();
const email = 'amplify.user@example.com';
const CHANGED_PASSWORD = 'Changed-Password-3!';
const NEW_PASSWORD = 'Second-Password-2!';
const USER_PASSWORD_AUTH = { authFlowType: 'USER_PASSWORD_AUTH' } as const;
let secret = '';

/** The error an Amplify call rejects with: Amplify names it after Cognito's exception. */
async function failure(promise: Promise<unknown>): Promise<{ name: string; message: string }> {
  const outcome = await promise.then(
    () => ({ failed: false as const }),
    (reason: unknown) => ({ failed: true as const, reason: reason as { name: string; message: string } }),
  );
  if (!outcome.failed) throw new Error('Expected the call to fail.');
  return outcome.reason;
}

/** A six-digit code that is none of the codes the emulator accepts now (one 30-s step either side). */
async function mistyped(right: string): Promise<string> {
  const now = Math.floor(flow.clock.now().getTime() / 1000);
  const accepted = await Promise.all([-30, 0, 30].map((offset) => generate({ secret, epoch: now + offset })));
  // At most three candidates are accepted, so the fourth one tried is wrong.
  for (let next = Number(right) + 1; ; next += 1) {
    const code = String(next % 1_000_000).padStart(6, '0');
    if (!accepted.includes(code)) return code;
  }
}

async function signInWithTotp(password: string): Promise<void> {
  const first = await signIn({ username: email, password, options: USER_PASSWORD_AUTH });
  expect(first).toEqual({ isSignedIn: false, nextStep: { signInStep: 'CONFIRM_SIGN_IN_WITH_TOTP_CODE' } });
  const done = await confirmSignIn({ challengeResponse: await flow.nextOtp(secret) });
  expect(done).toEqual({ isSignedIn: true, nextStep: { signInStep: 'DONE' } });
}

beforeAll(async () => {
  await flow.start();
  const { userPoolId, clientId, cognitoEndpoint } = flow.stack.info;
  const auth = { Cognito: { userPoolId, userPoolClientId: clientId, userPoolEndpoint: cognitoEndpoint } };
  // What `aws-amplify`'s configure does for Auth, with an in-memory stand-in for the browser's storage.
  cognitoUserPoolsTokenProvider.setAuthConfig(auth);
  cognitoUserPoolsTokenProvider.setKeyValueStorage(storage);
  Amplify.configure({ Auth: auth }, { Auth: { tokenProvider: cognitoUserPoolsTokenProvider } });
  recordCognitoActions(cognitoEndpoint);
});

beforeEach(() => void actionsSent());

afterAll(async () => {
  globalThis.fetch = realFetch;
  await flow.stop();
});

describe('Amplify v6 Auth against the Cognito emulator', () => {
  it("refuses Amplify's default SRP sign-in: the app client allows USER_PASSWORD_AUTH only", async () => {
    const err = await failure(signIn({ username: email, password: PASSWORD }));
    expect(err.name).toBe('InvalidParameterException');
    expect(err.message).toContain('USER_SRP_AUTH');
    expect(actionsSent()).toEqual(['InitiateAuth']);
  });

  it('signs in with the temporary password, sets a new one, enrols TOTP and is signed in', async () => {
    await flow.data('createUser', Q.createUser, { input: { email, fullName: 'Amplify User' } });
    const temporaryPassword = temporaryPasswordOf(await flow.inbox.next(email, SUBJECTS.invitation));

    const first = await signIn({ username: email, password: temporaryPassword, options: USER_PASSWORD_AUTH });
    expect(first).toEqual({
      isSignedIn: false,
      nextStep: { signInStep: 'CONFIRM_SIGN_IN_WITH_NEW_PASSWORD_REQUIRED', missingAttributes: [] },
    });

    const setup = await confirmSignIn({ challengeResponse: PASSWORD });
    if (setup.nextStep.signInStep !== 'CONTINUE_SIGN_IN_WITH_TOTP_SETUP') throw new Error(`Got ${setup.nextStep.signInStep}`);
    secret = setup.nextStep.totpSetupDetails.sharedSecret;
    expect(secret).toMatch(/^[A-Z2-7]{32,}$/);
    const uri = setup.nextStep.totpSetupDetails.getSetupUri('Gateway');
    expect(uri.searchParams.get('secret')).toBe(secret);

    const done = await confirmSignIn({ challengeResponse: await flow.nextOtp(secret) });
    expect(done).toEqual({ isSignedIn: true, nextStep: { signInStep: 'DONE' } });
    expect(actionsSent()).toEqual([
      'InitiateAuth',
      'RespondToAuthChallenge',
      'AssociateSoftwareToken',
      'VerifySoftwareToken',
      'RespondToAuthChallenge',
    ]);
  });

  it('fetchAuthSession gives the tokens with auth_time; a forced refresh keeps the sign-in', async () => {
    const session = await fetchAuthSession();
    const access = session.tokens?.accessToken.payload;
    const id = session.tokens?.idToken?.payload;
    expect(access).toMatchObject({ token_use: 'access', client_id: flow.stack.info.clientId, username: session.userSub });
    expect(id).toMatchObject({ token_use: 'id', aud: flow.stack.info.clientId, email, sub: session.userSub });
    const signedInAt = Math.floor(flow.clock.now().getTime() / 1000);
    expect(access?.auth_time).toBe(signedInAt);
    expect(id?.auth_time).toBe(signedInAt);
    expect(actionsSent()).toEqual([]);

    flow.clock.advance(60_000);
    const refreshed = await fetchAuthSession({ forceRefresh: true });
    const newAccess = refreshed.tokens?.accessToken;
    expect(newAccess?.toString()).not.toBe(session.tokens?.accessToken.toString());
    expect(newAccess?.payload.iat).toBe(signedInAt + 60);
    expect(newAccess?.payload.auth_time).toBe(signedInAt);
    expect(refreshed.tokens?.idToken?.payload.auth_time).toBe(signedInAt);
    expect(actionsSent()).toEqual(['GetTokensFromRefreshToken']);
  });

  it('fetchAuthSession refreshes an expired access token by itself', async () => {
    const before = (await fetchAuthSession()).tokens?.accessToken;
    const validity = (before!.payload.exp! - before!.payload.iat!) * 1000;
    expect(validity).toBe(env.tokens.accessTokenMinutes * MINUTE);
    // Amplify reads the time from Date, the emulator from the stack's clock: both move past the expiry.
    flow.clock.advance(validity);
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + validity });
    try {
      const after = (await fetchAuthSession()).tokens?.accessToken;
      expect(after?.payload.iat).toBe(Math.floor(flow.clock.now().getTime() / 1000));
      expect(after?.payload.auth_time).toBe(before?.payload.auth_time);
    } finally {
      vi.useRealTimers();
    }
    expect(actionsSent()).toEqual(['GetTokensFromRefreshToken']);
  });

  it('reads the attributes the client may read and writes a writable one', async () => {
    expect(await fetchUserAttributes()).toMatchObject({ email, email_verified: 'true', name: 'Amplify User' });

    const result = await updateUserAttributes({ userAttributes: { name: 'Renamed User' } });
    expect(result.name).toEqual({ isUpdated: true, nextStep: { updateAttributeStep: 'DONE' } });
    expect((await fetchUserAttributes()).name).toBe('Renamed User');
    expect(actionsSent()).toEqual(['GetUser', 'UpdateUserAttributes', 'GetUser']);
  });

  it('refuses attributes the app client may not write, as Cognito does', async () => {
    for (const userAttributes of [{ email: 'other@example.com' }, { 'custom:recovery_codes': 'forged' }]) {
      const err = await failure(updateUserAttributes({ userAttributes }));
      expect(err).toMatchObject({ name: 'NotAuthorizedException', message: 'A client attempted to write unauthorized attribute' });
    }
    expect(await fetchUserAttributes()).toMatchObject({ email, name: 'Renamed User' });
    expect(actionsSent()).toEqual(['UpdateUserAttributes', 'UpdateUserAttributes', 'GetUser']);
  });

  it('shows the MFA preference, replaces the authenticator and changes the password', async () => {
    expect(await fetchMFAPreference()).toEqual({ enabled: ['TOTP'], preferred: 'TOTP' });

    const replacement = await setUpTOTP();
    expect(replacement.sharedSecret).not.toBe(secret);
    await verifyTOTPSetup({ code: await flow.nextOtp(replacement.sharedSecret), options: { friendlyDeviceName: 'New phone' } });
    secret = replacement.sharedSecret;

    const wrong = await failure(updatePassword({ oldPassword: 'Not-The-Password-9!', newPassword: CHANGED_PASSWORD }));
    expect(wrong).toMatchObject({ name: 'NotAuthorizedException', message: 'Incorrect username or password.' });
    await updatePassword({ oldPassword: PASSWORD, newPassword: CHANGED_PASSWORD });
    expect(actionsSent()).toEqual(['GetUser', 'AssociateSoftwareToken', 'VerifySoftwareToken', 'ChangePassword', 'ChangePassword']);
  });

  it('signOut({ global: true }) revokes the tokens a copy of the storage still holds', async () => {
    const copy = new Map(storage.items);
    await signOut({ global: true });
    expect((await fetchAuthSession()).tokens).toBeUndefined();
    expect(actionsSent()).toEqual(['GlobalSignOut']);

    // Someone who copied the storage before the sign-out puts it back.
    for (const [key, value] of copy) storage.items.set(key, value);
    expect((await fetchAuthSession()).tokens).toBeDefined();
    const err = await failure(fetchUserAttributes());
    expect(err).toMatchObject({ name: 'NotAuthorizedException', message: 'Access Token has been revoked' });
    // The refresh is refused too, and Amplify then forgets the tokens.
    expect((await fetchAuthSession({ forceRefresh: true })).tokens).toBeUndefined();
    expect(storage.items.size).toBe(0);
    expect(actionsSent()).toEqual(['GetUser', 'GetTokensFromRefreshToken']);
  });

  it('resets the password with the code from the mailbox', async () => {
    const started = await resetPassword({ username: email });
    expect(started).toEqual({
      isPasswordReset: false,
      nextStep: {
        resetPasswordStep: 'CONFIRM_RESET_PASSWORD_WITH_CODE',
        codeDeliveryDetails: { deliveryMedium: 'EMAIL', attributeName: 'email', destination: 'a***@e***' },
      },
    });
    const code = codeOf(await flow.inbox.next(email, SUBJECTS.reset));
    const wrongCode = code === '000000' ? '000001' : '000000';
    const wrong = await failure(confirmResetPassword({ username: email, newPassword: NEW_PASSWORD, confirmationCode: wrongCode }));
    expect(wrong).toMatchObject({ name: 'CodeMismatchException', message: 'Invalid verification code provided, please try again.' });
    await confirmResetPassword({ username: email, newPassword: NEW_PASSWORD, confirmationCode: code });
    expect(actionsSent()).toEqual(['ForgotPassword', 'ConfirmForgotPassword', 'ConfirmForgotPassword']);

    // An unknown address gets the same answer, masked from the name given.
    const unknown = await resetPassword({ username: 'nobody@example.com' });
    expect(unknown.nextStep).toEqual({ ...started.nextStep, codeDeliveryDetails: { ...started.nextStep.codeDeliveryDetails, destination: 'n***@e***' } });

    const err = await failure(signIn({ username: email, password: CHANGED_PASSWORD, options: USER_PASSWORD_AUTH }));
    expect(err).toMatchObject({ name: 'NotAuthorizedException', message: 'Incorrect username or password.' });
  });

  it('signs in again with the new password and a TOTP code, after a mistyped one', async () => {
    const first = await signIn({ username: email, password: NEW_PASSWORD, options: USER_PASSWORD_AUTH });
    expect(first).toEqual({ isSignedIn: false, nextStep: { signInStep: 'CONFIRM_SIGN_IN_WITH_TOTP_CODE' } });
    const right = await flow.nextOtp(secret);
    const err = await failure(confirmSignIn({ challengeResponse: await mistyped(right) }));
    expect(err).toMatchObject({ name: 'CodeMismatchException', message: 'Invalid code received for user' });

    // The user retypes the code in the same sign-in, as an authenticator prompt lets them.
    const done = await confirmSignIn({ challengeResponse: right });
    expect(done).toEqual({ isSignedIn: true, nextStep: { signInStep: 'DONE' } });
    expect((await fetchUserAttributes()).email).toBe(email);
    expect(actionsSent()).toEqual(['InitiateAuth', 'RespondToAuthChallenge', 'RespondToAuthChallenge', 'GetUser']);
  });

  it('signOut() revokes the refresh token and the access tokens of its sign-in', async () => {
    const copy = new Map(storage.items);
    await signOut();
    expect(actionsSent()).toEqual(['RevokeToken']);

    for (const [key, value] of copy) storage.items.set(key, value);
    const err = await failure(fetchUserAttributes());
    expect(err).toMatchObject({ name: 'NotAuthorizedException', message: 'Access Token has been revoked' });
    expect((await fetchAuthSession({ forceRefresh: true })).tokens).toBeUndefined();
    expect(actionsSent()).toEqual(['GetUser', 'GetTokensFromRefreshToken']);
  });

  it('deleteUser removes the user and signs out', async () => {
    await signInWithTotp(NEW_PASSWORD);
    await deleteUser();
    expect((await fetchAuthSession()).tokens).toBeUndefined();
    expect(actionsSent()).toEqual(['InitiateAuth', 'RespondToAuthChallenge', 'DeleteUser', 'RevokeToken']);

    const err = await failure(signIn({ username: email, password: NEW_PASSWORD, options: USER_PASSWORD_AUTH }));
    // The client hides whether a user exists: a deleted user is answered as a wrong password is.
    expect(err).toMatchObject({ name: 'NotAuthorizedException', message: 'Incorrect username or password.' });
  });
});
