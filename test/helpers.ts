import { afterEach, beforeEach, vi } from 'vitest';
import type { GatewayEvent } from '../functions/lib/event';
import { notificationMail, type NotificationKind } from '../functions/lib/templates';

/** Settings every function reads, as CDK sets them. */
export const TEST_ENV = {
  USER_POOL_ID: 'eu-west-1_TestPool1',
  USER_POOL_CLIENT_ID: 'testclientid1234567890',
  MFA_BUCKET: 'test-mfa-bucket',
  MFA_ISSUER: 'Test Gateway',
  SES_FROM_ADDRESS: 'no-reply@example.com',
  PASSKEYS_RELYING_PARTY_ID: 'app.example.com',
  AUTH_SESSION_MINUTES: '3',
  AWS_REGION: 'eu-west-1',
  AWS_ACCESS_KEY_ID: 'AKIDTEST',
  AWS_SECRET_ACCESS_KEY: 'test-secret',
  // TEST_RECOVERY_CODE_COST, below: deployed functions leave it unset (RECOVERY_CODE_COST).
  RECOVERY_CODE_COST: '16,1,1',
} as const;

export function useTestEnv(): void {
  Object.assign(process.env, TEST_ENV);
}

/** The event a resolver sends for `field`. */
export function gatewayEvent(field: string, input?: Record<string, unknown>, accessToken?: string): GatewayEvent {
  return { field, arguments: input === undefined ? {} : { input }, accessToken };
}

export const lambdaContext = { awsRequestId: 'req-1234' };

/** An AWS SDK service exception as the SDK throws it. */
export function awsError(name: string, message = name, fault: 'client' | 'server' = 'client'): Error {
  return Object.assign(new Error(message), { name, $fault: fault, $metadata: {} });
}

