import type { GatewayEvent } from '../functions/lib/event';

/** Settings every function reads, as CDK sets them. */
export const TEST_ENV = {
  USER_POOL_ID: 'eu-west-1_TestPool1',
  USER_POOL_CLIENT_ID: 'testclientid1234567890',
  MFA_BUCKET: 'test-mfa-bucket',
  MFA_ISSUER: 'Test Gateway',
  SES_FROM_ADDRESS: 'no-reply@example.com',
  AWS_REGION: 'eu-west-1',
  AWS_ACCESS_KEY_ID: 'AKIDTEST',
  AWS_SECRET_ACCESS_KEY: 'test-secret',
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
