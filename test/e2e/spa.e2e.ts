import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generate } from 'otplib';
import type { Browser, CDPSession, Page } from 'playwright-core';
import { createServer, type ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spaConfig } from '../../examples/spa/vite.config';
import { ManualClock, MINUTE, SECOND } from '../../local/cognito/clock';
import { startStack, type LocalStack } from '../../local/stack';
import { codeOf, decodeQrDataUrl, Inbox, secretOf, temporaryPasswordOf } from '../flow/client';
import { SUBJECTS } from '../flow/harness';
import { launchChromium } from './browser';

/**
 * The example SPA in Chromium against the offline stack, as a user goes through it: sign up, the
 * temporary password from the mailbox, MFA set-up from the secret on the page, the recovery codes
 * shown once, profile, a password change that signs out, login with TOTP, password reset by mail,
 * new recovery codes, a new authenticator from the profile, a lost authenticator replaced with a
 * recovery code, and account deletion after signing in again. The stack's clock is a ManualClock
 * moved one 30-second step before each authenticator code, since Cognito refuses a code whose step
 * was already used; the page's clock is Playwright's, moved only to make a sign-in old.
 */

const SCREENSHOTS = fileURLToPath(new URL('./screenshots/', import.meta.url));
/** Every wait in the browser ends: a missing element fails the step instead of hanging. */
const WAIT_MS = 10_000;
const ALL_FREE = { graphql: 0, cognito: 0, s3: 0, ses: 0 };

/** All meet the dev policy: 14+ characters with upper and lower case, a digit and a symbol. */
const PASSWORD = 'First-Password-1!';
const CHANGED_PASSWORD = 'Changed-Password-2#';
const RESET_PASSWORD = 'Reset-Password-3$';
const EMAIL = `spa-${Date.now()}@example.com`;
/** As the gateway shows them: ten characters of Crockford's base32 in two groups. */
const RECOVERY_CODE = /^[0-9a-hjkmnp-tv-z]{5}-[0-9a-hjkmnp-tv-z]{5}$/;

let dataDir: string;
let stack: LocalStack;
let vite: ViteDevServer;
let browser: Browser;
let page: Page;
let inbox: Inbox;
/** The DevTools session of the page, for its WebAuthn virtual authenticator. */
let authenticator: CDPSession;
/** The app's address: localhost, the relying party ID dev's passkeys are bound to. */
let spaUrl: string;
const clock = new ManualClock();
/** The secret of the authenticator app the user has now, and the ones they had before. */
let secret: string;
const oldSecrets: string[] = [];
/** The recovery codes the user saved last, and the set they replaced. */
let recoveryCodes: string[] = [];
let oldRecoveryCodes: string[] = [];

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'auth-gateway-spa-'));
  stack = await startStack({ dataDir, fresh: true, ports: ALL_FREE, clock });
  inbox = new Inbox(stack.info.mailboxUrl);
  const config = spaConfig({ graphqlUrl: stack.info.graphqlUrl, apiKey: stack.info.apiKey });
  vite = await createServer({ ...config, configFile: false, logLevel: 'warn', server: { ...config.server, port: 0, strictPort: true } });
  await vite.listen();
  const url = vite.resolvedUrls?.local[0];
  if (!url) throw new Error('The Vite dev server did not say where it listens.');
  // Chromium sends localhost to loopback itself; passkeys need the page at their relying party ID.
  spaUrl = url.replace('://127.0.0.1:', '://localhost:');
  browser = await launchChromium();
  page = await browser.newPage();
  page.setDefaultTimeout(WAIT_MS);
  page.setDefaultNavigationTimeout(30_000);
  // The page's time flows as usual until a step moves it on; installed before the app loads.
  await page.clock.install();
  authenticator = await page.context().newCDPSession(page);
  await page.goto(spaUrl);
});

afterAll(async () => {
  await browser?.close();
  await vite?.close();
  await stack?.close();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

/** A test whose failure leaves a screenshot of the page at screenshots/<name>.png. */
function step(name: string, body: () => Promise<void>): void {
  it(name, async () => {
    try {
      await body();
    } catch (err) {
      await mkdir(SCREENSHOTS, { recursive: true });
      await page?.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true }).catch(() => undefined);
      throw err;
    }
  });
}

/** The code an authenticator app with this secret shows in the next 30-second step. */
function nextOtp(from = secret): Promise<string> {
  clock.advance(30 * SECOND);
  return generate({ secret: from, epoch: Math.floor(clock.now().getTime() / 1000) });
}

async function fill(values: Record<string, string>): Promise<void> {
  for (const [testId, value] of Object.entries(values)) await page.getByTestId(testId).fill(value);
}

