import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generate } from 'otplib';
import type { Browser, Page } from 'playwright-core';
import { createServer, type ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spaConfig } from '../../examples/spa/vite.config';
import { ManualClock, SECOND } from '../../local/cognito/clock';
import { startStack, type LocalStack } from '../../local/stack';
import { codeOf, decodeQrDataUrl, Inbox, secretOf, temporaryPasswordOf } from '../flow/client';
import { launchChromium } from './browser';

/**
 * The example SPA in Chromium against the offline stack, as a user goes through it: sign up,
 * the temporary password from the mailbox, MFA set-up from the secret on the page, profile,
 * password change, logout, login with TOTP, password reset by mail, account deletion. The stack's
 * clock is a ManualClock moved one 30-second step before each authenticator code, since Cognito
 * refuses a code whose step was already used.
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

const SUBJECTS = { invitation: /^Your .+ account$/, reset: /^Reset your .+ password$/ };

let dataDir: string;
let stack: LocalStack;
let vite: ViteDevServer;
let browser: Browser;
let page: Page;
let inbox: Inbox;
const clock = new ManualClock();
let secret: string;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'auth-gateway-spa-'));
  stack = await startStack({ dataDir, fresh: true, ports: ALL_FREE, clock });
  inbox = new Inbox(stack.info.mailboxUrl);
  const config = spaConfig({ graphqlUrl: stack.info.graphqlUrl, apiKey: stack.info.apiKey });
  vite = await createServer({ ...config, configFile: false, logLevel: 'warn', server: { ...config.server, port: 0, strictPort: true } });
  await vite.listen();
  const url = vite.resolvedUrls?.local[0];
  if (!url) throw new Error('The Vite dev server did not say where it listens.');
  browser = await launchChromium();
  page = await browser.newPage();
  page.setDefaultTimeout(WAIT_MS);
  page.setDefaultNavigationTimeout(30_000);
  await page.goto(url);
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

/** The code the authenticator app shows in the next 30-second step. */
function nextOtp(): Promise<string> {
  clock.advance(30 * SECOND);
  return generate({ secret, epoch: Math.floor(clock.now().getTime() / 1000) });
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

async function text(testId: string): Promise<string> {
  return (await page.getByTestId(testId).textContent()) ?? '';
}

/** Waits until the element shows exactly this text. */
async function expectText(testId: string, expected: string): Promise<void> {
  await page.getByTestId(testId).filter({ hasText: expected }).waitFor();
  expect(await text(testId)).toBe(expected);
}

async function loginWithTotp(password: string): Promise<void> {
  await page.getByTestId('nav-login').click();
  await fill({ email: EMAIL, password });
  await submit('login', 'verifyMfa');
  await fill({ otp: await nextOtp() });
  await submit('verify-mfa', 'profile');
  await expectText('profile-email', EMAIL);
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
    secret = await text('mfa-secret');
    expect(secret).toMatch(/^[A-Z2-7]+=*$/);
    // The QR code carries the same secret as the text, as an authenticator's camera reads it.
    const qr = await page.getByTestId('mfa-qr').getAttribute('src');
    expect(secretOf(decodeQrDataUrl(qr ?? ''))).toBe(secret);
    await fill({ otp: await nextOtp() });
    await submit('mfa-setup', 'profile');
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

  step('change-password', async () => {
    await page.getByTestId('nav-change-password').click();
    await fill({ oldPassword: PASSWORD, newPassword: CHANGED_PASSWORD });
    await submit('change-password', 'profile');
    await expectText('notice', 'Password changed.');
    // The profile is read again from the gateway after the change.
    await expectText('profile-full-name', 'Ada King');
  });

  step('logout', async () => {
    await page.getByTestId('logout').click();
    await page.getByTestId('screen-login').waitFor();
    await expectText('notice', 'Signed out on every device.');
  });

  step('wrong-password', async () => {
    await fill({ email: EMAIL, password: PASSWORD });
    await page.getByTestId('login-submit').click();
    await expectText('error', 'Incorrect e-mail or password, or your session has ended. Sign in again.');
    expect(await page.getByTestId('screen-login').isVisible()).toBe(true);
  });

  step('login', async () => {
    await loginWithTotp(CHANGED_PASSWORD);
    await expectText('profile-full-name', 'Ada King');
    await page.getByTestId('logout').click();
    await page.getByTestId('screen-login').waitFor();
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

  step('delete-account', async () => {
    expect(await page.getByTestId('delete-account').isDisabled()).toBe(true);
    await page.getByTestId('delete-confirm').check();
    await page.getByTestId('delete-account').click();
    await page.getByTestId('screen-signUp').waitFor();
    await expectText('notice', 'Your account was deleted.');
    // The account is gone: its last password no longer signs in.
    await page.getByTestId('nav-login').click();
    await fill({ email: EMAIL, password: RESET_PASSWORD });
    await page.getByTestId('login-submit').click();
    await expectText('error', 'Incorrect e-mail or password, or your session has ended. Sign in again.');
  });
});