/** An unsigned JWT with the given claims, shaped like Cognito's. */
export function fakeJwt(claims: Record<string, unknown>): string {
  const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ alg: 'RS256', kid: 'test' })}.${part(claims)}.c2lnbmF0dXJl`;
}

interface RecordedCall {
  args: readonly unknown[];
}

/** Sinon numbers every call it records across all spies; its typings leave the number out. */
function callIdOf(call: RecordedCall): number {
  const id = (call as { callId?: unknown }).callId;
  if (typeof id !== 'number') throw new Error('The SDK mock recorded a call without a call id.');
  return id;
}

/**
 * Every call made to the given client mocks, in the order made across all of them, as
 * `[command without "Command", input]`: one assertion pins the exact requests and their order.
 */
type CallRecorder = { calls(): readonly RecordedCall[] };

export function awsCalls(...mocks: readonly CallRecorder[]): Array<[string, unknown]> {
  return mocks
    .flatMap((mock) => mock.calls())
    .sort((a, b) => callIdOf(a) - callIdOf(b))
    .map((call) => {
      const command = call.args[0] as { constructor: { name: string }; input: unknown };
      return [command.constructor.name.replace(/Command$/, ''), command.input];
    });
}

/** Just the command names of awsCalls. */
export const awsCallNames = (...mocks: readonly CallRecorder[]): string[] => awsCalls(...mocks).map(([name]) => name);

/**
 * A password hash that costs next to nothing, for tests that create many users: the emulator's
 * real cost (PASSWORD_COST, pinned in test/local/cognito/passwords.test.ts) takes tens of
 * milliseconds of CPU per password, and the suite signs up hundreds of users.
 */
export const TEST_PASSWORD_COST = { N: 16, r: 1, p: 1 } as const;

/**
 * The same for recovery codes: ten scrypt hashes at the deployed cost (RECOVERY_CODE_COST, pinned
 * in test/functions/lib/recoveryCodes.test.ts) are most of a second of CPU per enrolment. Function
 * tests get it as the RECOVERY_CODE_COST setting (TEST_ENV), offline stacks as `recoveryCodeCost`.
 */
export const TEST_RECOVERY_CODE_COST = { N: 16, r: 1, p: 1 } as const;

/** A fixed moment for tests that read the clock (`vi.setSystemTime(NOW)`). */
export const NOW = new Date('2025-01-31T09:00:00.000Z');
export const NOW_SECONDS = NOW.getTime() / 1000;

/** An access token from a sign-in `signedInSecondsAgo` before NOW, issued `issuedSecondsAgo` before NOW. */
export function accessTokenSignedIn(signedInSecondsAgo: number, issuedSecondsAgo = signedInSecondsAgo, claims: Record<string, unknown> = {}): string {
  return fakeJwt({
    sub: 'uuid-1',
    token_use: 'access',
    auth_time: NOW_SECONDS - signedInSecondsAgo,
    iat: NOW_SECONDS - issuedSecondsAgo,
    ...claims,
  });
}

/** Fakes only Date, at NOW, for every test of the file: tokens' `auth_time` and presigned expiries are fixed. */
export function useFixedClock(): void {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(NOW);
  });
  afterEach(() => {
    vi.useRealTimers();
  });
}

/** Tokens an operation needing a recent sign-in (ten minutes by default) must refuse as stale. */
export const STALE_SIGN_INS: ReadonlyArray<readonly [string, string]> = [
  ['a sign-in eleven minutes ago', accessTokenSignedIn(11 * 60)],
  // Refreshed a minute ago, but the password was given a day before that.
  ['a token refreshed long after the sign-in', accessTokenSignedIn(24 * 3600, 60)],
];

/** Tokens whose sign-in time cannot be read: refused as invalid. */
export const UNREADABLE_TOKENS: ReadonlyArray<readonly [string, string]> = [
  ['not a JWT', 'not-a-jwt'],
  ['a token without auth_time', fakeJwt({ sub: 'uuid-1', token_use: 'access', iat: NOW_SECONDS })],
  ['a token without iat', fakeJwt({ sub: 'uuid-1', token_use: 'access', auth_time: NOW_SECONDS })],
];

export const REAUTHENTICATE = {
  errorType: 'ReauthenticationRequired',
  message: 'This needs a recent sign-in: sign in again with your password and authenticator code (within 10 minutes).',
} as const;

export const BAD_TOKEN = { errorType: 'NotAuthorized', message: 'The access token is invalid, expired or revoked. Sign in again.' } as const;

/** GetUser's answer for the signed-in test user. */
export const SIGNED_IN_USER = {
  Username: 'uuid-1',
  UserAttributes: [
    { Name: 'sub', Value: 'uuid-1' },
    { Name: 'email', Value: 'ada@example.com' },
  ],
};

/** The SES request of a security notification of `kind` to `to`, as awsCalls lists it. */
export function notificationSent(to: string, kind: NotificationKind): [string, unknown] {
  const mail = notificationMail({ product: TEST_ENV.MFA_ISSUER, kind });
  return [
    'SendEmail',
    {
      FromEmailAddress: TEST_ENV.SES_FROM_ADDRESS,
      Destination: { ToAddresses: [to] },
      Content: {
        Simple: {
          Subject: { Data: mail.subject, Charset: 'UTF-8' },
          Body: { Html: { Data: mail.html, Charset: 'UTF-8' }, Text: { Data: mail.text, Charset: 'UTF-8' } },
        },
      },
    },
  ];
}

/** The IAM ARN an admin resolver passes on as the caller. */
export const OPERATOR_ARN = 'arn:aws:sts::123456789012:assumed-role/SupportOperator/jane';

/** The event an admin resolver sends for `field`: top-level arguments and the caller's ARN. */
export function adminEvent(field: string, args: Record<string, unknown> = {}, caller: string | null = OPERATOR_ARN): GatewayEvent {
  return { field, arguments: args, caller };
}

/** Cognito's AdminGetUser answer for the test user. */
export function adminGetUserAnswer(overrides: Record<string, unknown> = {}) {
  return {
    Username: 'uuid-1',
    UserAttributes: [
      { Name: 'sub', Value: 'uuid-1' },
      { Name: 'email', Value: 'ada@example.com' },
      { Name: 'name', Value: 'Ada Lovelace' },
    ],
    UserStatus: 'CONFIRMED' as const,
    Enabled: true,
    UserMFASettingList: ['SOFTWARE_TOKEN_MFA'],
    UserCreateDate: new Date('2026-01-02T03:04:05.000Z'),
    UserLastModifiedDate: new Date('2026-02-03T04:05:06.000Z'),
    ...overrides,
  };
}

/** The audit records (EMF lines) written to stdout during `work`. */
export async function auditRecordsOf(work: () => Promise<unknown>): Promise<Array<Record<string, unknown>>> {
  const lines: string[] = [];
  const original = process.stdout.write.bind(process.stdout);
  process.stdout.write = ((chunk: string | Uint8Array) => {
    lines.push(String(chunk));
    return true;
  }) as typeof process.stdout.write;
  try {
    await work();
  } finally {
    process.stdout.write = original;
  }
  return lines
    .flatMap((chunk) => chunk.split('\n'))
    .filter((line) => line.includes('"audit":"admin"'))
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}
