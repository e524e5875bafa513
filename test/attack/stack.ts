import { mkdtemp } from 'node:fs/promises';
import { join } from 'node:path';
import { generate } from 'otplib';
import { beforeAll, inject } from 'vitest';
import { loadEnvironment } from '../../infra/config';
import { asyncInvocationsSettled } from '../../local/appsync/lambda';
import { ManualClock } from '../../local/cognito/clock';
import { startStack, type LocalStack } from '../../local/stack';
import { dataOf, graphqlClient, Inbox, temporaryPasswordOf, type Gql } from '../flow/client';
import { TEST_PASSWORD_COST, TEST_RECOVERY_CODE_COST } from '../helpers';

/**
 * The offline stack as an attacker meets it: only the public GraphQL endpoint and its API key (an
 * API key in a single-page app is no secret). The mailbox stands in for the victims' inboxes.
 */

const env = loadEnvironment('dev');
export const PRODUCT = env.mfa.issuer;
/** Meets the dev password policy. */
export const PASSWORD = 'Attack-Suite-Pass-1!';

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
export const SUBJECTS = {
  invitation: new RegExp(`^Your ${escape(PRODUCT)} account$`),
  reset: new RegExp(`^Reset your ${escape(PRODUCT)} password$`),
};

export const Q = {
  createUser: 'mutation ($input: CreateUserInput!) { createUser(input: $input) { userId email status } }',
  confirmUser: 'mutation ($input: ConfirmUserInput!) { confirmUser(input: $input) { userId mfaSetup { session secretCode } } }',
  confirmMfa: 'mutation ($input: ConfirmMfaInput!) { confirmMfa(input: $input) { tokens { idToken accessToken refreshToken } } }',
  login: 'mutation ($input: LoginInput!) { login(input: $input) { verificationType verificationSession } }',
  forgotPassword: 'mutation ($input: ForgotPasswordInput!) { forgotPassword(input: $input) { email status deliveryDestination } }',
  resendTemporaryPassword:
    'mutation ($input: ResendTemporaryPasswordInput!) { resendTemporaryPassword(input: $input) { email status } }',
  resendMfaQrCode: 'mutation ($input: ResendMfaQrCodeInput!) { resendMfaQrCode(input: $input) { email status } }',
  me: 'query ($accessToken: String) { me(accessToken: $accessToken) { userId email } }',
} as const;

export interface Tokens {
  idToken: string;
  accessToken: string;
  refreshToken: string;
}

export interface AttackStack {
  stack(): LocalStack;
  gql: Gql;
  inbox(): Inbox;
  clock: ManualClock;
  /** POSTs a raw body to the GraphQL endpoint with the API key. */
  raw(body: string, headers?: Record<string, string>, method?: string, path?: string): Promise<Response>;
  /** Waits until every queued (asynchronously invoked) function has finished. */
  settled(): Promise<void>;
  /** An invited user who has not confirmed: still on the temporary password. */
  invite(email: string): Promise<string>;
  /** A user who finished sign-up and MFA enrolment, with their tokens. */
  signUp(email: string): Promise<Tokens>;
}

/**
 * One stack per test process, shared by the attack files that run in it: they start it the same
 * way and use addresses of their own, and a stack per file started every function anew in each
 * (about a fifth of their CPU time). It ends with the process; its folder is in the run's scratch
 * folder, which the global setup (test/setup/bundles.ts) removes once every file has run.
 */
let shared: Promise<LocalStack> | undefined;
const clock = new ManualClock();

async function sharedStack(): Promise<LocalStack> {
  shared ??= mkdtemp(join(inject('scratchDir'), 'attack-')).then((dataDir) =>
    startStack({ dataDir, ports: { graphql: 0, cognito: 0, s3: 0, ses: 0 }, clock, passwordCost: TEST_PASSWORD_COST, recoveryCodeCost: TEST_RECOVERY_CODE_COST }),
  );
  // A stack that failed to start is not kept: the next file tries again.
  return shared.catch((err: unknown) => {
    shared = undefined;
    throw err;
  });
}

export function useAttackStack(): AttackStack {
  let stack: LocalStack | undefined;
  let gqlClient: Gql | undefined;
  let mailbox: Inbox | undefined;

  beforeAll(async () => {
    stack = await sharedStack();
    gqlClient = graphqlClient(stack.info);
    mailbox = new Inbox(stack.info.mailboxUrl);
  });

  const running = () => {
    if (!stack) throw new Error('The stack has not started.');
    return stack;
  };
  const gql: Gql = (query, variables, options) => gqlClient!(query, variables, options);
  const inbox = () => mailbox!;

  const invite = async (email: string) => {
    dataOf(await gql(Q.createUser, { input: { email, fullName: 'Attack Target' } }));
    return temporaryPasswordOf(await inbox().next(email, SUBJECTS.invitation));
  };

  return {
    stack: running,
    gql,
    inbox,
    clock,
    raw: (body, headers = {}, method = 'POST', path = '/graphql') =>
      fetch(new URL(path, running().info.graphqlUrl), {
        method,
        headers: { 'content-type': 'application/json', 'x-api-key': running().info.apiKey, ...headers },
        body: method === 'GET' || method === 'HEAD' ? undefined : body,
      }),
    settled: asyncInvocationsSettled,
    invite,
    async signUp(email) {
      const temporaryPassword = await invite(email);
      const confirmed = dataOf(
        await gql<{ confirmUser: { mfaSetup: { session: string; secretCode: string } } }>(Q.confirmUser, {
          input: { email, temporaryPassword, newPassword: PASSWORD },
        }),
      ).confirmUser.mfaSetup;
      const otp = await generate({ secret: confirmed.secretCode, epoch: Math.floor(clock.now().getTime() / 1000) });
      const done = dataOf(
        await gql<{ confirmMfa: { tokens: Tokens } }>(Q.confirmMfa, { input: { email, session: confirmed.session, otp } }),
      );
      return done.confirmMfa.tokens;
    },
  };
}

/** Text no answer may carry: stack traces, file paths, AWS exception names, SDK metadata. */
export const LEAKS: ReadonlyArray<[string, RegExp]> = [
  ['a stack frame', /\bat [\w.<>]+ \(|\n\s+at /],
  ['a file path', /(?:\/[\w.-]+){2,}\.(?:ts|js|mjs|cjs)\b|node_modules|\/work\/|file:\/\//],
  ['SDK metadata', /\$metadata|\$fault|httpStatusCode|requestId":"[^"]*-[^"]*","attempts/],
  ['an AWS service exception', /\b(?!Unauthorized|MalformedHttpRequest|NotFound)[A-Z][a-zA-Z]+Exception\b/],
];

/** The leaks `text` shows, by name. */
export function leaksIn(text: string): string[] {
  return LEAKS.filter(([, pattern]) => pattern.test(text)).map(([name]) => name);
}