/** Submits a form and waits for the screen it leads to; an error shown instead fails with its text. */
async function submit(form: string, next: string): Promise<void> {
  await page.getByTestId(`${form}-submit`).click();
  const error = page.getByTestId(form).getByTestId('error');
  await page.getByTestId(`screen-${next}`).or(error).waitFor();
  if (await error.isVisible()) throw new Error(`${form} showed an error: ${await error.textContent()}`);
}

/** Submits a form that must be refused with this message. */
async function submitRefused(form: string, message: string): Promise<void> {
  await page.getByTestId(`${form}-submit`).click();
  await expectText('error', message);
}

async function text(testId: string): Promise<string> {
  return (await page.getByTestId(testId).textContent()) ?? '';
}

/** Waits until the element shows exactly this text. */
async function expectText(testId: string, expected: string): Promise<void> {
  await page.getByTestId(testId).filter({ hasText: expected }).waitFor();
  expect(await text(testId)).toBe(expected);
}

/** The password step of a login, up to the authenticator code. */
async function startLogin(password: string): Promise<void> {
  await page.getByTestId('nav-login').click();
  await fill({ email: EMAIL, password });
  await submit('login', 'verifyMfa');
}

async function loginWithTotp(password: string): Promise<void> {
  await startLogin(password);
  await fill({ otp: await nextOtp() });
  await submit('verify-mfa', 'profile');
  await expectText('profile-email', EMAIL);
}

async function logout(): Promise<void> {
  await page.getByTestId('logout').click();
  await page.getByTestId('screen-login').waitFor();
}

/** The QR code and the secret on the page, checked to carry the same secret, as a camera reads it. */
async function scanAuthenticator(): Promise<string> {
  const shown = await text('mfa-secret');
  expect(shown).toMatch(/^[A-Z2-7]+=*$/);
  const qr = await page.getByTestId('mfa-qr').getAttribute('src');
  expect(secretOf(decodeQrDataUrl(qr ?? ''))).toBe(shown);
  return shown;
}

/**
 * The recovery-codes screen: ten distinct codes, no way to leave but the "saved" step, which leads
 * to the profile. Returns the codes as the user would copy them.
 */
async function saveRecoveryCodes(): Promise<string[]> {
  await page.getByTestId('screen-recoveryCodes').waitFor();
  const codes = await page.getByTestId('recovery-codes').locator('li').allTextContents();
  expect(codes).toHaveLength(10);
  for (const code of codes) expect(code).toMatch(RECOVERY_CODE);
  expect(new Set(codes).size).toBe(10);
  expect(await page.locator('nav').count()).toBe(0);
  // The download carries the same codes.
  const href = decodeURIComponent((await page.getByTestId('codes-download').getAttribute('href')) ?? '');
  for (const code of codes) expect(href).toContain(code);
  expect(await page.getByTestId('codes-continue').isDisabled()).toBe(true);
  await page.getByTestId('codes-saved').check();
  await page.getByTestId('codes-continue').click();
  await page.getByTestId('screen-profile').waitFor();
  return codes;
}

