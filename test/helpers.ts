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
