import { describe, expect, it, vi } from 'vitest';
import * as v from 'valibot';
import { adminOperations, functionOperations, invocationOf } from '../operations';

/** AppSync's util.error stops the resolver and becomes a GraphQL error; the stand-in throws. */
class ResolverError extends Error {
  constructor(
    message: string,
    readonly errorType?: string,
    readonly data?: unknown,
    readonly errorInfo?: unknown,
  ) {
    super(message);
  }
}

vi.mock('@aws-appsync/utils', () => ({
  util: {
    error: (message: string, errorType?: string, data?: unknown, errorInfo?: unknown) => {
      throw new ResolverError(message, errorType, data, errorInfo);
    },
    matches: (pattern: string, value: string) => new RegExp(`^(?:${pattern})$`).test(value),
  },
}));

interface FakeContext {
  arguments: Record<string, unknown>;
  request: { headers: Record<string, string> };
  info: { fieldName: string };
  identity: unknown;
  error?: { message: string; type: string };
  result?: unknown;
}

function context(fieldName: string, args: Record<string, unknown>, headers: Record<string, string> = {}, identity: unknown = null): FakeContext {
  return { arguments: args, request: { headers }, info: { fieldName }, identity };
}

// The resolvers that invoke a function; those calling Cognito themselves have their own tests in test/resolvers/.
const sync = functionOperations.filter((op) => invocationOf(op.field) === 'RequestResponse').map((op) => [op.field, op] as const);
const queued = functionOperations.filter((op) => invocationOf(op.field) === 'Event').map((op) => [op.field] as const);

/** The fixed answers of the asynchronously invoked operations, for input { email: ' Ada@Example.com ', fullName: 'Ada' }. */
const NEUTRAL: Record<string, unknown> = {
  createUser: { userId: null, email: 'ada@example.com', status: 'CREATED' },
  forgotPassword: { email: 'ada@example.com', status: 'PASSWORD_FORGOT_CONFIRMATION_SENT', deliveryDestination: 'a***@e***' },
  resendTemporaryPassword: { email: 'ada@example.com', status: 'TEMPORARY_PASSWORD_SENT' },
};

describe.each(queued)('resolvers/%s.ts (invoked asynchronously)', (field) => {
  const load = () => import(`../resolvers/${field}.ts`);
  const args = { input: { email: ' Ada@Example.com ', fullName: 'Ada' } };

  it('queues the function with invocationType Event, as operations.ts says', async () => {
    const { request } = await load();
    expect(request(context(field, args, { authorization: 'Bearer abc.def.ghi' }))).toEqual({
      operation: 'Invoke',
      invocationType: 'Event',
      payload: { field, arguments: args, accessToken: 'abc.def.ghi' },
    });
  });

  it('answers the same fixed result whatever the function did', async () => {
    const { response } = await load();
    expect(NEUTRAL[field]).toBeDefined();
    expect(response({ ...context(field, args), result: null })).toEqual(NEUTRAL[field]);
    const failed = { error: { errorType: 'UserAlreadyExists', message: 'An account already exists.' } };
    expect(response({ ...context(field, args), result: failed })).toEqual(NEUTRAL[field]);
  });

  it('answers InternalError when the event could not be queued', async () => {
    const { response } = await load();
    const ctx = { ...context(field, args), error: { message: 'Rate exceeded', type: 'Lambda:TooManyRequestsException' } };
    expect(() => response(ctx)).toThrow(expect.objectContaining({ errorType: 'InternalError' }));
  });

  it('refuses an e-mail address longer than Cognito keeps', async () => {
    const { request } = await load();
    const long = { input: { email: `${'a'.repeat(250)}@example.com`, fullName: 'Ada' } };
    expect(() => request(context(field, long))).toThrow(expect.objectContaining({ errorType: 'ValidationError' }));
  });
});

describe('resolvers/createUser.ts input checks', () => {
  it.each([
    [{ email: 'a@example.com', fullName: '  ' }, 'The full name cannot be empty.'],
    [{ email: 'a@example.com', fullName: 'x'.repeat(257) }, 'The full name is at most 256 characters.'],
    [{ email: 'a@example.com', fullName: 'X', phoneNumber: '0770 090' }, 'Use E.164 phone numbers, such as +447700900123.'],
  ])('refuses %o with a ValidationError before anything is queued', async (input, message) => {
    const { request } = await import('../resolvers/createUser');
    expect(() => request(context('createUser', { input }) as never)).toThrow(
      expect.objectContaining({ errorType: 'ValidationError', message }),
    );
  });
});