describe('the example SPA in a browser', () => {
  step('sign-up', async () => {
    await page.getByTestId('screen-signUp').waitFor({ timeout: 30_000 });
    await fill({ email: EMAIL, fullName: 'Ada Lovelace' });
    // Hold the request to see the form while it is pending.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route(stack.info.graphqlUrl, async (route) => {
      await held;
      await route.continue();
    });
    await page.getByTestId('sign-up-submit').click();
    await page.getByTestId('sign-up-submit').filter({ hasText: 'Signing up…' }).waitFor();
    expect(await page.getByTestId('sign-up-submit').isDisabled()).toBe(true);
    release();
    await page.unrouteAll({ behavior: 'wait' });
    await page.getByTestId('screen-confirm').waitFor();
    expect(await text('notice')).toContain('temporary password');
  });

  step('confirm', async () => {
    const temporaryPassword = temporaryPasswordOf(await inbox.next(EMAIL, SUBJECTS.invitation));
    expect(await page.getByTestId('email').inputValue()).toBe(EMAIL);
    await fill({ temporaryPassword, newPassword: PASSWORD });
    await submit('confirm', 'mfaSetup');
  });

  step('mfa-setup', async () => {
    secret = await scanAuthenticator();
    await fill({ otp: await nextOtp() });
    await submit('mfa-setup', 'recoveryCodes');
    await expectText('notice', 'Two-factor authentication is on.');
  });

  step('recovery-codes', async () => {
    recoveryCodes = await saveRecoveryCodes();
    await expectText('notice', 'Two-factor authentication is on.');
  });

  step('profile', async () => {
    await expectText('profile-email', EMAIL);
    await expectText('profile-full-name', 'Ada Lovelace');
    await expectText('profile-mfa', 'On');
  });

  step('update-profile', async () => {
    await fill({ fullName: 'Ada King', phoneNumber: '+447700900123' });
    await page.getByTestId('update-profile-submit').click();
    await page.getByTestId('profile-saved').waitFor();
    await expectText('profile-full-name', 'Ada King');
    await expectText('profile-phone', '+447700900123');
  });

  step('change-password-signs-out', async () => {
    await page.getByTestId('nav-change-password').click();
    await fill({ oldPassword: PASSWORD, newPassword: CHANGED_PASSWORD });
    await submit('change-password', 'login');
    await expectText('notice', 'Password changed, and you were signed out everywhere. Log in with your new password.');
    await inbox.next(EMAIL, SUBJECTS.passwordChanged);
  });

  step('wrong-password', async () => {
    await fill({ email: EMAIL, password: PASSWORD });
    await submitRefused('login', 'Incorrect e-mail or password, or your session has ended. Sign in again.');
    expect(await page.getByTestId('screen-login').isVisible()).toBe(true);
  });

  step('login', async () => {
    await loginWithTotp(CHANGED_PASSWORD);
    // The profile is read again from the gateway after signing in.
    await expectText('profile-full-name', 'Ada King');
  });

  step('add-passkey', async () => {
    // Chromium's virtual authenticator: a platform passkey with user verification (a fingerprint
    // that always matches), as a phone or laptop has; resident keys, so it is discoverable.
    await authenticator.send('WebAuthn.enable', { enableUI: false });
    await authenticator.send('WebAuthn.addVirtualAuthenticator', {
      options: { protocol: 'ctap2', transport: 'internal', hasResidentKey: true, hasUserVerification: true, isUserVerified: true, automaticPresenceSimulation: true },
    });
    await page.getByTestId('passkeys-none').waitFor();
    await page.getByTestId('passkey-add').click();
    await expectText('notice', 'Passkey added: it now signs you in on its own, no password or code needed.');
    // The profile reads the list again after the change: wait for it, then count.
    await page.getByTestId('passkey-list').waitFor();
    expect(await page.getByTestId('passkey').count()).toBe(1);
    await inbox.next(EMAIL, SUBJECTS.passkeyAdded);
  });

  step('sign-in-with-passkey', async () => {
    await logout();
    const before = clock.now().getTime();
    await fill({ email: EMAIL });
    await page.getByTestId('passkey-sign-in-submit').click();
    await page.getByTestId('screen-profile').waitFor();
    await expectText('notice', 'Signed in with your passkey.');
    await expectText('profile-email', EMAIL);
    // No password and no authenticator code were typed: no code's time step was used.
    expect(clock.now().getTime()).toBe(before);
    expect(await page.getByTestId('password').count()).toBe(0);
  });

  step('passkey-from-another-origin', async () => {
    // The same app, the same browser and passkey, but another origin than the relying party's:
    // the browser refuses to use the passkey there.
    const other = await browser.newPage();
    try {
      other.setDefaultTimeout(WAIT_MS);
      const otherAuthenticator = await other.context().newCDPSession(other);
      await otherAuthenticator.send('WebAuthn.enable', { enableUI: false });
      await otherAuthenticator.send('WebAuthn.addVirtualAuthenticator', {
        options: { protocol: 'ctap2', transport: 'internal', hasResidentKey: true, hasUserVerification: true, isUserVerified: true, automaticPresenceSimulation: true },
      });
      await other.goto(spaUrl.replace('://localhost:', '://127.0.0.1:'));
      await other.getByTestId('nav-login').click();
      await other.getByTestId('email').fill(EMAIL);
      await other.getByTestId('passkey-sign-in-submit').click();
      await other.getByTestId('passkey-sign-in').getByTestId('error').filter({ hasText: 'Passkeys do not work on this address: open the app at its own domain.' }).waitFor();
      expect(await other.getByTestId('screen-login').isVisible()).toBe(true);
    } finally {
      await other.close();
    }
  });

  step('delete-passkey', async () => {
    await page.getByTestId('passkey-delete').click();
    await expectText('notice', 'Passkey deleted.');
    await page.getByTestId('passkeys-none').waitFor();
    await inbox.next(EMAIL, SUBJECTS.passkeyRemoved);
    // The authenticator still holds it, but the gateway no longer accepts it.
    await logout();
    await fill({ email: EMAIL });
    await page.getByTestId('passkey-sign-in-submit').click();
    await page.getByTestId('passkey-sign-in').getByTestId('error').filter({ hasText: 'That passkey did not sign you in. Try again, or log in with your password.' }).waitFor();
    await loginWithTotp(CHANGED_PASSWORD);
  });

  step('logout', async () => {
    await logout();
    await expectText('notice', 'Signed out on every device.');
  });

  step('forgot-password', async () => {
    await page.getByTestId('nav-forgot-password').click();
    await fill({ email: EMAIL });
    await submit('forgot-password', 'resetPassword');
    const verificationCode = codeOf(await inbox.next(EMAIL, SUBJECTS.reset));
    await fill({ verificationCode, newPassword: RESET_PASSWORD });
    await submit('reset-password', 'login');
    await expectText('notice', 'Password reset. Log in with your new password.');
  });

  step('login-after-reset', async () => {
    await loginWithTotp(RESET_PASSWORD);
  });

  step('new-recovery-codes', async () => {
    await page.getByTestId('new-recovery-codes').click();
    oldRecoveryCodes = recoveryCodes;
    recoveryCodes = await saveRecoveryCodes();
    expect(recoveryCodes.filter((code) => oldRecoveryCodes.includes(code))).toEqual([]);
    await expectText('notice', 'New recovery codes saved. The old ones no longer work.');
  });

  step('replace-authenticator', async () => {
    await page.getByTestId('replace-authenticator-start').click();
    await page.getByTestId('screen-replaceAuthenticator').waitFor();
    const newSecret = await scanAuthenticator();
    expect(newSecret).not.toBe(secret);
    await fill({ otp: await nextOtp(newSecret) });
    await submit('replace-authenticator', 'login');
    await expectText('notice', 'Your new authenticator is on and you were signed out everywhere. Log in with a code from the new app.');
    await inbox.next(EMAIL, SUBJECTS.authenticatorReplaced);
    oldSecrets.push(secret);
    secret = newSecret;
  });

  step('login-with-replaced-authenticator', async () => {
    await startLogin(RESET_PASSWORD);
    await fill({ otp: await nextOtp(oldSecrets.at(-1)) });
    await submitRefused('verify-mfa', 'That code is not right. Check it and try again.');
    await loginWithTotp(RESET_PASSWORD);
  });

  step('lost-authenticator', async () => {
    await logout();
    await page.getByTestId('lost-authenticator').click();
    await page.getByTestId('screen-recoverAccount').waitFor();
    // A code from the set the user replaced is refused, with the same answer as a wrong password.
    await fill({ email: EMAIL, password: RESET_PASSWORD, recoveryCode: oldRecoveryCodes[0]! });
    await submitRefused('recover-account', 'Incorrect e-mail, password or recovery code.');
    // The way in from the code step, where a user finds the phone gone: the e-mail comes along.
    await startLogin(RESET_PASSWORD);
    await page.getByTestId('lost-authenticator').click();
    await page.getByTestId('screen-recoverAccount').waitFor();
    expect(await page.getByTestId('email').inputValue()).toBe(EMAIL);
    await fill({ password: RESET_PASSWORD, recoveryCode: recoveryCodes[4]! });
    await submit('recover-account', 'mfaSetup');
    await expectText('notice', 'Recovery code accepted; it cannot be used again. Set up your new authenticator app.');
    await inbox.next(EMAIL, SUBJECTS.recoveryCodeUsed);
    const newSecret = await scanAuthenticator();
    expect(oldSecrets).not.toContain(newSecret);
    expect(newSecret).not.toBe(secret);
    await fill({ otp: await nextOtp(newSecret) });
    await submit('mfa-setup', 'recoveryCodes');
    oldSecrets.push(secret);
    secret = newSecret;
    const codes = await saveRecoveryCodes();
    expect(codes.filter((code) => recoveryCodes.includes(code))).toEqual([]);
    recoveryCodes = codes;
    await expectText('profile-mfa', 'On');
  });

  step('login-after-recovery', async () => {
    await logout();
    // The lost authenticator no longer signs in; the new one does.
    await startLogin(RESET_PASSWORD);
    await fill({ otp: await nextOtp(oldSecrets.at(-1)) });
    await submitRefused('verify-mfa', 'That code is not right. Check it and try again.');
    await loginWithTotp(RESET_PASSWORD);
  });

  step('delete-account-after-signing-in-again', async () => {
    // An hour later: the page refreshes its tokens, but the sign-in itself is too old to delete the account.
    clock.advance(61 * MINUTE);
    await page.clock.fastForward('01:01:00');
    expect(await page.getByTestId('delete-account').isDisabled()).toBe(true);
    await page.getByTestId('delete-confirm').check();
    await page.getByTestId('delete-account').click();
    await page.getByTestId('screen-reauthenticate').waitFor();
    await expectText('notice', 'For your security, confirm it is you: sign in again with your password and authenticator code.');
    await fill({ password: RESET_PASSWORD, otp: await nextOtp() });
    await submit('reauthenticate', 'signUp');
    await expectText('notice', 'Your account was deleted.');
    // The account is gone: its last password no longer signs in.
    await page.getByTestId('nav-login').click();
    await fill({ email: EMAIL, password: RESET_PASSWORD });
    await submitRefused('login', 'Incorrect e-mail or password, or your session has ended. Sign in again.');
  });
});