describe.each(adminOperations.map((op) => [op.field, op] as const))('resolvers/%s.ts (IAM)', (field) => {
  const load = () => import(`../resolvers/${field}.ts`);
  const iamIdentity = { accountId: '123456789012', userArn: 'arn:aws:iam::123456789012:user/jane', username: 'AIDAEXAMPLE', sourceIp: ['127.0.0.1'] };

  it("invokes the function with the field name, the arguments and the signer's ARN, and no token", async () => {
    const { request } = await load();
    const args = { email: 'a@example.com' };
    const signature = { authorization: 'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20260101/eu-west-1/appsync/aws4_request, SignedHeaders=host, Signature=abc' };
    expect(request(context(field, args, signature, iamIdentity))).toEqual({
      operation: 'Invoke',
      payload: { field, arguments: args, caller: 'arn:aws:iam::123456789012:user/jane' },
    });
  });

  it('passes no caller when AppSync names no IAM identity', async () => {
    const { request } = await load();
    expect(request(context(field, {})).payload.caller).toBeNull();
  });
});

describe.each(sync)('resolvers/%s.ts', (field, op) => {
  const load = () => import(`../resolvers/${field}.ts`);
  // Token handling applies to the API-key fields; admin fields are covered above.
  const userOnly = (op.auth === 'apiKey' ? it : () => undefined) as typeof it;

  userOnly('invokes the function with the field name and arguments', async () => {
    const { request } = await load();
    const args = { input: { email: 'a@example.com' } };
    expect(request(context(field, args))).toEqual({
      operation: 'Invoke',
      payload: { field, arguments: args, accessToken: null },
    });
  });

  userOnly('reads the access token from the Authorization header, with or without Bearer', async () => {
    const { request } = await load();
    expect(request(context(field, {}, { authorization: 'Bearer abc.def.ghi' })).payload.accessToken).toBe('abc.def.ghi');
    expect(request(context(field, {}, { authorization: 'bearer  abc.def.ghi ' })).payload.accessToken).toBe('abc.def.ghi');
    expect(request(context(field, {}, { authorization: 'abc.def.ghi' })).payload.accessToken).toBe('abc.def.ghi');
  });

  userOnly('prefers the accessToken argument over the header', async () => {
    const { request } = await load();
    const ctx = context(field, { accessToken: 'from.argument' }, { authorization: 'Bearer from.header' });
    expect(request(ctx).payload.accessToken).toBe('from.argument');
  });

  it('returns the data of a successful result', async () => {
    const { response } = await load();
    const ctx = { ...context(field, {}), result: { data: { ok: 1 } } };
    expect(response(ctx)).toEqual({ ok: 1 });
  });

  it('raises a typed failure as a GraphQL error', async () => {
    const { response } = await load();
    const ctx = { ...context(field, {}), result: { error: { errorType: 'CodeMismatch', message: 'The code is incorrect.' } } };
    expect(() => response(ctx)).toThrow(expect.objectContaining({ message: 'The code is incorrect.', errorType: 'CodeMismatch', errorInfo: null }));
  });

  it('passes the request id of an InternalError in errorInfo', async () => {
    const { response } = await load();
    const error = { errorType: 'InternalError', message: 'Something went wrong.', requestId: 'r-1' };
    expect(() => response({ ...context(field, {}), result: { error } })).toThrow(
      expect.objectContaining({ errorType: 'InternalError', errorInfo: { requestId: 'r-1' } }),
    );
  });

  it('hides the message of a crashed function', async () => {
    const { response } = await load();
    const ctx = { ...context(field, {}), error: { message: 'Task timed out after 10.01 seconds', type: 'Lambda:Unhandled' } };
    expect(() => response(ctx)).toThrow(expect.objectContaining({ errorType: 'InternalError' }));
    expect(() => response(ctx)).not.toThrow(/timed out/);
  });
});

describe('the e-mail rule of asynchronously invoked operations', () => {
  it.each([
    ['nobody@localhost', false],
    ['a.b+c@mail.example.org', true],
    ['.a@example.com', false],
    ['a@example.c0m', false],
  ])('%s passes: %s, as the functions decide', async (email, passes) => {
    const { request } = await import('../resolvers/forgotPassword');
    const { email: rule } = await import('../functions/lib/validate');
    expect(v.safeParse(rule, email).success).toBe(passes);
    const run = () => request(context('forgotPassword', { input: { email } }) as never);
    if (passes) expect(run).not.toThrow();
    else expect(run).toThrow(expect.objectContaining({ errorType: 'ValidationError', message: 'Enter a valid e-mail address.' }));
  });
});
